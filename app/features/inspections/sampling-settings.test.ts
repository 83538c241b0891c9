import { describe, expect, it } from "vitest";
import { DEFAULT_SAMPLING, samplingChoices } from "./plan.ts";
import { SamplingSettingsSchema, settingsFormValues, settingsRow } from "./sampling-settings.ts";

const parse = (input: Record<string, unknown>) => SamplingSettingsSchema.safeParse(input);

describe("the sampling settings form", () => {
  it("starts from the portal's defaults: level II, critical zero defects allowed, major 2.5, minor 4.0, S-2 measured, no reduced", () => {
    expect(settingsFormValues(DEFAULT_SAMPLING)).toEqual({
      level: "II",
      criticalAql: "ZERO",
      majorAql: "2.5",
      minorAql: "4.0",
      measuredMode: "level",
      measuredLevel: "S-2",
      measuredCount: "",
      reducedEnabled: false,
    });
  });

  it("stores zero defects allowed as no AQL, and reads back what it stored", () => {
    const input = parse({
      level: "S-4",
      criticalAql: "ZERO",
      majorAql: "ZERO",
      minorAql: "6.5",
      measuredMode: "count",
      measuredCount: "8",
      reducedEnabled: "on",
    });
    expect(input.success).toBe(true);
    const row = settingsRow(input.data!);
    expect(row).toEqual({ level: "S-4", criticalAql: null, majorAql: null, minorAql: "6.5", measuredLevel: "S-2", measuredCount: 8, reducedEnabled: true });
    expect(samplingChoices(row)).toEqual({
      level: "S-4",
      aql: { CRITICAL: null, MAJOR: null, MINOR: "6.5" },
      measuredLevel: "S-2",
      measuredCount: 8,
      reducedEnabled: true,
    });
  });

  it("keeps no fixed count when the measured sample is a level's", () => {
    const input = parse({ level: "II", majorAql: "2.5", minorAql: "4.0", measuredMode: "level", measuredLevel: "S-1", measuredCount: "12" });
    expect(settingsRow(input.data!)).toMatchObject({ measuredLevel: "S-1", measuredCount: null, reducedEnabled: false, criticalAql: null });
  });

  it("refuses an AQL or level not in the tables, a fixed count left out, and a count out of range", () => {
    expect(parse({ level: "IV", majorAql: "2.5", minorAql: "4.0" }).success).toBe(false);
    expect(parse({ level: "II", majorAql: "3.0", minorAql: "4.0" }).success).toBe(false);
    expect(parse({ level: "II", majorAql: "2.5", minorAql: "4.0", measuredMode: "count" }).error?.issues[0]?.path).toEqual(["measuredCount"]);
    expect(parse({ level: "II", majorAql: "2.5", minorAql: "4.0", measuredMode: "count", measuredCount: "0" }).success).toBe(false);
    expect(parse({ level: "II", majorAql: "2.5", minorAql: "4.0", measuredMode: "count", measuredCount: "2.5" }).success).toBe(false);
  });
});
