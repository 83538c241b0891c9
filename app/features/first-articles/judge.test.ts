import { describe, expect, it } from "vitest";
import { characteristic, visualCheck } from "~/features/specs/characteristic.fixtures.ts";
import type { CharacteristicSnapshot } from "~/features/specs/snapshot.ts";
import { translateMessage, translatorFor } from "~/lib/i18n/translate.server.ts";
import {
  cellId,
  cellProblem,
  completenessProblems,
  failReason,
  judgeCell,
  judgedMeasurements,
  parseReading,
  readingsFromForm,
  summarizeRow,
  type JudgeWords,
} from "./judge.ts";

const en = translatorFor("en", "firstArticles");
const specsEn = translatorFor("en", "specs");
/** What the judge says, as an English reader reads it. */
const said = (words: JudgeWords | null) => words && en(words.key, words.values);

const c = (over: Partial<CharacteristicSnapshot> = {}) => characteristic({ key: "k1", number: "2", name: "Rim outer diameter", ...over });
const visual = visualCheck({ key: "k2", number: "3" });

describe("parseReading", () => {
  it.each([
    ["12.5", "12.5"],
    ["-0.05", "-0.05"],
    ["+3", "3"],
    ["  7 ", "7"],
    ["12,5", "12.5"],
    ["0012.50", "12.50"],
    ["-0.000", "0.000"],
    ["999999999999.999999", "999999999999.999999"],
    ["0000000000000001", "1"],
  ])("reads %j as %j", (raw, value) => expect(parseReading(raw)).toBe(value));

  it.each([",5", ".5", "12.", "OK", "pass", "", "1e3", "1,234.5", "12 5", "12.5mm", "--1", "1.1234567", "1234567890123", "0x10", "Infinity", "NaN"])(
    "refuses %j",
    (raw) => expect(parseReading(raw)).toBeNull(),
  );
});

