// Measurements as CSV: an export the importer can file or open in a
// spreadsheet, and an import so a factory can fill its readings in Excel and
// upload them. The usual round trip is: download the export, type into the
// Sample columns, upload it again — so the parser finds its way past the
// export's title lines and ignores the summary columns it wrote itself.
// The export speaks the language of whoever downloads it; the import reads the
// headers of English and of the importer's language, so a file made in either
// (or passed between colleagues) is read the same.

import { requirementText } from "~/features/specs/characteristic.ts";
import type { CharacteristicSnapshot } from "~/features/specs/snapshot.ts";
import { isDecimal } from "~/lib/decimal.ts";
import { message } from "~/lib/i18n/message.ts";
import type { Translate } from "~/lib/i18n/translate.ts";
import { judgeCell, MAX_RAW_LENGTH, summarizeRow, type Readings } from "~/features/first-articles/judge.ts";

type Words = Translate<"firstArticles">;

export interface CsvExportInput {
  title: string;
  productCode: string;
  version: number | string;
  poNumber: string;
  round: number;
  characteristics: readonly CharacteristicSnapshot[];
  sampleCount: number;
  readings: Readings;
}

// The file's numbers are written with a decimal point, as a spreadsheet reads its readings.
const FILE_NUMBERS = "en";

export interface CsvImportResult {
  /** Only characteristics that have a row in the file; each row holds every sample ("" where the file has none). */
  readings: Readings;
  /** Sentences naming the line, as message() text; when not empty the import should be refused as a whole. */
  errors: string[];
  /** Rows matched to a characteristic. */
  matched: number;
}

export const MAX_CSV_BYTES = 1_000_000;
export const MAX_CSV_LINES = 2_000;
const MAX_ERRORS = 30;

// ---------------------------------------------------------------------------
// Writing

// Spreadsheets run a cell starting with one of these as a formula (the
// full-width forms too, in East Asian locales). A leading apostrophe makes it
// text. Plain numbers such as "-0.05" are left alone: they are not formulas,
// and an apostrophe would turn the reading into text.
const FORMULA_START = /^[=+\-@\t\r＝＋－＠]/;

function protect(cell: string): string {
  return FORMULA_START.test(cell) && !isDecimal(cell) ? `'${cell}` : cell;
}

function unprotect(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;
}

