// One characteristic's rule: the acceptance limits its readings are judged
// against, how its requirement is written, and what keeps it from being
// judged. The spec page, the version diff, the measurement grid, the judge,
// the CSV and the printable report all ask here, so they cannot give two
// answers. The rule computes data; the words come last, from the reader's
// catalogue (a `Translate<"specs">`) with their locale's decimal sign. Plain
// functions over plain data: they run in the browser and on the server alike.
// The decisions are in docs/decisions/010-characteristic-limits.md.

import { addDecimal, compareDecimal, decimalsOf, isDecimal, negateDecimal, sameDecimal } from "~/lib/decimal.ts";
import { message } from "~/lib/i18n/message.ts";
import type { Translate } from "~/lib/i18n/translate.ts";
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

/** Each problem by one name: what the catalogues' message families (`limitProblem.<id>`, `unjudged.<id>`…) are keyed by. */
export type LimitProblemId = "nominalNotANumber" | "lowerTolNotANumber" | "upperTolNotANumber" | "noNominal" | "noTolerance" | "limitsCrossed";

export interface LimitProblem {
  code: "not-a-number" | "no-nominal" | "no-tolerance" | "limits-crossed";
  field: LimitField;
  id: LimitProblemId;
}

export type Acceptance = { kind: "pass-fail" } | { kind: "limits"; limits: Limits } | { kind: "cannot-judge"; problem: LimitProblem };

/** Tolerances and readings are stored as Decimal(18,6): what fits exactly. */
export const MAX_INTEGER_DIGITS = 12;
export const MAX_DECIMALS = 6;

