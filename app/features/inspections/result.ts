// The result of an inspection, computed from what was recorded and never typed: per defect class
// the defects found against the plan's Ac/Re, the measured characteristics against their
// tolerances (judged by the first article's judge, whose limits come from the characteristic's
// one rule), and overall PASS only when every class and every measured characteristic passes.
//
// Packaging and marking checks: a check answered FAIL counts as one MAJOR defect found (a wrong
// carton mark or a missing insert is a defect of the lot as shipped, and ISO 2859-1 counts
// nonconformities by class). So failed checks can fail the lot through the major class, and the
// switching rules read them the same way. They are also listed, so the result can name them.
import { judgeCell } from "~/features/first-articles/judge.ts";
import type { CharacteristicSnapshot } from "~/features/specs/snapshot.ts";
import { DEFECT_CLASSES, type DefectClass, type InspectionPlan } from "./plan.ts";
import type { ClassOutcome } from "./switching.ts";

export type CheckAnswer = "PASS" | "FAIL" | "NOT_APPLICABLE";

/** The class a failed packaging or marking check is counted in. */
export const FAILED_CHECK_CLASS: DefectClass = "MAJOR";

export interface ResultInput {
  plan: InspectionPlan;
  defects: readonly { class: DefectClass; count: number }[];
  /** Each measured characteristic with its readings as typed, one per unit of the measured sample. */
  measured: readonly { characteristic: CharacteristicSnapshot; readings: readonly string[] }[];
  checks: readonly { key: string; label: string; result: CheckAnswer | null }[];
}

export interface ClassResult {
  defectClass: DefectClass;
  /** Defects tallied in the class, plus failed checks for the major class. */
  found: number;
  accept: number;
  reject: number;
  /** null: zero defects allowed (common practice, not an ISO AQL). */
  aql: string | null;
  passed: boolean;
}

export interface MeasuredResult {
  key: string;
  number: string;
  name: string;
  /** Readings outside tolerance. */
  failing: number;
  /** Units of the measured sample with no reading (or one that is not a value): they fail nothing, but nothing passes. */
  missing: number;
  passed: boolean;
}

export interface InspectionOutcome {
  result: "PASS" | "FAIL";
  accepted: boolean;
  classes: ClassResult[];
  measured: MeasuredResult[];
  failedChecks: { key: string; label: string }[];
  /** What the switching rules read of the lot (switching.ts). */
  switching: ClassOutcome[];
}

/** A characteristic passes when every reading is within tolerance (a reading with no limits to judge by fails nothing). */
function measuredResult(c: CharacteristicSnapshot, readings: readonly string[]): MeasuredResult {
  let failing = 0;
  let unread = 0;
  for (const raw of readings) {
    const { verdict } = judgeCell(c, raw);
    if (verdict === "fail") failing++;
    else if (verdict === "empty" || verdict === "invalid") unread++;
  }
  return { key: c.key, number: c.number, name: c.name, failing, missing: unread, passed: failing === 0 && unread === 0 };
}

export function inspectionResult(input: ResultInput): InspectionOutcome {
  const failedChecks = input.checks.filter((c) => c.result === "FAIL").map(({ key, label }) => ({ key, label }));
  const classes = DEFECT_CLASSES.map((defectClass): ClassResult => {
    const plan = input.plan.classes[defectClass];
    const tallied = input.defects.filter((d) => d.class === defectClass).reduce((sum, d) => sum + Math.max(0, d.count), 0);
    const found = tallied + (defectClass === FAILED_CHECK_CLASS ? failedChecks.length : 0);
    return { defectClass, found, accept: plan.accept, reject: plan.reject, aql: plan.aql, passed: found <= plan.accept };
  });
  const measured = input.measured.map((m) => measuredResult(m.characteristic, m.readings));
  const accepted = classes.every((c) => c.passed) && measured.every((m) => m.passed);
  const switching = DEFECT_CLASSES.map((defectClass, i): ClassOutcome => {
    const plan = input.plan.classes[defectClass];
    return { plan: { codeLetter: plan.codeLetter, accept: plan.accept }, aql: plan.aql, found: classes[i]!.found };
  });
  return { result: accepted ? "PASS" : "FAIL", accepted, classes, measured, failedChecks, switching };
}
