import { describe, expect, it } from "vitest";
import { characteristic as c, visualCheck } from "~/features/specs/characteristic.fixtures.ts";
import type { CharacteristicSnapshot } from "~/features/specs/snapshot.ts";
import { translateMessage, translatorFor } from "~/lib/i18n/translate.server.ts";
import { csvFileName, MAX_CSV_LINES, parseCsv, toCsv, type CsvExportInput } from "./csv.ts";

const en = translatorFor("en", "firstArticles");
const specsIn = { en: translatorFor("en", "specs"), "zh-CN": translatorFor("zh-CN", "specs"), "en-XA": translatorFor("en-XA", "specs") };
const csvOf = (input: CsvExportInput) => toCsv(input, en, specsIn.en);
/** The import as an English reader sees it: its refusals written out. */
const parse = (text: string, characteristics: readonly CharacteristicSnapshot[], sampleCount: number, languages = [en]) => {
  const result = parseCsv(text, characteristics, sampleCount, languages);
  return { ...result, errors: result.errors.map((error) => translateMessage("en", error)) };
};

const spec = [
  c({ key: "a", number: "1", name: "Rim outer diameter" }),
  c({ key: "b", number: "2.1", name: 'Handle "C" width, inner\nside', nominal: "0", lowerTol: "-0.05", upperTol: "0.05" }),
  visualCheck({ key: "c", number: "3", name: '=HYPERLINK("http://x")', class: "CRITICAL" }),
  c({ key: "d", number: "4", name: "Pull force", nominal: "50", lowerTol: "0", upperTol: null, unit: "N" }),
];
const meta = { title: "Stoneware mug, 350 ml", productCode: "MUG-350", version: 3, poNumber: "PO 4500", round: 2 };
const readings = { a: ["95.1", "95.6", ""], b: ["-0.05", "0.02", "0.051"], c: ["PASS", "FAIL", ""], d: ["50", "49.9", "=1+1"] };

const linesOf = (csv: string) => csv.replace(/^\uFEFF/, "").split("\r\n");

describe("toCsv", () => {
  const csv = csvOf({ ...meta, characteristics: spec, sampleCount: 3, readings });
  const lines = linesOf(csv);

  it("starts with a byte-order mark and uses CRLF", () => {
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(csv.endsWith("\r\n")).toBe(true);
  });
  it("writes title lines, then the header line", () => {
    expect(lines[0]).toBe('First article,"Stoneware mug, 350 ml",,,,,,,,,');
    expect(lines[3]).toBe("PO number,PO 4500,,,,,,,,,");
    expect(lines[6]).toBe("Number,Characteristic,Requirement,Class,Sample 1,Sample 2,Sample 3,Min,Max,Mean,Verdict");
  });
  it("writes readings with the row summary", () => {
    expect(lines[7]).toBe("1,Rim outer diameter,95 ± 0.5 mm,major,95.1,95.6,,95.1,95.6,95.35,Fail");
    expect(lines[10]).toBe("4,Pull force,at least 50 N,major,50,49.9,'=1+1,49.9,50,50.0,Fail");
  });
  it("quotes quotes, commas and newlines", () => {
    expect(csv).toContain('2.1,"Handle ""C"" width, inner\nside",0 ± 0.05 mm,major,-0.05,0.02,0.051,-0.05,0.051,0.007,Fail');
  });
  it("keeps negative numbers as numbers but defuses formulas", () => {
    expect(csv).toContain(",-0.05,");
    expect(csv).toContain(`3,"'=HYPERLINK(""http://x"")",Pass / fail,critical,PASS,FAIL,,,,,Fail`);
    const tricky = csvOf({
      ...meta,
      title: "@SUM(A1)",
      characteristics: [c({ name: "-shaft", number: "+1" }), c({ key: "t", name: "\tx", number: "5" })],
      sampleCount: 1,
      readings: {},
    });
    expect(linesOf(tricky)[0]).toBe("First article,'@SUM(A1),,,,,,,");
    expect(tricky).toContain("+1,'-shaft,");
    expect(tricky).toContain("5,'\tx,");
    expect(linesOf(csvOf({ ...meta, title: "＝1+1", characteristics: [], sampleCount: 1, readings: {} }))[0]).toBe("First article,'＝1+1,,,,,,,");
  });
  it("writes a reading typed with a decimal comma as a number", () => {
    expect(csvOf({ ...meta, characteristics: [spec[0]!], sampleCount: 1, readings: { a: ["95,2"] } })).toContain("major,95.2,95.2");
  });
  it("writes the requirement with the precision the spec writer typed", () => {
    const wall = c({ key: "w", number: "7", name: "Wall", nominal: "0.60", lowerTol: "-0.05", upperTol: "0.10" });
    expect(linesOf(csvOf({ ...meta, characteristics: [wall], sampleCount: 1, readings: { w: ["0.650"] } }))[7]).toBe(
      "7,Wall,0.60 +0.10 / −0.05 mm,major,0.650,0.650,0.650,0.650,Pass",
    );
  });
  it("says a row that the spec gives no limits for cannot be judged", () => {
    const orphan = c({ key: "o", number: "8", nominal: null });
    expect(linesOf(csvOf({ ...meta, characteristics: [orphan], sampleCount: 1, readings: { o: ["95.1"] } }))[7]).toBe(
      "8,Height,± 0.5 mm (cannot be judged: no nominal value),major,95.1,95.1,95.1,95.10,Cannot be judged",
    );
  });
  it("names the file after the first article", () => expect(csvFileName(meta)).toBe("MUG-350_v3_PO-PO-4500_round-2.csv"));
});

