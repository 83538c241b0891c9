// The importer's lot decision: release, reject (rework and re-inspect) or accept with a deviation.
// Final for the inspection. Two deciders at once: the first write moves the status on, the second
// matches no row and is told so (one audit pair, one set of emails), as for first articles.
import { enqueueEmails } from "~/features/notifications/outbox.server.ts";
import { emailsTo, loadRecipients } from "~/features/notifications/recipients.server.ts";
import { appUrl } from "~/lib/app-url.server.ts";
import { memberAction, recordAudit } from "~/lib/audit.server.ts";
import { ensureCan } from "~/lib/authorize.server.ts";
import { prisma, type Tx } from "~/lib/db.server.ts";
import { UserError } from "~/lib/errors.ts";
import { message } from "~/lib/i18n/message.ts";
import type { TenantContext } from "~/lib/tenant.server.ts";
import { DECIDED_STATUS, type DecidedStatus, type DecideLotInput } from "./decision.ts";
import { inspectionSubject, type LoadedInspection } from "./inspections.server.ts";
import { inspectionPath } from "./paths.ts";

/** Refused unless the member decides for the importer and the inspection waits for a decision. */
export function ensureMayDecide(ctx: TenantContext, inspection: LoadedInspection) {
  ensureCan(
    ctx.ability,
    "decide",
    inspectionSubject(inspection),
    inspection.status === "SUBMITTED" ? message("lotDecisions", "errors.onlyDecidersDecide") : message("lotDecisions", "errors.notWaiting"),
    "status",
  );
}

/** Records the decision made on `input.revision`; returns how many were emailed. */
export async function decideLot(ctx: TenantContext, inspection: LoadedInspection, input: DecideLotInput) {
  ensureMayDecide(ctx, inspection);
  const status = DECIDED_STATUS[input.decision];
  const note = input.note || null;
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.inspection.updateMany({
      where: { id: inspection.id, status: "SUBMITTED", revision: input.revision },
      data: { status, decidedAt: new Date(), decidedById: ctx.user.id, decisionNote: note, revision: { increment: 1 } },
    });
    if (count !== 1) throw new UserError(message("lotDecisions", "errors.decidedMeanwhile"), 409);
    for (const orgId of [inspection.importerId, inspection.factoryId]) {
      await recordAudit(tx, {
        ...memberAction(ctx, "inspection.decide", "Inspection", inspection.id, orgId),
        before: { status: "SUBMITTED" },
        after: { status, decisionNote: note },
      });
    }
    return notifyLotDecided(tx, inspection, { status, note, importerName: ctx.org.name });
  });
}

/** "Lot decided" → every member of both orgs, each with a link to the inspection in their own org. */
async function notifyLotDecided(tx: Tx, inspection: LoadedInspection, input: { status: DecidedStatus; note: string | null; importerName: string }) {
  const [importer, factory, version] = await Promise.all([
    loadRecipients(tx, inspection.importerId),
    loadRecipients(tx, inspection.factoryId),
    tx.specVersion.findUniqueOrThrow({ where: { id: inspection.versionId }, select: { spec: { select: { title: true } } } }),
  ]);
  const data = (slug: string) => ({
    importerName: input.importerName,
    title: version.spec.title,
    poNumber: inspection.poNumber,
    lotSize: inspection.lotSize,
    decision: input.status,
    note: input.note,
    link: appUrl(inspectionPath(slug, inspection.id)),
  });
  const event = `inspection-decided:${inspection.id}`;
  return enqueueEmails(tx, [
    ...emailsTo(inspection.importerId, importer.memberships, event, { template: "inspection-decided", data: data(importer.slug) }),
    ...emailsTo(inspection.factoryId, factory.memberships, event, { template: "inspection-decided", data: data(factory.slug) }),
  ]);
}
