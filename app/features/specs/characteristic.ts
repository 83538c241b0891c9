// One characteristic's rule: the acceptance limits its readings are judged
// against, how its requirement is written, and what keeps it from being
// judged. The spec page, the version diff, the measurement grid, the judge,
// the CSV and the printable report all ask here, so they cannot give two
// answers. Plain functions over plain data: they run in the browser and on the
// server alike. The decisions are in docs/decisions/010-characteristic-limits.md.

import { addDecimal, compareDecimal, decimalsOf, isDecimal, negateDecimal, sameDecimal } from "~/lib/decimal.ts";
import type { CharacteristicKind } from "./snapshot.ts";

/** What the rule reads: a snapshot, or an editor row before it is saved (missing is undefined there). */
export interface CharacteristicValues {
  kind: CharacteristicKind;
  nominal?: string | null;
  lowerTol?: string | null;
  upperTol?: string | null;
}

/** Acceptance limits as exact decimals; null on a side means no limit there ("at least 50 N"). */
export interface Limits {
  lower: string | null;
  upper: string | null;
}

export type LimitField = "nominal" | "lowerTol" | "upperTol";

export interface LimitProblem {
  code: "not-a-number" | "no-nominal" | "no-tolerance" | "limits-crossed";
  field: LimitField;
  /** For the editor, next to the field. */
  message: string;
  /** For readers of a published version: what follows "cannot be judged: ". */
  reason: string;
}

export type Acceptance = { kind: "pass-fail" } | { kind: "limits"; limits: Limits } | { kind: "cannot-judge"; problem: LimitProblem };

/** Tolerances and readings are stored as Decimal(18,6): what fits exactly. */
export const MAX_INTEGER_DIGITS = 12;
export const MAX_DECIMALS = 6;

export const CANNOT_BE_JUDGED = "Cannot be judged";

const FIELD_LABELS: Record<LimitField, string> = { nominal: "Nominal", lowerTol: "Lower tolerance", upperTol: "Upper tolerance" };

/** Missing, empty and blank are one thing to a reader. */
function present(value: string | null | undefined): string | null {
  const trimmed = value?.trim() ?? "";
  return trimmed === "" ? null : trimmed;
}

/**
 * Why a measured characteristic cannot be judged, in the order the editor
 * should show them; none for a visual check. The rule: limits are counted from
 * the nominal, so a tolerance without a nominal means nothing; a nominal needs
 * at least one tolerance (one is a minimum or a maximum); and the lower limit
 * may not lie above the upper one.
 */
export function limitProblems(c: CharacteristicValues): LimitProblem[] {
  if (c.kind === "ATTRIBUTE") return [];
  const nominal = present(c.nominal);
  const lowerTol = present(c.lowerTol);
  const upperTol = present(c.upperTol);
  const problems: LimitProblem[] = [];
  for (const [field, value] of [
    ["nominal", nominal],
    ["lowerTol", lowerTol],
    ["upperTol", upperTol],
  ] as const) {
    if (value !== null && !isDecimal(value)) {
      problems.push({
        code: "not-a-number",
        field,
        message: `${FIELD_LABELS[field]} must be a number`,
        reason: `${FIELD_LABELS[field].toLowerCase()} is not a number`,
      });
    }
  }
  if (nominal === null) {
    problems.push({
      code: "no-nominal",
      field: "nominal",
      message: "Enter the nominal value: the tolerances are counted from it",
      reason: "no nominal value",
    });
  }
  if (lowerTol === null && upperTol === null) {
    problems.push({ code: "no-tolerance", field: "upperTol", message: "Give at least one tolerance", reason: "no tolerance" });
  }
  if (lowerTol !== null && upperTol !== null && isDecimal(lowerTol) && isDecimal(upperTol) && compareDecimal(lowerTol, upperTol) > 0) {
    problems.push({
      code: "limits-crossed",
      field: "lowerTol",
      message: "The lower tolerance must not be above the upper one",
      reason: "the lower limit is above the upper one",
    });
  }
  return problems;
}

/** How a characteristic is judged: pass / fail by eye, against limits, or not at all. */
export function acceptanceOf(c: CharacteristicValues): Acceptance {
  if (c.kind === "ATTRIBUTE") return { kind: "pass-fail" };
  const [problem] = limitProblems(c);
  if (problem) return { kind: "cannot-judge", problem };
  const nominal = present(c.nominal)!;
  const lowerTol = present(c.lowerTol);
  const upperTol = present(c.upperTol);
  // Each limit keeps the larger precision of nominal and tolerance: 10.0 + 0.05 is 10.05, 10.00 − 0.10 is 9.90.
  return {
    kind: "limits",
    limits: { lower: lowerTol === null ? null : addDecimal(nominal, lowerTol), upper: upperTol === null ? null : addDecimal(nominal, upperTol) },
  };
}

/** The limits readings are judged against; null for a visual check and for what cannot be judged. */
export function limitsOf(c: CharacteristicValues): Limits | null {
  const acceptance = acceptanceOf(c);
  return acceptance.kind === "limits" ? acceptance.limits : null;
}

