import { describe, expect, it } from "vitest";
import { characteristic as c, visualCheck } from "./characteristic.fixtures.ts";
import { translateMessage, translatorFor } from "~/lib/i18n/translate.server.ts";
import {
  acceptanceOf,
  type CharacteristicValues,
  displayNumber,
  limitProblemMessage,
  limitProblems,
  limitsOf,
  limitsText as limitsIn,
  precisionOf,
  requirementText as requirementIn,
  sameLimits,
  whyNotJudged as whyNotJudgedIn,
} from "./characteristic.ts";

type Shown = CharacteristicValues & { unit?: string | null };
// Most of these read the English words; the last block reads other languages.
const en = translatorFor("en", "specs");
const limitsText = (c: Shown) => limitsIn(c, en, "en");
const requirementText = (c: Shown) => requirementIn(c, en, "en");
const whyNotJudged = (c: CharacteristicValues) => whyNotJudgedIn(c, en);

describe("limits", () => {
  it("adds tolerances to the nominal exactly", () => {
    expect(limitsOf(c({ nominal: "0.1", lowerTol: "-0.3", upperTol: "0.2" }))).toEqual({ lower: "-0.2", upper: "0.3" });
    expect(limitsOf(c())).toEqual({ lower: "94.5", upper: "95.5" });
  });
  it("leaves a side open when its tolerance is missing: a minimum or a maximum only", () => {
    expect(limitsOf(c({ nominal: "50", lowerTol: "0", upperTol: null }))).toEqual({ lower: "50", upper: null });
    expect(limitsOf(c({ nominal: "2", lowerTol: null, upperTol: "0.5" }))).toEqual({ lower: null, upper: "2.5" });
  });
  it("keeps the larger precision of nominal and tolerance", () => {
    expect(limitsOf(c({ nominal: "10.0", lowerTol: "-0.05", upperTol: "0.05" }))).toEqual({ lower: "9.95", upper: "10.05" });
    expect(limitsOf(c({ nominal: "10.00", lowerTol: "-0.10", upperTol: "0.10" }))).toEqual({ lower: "9.90", upper: "10.10" });
    expect(limitsOf(c({ nominal: "95", lowerTol: "-0.50", upperTol: "1.0" }))).toEqual({ lower: "94.50", upper: "96.0" });
  });
  it("has none for a visual check", () => {
    expect(limitsOf(visualCheck())).toBeNull();
    expect(acceptanceOf(visualCheck())).toEqual({ kind: "pass-fail" });
  });
  it("writes them plainly", () => {
    expect(limitsText(c())).toBe("94.5 – 95.5 mm");
    expect(limitsText(c({ nominal: "50", lowerTol: "0", upperTol: null, unit: "N" }))).toBe("at least 50 N");
    expect(limitsText(c({ nominal: "2", lowerTol: null, upperTol: "0.5" }))).toBe("at most 2.5 mm");
    expect(limitsText(c({ nominal: "0", lowerTol: "-0.05", upperTol: "0.05" }))).toBe("−0.05 – 0.05 mm");
    expect(limitsText(visualCheck())).toBe("pass / fail");
  });
  it("compares windows by value, not by spelling", () => {
    expect(sameLimits({ lower: "94.50", upper: null }, { lower: "94.5", upper: null })).toBe(true);
    expect(sameLimits({ lower: "94.5", upper: "95.5" }, { lower: "94.5", upper: null })).toBe(false);
  });
});

