// ISO 2859-1:1999 single sampling (identical in its tables to ANSI/ASQ Z1.4, GB/T 2828.1 and
// IS 2500-1): Table 1 gives a code letter for the lot size and inspection level; Tables 2-A, 2-B
// and 2-C give, for the code letter and the AQL, either a plan (sample size, Ac, Re) or an arrow
// to the first plan below or above it, whose own sample size is then used.
//
// The master tables are diagonal: moving one code letter down multiplies the sample size by
// about 1.6, as moving one AQL column right multiplies the AQL, so every cell on a diagonal
// (letter index + AQL index) holds the same entry. The tables below list those diagonals; the
// tests check them against the published cells.

export const STANDARD_EDITION = "ISO 2859-1:1999";

export const INSPECTION_LEVELS = ["I", "II", "III", "S-1", "S-2", "S-3", "S-4"] as const;
export type InspectionLevel = (typeof INSPECTION_LEVELS)[number];

/** The AQL columns for percent nonconforming that the portal offers (Table 2's 0.065 to 10). */
export const AQL_VALUES = ["0.065", "0.10", "0.15", "0.25", "0.40", "0.65", "1.0", "1.5", "2.5", "4.0", "6.5", "10"] as const;
export type Aql = (typeof AQL_VALUES)[number];

export const SEVERITIES = ["normal", "tightened", "reduced"] as const;
export type Severity = (typeof SEVERITIES)[number];

export const CODE_LETTERS = ["A", "B", "C", "D", "E", "F", "G", "H", "J", "K", "L", "M", "N", "P", "Q", "R"] as const;
export type CodeLetter = (typeof CODE_LETTERS)[number];

// Table 1: the upper bound of each lot-size range, and the letter for each level in that range.
const LOT_SIZE_UPPER = [8, 15, 25, 50, 90, 150, 280, 500, 1200, 3200, 10000, 35000, 150000, 500000, Infinity];
const TABLE_1: Record<InspectionLevel, string> = {
  "S-1": "AAAABBBBCCCCDDD",
  "S-2": "AAABBBCCCDDDEEE",
  "S-3": "AABBCCDDEEFFGGH",
  "S-4": "AABCCDEEFGGHJJK",
  I: "AABCCDEFGHJKLMN",
  II: "ABCDEFGHJKLMNPQ",
  III: "BCDEFGHJKLMNPQR",
};

const NORMAL_SAMPLE = [2, 3, 5, 8, 13, 20, 32, 50, 80, 125, 200, 315, 500, 800, 1250, 2000];
// Table 2-C draws smaller samples: the letters A to C all draw 2.
const REDUCED_SAMPLE = [2, 2, 2, 3, 5, 8, 13, 20, 32, 50, 80, 125, 200, 315, 500, 800];

// The AQL's column in Table 2 counted from 0.010 (so 0.065 is column 4): the diagonal arithmetic
// needs the columns the portal does not offer too.
const AQL_COLUMN: Record<Aql, number> = Object.fromEntries(AQL_VALUES.map((aql, i) => [aql, i + 4])) as Record<Aql, number>;

type Entry = { accept: number } | "up" | "down";

/**
 * Each table's entries by diagonal (code letter index + AQL column): below the first diagonal
 * every cell points down, above the last every cell points up. Table 2-C uses Table 2-A's
 * diagonals at its own sample sizes: in the 1999 edition a reduced plan rejects at Ac + 1, as
 * the others do (the 1989 edition's gap between Ac and Re, and its "accept but return to
 * normal" rule, were withdrawn).
 */
const DIAGONALS: Record<"normal" | "tightened", { first: number; entries: Entry[] }> = {
  normal: {
    first: 14,
    entries: [
      { accept: 0 },
      "up",
      "down",
      { accept: 1 },
      { accept: 2 },
      { accept: 3 },
      { accept: 5 },
      { accept: 7 },
      { accept: 10 },
      { accept: 14 },
      { accept: 21 },
    ],
  },
  tightened: {
    first: 15,
    entries: [{ accept: 0 }, "down", "down", { accept: 1 }, { accept: 2 }, { accept: 3 }, { accept: 5 }, { accept: 8 }, { accept: 12 }, { accept: 18 }],
  },
};

// Table 2-C's rows A to C share one sample size, so they sit on Table 2-A's row A; from D on,
// a reduced row draws what the normal row two letters above it draws.
const reducedRowOnNormal = (letter: number) => Math.max(0, letter - 2);

/** The entry printed in a table's cell (before any arrow is followed). */
export function tableEntry(severity: Severity, letter: number, column: number): Entry {
  const table = severity === "tightened" ? DIAGONALS.tightened : DIAGONALS.normal;
  const row = severity === "reduced" ? reducedRowOnNormal(letter) : letter;
  const index = row + column - table.first;
  if (index < 0) return "down";
  if (index >= table.entries.length) return "up";
  const entry = table.entries[index]!;
  // The top row has no plan above it: its cell on an "up" diagonal is part of the column's
  // arrow down (Table 2-A, letter A at AQL 10), and Table 2-B's zero diagonal starts at B.
  if (severity !== "reduced" && letter === 0 && (entry === "up" || (severity === "tightened" && index === 0))) return "down";
  if (severity === "reduced" && row === 0 && entry === "up") return "down";
  return entry;
}