/** "no nominal value" when a measured characteristic cannot be judged; null when it can (visual checks included). */
export function whyNotJudged(c: CharacteristicValues): string | null {
  const acceptance = acceptanceOf(c);
  return acceptance.kind === "cannot-judge" ? acceptance.problem.reason : null;
}

/** The same window on both sides, however each is spelt ("94.50" is "94.5"). */
export function sameLimits(a: Limits, b: Limits): boolean {
  return sameDecimal(a.lower, b.lower) && sameDecimal(a.upper, b.upper);
}

/** The most decimals the spec writer used on this characteristic: what a reading of it is reported to. */
export function precisionOf(c: CharacteristicValues): number {
  const written = [c.nominal, c.lowerTol, c.upperTol].map(present).filter((v): v is string => v !== null && isDecimal(v));
  return Math.max(0, ...written.map(decimalsOf));
}

// ---------------------------------------------------------------------------
// Display. Values are shown as the spec writer typed them ("0.60" stays
// 0.60: precision is part of the requirement), with a real minus sign.

const MINUS = "\u2212";

/** A decimal as shown to people: "−0.05", "12.50". */
export const displayNumber = (value: string) => (value.startsWith("-") ? `${MINUS}${value.slice(1)}` : value);

/** A tolerance with its sign: "+0.10", "−0.05", and a zero tolerance as plain "0". */
function displayTolerance(value: string): string {
  if (!isDecimal(value)) return value;
  if (compareDecimal(value, "0") === 0) return value.replace(/^[+-]/, "");
  return value.startsWith("-") ? displayNumber(value) : `+${value.replace(/^\+/, "")}`;
}

function unitOf(c: { unit?: string | null }): string {
  const unit = c.unit?.trim() ?? "";
  return unit ? ` ${unit}` : "";
}

/** "± 0.05", "+0.10 / −0.05": equal tolerances written once, as on a drawing; upper first. */
function toleranceText(lowerTol: string | null, upperTol: string | null): string {
  if (lowerTol !== null && upperTol !== null && isDecimal(lowerTol) && isDecimal(upperTol) && compareDecimal(upperTol, "0") > 0) {
    // Symmetric only when written alike too: "+0.050 / −0.05" asks for different precision on each side.
    if (sameDecimal(lowerTol, negateDecimal(upperTol)) && decimalsOf(lowerTol) === decimalsOf(upperTol)) return `± ${upperTol.replace(/^\+/, "")}`;
  }
  return [upperTol, lowerTol]
    .filter((v): v is string => v !== null)
    .map(displayTolerance)
    .join(" / ");
}

/**
 * The requirement as written on a drawing: "10.00 ± 0.05 mm", "82 +0.3 / −0.2 mm",
 * for a one-sided limit the plain "at least 50 N", "Pass / fail" for a visual
 * check, and what is written plus "(cannot be judged: …)" for a measured
 * characteristic the rule cannot judge.
 */
export function requirementText(c: CharacteristicValues & { unit?: string | null }): string {
  const acceptance = acceptanceOf(c);
  if (acceptance.kind === "pass-fail") return "Pass / fail";
  const nominal = present(c.nominal);
  const lowerTol = present(c.lowerTol);
  const upperTol = present(c.upperTol);
  const unit = unitOf(c);
  if (acceptance.kind === "limits") {
    const { lower, upper } = acceptance.limits;
    if (upper === null) return `at least ${displayNumber(lower!)}${unit}`;
    if (lower === null) return `at most ${displayNumber(upper)}${unit}`;
  }
  const written = [nominal === null ? null : displayNumber(nominal), toleranceText(lowerTol, upperTol)].filter(Boolean).join(" ");
  if (acceptance.kind === "limits") return `${written}${unit}`;
  const cannot = `${CANNOT_BE_JUDGED.toLowerCase()}: ${acceptance.problem.reason}`;
  return written ? `${written}${unit} (${cannot})` : `${CANNOT_BE_JUDGED}: ${acceptance.problem.reason}`;
}

/** The acceptance limits in plain words: "94.5 – 95.5 mm", "at least 50 N", "pass / fail", "cannot be judged: no nominal value". */
export function limitsText(c: CharacteristicValues & { unit?: string | null }): string {
  const acceptance = acceptanceOf(c);
  if (acceptance.kind === "pass-fail") return "pass / fail";
  if (acceptance.kind === "cannot-judge") return `${CANNOT_BE_JUDGED.toLowerCase()}: ${acceptance.problem.reason}`;
  const { lower, upper } = acceptance.limits;
  const unit = unitOf(c);
  if (lower !== null && upper !== null) return `${displayNumber(lower)} – ${displayNumber(upper)}${unit}`;
  if (lower !== null) return `at least ${displayNumber(lower)}${unit}`;
  return `at most ${displayNumber(upper!)}${unit}`;
}
