import { describe, expect, it } from "vitest";
import { samplingPlan } from "./sampling.ts";
import { INITIAL_SWITCHING_STATE, applyLot, resumeAfterStop, scoreStep, type LotResult, type SwitchingState } from "./switching.ts";

const options = { reducedEnabled: false, steadyProduction: true };
const accepted: LotResult = { accepted: true, scoreStep: 3 };
const notAccepted: LotResult = { accepted: false, scoreStep: "reset" };

function run(lots: LotResult[], start: SwitchingState = INITIAL_SWITCHING_STATE, opts = options) {
  let state = start;
  const switches = [];
  for (const lot of lots) {
    const next = applyLot(state, lot, opts);
    state = next.state;
    if (next.switched) switches.push(next.switched);
  }
  return { state, switches };
}

describe("normal to tightened", () => {
  it("switches when 2 of 5 consecutive lots are not accepted", () => {
    const { state, switches } = run([notAccepted, accepted, accepted, accepted, notAccepted]);
    expect(state.severity).toBe("tightened");
    expect(switches).toEqual([{ from: "normal", to: "tightened", reason: "twoOfFiveNotAccepted" }]);
  });

  it("switches on 2 of 2 consecutive lots", () => {
    expect(run([notAccepted, notAccepted]).state.severity).toBe("tightened");
  });

  it("stays on normal when the two lots not accepted are 6 lots apart", () => {
    const { state, switches } = run([notAccepted, accepted, accepted, accepted, accepted, notAccepted]);
    expect(state.severity).toBe("normal");
    expect(switches).toEqual([]);
  });
});

describe("tightened", () => {
  const tightened: SwitchingState = { ...INITIAL_SWITCHING_STATE, severity: "tightened" };

  it("returns to normal after 5 consecutive lots accepted", () => {
    expect(run([accepted, accepted, accepted, accepted], tightened).state.severity).toBe("tightened");
    const { state, switches } = run([accepted, accepted, accepted, accepted, accepted], tightened);
    expect(state).toEqual(INITIAL_SWITCHING_STATE);
    expect(switches).toEqual([{ from: "tightened", to: "normal", reason: "fiveAcceptedOnTightened" }]);
  });

  it("counts the accepted run again after a lot not accepted", () => {
    expect(run([accepted, accepted, accepted, accepted, notAccepted, accepted], tightened).state).toMatchObject({ severity: "tightened", acceptedInRow: 1 });
  });

  it("stops acceptance when 5 lots are not accepted on tightened inspection, and resumes on tightened", () => {
    const { state, switches } = run([notAccepted, notAccepted, accepted, notAccepted, notAccepted, notAccepted], tightened);
    expect(state.severity).toBe("stopped");
    expect(switches.at(-1)).toEqual({ from: "tightened", to: "stopped", reason: "fiveNotAcceptedOnTightened" });
    expect(run([accepted], state).state.severity).toBe("stopped");
    expect(resumeAfterStop(state)).toMatchObject({ state: { severity: "tightened" }, switched: { reason: "resumedAfterCorrectiveAction" } });
  });
});

describe("normal to reduced and back", () => {
  const tenAccepted = Array.from({ length: 10 }, () => accepted);

  it("never switches to reduced unless the importer enabled it", () => {
    expect(run(tenAccepted).state).toMatchObject({ severity: "normal", score: 30 });
  });

  it("switches once the switching score reaches 30 with steady production", () => {
    const { state, switches } = run(tenAccepted, INITIAL_SWITCHING_STATE, { reducedEnabled: true, steadyProduction: true });
    expect(state.severity).toBe("reduced");
    expect(switches).toEqual([{ from: "normal", to: "reduced", reason: "switchingScoreReached" }]);
  });

  it("waits while production is not steady", () => {
    expect(run(tenAccepted, INITIAL_SWITCHING_STATE, { reducedEnabled: true, steadyProduction: false }).state.severity).toBe("normal");
  });

  it("resets the score on a lot accepted only at its own AQL", () => {
    const { state } = run([accepted, accepted, { accepted: true, scoreStep: "reset" }], INITIAL_SWITCHING_STATE);
    expect(state.score).toBe(0);
  });

  it("returns to normal on any lot not accepted on reduced", () => {
    const reduced: SwitchingState = { ...INITIAL_SWITCHING_STATE, severity: "reduced" };
    expect(run([accepted, notAccepted], reduced).switches).toEqual([{ from: "reduced", to: "normal", reason: "notAcceptedOnReduced" }]);
  });
});

describe("switching score step", () => {
  // L at 2.5: Ac 10; one step tighter (1.5) accepts 7.
  const major = samplingPlan({ lotSize: 5000, level: "II", aql: "2.5", severity: "normal" });
  // L at 0.065: Ac 0.
  const strict = samplingPlan({ lotSize: 5000, level: "II", aql: "0.065", severity: "normal" });

  it("adds 3 when a class accepting 2 or more would have passed one AQL step tighter", () => {
    expect(scoreStep([{ plan: major, aql: "2.5", found: 7 }], "normal")).toBe(3);
    expect(scoreStep([{ plan: major, aql: "2.5", found: 8 }], "normal")).toBe("reset");
  });

  it("adds 2 for an accepted class accepting 0 or 1, and the lot adds its strictest class's step", () => {
    expect(scoreStep([{ plan: strict, aql: "0.065", found: 0 }], "normal")).toBe(2);
    expect(
      scoreStep(
        [
          { plan: major, aql: "2.5", found: 2 },
          { plan: strict, aql: "0.065", found: 0 },
        ],
        "normal",
      ),
    ).toBe(2);
    expect(scoreStep([{ plan: strict, aql: "0.065", found: 1 }], "normal")).toBe("reset");
  });

  it("leaves zero-defects classes out of the score unless they fail", () => {
    expect(
      scoreStep(
        [
          { plan: { codeLetter: "L", accept: 0 }, aql: null, found: 0 },
          { plan: major, aql: "2.5", found: 1 },
        ],
        "normal",
      ),
    ).toBe(3);
    expect(scoreStep([{ plan: { codeLetter: "L", accept: 0 }, aql: null, found: 1 }], "normal")).toBe("reset");
  });
});
