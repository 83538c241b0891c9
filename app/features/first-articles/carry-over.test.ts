import { describe, expect, it } from "vitest";
import { characteristic, visualCheck } from "~/features/specs/characteristic.fixtures.ts";
import { carriedReadings, keysToMeasureAgain } from "./carry-over.ts";

const height = characteristic({ key: "h" });
const glaze = visualCheck({ key: "g", number: "2" });
const readings = { h: ["95.1", "95.0"], g: ["PASS", "FAIL"] };

describe("what a next round carries over", () => {
  it("carries every reading when the version is the same", () => {
    expect(keysToMeasureAgain([height, glaze], [height, glaze])).toEqual([]);
    expect(carriedReadings([height, glaze], [height, glaze], readings)).toEqual(readings);
  });

  it("leaves a characteristic whose tolerance changed empty and names it to measure again", () => {
    const tighter = { ...height, upperTol: "0.3" };
    expect(keysToMeasureAgain([height, glaze], [tighter, glaze])).toEqual(["h"]);
    expect(carriedReadings([height, glaze], [tighter, glaze], readings)).toEqual({ g: ["PASS", "FAIL"] });
  });

  it("treats a change of method or class as a change: the reading no longer answers the requirement as written", () => {
    expect(keysToMeasureAgain([height], [{ ...height, method: "CMM" }])).toEqual(["h"]);
    expect(keysToMeasureAgain([height], [{ ...height, class: "CRITICAL" }])).toEqual(["h"]);
  });

  it("carries a renumbered or reordered characteristic: what is measured did not change", () => {
    const to = [
      { ...glaze, number: "1" },
      { ...height, number: "2" },
    ];
    expect(keysToMeasureAgain([height, glaze], to)).toEqual([]);
    expect(carriedReadings([height, glaze], to, readings)).toEqual(readings);
  });

  it("asks for a new characteristic and drops the readings of a removed one", () => {
    const width = characteristic({ key: "w", number: "3", name: "Width", nominal: "40" });
    expect(keysToMeasureAgain([height, glaze], [height, width])).toEqual(["w"]);
    expect(carriedReadings([height, glaze], [height, width], readings)).toEqual({ h: ["95.1", "95.0"] });
  });

  it("does not count a nominal written differently (95 and 95.0) as a change", () => {
    expect(keysToMeasureAgain([height], [{ ...height, nominal: "95.0" }])).toEqual([]);
  });
});
