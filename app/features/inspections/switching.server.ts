// Applies a submitted original inspection's result to its partnership and spec's switching
// state (clause 9), in the submission's transaction: stores the new state and, on a switch,
// audits it for both orgs and emails both sides (placeholder until the part is built).
import type { Tx } from "~/lib/db.server.ts";
import type { TenantContext } from "~/lib/tenant.server.ts";
import type { LoadedInspection } from "./inspections.server.ts";
import type { ClassOutcome, Switch } from "./switching.ts";

export interface LotOutcome {
  accepted: boolean;
  classes: ClassOutcome[];
  steadyProduction: boolean;
}

export async function recordLotForSwitching(_tx: Tx, _ctx: TenantContext, _inspection: LoadedInspection, _outcome: LotOutcome): Promise<Switch | null> {
  return null;
}