export interface SamplingPlan {
  /** The code letter of the plan used: after an arrow, the letter the arrow led to. */
  codeLetter: CodeLetter;
  /** Table 1's letter for the lot size and level, before any arrow. */
  tableLetter: CodeLetter;
  sampleSize: number;
  accept: number;
  reject: number;
  /** The sample would reach the lot: every unit is inspected, against the same Ac and Re. */
  fullInspection: boolean;
}

export interface PlanInput {
  lotSize: number;
  level: InspectionLevel;
  aql: Aql;
  severity: Severity;
}

export class SamplingInputError extends Error {
  constructor(
    readonly field: "lotSize" | "level" | "aql" | "severity",
    detail: string,
  ) {
    super(detail);
    this.name = "SamplingInputError";
  }
}

const MAX_LOT_SIZE = 100_000_000;

function checkInput(input: { lotSize: unknown; level: unknown; severity: unknown; aql?: unknown }) {
  const { lotSize, level, severity, aql } = input;
  if (typeof lotSize !== "number" || !Number.isInteger(lotSize) || lotSize < 1 || lotSize > MAX_LOT_SIZE) {
    throw new SamplingInputError("lotSize", `The lot size must be a whole number from 1 to ${MAX_LOT_SIZE}, not ${String(lotSize)}.`);
  }
  if (!INSPECTION_LEVELS.includes(level as InspectionLevel)) {
    throw new SamplingInputError("level", `Unknown inspection level ${JSON.stringify(level)}: one of ${INSPECTION_LEVELS.join(", ")}.`);
  }
  if (!SEVERITIES.includes(severity as Severity)) {
    throw new SamplingInputError("severity", `Unknown severity ${JSON.stringify(severity)}: one of ${SEVERITIES.join(", ")}.`);
  }
  if (aql !== undefined && !AQL_VALUES.includes(aql as Aql)) {
    throw new SamplingInputError("aql", `Unknown AQL ${JSON.stringify(aql)}: one of ${AQL_VALUES.join(", ")}.`);
  }
}

/** Table 1: the sample-size code letter for a lot size at an inspection level. */
export function codeLetterFor(lotSize: number, level: InspectionLevel): CodeLetter {
  checkInput({ lotSize, level, severity: "normal" });
  const range = LOT_SIZE_UPPER.findIndex((upper) => lotSize <= upper);
  return TABLE_1[level][range] as CodeLetter;
}

const sampleSizeAt = (severity: Severity, letter: number) => (severity === "reduced" ? REDUCED_SAMPLE : NORMAL_SAMPLE)[letter]!;

function planAt(lotSize: number, tableLetter: number, letter: number, accept: number, severity: Severity): SamplingPlan {
  const sampleSize = sampleSizeAt(severity, letter);
  const fullInspection = sampleSize >= lotSize;
  return {
    codeLetter: CODE_LETTERS[letter]!,
    tableLetter: CODE_LETTERS[tableLetter]!,
    sampleSize: fullInspection ? lotSize : sampleSize,
    accept,
    reject: accept + 1,
    fullInspection,
  };
}

/** The single sampling plan for a lot: the standard's tables, with their arrows followed. */
export function samplingPlan(input: PlanInput): SamplingPlan {
  checkInput(input);
  const { lotSize, level, aql, severity } = input;
  const tableLetter = CODE_LETTERS.indexOf(codeLetterFor(lotSize, level));
  const column = AQL_COLUMN[aql];
  let letter = tableLetter;
  let entry = tableEntry(severity, letter, column);
  // Every column holds a plan, so the walk ends within the table (a test follows every cell).
  while (typeof entry === "string") {
    letter += entry === "down" ? 1 : -1;
    entry = tableEntry(severity, letter, column);
  }
  return planAt(lotSize, tableLetter, letter, entry.accept, severity);
}

/**
 * "Zero defects allowed": accept 0, reject 1 at the level's own sample size. Common practice for
 * critical defects, but not an ISO 2859-1 AQL plan: the page says so.
 */
export function zeroDefectsPlan(input: Omit<PlanInput, "aql">): SamplingPlan {
  checkInput(input);
  const letter = CODE_LETTERS.indexOf(codeLetterFor(input.lotSize, input.level));
  return planAt(input.lotSize, letter, letter, 0, input.severity);
}

/**
 * The acceptance number one AQL step tighter at the same sample size, which the switching score
 * compares a lot's count with (clause 9.3.3): only asked of plans accepting 2 or more, whose
 * left neighbour is always a plan.
 */
export function acceptOneStepTighter(plan: Pick<SamplingPlan, "codeLetter">, aql: Aql, severity: Severity): number | null {
  const column = AQL_COLUMN[aql] - 1;
  const entry = tableEntry(severity, CODE_LETTERS.indexOf(plan.codeLetter), column);
  return typeof entry === "string" ? null : entry.accept;
}
