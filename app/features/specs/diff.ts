// Differences between two spec versions, computed from plain snapshots so the
// same function runs in loaders, in the browser and in tests. A factory asked
// to acknowledge a new version reads this to see what moved since the version
// it last acknowledged, so "no real change" must come out as no change.

import { compareDecimal, sameDecimal } from "~/lib/decimal.ts";
import { limitsOf, type Limits } from "./characteristic.ts";
import type { CharacteristicClass, CharacteristicSnapshot, DefectExampleSnapshot, FileSnapshot, MaterialSnapshot, VersionSnapshot } from "./snapshot.ts";

// ---------------------------------------------------------------------------
// Normalisation: null, "" and stray whitespace mean the same thing to a reader.

function normOptional(value: string | null | undefined): string | null {
  const trimmed = value?.trim() ?? "";
  return trimmed === "" ? null : trimmed;
}

function normLine(value: string | null | undefined): string {
  return value?.trim() ?? "";
}

function normText(value: string | null | undefined): string {
  return (value ?? "").replace(/\r\n?/g, "\n").replace(/\s+$/, "");
}

// ---------------------------------------------------------------------------
// Longest common subsequence, shared by the line diff and reorder detection.

// Beyond this many DP cells the middle is reported as replaced wholesale,
// which is still correct, just less precise.
const LCS_CELL_LIMIT = 4_000_000;

/** Index pairs [i, j] with a[i] equal to b[j], in order, forming a longest common subsequence. */
export function lcsPairs<T>(a: readonly T[], b: readonly T[]): Array<[number, number]> {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const head: Array<[number, number]> = [];
  for (let i = 0; i < start; i++) head.push([i, i]);
  const tail: Array<[number, number]> = [];
  for (let i = endA, j = endB; i < a.length; i++, j++) tail.push([i, j]);

  const n = endA - start;
  const m = endB - start;
  const middle: Array<[number, number]> = [];
  if (n > 0 && m > 0 && n * m <= LCS_CELL_LIMIT) {
    const width = m + 1;
    const table = new Uint32Array((n + 1) * width);
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        table[i * width + j] =
          a[start + i] === b[start + j] ? table[(i + 1) * width + j + 1]! + 1 : Math.max(table[(i + 1) * width + j]!, table[i * width + j + 1]!);
      }
    }
    let i = 0;
    let j = 0;
    while (i < n && j < m) {
      if (a[start + i] === b[start + j]) {
        middle.push([start + i, start + j]);
        i++;
        j++;
      } else if (table[(i + 1) * width + j]! >= table[i * width + j + 1]!) i++;
      else j++;
    }
  }
  return [...head, ...middle, ...tail];
}

export interface LineChange {
  kind: "same" | "added" | "removed";
  text: string;
}

function splitLines(text: string): string[] {
  return text === "" ? [] : text.split("\n");
}

