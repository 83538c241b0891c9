// Judging first-article readings against a spec version's tolerances. The
// same functions run in the browser (live colours while typing) and on the
// server (what is stored and what blocks a submission), so the two can never
// disagree. Numbers stay decimal strings end to end: a reading of 95.5 against
// a limit of 95 + 0.5 must pass, which binary floats do not promise.

import { addDecimal, compareDecimal } from "~/features/specs/diff.ts";
import type { CharacteristicSnapshot } from "~/features/specs/snapshot.ts";

export type CellVerdict = "pass" | "fail" | "empty" | "invalid";
export type RowVerdict = "pass" | "fail" | "incomplete";

export interface CellJudgement {
  verdict: CellVerdict;
  /** Normalised decimal ("12,5" → "12.5") for a variable reading; null otherwise. */
  value: string | null;
  /** Null when nothing can be judged (empty or invalid). */
  passed: boolean | null;
}

export interface Limits {
  /** Null: no limit on that side. */
  low: string | null;
  high: string | null;
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

export interface CompletenessProblem {
  characteristicKey: string;
  number: string;
  /** 1-based. */
  sample: number;
  cellId: string;
  message: string;
}

export type Readings = Record<string, string[]>;

/** What a form post or a CSV cell may hold; longer text is never a reading. */
export const MAX_RAW_LENGTH = 40;
const MAX_INTEGER_DIGITS = 12;
const MAX_DECIMALS = 6;

// ---------------------------------------------------------------------------
// Readings

// A comma as the decimal mark is accepted because many factories' keyboards
// and spreadsheets use it; thousands separators are not, so "1,234" is 1.234.
const READING = /^([+-])?(\d+)(?:[.,](\d+))?$/;

type ReadingIssue = "not-a-number" | "too-many-decimals" | "too-large";

function readReading(raw: string): { value: string } | { issue: ReadingIssue } {
  const match = READING.exec(raw.trim());
  if (!match) return { issue: "not-a-number" };
  const [, sign, intDigits = "", frac = ""] = match;
  const int = intDigits.replace(/^0+(?=\d)/, "");
  if (int.length > MAX_INTEGER_DIGITS) return { issue: "too-large" };
  if (frac.length > MAX_DECIMALS) return { issue: "too-many-decimals" };
  const zero = /^0*$/.test(int + frac);
  // "-0.00" is stored as 0.00: a signed zero would read as a different value.
  return { value: (sign === "-" && !zero ? "-" : "") + int + (frac ? `.${frac}` : "") };
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
// Limits

/** Acceptance limits as exact decimals. A visual check has none. */
export function limitsOf(c: CharacteristicSnapshot): Limits {
  if (c.kind === "ATTRIBUTE") return { low: null, high: null };
  // Same default as the requirement text on the spec page, so both show one rule.
  const nominal = c.nominal ?? "0";
  return {
    low: c.lowerTol === null ? null : addDecimal(nominal, c.lowerTol),
    high: c.upperTol === null ? null : addDecimal(nominal, c.upperTol),
  };
}

/** Shown with a real minus sign, as on the spec page. */
export const displayNumber = (value: string) => (value.startsWith("-") ? `−${value.slice(1)}` : value);

/** The limits in plain words: "94.5 – 95.5 mm", "at least 50 N", "pass / fail". */
export function formatLimits(c: CharacteristicSnapshot): string {
  if (c.kind === "ATTRIBUTE") return "pass / fail";
  const { low, high } = limitsOf(c);
  const unit = c.unit ? ` ${c.unit}` : "";
  if (low !== null && high !== null) return `${displayNumber(low)} – ${displayNumber(high)}${unit}`;
  if (low !== null) return `at least ${displayNumber(low)}${unit}`;
  if (high !== null) return `at most ${displayNumber(high)}${unit}`;
  return "no limit";
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
  const { low, high } = limitsOf(c);
  // A reading exactly on a limit is within tolerance.
  const passed = (low === null || compareDecimal(value, low) >= 0) && (high === null || compareDecimal(value, high) <= 0);
  return { verdict: passed ? "pass" : "fail", value, passed };
}

const quoted = (raw: string) => `"${raw.trim()}"`;

/** Why a cell cannot be accepted for submission ("empty", "\"OK\" is not a number"), or null when it can. */
export function cellProblem(c: CharacteristicSnapshot, raw: string): string | null {
  const { verdict } = judgeCell(c, raw);
  if (verdict !== "empty" && verdict !== "invalid") return null;
  if (c.kind === "ATTRIBUTE") return verdict === "empty" ? "choose pass or fail" : `${quoted(raw)}: choose pass or fail`;
  if (verdict === "empty") return "empty";
  const result = readReading(raw);
  const issue = "issue" in result ? result.issue : "not-a-number";
  if (issue === "too-many-decimals") return `${quoted(raw)} has more than ${MAX_DECIMALS} decimals`;
  if (issue === "too-large") return `${quoted(raw)} is too large`;
  return `${quoted(raw)} is not a number`;
}

/** Why a reading fails, naming the limit it crosses: "95.62 is above 95.5 mm". */
export function failReason(c: CharacteristicSnapshot, raw: string): string | null {
  const judged = judgeCell(c, raw);
  if (judged.verdict !== "fail") return null;
  if (judged.value === null) return "marked as fail";
  const { low, high } = limitsOf(c);
  const unit = c.unit ? ` ${c.unit}` : "";
  const value = displayNumber(judged.value);
  if (low !== null && compareDecimal(judged.value, low) < 0) return `${value} is below ${displayNumber(low)}${unit} (limit ${formatLimits(c)})`;
  return `${value} is above ${displayNumber(high ?? "0")}${unit} (limit ${formatLimits(c)})`;
}

/** An id for a grid cell that error lists can link to: "cell-2_3-1" for characteristic 2.3, sample 1. */
export function cellId(number: string, sample: number): string {
  return `cell-${number.replace(/[^A-Za-z0-9_-]/g, "_")}-${sample}`;
}

// ---------------------------------------------------------------------------
// Rows

function decimalsOf(value: string | null): number {
  const dot = value?.indexOf(".") ?? -1;
  return value === null || dot === -1 ? 0 : value.length - dot - 1;
}

/** Exact a / n rounded half away from zero to `decimals` places. */
function divideRounded(a: string, n: number, decimals: number): string {
  const dot = a.indexOf(".");
  const scale = dot === -1 ? 0 : a.length - dot - 1;
  const units = BigInt(a.replace(".", ""));
  const numerator = units * 10n ** BigInt(decimals);
  const denominator = BigInt(n) * 10n ** BigInt(scale);
  const magnitude = numerator < 0n ? -numerator : numerator;
  let quotient = magnitude / denominator;
  if ((magnitude % denominator) * 2n >= denominator) quotient += 1n;
  const digits = quotient.toString().padStart(decimals + 1, "0");
  const int = digits.slice(0, digits.length - decimals);
  const frac = digits.slice(digits.length - decimals);
  return (numerator < 0n && quotient !== 0n ? "-" : "") + int + (decimals > 0 ? `.${frac}` : "");
}

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
  let sum = "0";
  let count = 0;
  for (const raw of raws) {
    const judged = judgeCell(c, raw ?? "");
    if (judged.verdict === "pass") passed++;
    else if (judged.verdict === "fail") failing++;
    else problems++;
    if (judged.value !== null) {
      if (min === null || compareDecimal(judged.value, min) < 0) min = judged.value;
      if (max === null || compareDecimal(judged.value, max) > 0) max = judged.value;
      sum = addDecimal(sum, judged.value);
      count++;
    }
  }
  // One decimal more than the spec is written with, so the mean says a little more than the drawing.
  const decimals = Math.min(MAX_DECIMALS, Math.max(decimalsOf(c.nominal), decimalsOf(c.lowerTol), decimalsOf(c.upperTol)) + 1);
  const mean = count > 0 ? divideRounded(sum, count, decimals) : null;
  const verdict: RowVerdict = failing > 0 ? "fail" : problems > 0 || raws.length === 0 ? "incomplete" : "pass";
  return { min, max, mean, passed, failing, problems, verdict };
}

// ---------------------------------------------------------------------------
// Whole grid

/** Every cell that keeps a first article from being submitted, in grid order. */
export function completenessProblems(characteristics: readonly CharacteristicSnapshot[], readings: Readings, sampleCount: number): CompletenessProblem[] {
  const problems: CompletenessProblem[] = [];
  for (const c of characteristics) {
    for (let sample = 1; sample <= sampleCount; sample++) {
      const message = cellProblem(c, readings[c.key]?.[sample - 1] ?? "");
      if (message === null) continue;
      problems.push({
        characteristicKey: c.key,
        number: c.number,
        sample,
        cellId: cellId(c.number, sample),
        message: `${c.number} ${c.name}, sample ${sample}: ${message}`,
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
