import { describe, expect, it } from "vitest";
import {
  AQL_VALUES,
  CODE_LETTERS,
  INSPECTION_LEVELS,
  SEVERITIES,
  SamplingInputError,
  acceptOneStepTighter,
  codeLetterFor,
  samplingPlan,
  tableEntry,
  zeroDefectsPlan,
  type Aql,
  type InspectionLevel,
  type Severity,
} from "./sampling.ts";

const plan = (lotSize: number, level: InspectionLevel, aql: Aql, severity: Severity = "normal") => samplingPlan({ lotSize, level, aql, severity });
const brief = (p: ReturnType<typeof samplingPlan>) => `${p.codeLetter} n=${p.sampleSize} Ac=${p.accept} Re=${p.reject}${p.fullInspection ? " 100%" : ""}`;
// The first lot size of each Table 1 range, so a lot of that size meets the range's letter.
const RANGE_STARTS = [2, 9, 16, 26, 51, 91, 151, 281, 501, 1201, 3201, 10001, 35001, 150001, 500001];
const column = (aql: Aql) => AQL_VALUES.indexOf(aql) + 4;
const letter = (l: string) => CODE_LETTERS.indexOf(l as (typeof CODE_LETTERS)[number]);

describe("Table 1: sample-size code letters", () => {
  // Read off the published table row by row: S-1, S-2, S-3, S-4, I, II, III.
  const published: [number, string][] = [
    [8, "AAAAAAB"],
    [15, "AAAAABC"],
    [25, "AABBBCD"],
    [50, "ABBCCDE"],
    [90, "BBCCCEF"],
    [150, "BBCDDFG"],
    [280, "BCDEEGH"],
    [500, "BCDEFHJ"],
    [1200, "CCEFGJK"],
    [3200, "CDEGHKL"],
    [10000, "CDFGJLM"],
    [35000, "CDFHKMN"],
    [150000, "DEGJLNP"],
    [500000, "DEGJMPQ"],
    [500001, "DEHKNQR"],
  ];
  const levels: InspectionLevel[] = ["S-1", "S-2", "S-3", "S-4", "I", "II", "III"];

  it("gives each range's letter at its first and last lot size, at every level", () => {
    published.forEach(([upper, letters], i) => {
      const lower = RANGE_STARTS[i]!;
      levels.forEach((level, j) => {
        expect(codeLetterFor(lower, level), `${lower} at ${level}`).toBe(letters[j]);
        expect(codeLetterFor(upper, level), `${upper} at ${level}`).toBe(letters[j]);
      });
    });
  });

  it("moves to the next range's letter one unit past every boundary", () => {
    expect(codeLetterFor(3200, "II")).toBe("K");
    expect(codeLetterFor(3201, "II")).toBe("L");
    expect(codeLetterFor(10000, "II")).toBe("L");
    expect(codeLetterFor(10001, "II")).toBe("M");
    expect(codeLetterFor(1, "II")).toBe("A");
  });
});

describe("Table 2-A: normal inspection", () => {
  it("draws 200 units from a 5,000-unit lot at level II and AQL 2.5, accepting 10 and rejecting 11", () => {
    expect(plan(5000, "II", "2.5")).toEqual({ codeLetter: "L", tableLetter: "L", sampleSize: 200, accept: 10, reject: 11, fullInspection: false });
  });

  it("reads plans printed in the table", () => {
    // (lot size for the letter at level II, AQL) → plan, as printed
    expect(brief(plan(1000, "II", "0.65"))).toBe("J n=80 Ac=1 Re=2");
    expect(brief(plan(2000, "II", "1.0"))).toBe("K n=125 Ac=3 Re=4");
    expect(brief(plan(400, "II", "4.0"))).toBe("H n=50 Ac=5 Re=6");
    expect(brief(plan(200, "II", "4.0"))).toBe("G n=32 Ac=3 Re=4");
    expect(brief(plan(20000, "II", "1.0"))).toBe("M n=315 Ac=7 Re=8");
    expect(brief(plan(100000, "II", "0.65"))).toBe("N n=500 Ac=7 Re=8");
    expect(brief(plan(5000, "II", "0.065"))).toBe("L n=200 Ac=0 Re=1");
    expect(brief(plan(5000, "II", "6.5"))).toBe("L n=200 Ac=21 Re=22");
    expect(brief(plan(1000, "II", "10"))).toBe("J n=80 Ac=14 Re=15");
  });

  it("follows an arrow down to the first plan below it, with that plan's larger sample", () => {
    // E at 0.65: the column's first plan is F's 0/1 at 20 units.
    expect(tableEntry("normal", letter("E"), column("0.65"))).toBe("down");
    expect(brief(plan(60, "II", "0.65"))).toBe("F n=20 Ac=0 Re=1");
    // G at 1.0 sits on the arrow down between the 0/1 and 1/2 diagonals: H's 1/2 at 50.
    expect(tableEntry("normal", letter("G"), column("1.0"))).toBe("down");
    expect(brief(plan(200, "II", "1.0"))).toBe("H n=50 Ac=1 Re=2");
    // A at 0.065: the arrow runs down to L's 0/1.
    expect(brief(plan(5, "II", "0.065")).startsWith("L ")).toBe(true);
  });

  it("follows an arrow up to the first plan above it, with that plan's smaller sample", () => {
    // F at 1.0: up to E's 0/1 at 13 units.
    expect(tableEntry("normal", letter("F"), column("1.0"))).toBe("up");
    expect(brief(plan(100, "II", "1.0"))).toBe("E n=13 Ac=0 Re=1");
    // Past the 21/22 diagonal every cell points up: Q at 10 goes up to K's 21/22.
    expect(tableEntry("normal", letter("Q"), column("10"))).toBe("up");
    expect(brief(plan(200000, "II", "10"))).toBe("K n=125 Ac=21 Re=22");
  });

  it("reads letter A at AQL 10 as the column's arrow down, having no plan above it", () => {
    expect(tableEntry("normal", letter("A"), column("10"))).toBe("down");
    expect(brief(plan(8, "II", "10"))).toBe("C n=5 Ac=1 Re=2");
  });
});