/** Line-level diff; removed lines come before the added lines that replace them. */
export function diffLines(from: string, to: string): LineChange[] {
  const a = splitLines(normText(from));
  const b = splitLines(normText(to));
  const out: LineChange[] = [];
  let i = 0;
  let j = 0;
  for (const [pi, pj] of [...lcsPairs(a, b), [a.length, b.length] as [number, number]]) {
    while (i < pi) out.push({ kind: "removed", text: a[i++]! });
    while (j < pj) out.push({ kind: "added", text: b[j++]! });
    if (pi < a.length) {
      out.push({ kind: "same", text: a[i++]! });
      j++;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------
// Diff types

export type TextField = "description" | "notes" | "packaging";

export interface TextDiff {
  changed: boolean;
  from: string;
  to: string;
  /** Empty when unchanged. */
  lines: LineChange[];
  linesAdded: number;
  linesRemoved: number;
}

export interface FieldChange<F extends string = string> {
  field: F;
  from: string | null;
  to: string | null;
}

export type CharacteristicField = "name" | "kind" | "nominal" | "lowerTol" | "upperTol" | "unit" | "class" | "method";

/**
 * "changed" covers what cannot be ordered: the unit changed, either side
 * cannot be judged (docs/decisions/010), or the limits are identical but
 * written differently.
 */
export type ToleranceDirection = "tightened" | "loosened" | "shifted" | "changed";

export interface ToleranceChange {
  direction: ToleranceDirection;
  /** Null where that side is a visual check or cannot be judged. */
  from: Limits | null;
  to: Limits | null;
  unitChanged: boolean;
}

export interface ClassChange {
  from: CharacteristicClass;
  to: CharacteristicClass;
  direction: "raised" | "lowered";
}

export interface CharacteristicMove {
  key: string;
  fromNumber: string;
  toNumber: string;
  /** 1-based positions in each version's list. */
  fromPosition: number;
  toPosition: number;
  renumbered: boolean;
  reordered: boolean;
}

export interface CharacteristicChange {
  key: string;
  from: CharacteristicSnapshot;
  to: CharacteristicSnapshot;
  /** Content changes only; numbering and order are in `move`. */
  fields: FieldChange<CharacteristicField>[];
  toleranceChanged: boolean;
  tolerance: ToleranceChange | null;
  classChange: ClassChange | null;
  move: CharacteristicMove | null;
}

export interface MovedCharacteristic extends CharacteristicMove {
  characteristic: CharacteristicSnapshot;
}

export interface MaterialChange {
  key: string;
  from: MaterialSnapshot;
  to: MaterialSnapshot;
  fields: FieldChange<"material" | "grade" | "source">[];
}

export interface PhotoChange {
  slot: "acceptable" | "unacceptable";
  change: "added" | "removed" | "replaced";
  from: FileSnapshot | null;
  to: FileSnapshot | null;
}

export interface DefectExampleChange {
  key: string;
  from: DefectExampleSnapshot;
  to: DefectExampleSnapshot;
  fields: FieldChange<"description" | "characteristicKey">[];
  photos: PhotoChange[];
}

export interface FilePair {
  from: FileSnapshot;
  to: FileSnapshot;
}

export interface KeyedDiff<T, C> {
  added: T[];
  removed: T[];
  changed: C[];
}

export interface DiffSummary {
  textFields: number;
  characteristics: { added: number; removed: number; changed: number; moved: number; toleranceChanged: number; classChanged: number };
  materials: { added: number; removed: number; changed: number };
  defectExamples: { added: number; removed: number; changed: number };
  attachments: { added: number; removed: number; replaced: number; renamed: number };
  /** Every reported difference once; tolerance and class changes are part of `changed`. */
  total: number;
  isEmpty: boolean;
}

export interface VersionDiff {
  from: { id: string; number: number };
  to: { id: string; number: number };
  text: Record<TextField, TextDiff>;
  characteristics: KeyedDiff<CharacteristicSnapshot, CharacteristicChange> & { moved: MovedCharacteristic[] };
  materials: KeyedDiff<MaterialSnapshot, MaterialChange>;
  defectExamples: KeyedDiff<DefectExampleSnapshot, DefectExampleChange>;
  attachments: { added: FileSnapshot[]; removed: FileSnapshot[]; replaced: FilePair[]; renamed: FilePair[] };
  summary: DiffSummary;
}

// ---------------------------------------------------------------------------
// Sections

function diffText(from: string | null | undefined, to: string | null | undefined): TextDiff {
  const a = normText(from);
  const b = normText(to);
  if (a === b) return { changed: false, from: a, to: b, lines: [], linesAdded: 0, linesRemoved: 0 };
  const lines = diffLines(a, b);
  return {
    changed: true,
    from: a,
    to: b,
    lines,
    linesAdded: lines.filter((l) => l.kind === "added").length,
    linesRemoved: lines.filter((l) => l.kind === "removed").length,
  };
}

function byKey<T extends { key: string }>(items: readonly T[]): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of items) if (!map.has(item.key)) map.set(item.key, item);
  return map;
}

function matchByKey<T extends { key: string }, C>(from: readonly T[], to: readonly T[], compare: (a: T, b: T) => C | null): KeyedDiff<T, C> {
  const fromMap = byKey(from);
  const toMap = byKey(to);
  const result: KeyedDiff<T, C> = { added: [], removed: [], changed: [] };
  for (const item of toMap.values()) {
    const before = fromMap.get(item.key);
    if (!before) {
      result.added.push(item);
      continue;
    }
    const change = compare(before, item);
    if (change) result.changed.push(change);
  }
  for (const item of fromMap.values()) if (!toMap.has(item.key)) result.removed.push(item);
  return result;
}

function fieldChanges<T, F extends keyof T & string>(a: T, b: T, fields: readonly F[], decimalFields: ReadonlySet<string> = new Set()): FieldChange<F>[] {
  const changes: FieldChange<F>[] = [];
  for (const field of fields) {
    const raw = [a[field], b[field]] as unknown as [string | null, string | null];
    if (decimalFields.has(field)) {
      const [x, y] = raw.map(normOptional) as [string | null, string | null];
      if (!sameDecimal(x, y)) changes.push({ field, from: x, to: y });
    } else {
      const [x, y] = raw.map(normLine) as [string, string];
      if (x !== y) changes.push({ field, from: x, to: y });
    }
  }
  return changes;
}

const CHARACTERISTIC_FIELDS = ["name", "kind", "nominal", "lowerTol", "upperTol", "unit", "class", "method"] as const;
const TOLERANCE_FIELDS: ReadonlySet<string> = new Set(["nominal", "lowerTol", "upperTol", "unit"]);
const DECIMAL_FIELDS: ReadonlySet<string> = new Set(["nominal", "lowerTol", "upperTol"]);
const CLASS_RANK: Record<CharacteristicClass, number> = { MINOR: 0, MAJOR: 1, CRITICAL: 2 };

/** Sign of how far a side moved inwards: 1 narrower, -1 wider, 0 same. Null is unbounded. */
function inward(before: string | null, after: string | null, side: "lower" | "upper"): number {
  if (before === null && after === null) return 0;
  if (before === null) return 1;
  if (after === null) return -1;
  const cmp = compareDecimal(after, before);
  return side === "lower" ? cmp : -cmp;
}

function classifyTolerance(from: CharacteristicSnapshot, to: CharacteristicSnapshot): ToleranceChange {
  const before = limitsOf(from);
  const after = limitsOf(to);
  const unitChanged = normLine(from.unit) !== normLine(to.unit);
  let direction: ToleranceDirection = "changed";
  if (before && after && !unitChanged) {
    const moves = [inward(before.lower, after.lower, "lower"), inward(before.upper, after.upper, "upper")];
    const narrower = moves.some((m) => m > 0);
    const wider = moves.some((m) => m < 0);
    if (narrower && wider) direction = "shifted";
    else if (narrower) direction = "tightened";
    else if (wider) direction = "loosened";
  }
  return { direction, from: before, to: after, unitChanged };
}

function moveOf(from: CharacteristicSnapshot, to: CharacteristicSnapshot, positions: Positions, stable: ReadonlySet<string>): CharacteristicMove | null {
  const renumbered = normLine(from.number) !== normLine(to.number);
  const reordered = !stable.has(to.key);
  if (!renumbered && !reordered) return null;
  return {
    key: to.key,
    fromNumber: normLine(from.number),
    toNumber: normLine(to.number),
    fromPosition: positions.from.get(to.key)! + 1,
    toPosition: positions.to.get(to.key)! + 1,
    renumbered,
    reordered,
  };
}

interface Positions {
  from: Map<string, number>;
  to: Map<string, number>;
}

/** The characteristics part of `diffVersions`, for callers that have only the characteristics. */
export function diffCharacteristics(from: readonly CharacteristicSnapshot[], to: readonly CharacteristicSnapshot[]): VersionDiff["characteristics"] {
  const positions: Positions = {
    from: new Map(from.map((c, i) => [c.key, i] as const)),
    to: new Map(to.map((c, i) => [c.key, i] as const)),
  };
  // Rows outside the longest common order are the ones a reader sees move;
  // an insertion shifts the rest without reordering them.
  const commonFrom = from.filter((c) => positions.to.has(c.key)).map((c) => c.key);
  const commonTo = to.filter((c) => positions.from.has(c.key)).map((c) => c.key);
  const stable = new Set(lcsPairs(commonFrom, commonTo).map(([i]) => commonFrom[i]!));

  const moved: MovedCharacteristic[] = [];
  const keyed = matchByKey(from, to, (a, b): CharacteristicChange | null => {
    const fields = fieldChanges(a, b, CHARACTERISTIC_FIELDS, DECIMAL_FIELDS);
    const move = moveOf(a, b, positions, stable);
    if (fields.length === 0) {
      if (move) moved.push({ ...move, characteristic: b });
      return null;
    }
    const toleranceChanged = fields.some((f) => TOLERANCE_FIELDS.has(f.field));
    const classChange: ClassChange | null =
      a.class === b.class ? null : { from: a.class, to: b.class, direction: CLASS_RANK[b.class] > CLASS_RANK[a.class] ? "raised" : "lowered" };
    return {
      key: b.key,
      from: a,
      to: b,
      fields,
      toleranceChanged,
      tolerance: toleranceChanged ? classifyTolerance(a, b) : null,
      classChange,
      move,
    };
  });
  return { added: keyed.added, removed: keyed.removed, changed: keyed.changed, moved };
}

function diffPhoto(slot: PhotoChange["slot"], a: FileSnapshot | null, b: FileSnapshot | null): PhotoChange | null {
  if (!a && !b) return null;
  if (!a) return { slot, change: "added", from: null, to: b };
  if (!b) return { slot, change: "removed", from: a, to: null };
  // A renamed upload of the same picture shows the factory nothing new.
  return a.sha256 === b.sha256 ? null : { slot, change: "replaced", from: a, to: b };
}

function diffDefectExample(a: DefectExampleSnapshot, b: DefectExampleSnapshot): DefectExampleChange | null {
  const fields: FieldChange<"description" | "characteristicKey">[] = [];
  if (normText(a.description) !== normText(b.description)) {
    fields.push({ field: "description", from: normText(a.description), to: normText(b.description) });
  }
  const linkA = normOptional(a.characteristicKey);
  const linkB = normOptional(b.characteristicKey);
  if (linkA !== linkB) fields.push({ field: "characteristicKey", from: linkA, to: linkB });
  const photos = [diffPhoto("acceptable", a.acceptablePhoto, b.acceptablePhoto), diffPhoto("unacceptable", a.unacceptablePhoto, b.unacceptablePhoto)].filter(
    (p): p is PhotoChange => p !== null,
  );
  if (fields.length === 0 && photos.length === 0) return null;
  return { key: b.key, from: a, to: b, fields, photos };
}

function diffAttachments(from: readonly FileSnapshot[], to: readonly FileSnapshot[]): VersionDiff["attachments"] {
  const remaining = [...from];
  const take = (predicate: (f: FileSnapshot) => boolean): FileSnapshot | undefined => {
    const index = remaining.findIndex(predicate);
    return index === -1 ? undefined : remaining.splice(index, 1)[0];
  };
  const result: VersionDiff["attachments"] = { added: [], removed: [], replaced: [], renamed: [] };
  const unmatched: FileSnapshot[] = [];
  // Content first: the same bytes under a new name are the same drawing.
  for (const file of to) {
    const same = take((f) => f.sha256 === file.sha256);
    if (!same) unmatched.push(file);
    else if (same.name !== file.name) result.renamed.push({ from: same, to: file });
  }
  for (const file of unmatched) {
    const previous = take((f) => f.name === file.name);
    if (previous) result.replaced.push({ from: previous, to: file });
    else result.added.push(file);
  }
  result.removed = remaining;
  return result;
}

// ---------------------------------------------------------------------------

export function diffVersions(from: VersionSnapshot, to: VersionSnapshot): VersionDiff {
  const text: Record<TextField, TextDiff> = {
    description: diffText(from.description, to.description),
    notes: diffText(from.notes, to.notes),
    packaging: diffText(from.packaging, to.packaging),
  };
  const characteristics = diffCharacteristics(from.characteristics, to.characteristics);
  const materials = matchByKey(from.materials, to.materials, (a, b): MaterialChange | null => {
    const fields = fieldChanges(a, b, ["material", "grade", "source"] as const);
    return fields.length ? { key: b.key, from: a, to: b, fields } : null;
  });
  const defectExamples = matchByKey(from.defectExamples, to.defectExamples, diffDefectExample);
  const attachments = diffAttachments(from.attachments, to.attachments);

  const counts = {
    textFields: Object.values(text).filter((t) => t.changed).length,
    characteristics: {
      added: characteristics.added.length,
      removed: characteristics.removed.length,
      changed: characteristics.changed.length,
      moved: characteristics.moved.length,
      toleranceChanged: characteristics.changed.filter((c) => c.toleranceChanged).length,
      classChanged: characteristics.changed.filter((c) => c.classChange).length,
    },
    materials: { added: materials.added.length, removed: materials.removed.length, changed: materials.changed.length },
    defectExamples: { added: defectExamples.added.length, removed: defectExamples.removed.length, changed: defectExamples.changed.length },
    attachments: {
      added: attachments.added.length,
      removed: attachments.removed.length,
      replaced: attachments.replaced.length,
      renamed: attachments.renamed.length,
    },
  };
  const c = counts.characteristics;
  const total =
    counts.textFields +
    c.added +
    c.removed +
    c.changed +
    c.moved +
    Object.values(counts.materials).reduce((s, n) => s + n, 0) +
    Object.values(counts.defectExamples).reduce((s, n) => s + n, 0) +
    Object.values(counts.attachments).reduce((s, n) => s + n, 0);

  return {
    from: { id: from.id, number: from.number },
    to: { id: to.id, number: to.number },
    text,
    characteristics,
    materials,
    defectExamples,
    attachments,
    summary: { ...counts, total, isEmpty: total === 0 },
  };
}
