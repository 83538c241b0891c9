import { describe, expect, it } from "vitest";
import type { CharacteristicSnapshot } from "~/features/specs/snapshot.ts";
import { DEFAULT_SAMPLING, inspectionPlan } from "./plan.ts";
import { inspectionResult, type ResultInput } from "./result.ts";

// 5,000 units at level II, normal: major (AQL 2.5) 200 units, Ac 10 Re 11; minor (4.0) Ac 14 Re 15; critical zero allowed.
const plan = inspectionPlan({ lotSize: 5000, choices: DEFAULT_SAMPLING, severity: "normal", severityReason: null });

const height: CharacteristicSnapshot = {
  key: "h",
  number: "1",
  name: "Height",
  kind: "VARIABLE",
  nominal: "95",
  lowerTol: "-0.5",
  upperTol: "0.5",
  unit: "mm",
  class: "MAJOR",
  method: "",
};

const lot = (over: Partial<ResultInput> = {}): ResultInput => ({
  plan,
  defects: [],
  measured: [{ characteristic: height, readings: ["95.0", "95.5", "94.5"] }],
  checks: [{ key: "1", label: "Carton mark", result: "PASS" }],
  ...over,
});

describe("an inspection's result", () => {
  it("passes a clean lot, with every class found against its Ac and Re", () => {
    const out = inspectionResult(lot());
    expect(out.result).toBe("PASS");
    expect(out.classes.map((c) => [c.defectClass, c.found, c.accept, c.reject, c.passed])).toEqual([
      ["CRITICAL", 0, 0, 1, true],
      ["MAJOR", 0, 10, 11, true],
      ["MINOR", 0, 14, 15, true],
    ]);
    expect(out.measured).toEqual([{ key: "h", number: "1", name: "Height", failing: 0, missing: 0, passed: true }]);
  });

  it("accepts a class at its Ac and fails it at its Re, adding up every defect row of the class", () => {
    const atAc = inspectionResult(
      lot({
        defects: [
          { class: "MAJOR", count: 6 },
          { class: "MAJOR", count: 4 },
        ],
      }),
    );
    expect(atAc.result).toBe("PASS");
    const atRe = inspectionResult(
      lot({
        defects: [
          { class: "MAJOR", count: 6 },
          { class: "MAJOR", count: 5 },
        ],
      }),
    );
    expect(atRe.result).toBe("FAIL");
    expect(atRe.classes.find((c) => c.defectClass === "MAJOR")).toMatchObject({ found: 11, passed: false });
  });

  it("fails the lot on one critical defect, zero being allowed", () => {
    expect(inspectionResult(lot({ defects: [{ class: "CRITICAL", count: 1 }] })).result).toBe("FAIL");
  });

  it("fails the lot when one measured reading is outside tolerance, a reading on the limit being within it", () => {
    const out = inspectionResult(lot({ measured: [{ characteristic: height, readings: ["95.5", "95.51"] }] }));
    expect(out.result).toBe("FAIL");
    expect(out.measured[0]).toMatchObject({ failing: 1, passed: false });
    expect(out.classes.every((c) => c.passed)).toBe(true);
  });

  it("passes no measured characteristic with a unit left unread, and says how many are missing", () => {
    const out = inspectionResult(lot({ measured: [{ characteristic: height, readings: ["95.0", "", "abc"] }] }));
    expect(out.measured[0]).toMatchObject({ failing: 0, missing: 2, passed: false });
    expect(out.result).toBe("FAIL");
  });

  it("counts a failed packaging check as one major defect found, and lists it", () => {
    const out = inspectionResult(
      lot({
        defects: [{ class: "MAJOR", count: 10 }],
        checks: [
          { key: "1", label: "Carton mark", result: "FAIL" },
          { key: "2", label: "Insert", result: "NOT_APPLICABLE" },
        ],
      }),
    );
    expect(out.classes.find((c) => c.defectClass === "MAJOR")?.found).toBe(11);
    expect(out.failedChecks).toEqual([{ key: "1", label: "Carton mark" }]);
    expect(out.result).toBe("FAIL");
  });

  it("gives the switching rules each class's plan, AQL and defects found", () => {
    const out = inspectionResult(lot({ defects: [{ class: "MINOR", count: 3 }] }));
    expect(out.switching).toEqual([
      { plan: { codeLetter: plan.classes.CRITICAL.codeLetter, accept: 0 }, aql: null, found: 0 },
      { plan: { codeLetter: plan.classes.MAJOR.codeLetter, accept: 10 }, aql: "2.5", found: 0 },
      { plan: { codeLetter: plan.classes.MINOR.codeLetter, accept: 14 }, aql: "4.0", found: 3 },
    ]);
    expect(out.accepted).toBe(true);
  });
});
