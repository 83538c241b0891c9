// Judging first-article readings against a spec version's tolerances. The
// same functions run in the browser (live colours while typing) and on the
// server (what is stored and what blocks a submission), so the two can never
// disagree. Numbers stay decimal strings end to end: a reading of 95.5 against
// a limit of 95 + 0.5 must pass, which binary floats do not promise. The limits
// themselves come from the characteristic's one rule (specs/characteristic.ts).

import { acceptanceOf, displayNumber, limitsText, MAX_DECIMALS, MAX_INTEGER_DIGITS, precisionOf } from "~/features/specs/characteristic.ts";
import type { CharacteristicSnapshot } from "~/features/specs/snapshot.ts";
import { compareDecimal, divideDecimal, formatDecimal, integerDigits, parseDecimal, sumDecimals } from "~/lib/decimal.ts";
import { message, type MessageParams } from "~/lib/i18n/message.ts";
import type { MessageKey, Translate } from "~/lib/i18n/translate.ts";

/** "unjudged": a number was read, but the characteristic has no limits to judge it against (docs/decisions/010). */
export type CellVerdict = "pass" | "fail" | "empty" | "invalid" | "unjudged";
export type RowVerdict = "pass" | "fail" | "incomplete" | "unjudged";

export interface CellJudgement {
  verdict: CellVerdict;
  /** Normalised decimal ("12,5" → "12.5") for a variable reading; null otherwise. */
  value: string | null;
  /** Null when nothing can be judged (empty, invalid or unjudged). */
  passed: boolean | null;
}

export interface RowSummary {
  /** Variable rows only; null when no reading is a number. */
  min: string | null;
  max: string | null;
  mean: string | null;
  /** Cells that pass / fail (attribute rows show these instead of min/max/mean). */
  passed: number;
  failing: number;
  /** Cells that are empty or cannot be read. */
  problems: number;
  verdict: RowVerdict;
}

/**
 * What the judge says about a reading, as a key of the firstArticles catalogue and its values:
 * a screen writes it with `t(words.key, words.values)` in the reader's language, the server
 * sends it as `message()`. The reading and the limits are values, never translated.
 */
export interface JudgeWords {
  key: MessageKey<"firstArticles">;
  values?: MessageParams;
}

export interface CompletenessProblem {
  characteristicKey: string;
  number: string;
  /** 1-based. */
  sample: number;
  cellId: string;
  /** A message() naming the cell and its problem, for the reader's language where it is shown. */
  message: string;
}

export type Readings = Record<string, string[]>;

/** What a form post or a CSV cell may hold; longer text is never a reading. */
export const MAX_RAW_LENGTH = 40;

// ---------------------------------------------------------------------------
// Readings

// A comma as the decimal mark is accepted because many factories' keyboards
// and spreadsheets use it; thousands separators are not, so "1,234" is 1.234.
const DECIMAL_COMMA = /^([+-]?\d+),(\d+)$/;

type ReadingIssue = "not-a-number" | "too-many-decimals" | "too-large";

function readReading(raw: string): { value: string } | { issue: ReadingIssue } {
  const reading = parseDecimal(raw.trim().replace(DECIMAL_COMMA, "$1.$2"));
  if (!reading) return { issue: "not-a-number" };
  if (integerDigits(reading) > MAX_INTEGER_DIGITS) return { issue: "too-large" };
  if (reading.scale > MAX_DECIMALS) return { issue: "too-many-decimals" };
  // "-0.00" is stored as 0.00: a signed zero would read as a different value.
  return { value: formatDecimal(reading) };
}

/** A typed reading as an exact decimal string, or null when it is not one Decimal(18,6) can hold. */
export function parseReading(raw: string): string | null {
  const result = readReading(raw);
  return "value" in result ? result.value : null;
}

function attributeOf(raw: string): boolean | null {
  const upper = raw.trim().toUpperCase();
  return upper === "PASS" ? true : upper === "FAIL" ? false : null;
}

// ---------------------------------------------------------------------------
// Cells

