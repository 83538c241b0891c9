// ISO 2859-1 clause 9: the switching rules between normal, tightened and reduced inspection,
// applied lot by lot over original inspections (a re-inspection of a rejected lot never counts).
// Pure: the caller loads the partnership's state for the spec, applies one lot, stores the result
// and, when `switched` is set, audits and announces it.
import { acceptOneStepTighter, type Aql, type SamplingPlan, type Severity } from "./sampling.ts";

export type SwitchingSeverity = Severity | "stopped";

export interface SwitchingState {
  severity: SwitchingSeverity;
  /** Normal: the results of the last five lots (true = accepted), oldest first. */
  recent: boolean[];
  /** Normal: the switching score of clause 9.3.3. */
  score: number;
  /** Tightened: lots accepted in a row. */
  acceptedInRow: number;
  /** Tightened: lots not accepted since tightened inspection began. */
  notAcceptedOnTightened: number;
}

export const INITIAL_SWITCHING_STATE: SwitchingState = { severity: "normal", recent: [], score: 0, acceptedInRow: 0, notAcceptedOnTightened: 0 };

export type SwitchReason =
  | "twoOfFiveNotAccepted"
  | "fiveAcceptedOnTightened"
  | "switchingScoreReached"
  | "notAcceptedOnReduced"
  | "productionNotSteady"
  | "fiveNotAcceptedOnTightened"
  | "resumedAfterCorrectiveAction";

export interface Switch {
  from: SwitchingSeverity;
  to: SwitchingSeverity;
  reason: SwitchReason;
}

/** One class's part of a lot: its plan (ISO AQL or zero defects allowed) and what was found. */
export interface ClassOutcome {
  plan: Pick<SamplingPlan, "codeLetter" | "accept">;
  /** The AQL, or null for "zero defects allowed", which is no ISO plan and leaves the score alone. */
  aql: Aql | null;
  found: number;
}

/**
 * What the lot adds to the switching score (clause 9.3.3), or "reset": with Ac of 2 or more a
 * class adds 3 if the lot would have been accepted one AQL step tighter; with Ac 0 or 1 it adds
 * 2 if accepted. A lot adds what its strictest class adds; any class resetting resets it.
 */
export function scoreStep(classes: ClassOutcome[], severity: Severity): number | "reset" {
  let step = Infinity;
  for (const c of classes) {
    if (c.aql === null) {
      if (c.found > c.plan.accept) return "reset";
      continue;
    }
    if (c.plan.accept >= 2) {
      const tighter = acceptOneStepTighter(c.plan, c.aql, severity);
      if (tighter === null || c.found > tighter) return "reset";
      step = Math.min(step, 3);
    } else {
      if (c.found > c.plan.accept) return "reset";
      step = Math.min(step, 2);
    }
  }
  return Number.isFinite(step) ? step : 0;
}

export interface LotResult {
  accepted: boolean;
  /** From `scoreStep`; only read on normal inspection. */
  scoreStep: number | "reset";
}

export interface SwitchingOptions {
  /** The importer allows reduced inspection for this partnership and spec. */
  reducedEnabled: boolean;
  /** Production is at a steady rate (the inspector says so on the lot). */
  steadyProduction: boolean;
}

export const SCORE_FOR_REDUCED = 30;

const fresh = (severity: SwitchingSeverity): SwitchingState => ({ ...INITIAL_SWITCHING_STATE, severity });

/** Applies one original inspection's result; returns the new state and the switch it caused, if any. */
export function applyLot(state: SwitchingState, lot: LotResult, options: SwitchingOptions): { state: SwitchingState; switched: Switch | null } {
  const to = (severity: SwitchingSeverity, reason: SwitchReason) => ({ state: fresh(severity), switched: { from: state.severity, to: severity, reason } });
  switch (state.severity) {
    case "normal": {
      const recent = [...state.recent, lot.accepted].slice(-5);
      if (recent.filter((accepted) => !accepted).length >= 2) return to("tightened", "twoOfFiveNotAccepted");
      const score = !lot.accepted || lot.scoreStep === "reset" ? 0 : state.score + lot.scoreStep;
      if (options.reducedEnabled && options.steadyProduction && score >= SCORE_FOR_REDUCED) return to("reduced", "switchingScoreReached");
      return { state: { ...state, recent, score }, switched: null };
    }
    case "tightened": {
      if (lot.accepted) {
        const acceptedInRow = state.acceptedInRow + 1;
        if (acceptedInRow >= 5) return to("normal", "fiveAcceptedOnTightened");
        return { state: { ...state, acceptedInRow }, switched: null };
      }
      const notAcceptedOnTightened = state.notAcceptedOnTightened + 1;
      if (notAcceptedOnTightened >= 5) return to("stopped", "fiveNotAcceptedOnTightened");
      return { state: { ...state, acceptedInRow: 0, notAcceptedOnTightened }, switched: null };
    }
    case "reduced": {
      if (!lot.accepted) return to("normal", "notAcceptedOnReduced");
      if (!options.steadyProduction) return to("normal", "productionNotSteady");
      return { state, switched: null };
    }
    case "stopped":
      // Acceptance stays discontinued until the importer resumes it (clause 9.4).
      return { state, switched: null };
  }
}

/** After the corrective action, inspection resumes on tightened (clause 9.4). */
export function resumeAfterStop(state: SwitchingState): { state: SwitchingState; switched: Switch | null } {
  if (state.severity !== "stopped") return { state, switched: null };
  return { state: fresh("tightened"), switched: { from: "stopped", to: "tightened", reason: "resumedAfterCorrectiveAction" } };
}

/** The table a new booking samples from: a stopped scheme samples nothing until it resumes. */
export const severityForBooking = (state: SwitchingState): Severity | null => (state.severity === "stopped" ? null : state.severity);
