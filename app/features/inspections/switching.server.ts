// Applies a submitted original inspection's result to its partnership and spec's switching
// state (clause 9), in the submission's transaction: stores the new state and, on a switch,
// audits it for both orgs and emails both sides. Five lots not accepted on tightened inspection
// stop acceptance and open a corrective action; the importer resumes on tightened afterwards.
import { notifyCorrectiveAction } from "~/features/corrective-actions/notifications.server.ts";
import { enqueueEmails } from "~/features/notifications/outbox.server.ts";
import { DECIDERS, emailsTo, loadRecipients } from "~/features/notifications/recipients.server.ts";
import { asSubject } from "~/lib/ability.ts";
import { appUrl } from "~/lib/app-url.server.ts";
import { memberAction, recordAudit } from "~/lib/audit.server.ts";
import { accessible, ensureCan } from "~/lib/authorize.server.ts";
import { DAY_MS, isoDay } from "~/lib/dates.ts";
import { prisma, type Tx } from "~/lib/db.server.ts";
import { UserError } from "~/lib/errors.ts";
import { notFound } from "~/lib/http.server.ts";
import { message } from "~/lib/i18n/message.ts";
import { accountTranslator } from "~/lib/i18n/translate.server.ts";
import type { TenantContext } from "~/lib/tenant.server.ts";
import type { SamplingState } from "~/generated/prisma/client.ts";
import type { LoadedInspection } from "./inspections.server.ts";
import { inspectionPath, inspectionsPath, samplingSettingsPath } from "./paths.ts";
import { samplingSource } from "./sampling-source.server.ts";
import { applyLot, resumeAfterStop, scoreStep, type ClassOutcome, type Switch, type SwitchingSeverity, type SwitchingState } from "./switching.ts";

export interface LotOutcome {
  accepted: boolean;
  classes: ClassOutcome[];
  steadyProduction: boolean;
}

/** How many times a lot is applied again when another submission of the same spec stored the state first. */
const ATTEMPTS = 3;

/** A stored state as the pure rules read it. */
export function switchingStateOf(row: Pick<SamplingState, "severity" | "recent" | "score" | "acceptedInRow" | "notAcceptedOnTightened">): SwitchingState {
  const recent = Array.isArray(row.recent) ? row.recent.filter((value): value is boolean => typeof value === "boolean").slice(-5) : [];
  return {
    severity: row.severity as SwitchingSeverity,
    recent,
    score: row.score,
    acceptedInRow: row.acceptedInRow,
    notAcceptedOnTightened: row.notAcceptedOnTightened,
  };
}

const stored = (state: SwitchingState) => ({
  severity: state.severity,
  recent: state.recent,
  score: state.score,
  acceptedInRow: state.acceptedInRow,
  notAcceptedOnTightened: state.notAcceptedOnTightened,
});

/** The partnership and spec's state, created at normal the first time a lot counts. */
async function stateRow(tx: Tx, keys: { importerId: string; factoryId: string; partnershipId: string; specId: string }) {
  const where = { partnershipId_specId: { partnershipId: keys.partnershipId, specId: keys.specId } };
  const found = await tx.samplingState.findUnique({ where });
  if (found) return found;
  // Two first lots at once: one row, whoever writes it.
  const { importerId, factoryId, partnershipId, specId } = keys;
  await tx.samplingState.createMany({ data: [{ importerId, factoryId, partnershipId, specId }], skipDuplicates: true });
  return tx.samplingState.findUniqueOrThrow({ where });
}

/**
 * Counts one original inspection's result toward the switching rules (a re-inspection never
 * counts) and returns the switch it caused, if any. Called in the submission's transaction.
 */
export async function recordLotForSwitching(tx: Tx, ctx: TenantContext, inspection: LoadedInspection, outcome: LotOutcome): Promise<Switch | null> {
  if (inspection.type === "RE_INSPECTION" || inspection.reinspectionOfId) return null;
  const { choices } = await samplingSource(inspection.partnershipId, inspection.specId, tx);
  const lot = { accepted: outcome.accepted, scoreStep: scoreStep(outcome.classes, inspection.plan.severity) };
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const row = await stateRow(tx, inspection);
    const current = switchingStateOf(row);
    const { state, switched } = applyLot(current, lot, { reducedEnabled: choices.reducedEnabled, steadyProduction: outcome.steadyProduction });
    // Nothing to store: acceptance is stopped, or a lot accepted on reduced inspection keeps it so.
    if (!switched && state === current) return null;
    const { count } = await tx.samplingState.updateMany({
      where: { id: row.id, revision: row.revision },
      data: {
        ...stored(state),
        ...(switched ? { reason: switched.reason, switchedAt: new Date(), switchedByInspectionId: inspection.id } : {}),
        revision: { increment: 1 },
      },
    });
    if (count !== 1) continue;
    if (switched) await announceSwitch(tx, ctx, { ...row, revision: row.revision + 1 }, switched, inspection);
    return switched;
  }
  throw new UserError(message("lotDecisions", "errors.switchingBusy"), 409);
}

type StateKeys = Pick<SamplingState, "id" | "importerId" | "factoryId" | "partnershipId" | "specId" | "revision">;