export function judgeCell(c: CharacteristicSnapshot, raw: string): CellJudgement {
  if (raw.trim() === "") return { verdict: "empty", value: null, passed: null };
  if (c.kind === "ATTRIBUTE") {
    const passed = attributeOf(raw);
    return passed === null ? { verdict: "invalid", value: null, passed: null } : { verdict: passed ? "pass" : "fail", value: null, passed };
  }
  const value = parseReading(raw);
  if (value === null) return { verdict: "invalid", value: null, passed: null };
  const acceptance = acceptanceOf(c);
  if (acceptance.kind !== "limits") return { verdict: "unjudged", value, passed: null };
  const { lower, upper } = acceptance.limits;
  // A reading exactly on a limit is within tolerance.
  const passed = (lower === null || compareDecimal(value, lower) >= 0) && (upper === null || compareDecimal(value, upper) <= 0);
  return { verdict: passed ? "pass" : "fail", value, passed };
}

type ProblemKind = "empty" | "choosePassFail" | "invalidChoice" | "tooManyDecimals" | "tooLarge" | "notANumber";

// Each problem as a sentence on its own (the grid's description of a cell) and as one naming the
// cell (the list of what keeps a submission back): whole sentences, never a cell label glued on.
const PROBLEM_KEYS = {
  empty: ["judge.problem.empty", "judge.cellProblem.empty"],
  choosePassFail: ["judge.problem.choosePassFail", "judge.cellProblem.choosePassFail"],
  invalidChoice: ["judge.problem.invalidChoice", "judge.cellProblem.invalidChoice"],
  tooManyDecimals: ["judge.problem.tooManyDecimals", "judge.cellProblem.tooManyDecimals"],
  tooLarge: ["judge.problem.tooLarge", "judge.cellProblem.tooLarge"],
  notANumber: ["judge.problem.notANumber", "judge.cellProblem.notANumber"],
} as const satisfies Record<ProblemKind, readonly [MessageKey<"firstArticles">, MessageKey<"firstArticles">]>;

function problemOf(c: CharacteristicSnapshot, raw: string): { kind: ProblemKind; values: MessageParams } | null {
  const { verdict } = judgeCell(c, raw);
  if (verdict !== "empty" && verdict !== "invalid") return null;
  const typed = { raw: raw.trim() };
  if (c.kind === "ATTRIBUTE") return verdict === "empty" ? { kind: "choosePassFail", values: {} } : { kind: "invalidChoice", values: typed };
  if (verdict === "empty") return { kind: "empty", values: {} };
  const result = readReading(raw);
  const issue = "issue" in result ? result.issue : "not-a-number";
  if (issue === "too-many-decimals") return { kind: "tooManyDecimals", values: { ...typed, max: MAX_DECIMALS } };
  if (issue === "too-large") return { kind: "tooLarge", values: typed };
  return { kind: "notANumber", values: typed };
}

/** Why a cell cannot be accepted for submission ("empty", "\"OK\" is not a number"), or null when it can. */
export function cellProblem(c: CharacteristicSnapshot, raw: string): JudgeWords | null {
  const problem = problemOf(c, raw);
  return problem && { key: PROBLEM_KEYS[problem.kind][0], values: problem.values };
}

/** Why a reading fails, naming the limit it crosses: "95.62 is above 95.5 mm". */
export function failReason(c: CharacteristicSnapshot, raw: string, specs: Translate<"specs">, locale: string): JudgeWords | null {
  const judged = judgeCell(c, raw);
  if (judged.verdict !== "fail") return null;
  const acceptance = acceptanceOf(c);
  if (judged.value === null || acceptance.kind !== "limits") return { key: "judge.fail.marked" };
  const { lower, upper } = acceptance.limits;
  const unit = c.unit ? ` ${c.unit}` : "";
  const value = displayNumber(judged.value, locale);
  const below = lower !== null && compareDecimal(judged.value, lower) < 0;
  const limit = `${displayNumber(below ? lower : upper!, locale)}${unit}`;
  const limits = limitsText(c, specs, locale);
  return { key: below ? "judge.fail.below" : "judge.fail.above", values: { value, limit, limits } };
}