describe("Table 2-B: tightened inspection", () => {
  it("reads plans printed in the table", () => {
    expect(brief(plan(5000, "II", "2.5", "tightened"))).toBe("L n=200 Ac=8 Re=9");
    expect(brief(plan(2000, "II", "0.65", "tightened"))).toBe("K n=125 Ac=1 Re=2");
    expect(brief(plan(200, "II", "0.65", "tightened"))).toBe("G n=32 Ac=0 Re=1");
    expect(brief(plan(1000, "II", "4.0", "tightened"))).toBe("J n=80 Ac=5 Re=6");
    expect(brief(plan(5000, "II", "6.5", "tightened"))).toBe("L n=200 Ac=18 Re=19");
  });

  it("follows its arrows down across the two diagonals between 0/1 and 1/2", () => {
    expect(tableEntry("tightened", letter("G"), column("1.0"))).toBe("down");
    expect(tableEntry("tightened", letter("H"), column("1.0"))).toBe("down");
    expect(brief(plan(200, "II", "1.0", "tightened"))).toBe("J n=80 Ac=1 Re=2");
    expect(brief(plan(1000, "II", "0.65", "tightened"))).toBe("K n=125 Ac=1 Re=2");
  });

  it("follows an arrow up past its 18/19 diagonal", () => {
    expect(tableEntry("tightened", letter("L"), column("10"))).toBe("up");
    expect(brief(plan(5000, "II", "10", "tightened"))).toBe("K n=125 Ac=18 Re=19");
  });

  it("starts its zero diagonal at letter B, so A at AQL 10 points down", () => {
    expect(tableEntry("tightened", letter("A"), column("10"))).toBe("down");
    expect(tableEntry("tightened", letter("B"), column("6.5"))).toEqual({ accept: 0 });
    expect(brief(plan(8, "II", "10", "tightened"))).toBe("D n=8 Ac=1 Re=2 100%");
  });

  it("is never looser than normal inspection at the same sample size", () => {
    for (const l of CODE_LETTERS.keys()) {
      for (const aql of AQL_VALUES) {
        const n = tableEntry("normal", l, column(aql));
        const t = tableEntry("tightened", l, column(aql));
        if (typeof n !== "string" && typeof t !== "string") expect(t.accept, `${CODE_LETTERS[l]} ${aql}`).toBeLessThanOrEqual(n.accept);
      }
    }
  });
});

describe("Table 2-C: reduced inspection", () => {
  it("draws the reduced sample sizes, 2 units for letters A to C", () => {
    expect(plan(8, "III", "6.5", "reduced").sampleSize).toBe(2); // B
    expect(plan(20, "II", "6.5", "reduced").sampleSize).toBe(2); // C
    expect(brief(plan(5000, "II", "2.5", "reduced"))).toBe("L n=80 Ac=5 Re=6");
  });

  it("rejects at one more than it accepts in every cell (the 1999 edition's rule)", () => {
    for (const level of INSPECTION_LEVELS) {
      for (const lotSize of RANGE_STARTS) {
        for (const aql of AQL_VALUES) {
          const p = plan(lotSize, level, aql, "reduced");
          expect(p.reject).toBe(p.accept + 1);
        }
      }
    }
  });

  it("follows an arrow down and an arrow up", () => {
    // F at 2.5 (8 units reduced) lies on the arrow up to E's 0/1 at 5 units.
    expect(tableEntry("reduced", letter("F"), column("2.5"))).toBe("up");
    expect(brief(plan(100, "II", "2.5", "reduced"))).toBe("E n=5 Ac=0 Re=1");
    expect(tableEntry("reduced", letter("G"), column("2.5"))).toBe("down");
    expect(brief(plan(200, "II", "2.5", "reduced"))).toBe("H n=20 Ac=1 Re=2");
    expect(tableEntry("reduced", letter("C"), column("0.65"))).toBe("down");
  });

  it("points rows A to C down where Table 2-A's row A would point up", () => {
    for (const l of ["A", "B", "C"]) expect(tableEntry("reduced", letter(l), column("10"))).toBe("down");
    expect(brief(plan(8, "II", "10", "reduced"))).toBe("E n=5 Ac=1 Re=2");
  });
});