describe("the missing-nominal rule", () => {
  // Limits are counted from the nominal. A tolerance without one cannot be
  // judged (reading it as 0 would pass a 95 mm part against "± 0.5"), so the
  // editor refuses it, and a version published before the rule says so
  // wherever it is shown instead of guessing.
  it("cannot judge a tolerance without a nominal", () => {
    const orphan = c({ nominal: null, lowerTol: "-0.05", upperTol: "0.05" });
    expect(limitsOf(orphan)).toBeNull();
    expect(whyNotJudged(orphan)).toBe("no nominal value");
    expect(limitProblems(orphan)).toEqual([{ code: "no-nominal", field: "nominal", id: "noNominal" }]);
    expect(translateMessage("en", limitProblemMessage(limitProblems(orphan)[0]!))).toBe("Enter the nominal value: the tolerances are counted from it");
    expect(requirementText(orphan)).toBe("± 0.05 mm (cannot be judged: no nominal value)");
    expect(limitsText(orphan)).toBe("cannot be judged: no nominal value");
    expect(whyNotJudged(c({ nominal: "  ", upperTol: "0.1" }))).toBe("no nominal value");
  });
  it("judges a minimum or a maximum only, counted from its nominal", () => {
    expect(limitProblems(c({ nominal: "50", lowerTol: "0", upperTol: null }))).toEqual([]);
    expect(limitProblems(c({ nominal: "0.00", lowerTol: null, upperTol: "0.05" }))).toEqual([]);
  });
  it("cannot judge a nominal without any tolerance", () => {
    const bare = c({ nominal: "95", lowerTol: null, upperTol: "" });
    expect(limitsOf(bare)).toBeNull();
    expect(limitProblems(bare)).toEqual([{ code: "no-tolerance", field: "upperTol", id: "noTolerance" }]);
    expect(translateMessage("en", limitProblemMessage(limitProblems(bare)[0]!))).toBe("Give at least one tolerance");
    expect(requirementText(bare)).toBe("95 mm (cannot be judged: no tolerance)");
  });
  it("cannot judge limits that cross", () => {
    const crossed = c({ nominal: "82.5", lowerTol: "1", upperTol: "-1" });
    expect(limitsOf(crossed)).toBeNull();
    expect(limitProblems(crossed).map((p) => [p.field, translateMessage("en", limitProblemMessage(p))])).toEqual([
      ["lowerTol", "The lower tolerance must not be above the upper one"],
    ]);
    expect(requirementText(crossed)).toBe("82.5 −1 / +1 mm (cannot be judged: the lower limit is above the upper one)");
  });
  it("names every problem of a row for the editor, numbers that are not numbers included", () => {
    expect(limitProblems({ kind: "VARIABLE", lowerTol: "x" }).map((p) => [p.code, p.field])).toEqual([
      ["not-a-number", "lowerTol"],
      ["no-nominal", "nominal"],
    ]);
    expect(requirementText(c({ nominal: null, lowerTol: null, upperTol: null }))).toBe("Cannot be judged: no nominal value");
  });
  it("never asks a visual check for numbers", () => {
    expect(limitProblems(visualCheck())).toEqual([]);
    expect(whyNotJudged(visualCheck({ nominal: "5" }))).toBeNull();
  });
});

describe("requirement as written on a drawing", () => {
  it("writes equal tolerances as ±", () => expect(requirementText(c({}))).toBe("95 ± 0.5 mm"));
  it("writes unequal tolerances upper first, with a real minus sign", () =>
    expect(requirementText(c({ nominal: "82", lowerTol: "-0.2", upperTol: "0.3" }))).toBe("82 +0.3 / −0.2 mm"));
  it("writes a lower limit only as 'at least'", () =>
    expect(requirementText(c({ nominal: "50", lowerTol: "0", upperTol: null, unit: "N" }))).toBe("at least 50 N"));
  it("writes an upper limit only as 'at most'", () =>
    expect(requirementText(c({ nominal: "2", lowerTol: null, upperTol: "0.5", unit: "mm" }))).toBe("at most 2.5 mm"));
  it("writes a visual check as pass / fail", () => expect(requirementText(c({ kind: "ATTRIBUTE" }))).toBe("Pass / fail"));
  it("keeps the precision the spec writer typed", () => {
    expect(requirementText(c({ nominal: "10.00", lowerTol: "-0.05", upperTol: "0.05" }))).toBe("10.00 ± 0.05 mm");
    expect(requirementText(c({ nominal: "0.60", lowerTol: "-0.05", upperTol: "0.10" }))).toBe("0.60 +0.10 / −0.05 mm");
    expect(requirementText(c({ nominal: "12", lowerTol: "-1.0", upperTol: "1.0" }))).toBe("12 ± 1.0 mm");
    expect(requirementText(c({ nominal: "10.0", lowerTol: "-0.05", upperTol: null }))).toBe("at least 9.95 mm");
    expect(requirementText(c({ nominal: "10.00", lowerTol: null, upperTol: "0.10" }))).toBe("at most 10.10 mm");
  });
  it("writes tolerances of different precision on each side apart", () =>
    expect(requirementText(c({ nominal: "5", lowerTol: "-0.05", upperTol: "0.050" }))).toBe("5 +0.050 / −0.05 mm"));
  it("writes a zero tolerance without a sign and a negative nominal with a real minus", () => {
    expect(requirementText(c({ nominal: "82", lowerTol: "0", upperTol: "0.3" }))).toBe("82 +0.3 / 0 mm");
    expect(requirementText(c({ nominal: "-5", lowerTol: "-0.5", upperTol: "0.5", unit: "°C" }))).toBe("−5 ± 0.5 °C");
  });
});

