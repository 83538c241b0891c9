import { describe, expect, it } from "vitest";
import type { CharacteristicSnapshot } from "~/features/specs/snapshot.ts";
import { formatRequirement } from "./version-view.tsx";

const c = (over: Partial<CharacteristicSnapshot>): CharacteristicSnapshot => ({
  key: "k",
  number: "1",
  name: "Height",
  kind: "VARIABLE",
  nominal: "95",
  lowerTol: "-0.5",
  upperTol: "0.5",
  unit: "mm",
  class: "MAJOR",
  method: "",
  ...over,
});

describe("requirement as written on a drawing", () => {
  it("writes equal tolerances as ±", () => expect(formatRequirement(c({}))).toBe("95 ± 0.5 mm"));
  it("writes unequal tolerances upper first, with a real minus sign", () =>
    expect(formatRequirement(c({ nominal: "82", lowerTol: "-0.2", upperTol: "0.3" }))).toBe("82 +0.3 / −0.2 mm"));
  it("writes a lower limit only as 'at least'", () =>
    expect(formatRequirement(c({ nominal: "50", lowerTol: "0", upperTol: null, unit: "N" }))).toBe("at least 50 N"));
  it("writes an upper limit only as 'at most'", () =>
    expect(formatRequirement(c({ nominal: "2", lowerTol: null, upperTol: "0.5", unit: "mm" }))).toBe("at most 2.5 mm"));
  it("writes a visual check as pass / fail", () => expect(formatRequirement(c({ kind: "ATTRIBUTE" }))).toBe("Pass / fail"));
});