/** An id for a grid cell that error lists can link to: "cell-2_3-1" for characteristic 2.3, sample 1. */
export function cellId(number: string, sample: number): string {
  return `cell-${number.replace(/[^A-Za-z0-9_-]/g, "_")}-${sample}`;
}

// ---------------------------------------------------------------------------
// Rows

/**
 * Min, max and mean of the numeric readings and the row's verdict. A failing
 * cell fails the row even while other cells are still empty: that is already
 * known and worth showing early.
 */
export function summarizeRow(c: CharacteristicSnapshot, raws: readonly string[]): RowSummary {
  let passed = 0;
  let failing = 0;
  let problems = 0;
  let min: string | null = null;
  let max: string | null = null;
  const values: string[] = [];
  for (const raw of raws) {
    const judged = judgeCell(c, raw ?? "");
    if (judged.verdict === "pass") passed++;
    else if (judged.verdict === "fail") failing++;
    else if (judged.verdict !== "unjudged") problems++;
    if (judged.value !== null) {
      if (min === null || compareDecimal(judged.value, min) < 0) min = judged.value;
      if (max === null || compareDecimal(judged.value, max) > 0) max = judged.value;
      values.push(judged.value);
    }
  }
  // One decimal more than the spec is written with, so the mean says a little more than the drawing.
  const decimals = Math.min(MAX_DECIMALS, precisionOf(c) + 1);
  const mean = values.length > 0 ? divideDecimal(sumDecimals(values), values.length, decimals) : null;
  const judgeable = acceptanceOf(c).kind !== "cannot-judge";
  const verdict: RowVerdict = failing > 0 ? "fail" : problems > 0 || raws.length === 0 ? "incomplete" : judgeable ? "pass" : "unjudged";
  return { min, max, mean, passed, failing, problems, verdict };
}

// ---------------------------------------------------------------------------
// Whole grid

/** Every cell that keeps a first article from being submitted, in grid order. */
export function completenessProblems(characteristics: readonly CharacteristicSnapshot[], readings: Readings, sampleCount: number): CompletenessProblem[] {
  const problems: CompletenessProblem[] = [];
  for (const c of characteristics) {
    for (let sample = 1; sample <= sampleCount; sample++) {
      const problem = problemOf(c, readings[c.key]?.[sample - 1] ?? "");
      if (problem === null) continue;
      problems.push({
        characteristicKey: c.key,
        number: c.number,
        sample,
        cellId: cellId(c.number, sample),
        message: message("firstArticles", PROBLEM_KEYS[problem.kind][1], { number: c.number, name: c.name, sample, ...problem.values }),
      });
    }
  }
  return problems;
}

/** The name of a grid input; the key is used rather than the number because numbers may change between versions. */
export const readingFieldName = (key: string, sample: number) => `m.${key}.${sample}`;

/** Readings posted by the grid, one trimmed string per sample for every characteristic. */
export function readingsFromForm(formData: FormData, characteristics: readonly CharacteristicSnapshot[], sampleCount: number): Readings {
  const readings: Readings = {};
  for (const c of characteristics) {
    const row: string[] = [];
    for (let sample = 1; sample <= sampleCount; sample++) {
      const value = formData.get(readingFieldName(c.key, sample));
      row.push(typeof value === "string" ? value.trim().slice(0, MAX_RAW_LENGTH) : "");
    }
    readings[c.key] = row;
  }
  return readings;
}

/** The rows to store: raw as typed, exact value and verdict where they can be judged. Empty cells are left out. */
export function judgedMeasurements(
  characteristics: readonly CharacteristicSnapshot[],
  readings: Readings,
  sampleCount: number,
): { characteristicKey: string; sample: number; raw: string; value: string | null; passed: boolean | null }[] {
  const rows = [];
  for (const c of characteristics) {
    for (let sample = 1; sample <= sampleCount; sample++) {
      const raw = (readings[c.key]?.[sample - 1] ?? "").trim().slice(0, MAX_RAW_LENGTH);
      if (raw === "") continue;
      const { value, passed } = judgeCell(c, raw);
      rows.push({ characteristicKey: c.key, sample, raw, value, passed });
    }
  }
  return rows;
}
