import { describe, expect, it } from "vitest";
import { DEFAULT_SAMPLING, inspectionPlan, samplingChoices } from "./plan.ts";

describe("inspection plan", () => {
  it("books a 5,000-unit lot at the defaults: zero critical at 200, major 10/11 and minor 14/15, 8 units measured", () => {
    const plan = inspectionPlan({ lotSize: 5000, choices: DEFAULT_SAMPLING, severity: "normal", severityReason: null });
    expect(plan.edition).toBe("ISO 2859-1:1999");
    expect(plan.classes.CRITICAL).toMatchObject({ aql: null, sampleSize: 200, accept: 0, reject: 1 });
    expect(plan.classes.MAJOR).toMatchObject({ aql: "2.5", codeLetter: "L", sampleSize: 200, accept: 10, reject: 11 });
    expect(plan.classes.MINOR).toMatchObject({ aql: "4.0", sampleSize: 200, accept: 14, reject: 15 });
    expect(plan.sampleSize).toBe(200);
    // S-2 for 3,201 to 10,000 is D: 8 units.
    expect(plan.measured).toEqual({ sampleSize: 8, level: "S-2", count: null });
  });

  it("draws a larger sample on tightened inspection for a lot that would pass normal", () => {
    const normal = inspectionPlan({ lotSize: 1000, choices: DEFAULT_SAMPLING, severity: "normal", severityReason: null });
    const tightened = inspectionPlan({ lotSize: 1000, choices: DEFAULT_SAMPLING, severity: "tightened", severityReason: "twoOfFiveNotAccepted" });
    expect(normal.classes.MAJOR).toMatchObject({ sampleSize: 80, accept: 5 });
    expect(tightened.classes.MAJOR).toMatchObject({ sampleSize: 80, accept: 3 });
    expect(tightened.severityReason).toBe("twoOfFiveNotAccepted");
  });

  it("measures a fixed count when one is set, never more than the lot", () => {
    const choices = { ...DEFAULT_SAMPLING, measuredCount: 12 };
    expect(inspectionPlan({ lotSize: 5000, choices, severity: "normal", severityReason: null }).measured).toEqual({ sampleSize: 12, level: null, count: 12 });
    expect(inspectionPlan({ lotSize: 6, choices, severity: "normal", severityReason: null }).measured.sampleSize).toBe(6);
  });

  it("reads stored settings, falling back to the defaults for values it does not know (no AQL is zero defects allowed, for any class)", () => {
    expect(samplingChoices(null)).toBe(DEFAULT_SAMPLING);
    const read = samplingChoices({
      level: "III",
      criticalAql: "0.065",
      majorAql: "bogus",
      minorAql: null,
      measuredLevel: "S-4",
      measuredCount: null,
      reducedEnabled: true,
    });
    expect(read).toEqual({
      level: "III",
      aql: { CRITICAL: "0.065", MAJOR: "2.5", MINOR: null },
      measuredLevel: "S-4",
      measuredCount: null,
      reducedEnabled: true,
    });
  });
});
