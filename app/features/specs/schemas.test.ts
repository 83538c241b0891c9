import { describe, expect, it } from "vitest";
import { checkFormShape } from "~/lib/form-shape.server.ts";
import { formOf, refusal } from "../../../tests/support/form-refusals.ts";
import { CharacteristicRowSchema, VersionContentSchema } from "./schemas.ts";

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
        parsed.error?.issues.map((i) => i.message),
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
