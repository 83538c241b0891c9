import { describe, expect, it } from "vitest";
import { checkFormShape } from "~/lib/form-shape.server.ts";
import { formOf, refusal } from "../../../tests/support/form-refusals.ts";
import { translateMessage } from "~/lib/i18n/translate.server.ts";
import { CharacteristicRowSchema, SpecSchema, VersionContentSchema } from "./schemas.ts";

const row = (key: string) => ({ key, number: "1", name: "Glaze", kind: "ATTRIBUTE", class: "MAJOR", method: "No chips larger than 1 mm" });

describe("row keys", () => {
  it("takes the keys the app makes, and no key at all for a new row", () => {
    expect(CharacteristicRowSchema.safeParse(row("9f3a1c2b7d8e4f60")).success).toBe(true);
    expect(CharacteristicRowSchema.safeParse(row("c-handle")).success).toBe(true);
    expect(CharacteristicRowSchema.safeParse({ ...row(""), key: undefined }).success).toBe(true);
  });

  it("refuses a key that the first-article grid could not use in a field name", () => {
    for (const key of ["constructor", "__proto__", "a.b", "a[0]", "a..b", "x y", "k".repeat(41)]) {
      const parsed = CharacteristicRowSchema.safeParse(row(key));
      expect(parsed.success, key).toBe(false);
      expect(
        parsed.error?.issues.map((i) => translateMessage("en", i.message)),
        key,
      ).toContain("This row's key is not valid. Reload the page and try again.");
    }
  });
});

describe("the editor form's shape", () => {
  it("refuses a characteristic row at or past the list's max", () => {
    expect(refusal(() => checkFormShape(formOf([["characteristics[1600].name", "x"]]), VersionContentSchema))).toMatchObject({ status: 400 });
  });
});

describe("measured rows", () => {
  const measured = (over: Record<string, string>) => ({ number: "1", name: "Height", kind: "VARIABLE", unit: "mm", ...over });
  const errors = (input: Record<string, string>) => {
    const parsed = CharacteristicRowSchema.safeParse(measured(input));
    return parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((i) => [i.path.join("."), translateMessage("en", i.message)]));
  };

  it("refuses a tolerance without a nominal, next to the nominal", () => {
    expect(errors({ lowerTol: "-0.05", upperTol: "0.05" })).toEqual({ nominal: "Enter the nominal value: the tolerances are counted from it" });
  });
  it("takes a minimum or a maximum only", () => {
    expect(errors({ nominal: "50", lowerTol: "0" })).toEqual({});
    expect(errors({ nominal: "0.00", upperTol: "0.05" })).toEqual({});
  });
  it("refuses a nominal without a tolerance and limits that cross", () => {
    expect(errors({ nominal: "95" })).toEqual({ upperTol: "Give at least one tolerance" });
    expect(errors({ nominal: "95", lowerTol: "0.10", upperTol: "0.05" })).toEqual({ lowerTol: "The lower tolerance must not be above the upper one" });
  });
  it("refuses a lower tolerance above the nominal, next to the lower tolerance, and takes zero or a negative one", () => {
    expect(errors({ nominal: "82", lowerTol: "81.8", upperTol: "82.3" })).toEqual({
      lowerTol: "The lower tolerance must not lie above the nominal: write it as an offset from the nominal, e.g. −0.2 or 0",
    });
    expect(errors({ nominal: "82", lowerTol: "+0.1" })).toEqual({
      lowerTol: "The lower tolerance must not lie above the nominal: write it as an offset from the nominal, e.g. −0.2 or 0",
    });
    expect(errors({ nominal: "82", lowerTol: "0", upperTol: "0.3" })).toEqual({});
    expect(errors({ nominal: "82", lowerTol: "-0.2", upperTol: "0.3" })).toEqual({});
  });
  it("keeps the decimals as typed, dropping only a plus sign", () => {
    const parsed = CharacteristicRowSchema.parse(measured({ nominal: "0.60", lowerTol: "-0.05", upperTol: "+0.10" }));
    expect([parsed.nominal, parsed.lowerTol, parsed.upperTol]).toEqual(["0.60", "-0.05", "0.10"]);
  });
  it("gives a number that is not one a single message", () => {
    expect(errors({ nominal: "ninety-five", lowerTol: "-0.05", upperTol: "0.05" })).toEqual({
      nominal: "Nominal must be a number like 12.5 or -0.05 (at most 6 decimals)",
    });
    expect(errors({ nominal: "1.1234567", upperTol: "0.1" })).toEqual({ nominal: "Nominal must be a number like 12.5 or -0.05 (at most 6 decimals)" });
    expect(errors({ nominal: "1234567890123", upperTol: "0.1" })).toEqual({ nominal: "Nominal must be a number like 12.5 or -0.05 (at most 6 decimals)" });
  });
});

describe("messages in the reader's language", () => {
  const issues = (result: { error?: { issues: { path: (string | number)[]; message: string }[] } }, language: "zh-CN" | "en-XA") =>
    Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join("."), translateMessage(language, i.message)]));

  it("refuses a tolerance without a nominal in Chinese", () => {
    const parsed = CharacteristicRowSchema.safeParse({ number: "1", name: "Height", kind: "VARIABLE", unit: "mm", lowerTol: "-0.05", upperTol: "0.05" });
    expect(issues(parsed, "zh-CN")).toEqual({ nominal: "请输入标称值：公差是从标称值算起的" });
  });
  it("names a number that is not one, and a product code too long, in the pseudo-locale", () => {
    const row = CharacteristicRowSchema.safeParse({ number: "1", name: "Height", kind: "VARIABLE", unit: "mm", nominal: "x", upperTol: "0.1" });
    expect(issues(row, "en-XA").nominal).toMatch(/^⟦Ɲǿḿīƞȧŀ .* 6 .*⟧$/);
    const spec = SpecSchema.safeParse({ title: "Mug", productCode: "M".repeat(61) });
    expect(issues(spec, "zh-CN")).toEqual({ productCode: "最多 60 个字符" });
  });
});