describe("parseCsv", () => {
  it("round-trips the export, formula-looking text included", () => {
    const csv = csvOf({ ...meta, characteristics: spec, sampleCount: 3, readings });
    expect(parse(csv, spec, 3)).toEqual({ readings, errors: [], matched: 4 });
  });
  it("round-trips an empty export filled in", () => {
    const blank = csvOf({ ...meta, characteristics: spec, sampleCount: 2, readings: {} });
    const filled = blank.replace("major,,,,,,Incomplete", "major,95.0,94.8,,,,Incomplete");
    expect(parse(filled, spec, 2).readings.a).toEqual(["95.0", "94.8"]);
  });
  it("accepts a sheet with only Number and Sample columns, any case, any order", () => {
    const result = parse("sample 2,NUMBER,Sample 1\n95.2,1,95.1\n0.01,2.1,\n", spec, 2);
    expect(result).toEqual({ readings: { a: ["95.1", "95.2"], b: ["", "0.01"] }, errors: [], matched: 2 });
  });
  it("reads CRLF, CR and LF line ends and strips a byte-order mark", () => {
    for (const eol of ["\r\n", "\r", "\n"]) {
      expect(parse(`\uFEFFNumber,Sample 1${eol}1,95${eol}3,pass`, spec, 1).readings).toEqual({ a: ["95"], c: ["pass"] });
    }
  });
  it("reads semicolon files with decimal commas, as Excel writes them in many locales", () => {
    expect(parse('Number;Sample 1;Sample 2\n1;95,1;"94,9"\n', spec, 2).readings).toEqual({ a: ["95,1", "94,9"] });
  });
  it("reads tab-separated text pasted from a sheet", () => {
    expect(parse("Number\tSample 1\n1\t95.3\n", spec, 1).readings).toEqual({ a: ["95.3"] });
  });
  it("ignores summary and unknown columns, and blank lines", () => {
    const result = parse("Number,Sample 1,Min,Max,Mean,Verdict,Notes\n\n1,95,1,2,3,Pass,hello\n,,,,\n", spec, 1);
    expect(result).toEqual({ readings: { a: ["95"] }, errors: [], matched: 1 });
  });
  it("names the line of a number that is not in the spec", () => {
    expect(parse("Number,Sample 1\n1,95\n9,12\n", spec, 1).errors).toEqual(["Line 3: characteristic 9 is not in this spec version."]);
  });
  it("refuses rows listed twice and readings without a number", () => {
    expect(parse("Number,Sample 1\n1,95\n,12\n1,96\n", spec, 1).errors).toEqual([
      "Line 3: readings without a characteristic number.",
      "Line 4: characteristic 1 is listed twice (also on line 2).",
    ]);
  });
  it("refuses more sample columns than the first article has", () => {
    const result = parse("Number,Sample 1,Sample 2,Sample 3\n1,1,2,3\n", spec, 2);
    expect(result.errors).toEqual(["Line 1: the file has a Sample 3 column, but this first article has 2 samples."]);
    expect(result.matched).toBe(0);
  });
  it("refuses a file without a header line", () => {
    expect(parse("1,95\n2,96\n", spec, 1).errors[0]).toMatch(/No header line/);
    expect(parse("Number,Characteristic\n1,Height\n", spec, 1).errors[0]).toMatch(/No header line/);
  });
  it("finds the header past title lines that mention Number", () => {
    expect(parse("First article,Number plate\n\nNumber,Sample 1\n1,95\n", spec, 1).readings).toEqual({ a: ["95"] });
  });
  it("reports an unclosed quote", () => {
    expect(parse('Number,Sample 1\n1,"95\n', spec, 1).errors[0]).toMatch(/Line 2: a quoted value is not closed/);
  });
  it("caps the size and the number of lines", () => {
    expect(parse(`Number,Sample 1\n${"x".repeat(1_000_001)}`, spec, 1).errors).toEqual(["The file is larger than 1 MB."]);
    expect(parse(`Number,Sample 1\n${"é".repeat(600_000)}`, spec, 1).errors).toEqual(["The file is larger than 1 MB."]);
    expect(parse(`Number,Sample 1\n${"\n".repeat(MAX_CSV_LINES)}`, spec, 1).errors).toEqual(["The file has more than 2,000 lines."]);
  });
  it("caps how long a cell can be", () => {
    expect(parse(`Number,Sample 1\n1,${"9".repeat(100)}\n`, spec, 1).readings.a).toEqual(["9".repeat(40)]);
  });
  it("keeps the list of errors readable", () => {
    const rows = Array.from({ length: 40 }, (_, i) => `${100 + i},1`).join("\n");
    const errors = parse(`Number,Sample 1\n${rows}`, spec, 1).errors;
    expect(errors).toHaveLength(31);
    expect(errors.at(-1)).toBe("… and 10 more problems.");
  });
});