// The first-article verdict tables (csv.ts, report.server.ts) still name a row that cannot be judged with this;
// what this module writes comes from the `specs` catalogue.
export const CANNOT_BE_JUDGED = "Cannot be judged";

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
      problems.push({ code: "not-a-number", field, id: `${field}NotANumber` });
    }
  }
  if (nominal === null) {
    problems.push({ code: "no-nominal", field: "nominal", id: "noNominal" });
  }
  if (lowerTol === null && upperTol === null) {
    problems.push({ code: "no-tolerance", field: "upperTol", id: "noTolerance" });
  }
  if (lowerTol !== null && upperTol !== null && isDecimal(lowerTol) && isDecimal(upperTol) && compareDecimal(lowerTol, upperTol) > 0) {
    problems.push({ code: "limits-crossed", field: "lowerTol", id: "limitsCrossed" });
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

/** The same window on both sides, however each is spelt ("94.50" is "94.5"). */
export function sameLimits(a: Limits, b: Limits): boolean {
  return sameDecimal(a.lower, b.lower) && sameDecimal(a.upper, b.upper);
}

/** The most decimals the spec writer used on this characteristic: what a reading of it is reported to. */
export function precisionOf(c: CharacteristicValues): number {
  const written = [c.nominal, c.lowerTol, c.upperTol].map(present).filter((v): v is string => v !== null && isDecimal(v));
  return Math.max(0, ...written.map(decimalsOf));
}

/** What the requirement says, as data: the words are added by `requirementText` in the reader's language. */
export type Requirement =
  | { kind: "pass-fail" }
  | { kind: "at-least"; value: string; unit: string }
  | { kind: "at-most"; value: string; unit: string }
  /** Nominal and tolerances as on a drawing (a side is null when it has none). */
  | { kind: "drawing"; nominal: string | null; tolerance: { lower: string | null; upper: string | null }; unit: string }
  | { kind: "cannot-judge"; nominal: string | null; tolerance: { lower: string | null; upper: string | null }; unit: string; problem: LimitProblem };

/**
 * The requirement as written on a drawing: "10.00 ± 0.05 mm", "82 +0.3 / −0.2 mm", for a
 * one-sided limit the plain "at least 50 N", pass / fail for a visual check, and what is
 * written with the reason for a measured characteristic the rule cannot judge.
 */
export function requirementOf(c: CharacteristicValues & { unit?: string | null }): Requirement {
  const acceptance = acceptanceOf(c);
  if (acceptance.kind === "pass-fail") return { kind: "pass-fail" };
  const unit = c.unit?.trim() ?? "";
  const nominal = present(c.nominal);
  const tolerance = { lower: present(c.lowerTol), upper: present(c.upperTol) };
  if (acceptance.kind === "cannot-judge") return { kind: "cannot-judge", nominal, tolerance, unit, problem: acceptance.problem };
  const { lower, upper } = acceptance.limits;
  if (upper === null) return { kind: "at-least", value: lower!, unit };
  if (lower === null) return { kind: "at-most", value: upper, unit };
  return { kind: "drawing", nominal, tolerance, unit };
}

// ---------------------------------------------------------------------------
// Display, in the reader's language: the words from the `specs` catalogue, the
// decimal sign of their locale. Values are shown as the spec writer typed them
// ("0.60" stays 0.60: precision is part of the requirement), with a real minus
// sign, and never grouped: a drawing does not group digits.

type T = Translate<"specs">;

const MINUS = "\u2212";

const decimalSigns = new Map<string, string>();
function decimalSign(locale: string): string {
  let sign = decimalSigns.get(locale);
  if (sign === undefined) {
    try {
      sign = new Intl.NumberFormat(locale).formatToParts(1.5).find((part) => part.type === "decimal")?.value ?? ".";
    } catch {
      sign = ".";
    }
    decimalSigns.set(locale, sign);
  }
  return sign;
}

/** A decimal as shown to people: "−0.05", "12.50"; "12,50" where the locale writes a decimal comma. */
export function displayNumber(value: string, locale?: string): string {
  const signed = value.startsWith("-") ? `${MINUS}${value.slice(1)}` : value;
  const sign = locale ? decimalSign(locale) : ".";
  return sign === "." || !isDecimal(value) ? signed : signed.replace(".", sign);
}

/** A tolerance with its sign: "+0.10", "−0.05", and a zero tolerance as plain "0". */
function displayTolerance(value: string, locale: string): string {
  if (!isDecimal(value)) return value;
  if (compareDecimal(value, "0") === 0) return displayNumber(value.replace(/^[+-]/, ""), locale);
  return value.startsWith("-") ? displayNumber(value, locale) : `+${displayNumber(value.replace(/^\+/, ""), locale)}`;
}

/** "± 0.05", "+0.10 / −0.05": equal tolerances written once, as on a drawing; upper first. */
function toleranceText({ lower, upper }: { lower: string | null; upper: string | null }, locale: string): string {
  if (lower !== null && upper !== null && isDecimal(lower) && isDecimal(upper) && compareDecimal(upper, "0") > 0) {
    // Symmetric only when written alike too: "+0.050 / −0.05" asks for different precision on each side.
    if (sameDecimal(lower, negateDecimal(upper)) && decimalsOf(lower) === decimalsOf(upper)) return `± ${displayNumber(upper.replace(/^\+/, ""), locale)}`;
  }
  return [upper, lower]
    .filter((v): v is string => v !== null)
    .map((v) => displayTolerance(v, locale))
    .join(" / ");
}

/** Drawing notation, the same in every language: "95 ± 0.5 mm". */
function drawingText(r: { nominal: string | null; tolerance: { lower: string | null; upper: string | null }; unit: string }, locale: string): string {
  return [r.nominal === null ? null : displayNumber(r.nominal, locale), toleranceText(r.tolerance, locale), r.unit].filter(Boolean).join(" ");
}

// A message with a unit placeholder reads "at least 50 N"; without a unit the space before it goes.
const tidy = (text: string) => text.replace(/\s+$/u, "");

/** "95 ± 0.5 mm", "at least 50 N", "Pass / fail", "± 0.05 mm (cannot be judged: no nominal value)". */
export function requirementText(c: CharacteristicValues & { unit?: string | null }, t: T, locale: string): string {
  const r = requirementOf(c);
  switch (r.kind) {
    case "pass-fail":
      return t("requirement.passFail");
    case "at-least":
      return tidy(t("limits.atLeast", { value: displayNumber(r.value, locale), unit: r.unit }));
    case "at-most":
      return tidy(t("limits.atMost", { value: displayNumber(r.value, locale), unit: r.unit }));
    case "drawing":
      return drawingText(r, locale);
    case "cannot-judge": {
      // Nothing written but a unit is nothing written.
      if (!drawingText({ ...r, unit: "" }, locale)) return t(`unjudgedAlone.${r.problem.id}`);
      return t(`unjudgedRequirement.${r.problem.id}`, { written: drawingText(r, locale) });
    }
  }
}

/** The acceptance limits in plain words: "94.5 – 95.5 mm", "at least 50 N", "pass / fail", "cannot be judged: no nominal value". */
export function limitsText(c: CharacteristicValues & { unit?: string | null }, t: T, locale: string): string {
  const acceptance = acceptanceOf(c);
  if (acceptance.kind === "pass-fail") return t("limits.passFail");
  if (acceptance.kind === "cannot-judge") return t(`unjudged.${acceptance.problem.id}`);
  const { lower, upper } = acceptance.limits;
  const unit = c.unit?.trim() ?? "";
  if (lower !== null && upper !== null) return tidy(t("limits.range", { lower: displayNumber(lower, locale), upper: displayNumber(upper, locale), unit }));
  if (lower !== null) return tidy(t("limits.atLeast", { value: displayNumber(lower, locale), unit }));
  return tidy(t("limits.atMost", { value: displayNumber(upper!, locale), unit }));
}

/** "no nominal value", for a sentence that says a reading cannot be judged; null when the characteristic can be. */
export function whyNotJudged(c: CharacteristicValues, t: T): string | null {
  const acceptance = acceptanceOf(c);
  return acceptance.kind === "cannot-judge" ? t(`unjudgedReason.${acceptance.problem.id}`) : null;
}

/** The message the editor shows next to the field a problem is about. */
export function limitProblemMessage(problem: LimitProblem): string {
  return message("specs", `limitProblem.${problem.id}`, problem.code === "not-a-number" ? { max: MAX_DECIMALS } : undefined);
}