function field(cell: string): string {
  const safe = protect(cell);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const line = (cells: readonly string[], width: number) => [...cells, ...Array<string>(Math.max(0, width - cells.length)).fill("")].map(field).join(",");

/**
 * The value as a spreadsheet should see it: "12,5" typed is written 12.5, a pass/fail check as
 * PASS/FAIL in every language (they are readings: the import and the grid read exactly these).
 */
function exportedCell(c: CharacteristicSnapshot, raw: string): string {
  const judged = judgeCell(c, raw);
  if (judged.value !== null) return judged.value;
  if (c.kind === "ATTRIBUTE" && judged.passed !== null) return judged.passed ? "PASS" : "FAIL";
  // What cannot be read is kept as typed, so nothing typed is lost on the way through a spreadsheet.
  return raw.trim();
}

/**
 * RFC 4180 text (CRLF, quoted where needed) with a byte-order mark so that
 * spreadsheets read names in any script correctly. A few title lines come
 * first, then a blank line and the table's header line. In the reader's words (`t`, and `specs`
 * for the requirement column).
 */
export function toCsv(input: CsvExportInput, t: Words, specs: Translate<"specs">): string {
  const { characteristics, sampleCount, readings } = input;
  const samples = Array.from({ length: sampleCount }, (_, i) => i + 1);
  const header = [
    t("csv.header.number"),
    t("csv.header.characteristic"),
    t("csv.header.requirement"),
    t("csv.header.class"),
    ...samples.map((sample) => t("csv.header.sample", { sample })),
    t("csv.header.min"),
    t("csv.header.max"),
    t("csv.header.mean"),
    t("csv.header.verdict"),
  ];
  const width = header.length;
  const lines = [
    line([t("csv.title.firstArticle"), input.title], width),
    line([t("csv.title.productCode"), input.productCode], width),
    line([t("csv.title.specVersion"), String(input.version)], width),
    line([t("csv.title.poNumber"), input.poNumber], width),
    line([t("csv.title.round"), String(input.round)], width),
    line([], width),
    line(header, width),
  ];
  for (const c of characteristics) {
    const raws = samples.map((s) => readings[c.key]?.[s - 1] ?? "");
    const summary = summarizeRow(c, raws);
    const stats = c.kind === "ATTRIBUTE" ? ["", "", ""] : [summary.min ?? "", summary.max ?? "", summary.mean ?? ""];
    const requirement = requirementText(c, specs, FILE_NUMBERS);
    lines.push(
      line(
        [
          c.number,
          c.name,
          requirement,
          t(`report.class.${c.class}`),
          ...raws.map((raw) => exportedCell(c, raw)),
          ...stats,
          t(`csv.verdict.${summary.verdict}`),
        ],
        width,
      ),
    );
  }
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

/** A download name that says which first article it is: "R-100_v3_PO-4500_round-2.csv". */
export function csvFileName(input: Pick<CsvExportInput, "productCode" | "version" | "poNumber" | "round">): string {
  const part = (value: string) =>
    value
      .trim()
      .replace(/[^A-Za-z0-9._-]+/g, "-")
      .replace(/^-+|-+$/g, "") || "x";
  return `${part(input.productCode)}_v${part(String(input.version))}_PO-${part(input.poNumber)}_round-${input.round}.csv`;
}

// ---------------------------------------------------------------------------
// Reading

interface ParsedRecords {
  records: string[][];
  error: string | null;
}

const tooManyLines = message("firstArticles", "csv.error.tooManyLines", { max: MAX_CSV_LINES });

/** RFC 4180, tolerant the way spreadsheets are: LF or CR line ends, stray quotes inside unquoted fields kept as text. */
function parseRecords(text: string, delimiter: string): ParsedRecords {
  const records: string[][] = [];
  let record: string[] = [];
  let cell = "";
  let inQuotes = false;
  let quotedCell = false;
  let i = 0;
  const endRecord = () => {
    record.push(cell);
    records.push(record);
    record = [];
    cell = "";
    quotedCell = false;
  };
  while (i < text.length) {
    const ch = text[i]!;
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i += 2;
          continue;
        }
        inQuotes = false;
      } else cell += ch;
      i++;
      continue;
    }
    if (ch === '"' && cell === "" && !quotedCell) {
      inQuotes = true;
      quotedCell = true;
    } else if (ch === delimiter) {
      record.push(cell);
      cell = "";
      quotedCell = false;
    } else if (ch === "\r" || ch === "\n") {
      endRecord();
      if (ch === "\r" && text[i + 1] === "\n") i++;
      if (records.length > MAX_CSV_LINES) return { records, error: tooManyLines };
    } else cell += ch;
    i++;
  }
  if (inQuotes) return { records, error: message("firstArticles", "csv.error.unclosedQuote", { line: records.length + 1 }) };
  if (cell !== "" || record.length > 0) endRecord();
  if (records.length > MAX_CSV_LINES) return { records, error: tooManyLines };
  return { records, error: null };
}

const normHeader = (cell: string) => unprotect(cell.trim()).trim();

/** The header words a file may use, in each of the given languages: the Number column's name, and a pattern for "Sample 3". */
interface HeaderWords {
  numbers: Set<string>;
  samples: RegExp[];
}

// Stands for the sample's number while a language's "Sample {sample}" is turned into a pattern.
const SAMPLE_SLOT = "\uE000";
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function headerWords(languages: readonly Words[]): HeaderWords {
  return {
    numbers: new Set(languages.map((t) => t("csv.header.number").trim().toLocaleLowerCase())),
    samples: languages.map((t) => {
      const [before = "", after = ""] = t("csv.header.sample", { sample: SAMPLE_SLOT }).trim().split(SAMPLE_SLOT).map(escapeRegExp);
      // Spaces around the number are optional ("Sample 1", "Sample1", "样品 1", "样品1").
      return new RegExp(`^${before.replace(/\s+$/, "")}\\s*(\\d+)\\s*${after.replace(/^\s+/, "")}$`, "iu");
    }),
  };
}

function sampleOf(cell: string, words: HeaderWords): number | null {
  for (const pattern of words.samples) {
    const match = pattern.exec(cell);
    if (match) return Number(match[1]);
  }
  return null;
}

interface Header {
  index: number;
  numberColumn: number;
  /** Column index → 1-based sample. */
  sampleColumns: Map<number, number>;
}

