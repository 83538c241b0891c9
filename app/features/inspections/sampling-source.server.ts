// Where a new booking's plan comes from: the importer's choices for the spec (or else for the
// partnership, or else the defaults) and the severity the switching rules reached for the spec.
import type { Tx } from "~/lib/db.server.ts";
import { prisma } from "~/lib/db.server.ts";
import { samplingChoices, type SamplingChoices } from "./plan.ts";
import type { SwitchReason, SwitchingSeverity } from "./switching.ts";

export interface SamplingSource {
  choices: SamplingChoices;
  /** Whether the choices are the spec's own, the partnership's, or the defaults. */
  from: "spec" | "partnership" | "defaults";
  severity: SwitchingSeverity;
  severityReason: SwitchReason | null;
}

export async function samplingSource(partnershipId: string, specId: string, db: Tx | typeof prisma = prisma): Promise<SamplingSource> {
  const [settings, state] = await Promise.all([
    db.samplingSetting.findMany({ where: { partnershipId, specId: { in: [specId, ""] } } }),
    db.samplingState.findUnique({ where: { partnershipId_specId: { partnershipId, specId } }, select: { severity: true, reason: true } }),
  ]);
  const own = settings.find((s) => s.specId === specId);
  const general = settings.find((s) => s.specId === "");
  return {
    choices: samplingChoices(own ?? general ?? null),
    from: own ? "spec" : general ? "partnership" : "defaults",
    severity: (state?.severity as SwitchingSeverity | undefined) ?? "normal",
    severityReason: (state?.reason as SwitchReason | null | undefined) ?? null,
  };
}