describe("judgeCell", () => {
  it("is exact where floats are not (0.1 + 0.2 is 0.3)", () => {
    const tight = c({ nominal: "0.1", lowerTol: "0", upperTol: "0.2" });
    expect(0.1 + 0.2 <= 0.3).toBe(false); // why this module avoids floats
    expect(judgeCell(tight, "0.3")).toEqual({ verdict: "pass", value: "0.3", passed: true });
    expect(judgeCell(tight, "0.300001").verdict).toBe("fail");
    expect(judgeCell(tight, "0.1").verdict).toBe("pass");
    expect(judgeCell(tight, "0.099999").verdict).toBe("fail");
  });
  it("passes a reading exactly on a limit and fails one 0.000001 beyond", () => {
    expect(judgeCell(c(), "95.5").verdict).toBe("pass");
    expect(judgeCell(c(), "95.500000").verdict).toBe("pass");
    expect(judgeCell(c(), "94.5").verdict).toBe("pass");
    expect(judgeCell(c(), "95.500001")).toEqual({ verdict: "fail", value: "95.500001", passed: false });
    expect(judgeCell(c(), "94.499999").verdict).toBe("fail");
  });
  it("judges one-sided limits", () => {
    const min = c({ nominal: "50", lowerTol: "0", upperTol: null, unit: "N" });
    expect(judgeCell(min, "50").verdict).toBe("pass");
    expect(judgeCell(min, "999999").verdict).toBe("pass");
    expect(judgeCell(min, "49.999999").verdict).toBe("fail");
    const max = c({ nominal: "2", lowerTol: null, upperTol: "0.5" });
    expect(judgeCell(max, "-100").verdict).toBe("pass");
    expect(judgeCell(max, "2,51").verdict).toBe("fail");
  });
  it("accepts a decimal comma", () => expect(judgeCell(c(), "95,2")).toEqual({ verdict: "pass", value: "95.2", passed: true }));
  it("calls words in a number cell invalid, and blank empty", () => {
    expect(judgeCell(c(), "OK")).toEqual({ verdict: "invalid", value: null, passed: null });
    expect(judgeCell(c(), "pass").verdict).toBe("invalid");
    expect(judgeCell(c(), "  ")).toEqual({ verdict: "empty", value: null, passed: null });
  });
  it("reads pass / fail checks in any case and nothing else", () => {
    expect(judgeCell(visual, "PASS")).toEqual({ verdict: "pass", value: null, passed: true });
    expect(judgeCell(visual, "fail")).toEqual({ verdict: "fail", value: null, passed: false });
    expect(judgeCell(visual, " Pass ").verdict).toBe("pass");
    expect(judgeCell(visual, "OK").verdict).toBe("invalid");
    expect(judgeCell(visual, "1").verdict).toBe("invalid");
    expect(judgeCell(visual, "").verdict).toBe("empty");
  });
  it("keeps the precision the reading was typed with", () => {
    expect(judgeCell(c({ nominal: "0.60", lowerTol: "-0.05", upperTol: "0.05" }), "0.650")).toEqual({ verdict: "pass", value: "0.650", passed: true });
    expect(said(failReason(c({ nominal: "10.00", lowerTol: "-0.10", upperTol: "0.10" }), "9.8", specsEn, "en"))).toBe(
      "9.8 is below 9.90 mm (limit 9.90 – 10.10 mm)",
    );
  });
  it("records a reading it cannot judge without failing, blocking or passing it", () => {
    // A version published before the missing-nominal rule (docs/decisions/010).
    const orphan = c({ nominal: null, lowerTol: "-0.05", upperTol: "0.05" });
    expect(judgeCell(orphan, "0.02")).toEqual({ verdict: "unjudged", value: "0.02", passed: null });
    expect(judgeCell(orphan, "OK").verdict).toBe("invalid");
    expect(said(failReason(orphan, "7", specsEn, "en"))).toBeNull();
    expect(said(cellProblem(orphan, "0.02"))).toBeNull();
    expect(said(cellProblem(orphan, ""))).toBe("empty");
    expect(summarizeRow(orphan, ["0.02", "0.04"])).toEqual({
      min: "0.02",
      max: "0.04",
      mean: "0.030",
      passed: 0,
      failing: 0,
      problems: 0,
      verdict: "unjudged",
    });
    expect(summarizeRow(orphan, ["0.02", ""]).verdict).toBe("incomplete");
  });
  it("says which limit a failing reading crosses", () => {
    expect(said(failReason(c(), "95.62", specsEn, "en"))).toBe("95.62 is above 95.5 mm (limit 94.5 – 95.5 mm)");
    expect(said(failReason(c(), "94", specsEn, "en"))).toBe("94 is below 94.5 mm (limit 94.5 – 95.5 mm)");
    expect(said(failReason(c(), "95", specsEn, "en"))).toBeNull();
    expect(said(failReason(visual, "FAIL", specsEn, "en"))).toBe("marked as fail");
  });
});

describe("the judge's words in the reader's language", () => {
  it("says why a reading fails in Chinese and in the pseudo-locale, the reading and limits as they are", () => {
    const reason = failReason(c(), "95.62", specsEn, "en")!;
    expect(translatorFor("zh-CN", "firstArticles")(reason.key, reason.values)).toBe("95.62 高于上限 95.5 mm（允许范围 94.5 – 95.5 mm）");
    expect(translatorFor("en-XA", "firstArticles")(reason.key, reason.values)).toMatch(/^⟦.*95\.62.*95\.5 mm.*94\.5 – 95\.5 mm.*⟧$/);
  });
  it("names the cell of a problem that holds back a submission, in the reader's language", () => {
    const [problem] = completenessProblems([c()], { k1: ["OK"] }, 1);
    expect(translateMessage("zh-CN", problem!.message)).toBe("2 Rim outer diameter，样品 1：“OK”不是数字");
    expect(translateMessage("en-XA", problem!.message)).toMatch(/^⟦.*Rim outer diameter.*OK.*⟧$/);
  });
});