function findHeader(records: readonly string[][], words: HeaderWords): Header | null {
  // Title lines may say anything (a product may be called "Number plate"), so
  // the header is the first line with both a Number and a Sample column.
  for (let index = 0; index < records.length; index++) {
    const cells = records[index]!.map(normHeader);
    const numberColumn = cells.findIndex((cell) => words.numbers.has(cell.toLocaleLowerCase()));
    if (numberColumn === -1) continue;
    const sampleColumns = new Map<number, number>();
    cells.forEach((cell, column) => {
      const sample = sampleOf(cell, words);
      if (sample !== null) sampleColumns.set(column, sample);
    });
    if (sampleColumns.size > 0) return { index, numberColumn, sampleColumns };
  }
  return null;
}

function byteLength(text: string): number {
  return new TextEncoder().encode(text).length;
}

/**
 * Readings from a CSV, matched to characteristics by the Number column. Accepts
 * the export of `toCsv`, or any sheet with a Number column and Sample 1…N
 * columns, their names in any of `languages` (English and the importer's);
 * other columns are ignored. Comma, semicolon (Excel where the decimal mark is
 * a comma) and tab separated files are all read.
 */
export function parseCsv(text: string, characteristics: readonly CharacteristicSnapshot[], sampleCount: number, languages: readonly Words[]): CsvImportResult {
  const fail = (error: string): CsvImportResult => ({ readings: {}, errors: [error], matched: 0 });
  if (text.length > MAX_CSV_BYTES || byteLength(text) > MAX_CSV_BYTES) return fail(message("firstArticles", "csv.error.tooLarge"));
  const words = headerWords(languages);
  const body = text.replace(/^\uFEFF/, "");

  let parsed: ParsedRecords | null = null;
  let header: Header | null = null;
  for (const delimiter of [",", ";", "\t"]) {
    const attempt = parseRecords(body, delimiter);
    if (attempt.error) return fail(attempt.error);
    const found = findHeader(attempt.records, words);
    if (found) {
      parsed = attempt;
      header = found;
      break;
    }
  }
  if (!parsed || !header) return fail(message("firstArticles", "csv.error.noHeader"));

  const errors: string[] = [];
  const seenSamples = new Map<number, number>();
  for (const [column, sample] of header.sampleColumns) {
    const at = { line: header.index + 1, sample };
    if (sample < 1) errors.push(message("firstArticles", "csv.error.sampleBelowOne", at));
    else if (sample > sampleCount) errors.push(message("firstArticles", "csv.error.tooManySamples", { ...at, count: sampleCount }));
    else if (seenSamples.has(sample)) errors.push(message("firstArticles", "csv.error.sampleTwice", at));
    else seenSamples.set(sample, column);
  }
  if (errors.length) return { readings: {}, errors, matched: 0 };

  const byNumber = new Map(characteristics.map((c) => [c.number.trim().toLowerCase(), c]));
  const seenRows = new Map<string, number>();
  const readings: Readings = {};
  let matched = 0;
  for (let index = header.index + 1; index < parsed.records.length; index++) {
    const cells = parsed.records[index]!.map((cell) => unprotect(cell.trim()).trim());
    if (cells.every((cell) => cell === "")) continue;
    const lineNo = index + 1;
    const number = cells[header.numberColumn] ?? "";
    const hasReadings = [...seenSamples.values()].some((column) => (cells[column] ?? "") !== "");
    if (number === "") {
      if (hasReadings) errors.push(message("firstArticles", "csv.error.noNumber", { line: lineNo }));
      continue;
    }
    const c = byNumber.get(number.toLowerCase());
    if (!c) {
      errors.push(message("firstArticles", "csv.error.unknownNumber", { line: lineNo, number }));
      continue;
    }
    const firstLine = seenRows.get(c.key);
    if (firstLine !== undefined) {
      errors.push(message("firstArticles", "csv.error.listedTwice", { line: lineNo, number, first: firstLine }));
      continue;
    }
    seenRows.set(c.key, lineNo);
    readings[c.key] = Array.from({ length: sampleCount }, (_, i) => {
      const column = seenSamples.get(i + 1);
      return column === undefined ? "" : (cells[column] ?? "").slice(0, MAX_RAW_LENGTH);
    });
    matched++;
  }
  if (errors.length > MAX_ERRORS) {
    const more = errors.length - MAX_ERRORS;
    errors.splice(MAX_ERRORS, more, message("firstArticles", "csv.error.more", { count: more }));
  }
  return { readings, errors, matched };
}