/** Audits a switch for both orgs, emails both sides and, when acceptance stops, opens the corrective action. */
async function announceSwitch(tx: Tx, ctx: TenantContext, row: StateKeys, switched: Switch, inspection: Pick<LoadedInspection, "id" | "poNumber"> | null) {
  for (const orgId of [row.importerId, row.factoryId]) {
    await recordAudit(tx, {
      ...memberAction(
        ctx,
        switched.reason === "resumedAfterCorrectiveAction" ? "samplingState.resume" : "samplingState.switch",
        "SamplingState",
        row.id,
        orgId,
      ),
      before: { severity: switched.from },
      after: { severity: switched.to, reason: switched.reason, inspectionId: inspection?.id ?? null },
    });
  }
  const [importer, factory, spec] = await Promise.all([
    loadRecipients(tx, row.importerId),
    loadRecipients(tx, row.factoryId),
    tx.spec.findUniqueOrThrow({ where: { id: row.specId }, select: { title: true } }),
  ]);
  const names = await tx.organization.findMany({ where: { id: { in: [row.importerId, row.factoryId] } }, select: { id: true, name: true } });
  const nameOf = (id: string) => names.find((o) => o.id === id)?.name ?? "";
  const link = (slug: string, side: "importer" | "factory") =>
    appUrl(
      inspection
        ? inspectionPath(slug, inspection.id)
        : side === "importer"
          ? samplingSettingsPath(slug, row.partnershipId)
          : inspectionsPath(slug, { spec: row.specId }),
    );
  const data = (slug: string, side: "importer" | "factory") => ({
    importerName: nameOf(row.importerId),
    factoryName: nameOf(row.factoryId),
    title: spec.title,
    poNumber: inspection?.poNumber ?? null,
    from: switched.from,
    to: switched.to,
    reason: switched.reason,
    link: link(slug, side),
  });
  // The revision makes each switch of the state its own email.
  const event = `severity-switched:${row.id}:${row.revision}`;
  await enqueueEmails(tx, [
    ...emailsTo(row.importerId, importer.memberships, event, { template: "inspection-severity-switched", data: data(importer.slug, "importer") }),
    ...emailsTo(row.factoryId, factory.memberships, event, { template: "inspection-severity-switched", data: data(factory.slug, "factory") }),
  ]);
  if (switched.to === "stopped" && inspection) await openStopCorrectiveAction(tx, row, inspection.id, spec.title, nameOf(row.importerId));
}

/** Clause 9.4: acceptance stopped, the factory is asked for a corrective action on the spec. */
async function openStopCorrectiveAction(tx: Tx, row: StateKeys, inspectionId: string, specTitle: string, importerName: string) {
  // Written in the language of the importer's deciders (the first of them), like a prefill the importer would have opened.
  const deciders = await loadRecipients(tx, row.importerId, DECIDERS);
  const t = accountTranslator(deciders.memberships[0]?.user ?? { locale: "en" }, "lotDecisions");
  const ca = await tx.correctiveAction.create({
    data: {
      importerId: row.importerId,
      factoryId: row.factoryId,
      partnershipId: row.partnershipId,
      specId: row.specId,
      inspectionId,
      title: t("stop.caTitle", { spec: specTitle }),
      problem: t("stop.caProblem", { spec: specTitle }),
      severity: "MAJOR",
      planDueAt: new Date(`${isoDay(new Date(Date.now() + 14 * DAY_MS))}T23:59:59Z`),
      openedById: null,
    },
  });
  for (const orgId of [row.importerId, row.factoryId]) {
    await recordAudit(tx, {
      orgId,
      actorId: null,
      action: "correctiveAction.open",
      subjectType: "CorrectiveAction",
      subjectId: ca.id,
      after: { title: ca.title, severity: ca.severity, planDueAt: ca.planDueAt, inspectionId },
    });
  }
  await notifyCorrectiveAction(tx, ca, "opened", importerName);
  return ca;
}

/** The importer's switching state for a partnership and spec, or a 404. */
export async function loadSamplingState(ctx: TenantContext, partnershipId: string, specId: string) {
  const state = await prisma.samplingState.findFirst({ where: { AND: [accessible(ctx.ability, "read", "SamplingState"), { partnershipId, specId }] } });
  if (!state) notFound(message("lotDecisions", "errors.stateNotFound"));
  return state;
}

/** After the corrective action, the importer resumes acceptance on tightened inspection (clause 9.4). */
export async function resumeSampling(ctx: TenantContext, partnershipId: string, specId: string): Promise<Switch> {
  const row = await loadSamplingState(ctx, partnershipId, specId);
  ensureCan(
    ctx.ability,
    "update",
    asSubject("SamplingState", row),
    row.severity === "stopped" ? message("lotDecisions", "errors.onlyDecidersResume") : message("lotDecisions", "errors.notStopped"),
  );
  const { state, switched } = resumeAfterStop(switchingStateOf(row));
  if (!switched) throw new UserError(message("lotDecisions", "errors.notStopped"), 409);
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.samplingState.updateMany({
      where: { id: row.id, revision: row.revision, severity: "stopped" },
      data: { ...stored(state), reason: switched.reason, switchedAt: new Date(), switchedByInspectionId: null, revision: { increment: 1 } },
    });
    if (count !== 1) throw new UserError(message("lotDecisions", "errors.stateChangedMeanwhile"), 409);
    await announceSwitch(tx, ctx, { ...row, revision: row.revision + 1 }, switched, null);
    return switched;
  });
}