describe("summarizeRow", () => {
  it("gives min, max and an exact mean one decimal finer than the spec", () => {
    expect(summarizeRow(c(), ["95.1", "94.9", "95,3"])).toEqual({
      min: "94.9",
      max: "95.3",
      mean: "95.10",
      passed: 3,
      failing: 0,
      problems: 0,
      verdict: "pass",
    });
    // 0.1 + 0.2 + 0.2 = 0.5 exactly; / 3 = 0.1666… → 0.17 at two decimals
    expect(summarizeRow(c({ nominal: "0.2", lowerTol: "-0.1", upperTol: "0.1" }), ["0.1", "0.2", "0.2"]).mean).toBe("0.17");
  });
  it("rounds half away from zero, negatives included", () => {
    const zero = c({ nominal: "0", lowerTol: "-1", upperTol: "1" });
    expect(summarizeRow(zero, ["0.1", "0.2"]).mean).toBe("0.2"); // 0.15 at one decimal
    expect(summarizeRow(zero, ["-0.1", "-0.2"]).mean).toBe("-0.2");
    expect(summarizeRow(zero, ["0.25", "0.2"]).mean).toBe("0.2"); // 0.225
    expect(summarizeRow(zero, ["-0.01", "0"]).mean).toBe("0.0");
  });
  it("fails a row as soon as one cell fails, even while others are empty", () => {
    expect(summarizeRow(c(), ["95.6", "", "OK"])).toMatchObject({ verdict: "fail", failing: 1, problems: 2, min: "95.6", max: "95.6", mean: "95.60" });
  });
  it("is incomplete while cells are empty or unreadable", () => {
    expect(summarizeRow(c(), ["95", ""])).toMatchObject({ verdict: "incomplete", problems: 1, passed: 1 });
    expect(summarizeRow(c(), ["", ""])).toMatchObject({ verdict: "incomplete", min: null, max: null, mean: null });
    expect(summarizeRow(c(), []).verdict).toBe("incomplete");
  });
  it("counts pass and fail for a visual check", () => {
    expect(summarizeRow(visual, ["PASS", "pass", "FAIL"])).toEqual({ min: null, max: null, mean: null, passed: 2, failing: 1, problems: 0, verdict: "fail" });
    expect(summarizeRow(visual, ["PASS", "PASS"]).verdict).toBe("pass");
  });
});

describe("completeness", () => {
  it("makes a safe cell id from the characteristic number", () => {
    expect(cellId("2", 3)).toBe("cell-2-3");
    expect(cellId("2.3 a/b", 1)).toBe("cell-2_3_a_b-1");
  });
  it("lists every cell that blocks submission, in grid order, with plain messages", () => {
    const problems = completenessProblems([c(), visual], { k1: ["95", "OK", ""], k2: ["PASS", "", "good"] }, 3);
    expect(problems.map((p) => translateMessage("en", p.message))).toEqual([
      '2 Rim outer diameter, sample 2: "OK" is not a number',
      "2 Rim outer diameter, sample 3: empty",
      "3 Glaze, sample 2: choose pass or fail",
      '3 Glaze, sample 3: "good": choose pass or fail',
    ]);
    expect(problems[0]).toEqual({ characteristicKey: "k1", number: "2", sample: 2, cellId: "cell-2-2", message: expect.any(String) });
  });
  it("does not treat an out-of-tolerance reading as incomplete", () => {
    expect(completenessProblems([c()], { k1: ["120"] }, 1)).toEqual([]);
  });
  it("treats a missing row or short row as empty cells", () => {
    expect(completenessProblems([c()], {}, 2).map((p) => p.sample)).toEqual([1, 2]);
  });
  it("explains numbers it cannot store", () => {
    expect(said(cellProblem(c(), "1.1234567"))).toBe('"1.1234567" has more than 6 decimals');
    expect(said(cellProblem(c(), "1234567890123"))).toBe('"1234567890123" is too large');
    expect(said(cellProblem(c(), "95"))).toBeNull();
  });
});

describe("form readings", () => {
  it("reads m.<key>.<sample> inputs, trimmed and capped", () => {
    const form = new FormData();
    form.set("m.k1.1", " 95,1 ");
    form.set("m.k1.2", "x".repeat(100));
    form.set("m.k2.1", "PASS");
    form.set("m.k2.3", new Blob(["95"]), "file.txt");
    expect(readingsFromForm(form, [c(), visual], 3)).toEqual({ k1: ["95,1", "x".repeat(40), ""], k2: ["PASS", "", ""] });
  });
  it("turns readings into rows to store, raw kept as typed", () => {
    expect(judgedMeasurements([c(), visual], { k1: ["95,1", "OK", ""], k2: ["fail"] }, 3)).toEqual([
      { characteristicKey: "k1", sample: 1, raw: "95,1", value: "95.1", passed: true },
      { characteristicKey: "k1", sample: 2, raw: "OK", value: null, passed: null },
      { characteristicKey: "k2", sample: 1, raw: "fail", value: null, passed: false },
    ]);
  });
});