describe("every cell", () => {
  it("leads to a plan, at every severity, level, lot-size range and AQL", () => {
    const kinds = new Set<string>();
    for (const severity of SEVERITIES) {
      for (const l of CODE_LETTERS.keys()) {
        for (const aql of AQL_VALUES) {
          const entry = tableEntry(severity, l, column(aql));
          kinds.add(`${severity}:${typeof entry === "string" ? entry : "plan"}`);
        }
      }
      for (const level of INSPECTION_LEVELS) {
        for (const lotSize of RANGE_STARTS) {
          for (const aql of AQL_VALUES) {
            const p = plan(lotSize, level, aql, severity);
            expect(p.sampleSize).toBeGreaterThan(0);
            expect(p.sampleSize).toBeLessThanOrEqual(lotSize);
            expect(p.fullInspection).toBe(p.sampleSize === lotSize);
          }
        }
      }
    }
    // Each table has plans, arrows down and arrows up among the offered AQLs.
    for (const severity of SEVERITIES) for (const kind of ["plan", "down", "up"]) expect(kinds.has(`${severity}:${kind}`), `${severity}:${kind}`).toBe(true);
  });

  it("inspects the whole lot when the sample would reach it, against the plan's Ac and Re", () => {
    expect(plan(10, "II", "0.65")).toEqual({ codeLetter: "F", tableLetter: "B", sampleSize: 10, accept: 0, reject: 1, fullInspection: true });
    expect(plan(50, "II", "4.0")).toMatchObject({ codeLetter: "E", tableLetter: "D", sampleSize: 13, fullInspection: false });
  });
});

describe("zero defects allowed", () => {
  it("accepts none at the level's own sample size, whatever the table's arrows", () => {
    expect(zeroDefectsPlan({ lotSize: 5000, level: "II", severity: "normal" })).toEqual({
      codeLetter: "L",
      tableLetter: "L",
      sampleSize: 200,
      accept: 0,
      reject: 1,
      fullInspection: false,
    });
    expect(zeroDefectsPlan({ lotSize: 5000, level: "II", severity: "reduced" }).sampleSize).toBe(80);
    expect(zeroDefectsPlan({ lotSize: 3, level: "II", severity: "normal" })).toMatchObject({ sampleSize: 2, fullInspection: false });
  });
});

describe("one step tighter", () => {
  it("reads the acceptance number one AQL column to the left at the plan's letter", () => {
    expect(acceptOneStepTighter({ codeLetter: "L" }, "2.5", "normal")).toBe(7);
    expect(acceptOneStepTighter({ codeLetter: "J" }, "2.5", "normal")).toBe(3);
    expect(acceptOneStepTighter({ codeLetter: "L" }, "0.065", "normal")).toBeNull();
  });
});

describe("bad input", () => {
  const cases: [unknown, unknown, unknown, unknown, string][] = [
    [0, "II", "2.5", "normal", "lotSize"],
    [-5, "II", "2.5", "normal", "lotSize"],
    [12.5, "II", "2.5", "normal", "lotSize"],
    [Number.NaN, "II", "2.5", "normal", "lotSize"],
    ["500", "II", "2.5", "normal", "lotSize"],
    [1e12, "II", "2.5", "normal", "lotSize"],
    [500, "IV", "2.5", "normal", "level"],
    [500, "s-2", "2.5", "normal", "level"],
    [500, "II", "2.4", "normal", "aql"],
    [500, "II", 2.5, "normal", "aql"],
    [500, "II", "0.010", "normal", "aql"],
    [500, "II", "2.5", "skip", "severity"],
  ];
  it.each(cases)("refuses lot %s, level %s, AQL %s, severity %s with a named field", (lotSize, level, aql, severity, field) => {
    let thrown: unknown;
    try {
      samplingPlan({ lotSize, level, aql, severity } as never);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(SamplingInputError);
    expect((thrown as SamplingInputError).field).toBe(field);
    expect((thrown as Error).message.length).toBeGreaterThan(10);
  });
});