describe("CSV in the reader's language", () => {
  const zh = translatorFor("zh-CN", "firstArticles");
  const pseudo = translatorFor("en-XA", "firstArticles");
  const input = { ...meta, characteristics: spec, sampleCount: 3, readings };

  it("writes the title lines, headers and verdicts in Chinese, the readings and names as they are", () => {
    const lines = linesOf(toCsv(input, zh, specsIn["zh-CN"]));
    expect(lines[0]).toBe('首件检验,"Stoneware mug, 350 ml",,,,,,,,,');
    expect(lines[6]).toBe("编号,特性,要求,等级,样品 1,样品 2,样品 3,最小值,最大值,平均值,判定");
    expect(lines[7]).toBe("1,Rim outer diameter,95 ± 0.5 mm,主要,95.1,95.6,,95.1,95.6,95.35,不合格");
  });
  it("writes every header from the catalogue (pseudo-locale)", () => {
    const header = linesOf(toCsv(input, pseudo, specsIn["en-XA"]))[6]!.split(",");
    expect(header).toHaveLength(11);
    for (const cell of header) expect(cell).toMatch(/^⟦.*⟧$/);
  });
  it("reads back an export made in the reader's language, and one made in English", () => {
    for (const made of [zh, en]) expect(parse(toCsv(input, made, specsIn.en), spec, 3, [en, zh])).toEqual({ readings, errors: [], matched: 4 });
    expect(parse(toCsv(input, pseudo, specsIn["en-XA"]), spec, 3, [en, pseudo]).readings).toEqual(readings);
    expect(parse("编号,样品1,样品 2\n1,95.1,95.2\n", spec, 2, [en, zh]).readings).toEqual({ a: ["95.1", "95.2"] });
  });
  it("does not take another language's headers for English ones", () => {
    expect(parse(toCsv(input, zh, specsIn["zh-CN"]), spec, 3).errors[0]).toMatch(/^No header line/);
  });
  it("refuses in the reader's language", () => {
    const { errors } = parseCsv("Number,Sample 1\n9,12\n", spec, 1, [en, zh]);
    expect(errors.map((error) => translateMessage("zh-CN", error))).toEqual(["第 2 行：特性 9 不在此规格书版本中。"]);
    expect(translateMessage("en-XA", errors[0]!)).toMatch(/^⟦.*9.*⟧$/);
  });
});
