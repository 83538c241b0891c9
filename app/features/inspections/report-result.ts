// The result an inspection's findings give under its plan, computed, never typed: each class
// against its Ac/Re, and the measured characteristics against their tolerances.
import type { InspectionResult } from "~/generated/prisma/client.ts";
import { DEFECT_CLASSES, type DefectClass, type InspectionPlan } from "./plan.ts";

/** A class's plan against what was found: accepted while found ≤ Ac, not accepted from Re. */
export interface ReportClass {
  class: DefectClass;
  /** null: zero defects allowed (common practice, not an ISO AQL). */
  aql: string | null;
  codeLetter: string;
  sampleSize: number;
  accept: number;
  reject: number;
  fullInspection: boolean;
  found: number;
  verdict: "accept" | "reject";
}

/** Each class against its Ac/Re. */
export function classesOf(plan: InspectionPlan, defects: readonly { class: string; count: number }[]): ReportClass[] {
  return DEFECT_CLASSES.map((c) => {
    const p = plan.classes[c];
    const found = defects.filter((d) => d.class === c).reduce((sum, d) => sum + d.count, 0);
    return {
      class: c,
      aql: p.aql,
      codeLetter: p.codeLetter,
      sampleSize: p.sampleSize,
      accept: p.accept,
      reject: p.reject,
      fullInspection: p.fullInspection,
      found,
      verdict: found >= p.reject ? "reject" : "accept",
    };
  });
}

/** The result the findings give, or null while the inspection has not been submitted (nothing complete to judge). */
export function computedResult(submitted: boolean, classes: readonly ReportClass[], rows: readonly { verdict: string }[]): InspectionResult | null {
  if (!submitted) return null;
  return classes.every((c) => c.verdict === "accept") && rows.every((r) => r.verdict !== "fail") ? "PASS" : "FAIL";
}