describe("display", () => {
  it("shows a decimal with a real minus sign and every typed decimal", () => {
    expect(displayNumber("-0.05")).toBe("−0.05");
    expect(displayNumber("0.60")).toBe("0.60");
  });
  it("reports to the most decimals the spec writer used", () => {
    expect(precisionOf(c({ nominal: "95", lowerTol: "-0.5", upperTol: "0.50" }))).toBe(2);
    expect(precisionOf(visualCheck())).toBe(0);
  });
});

describe("in the reader's language", () => {
  const zh = translatorFor("zh-CN", "specs");
  const pseudo = translatorFor("en-XA", "specs");
  const vi = translatorFor("vi", "specs");

  it("writes limits and requirements in Chinese, the drawing notation as it is", () => {
    expect(limitsIn(c(), zh, "zh-CN")).toBe("94.5 – 95.5 mm");
    expect(limitsIn(c({ nominal: "50", lowerTol: "0", upperTol: null, unit: "N" }), zh, "zh-CN")).toBe("不小于 50 N");
    expect(limitsIn(visualCheck(), zh, "zh-CN")).toBe("合格 / 不合格");
    expect(requirementIn(c({ nominal: "82", lowerTol: "-0.2", upperTol: "0.3" }), zh, "zh-CN")).toBe("82 +0.3 / −0.2 mm");
    expect(requirementIn(c({ nominal: null, lowerTol: "-0.05", upperTol: "0.05" }), zh, "zh-CN")).toBe("± 0.05 mm（无法判定：没有标称值）");
    expect(whyNotJudgedIn(c({ nominal: "95", lowerTol: null, upperTol: null }), zh)).toBe("没有公差");
  });

  it("leaves no English word in the pseudo-locale", () => {
    expect(limitsIn(c({ nominal: "2", lowerTol: null, upperTol: "0.5" }), pseudo, "en-XA")).toBe("⟦ȧŧ ḿǿşŧ 2.5 mm⟧");
    expect(requirementIn(c({ nominal: null, lowerTol: null, upperTol: null }), pseudo, "en-XA")).toBe("⟦Ƈȧƞƞǿŧ ƀḗ jŭḓɠḗḓ: ƞǿ ƞǿḿīƞȧŀ vȧŀŭḗ⟧");
    expect(translateMessage("en-XA", limitProblemMessage(limitProblems(c({ nominal: "95", upperTol: null, lowerTol: null }))[0]!))).toMatch(/^⟦.*⟧$/);
  });

  it("writes decimals with the reader's decimal sign, keeping every typed decimal", () => {
    expect(limitsIn(c({ nominal: "10.00", lowerTol: "-0.10", upperTol: "0.10" }), vi, "vi")).toBe("9,90 – 10,10 mm");
    expect(requirementIn(c({ nominal: "0.60", lowerTol: "-0.05", upperTol: "0.10" }), vi, "vi")).toBe("0,60 +0,10 / −0,05 mm");
    expect(displayNumber("-0.05", "es")).toBe("−0,05");
    expect(displayNumber("-0.05", "zh-CN")).toBe("−0.05");
  });
});
