// The booking's emails, to the other side only: "booked" and "another date proposed" to those
// who may confirm, "confirmed" and "aborted" to every member. Queued in the write's transaction.
import { enqueueEmails } from "~/features/notifications/outbox.server.ts";
import { DECIDERS, emailsTo, loadRecipients } from "~/features/notifications/recipients.server.ts";
import { appUrl } from "~/lib/app-url.server.ts";
import type { Tx } from "~/lib/db.server.ts";
import type { Role } from "~/generated/prisma/client.ts";
import { inspectionPath } from "./paths.ts";
import type { AbortReason } from "./schemas.ts";

type Booked = {
  id: string;
  importerId: string;
  factoryId: string;
  versionId: string;
  type: "DURING_PRODUCTION" | "PRE_SHIPMENT" | "RE_INSPECTION";
  poNumber: string;
  proposedDate: Date;
  revision: number;
};
type Actor = { id: string; name: string; kind: "IMPORTER" | "FACTORY" };

/** Who may confirm on each side (ability.ts, inspectionRules): importers' members too, factories' leads. */
const confirmers = (otherOrgId: string, inspection: Booked): readonly Role[] =>
  otherOrgId === inspection.importerId ? ["OWNER", "QUALITY", "MEMBER"] : DECIDERS;

async function describe(tx: Tx, inspection: Booked, actor: Actor, roles?: (otherOrgId: string) => readonly Role[]) {
  const otherOrgId = actor.id === inspection.importerId ? inspection.factoryId : inspection.importerId;
  const [recipients, version] = await Promise.all([
    loadRecipients(tx, otherOrgId, roles?.(otherOrgId)),
    tx.specVersion.findUniqueOrThrow({ where: { id: inspection.versionId }, select: { number: true, spec: { select: { title: true, productCode: true } } } }),
  ]);
  return {
    otherOrgId,
    recipients,
    data: {
      orgName: actor.name,
      title: version.spec.title,
      productCode: version.spec.productCode,
      version: version.number,
      poNumber: inspection.poNumber,
      type: inspection.type,
      link: appUrl(inspectionPath(recipients.slug, inspection.id)),
    },
  };
}

/** "Inspection booked" → the other side's members who may confirm it. Returns how many were emailed. */
export async function notifyBooked(tx: Tx, inspection: Booked, actor: Actor): Promise<number> {
  const { otherOrgId, recipients, data } = await describe(tx, inspection, actor, (other) => confirmers(other, inspection));
  return enqueueEmails(
    tx,
    emailsTo(otherOrgId, recipients.memberships, `inspection-booked:${inspection.id}`, {
      template: "inspection-booked",
      data: { ...data, date: inspection.proposedDate.toISOString() },
    }),
  );
}

/** "Date confirmed" → every member of the other side; "another date proposed" → those who may confirm it. */
export async function notifyConfirmed(tx: Tx, inspection: Booked, actor: Actor, input: { rescheduled: boolean; date: Date; reason: string | null }) {
  const { otherOrgId, recipients, data } = await describe(tx, inspection, actor, input.rescheduled ? (other) => confirmers(other, inspection) : undefined);
  return enqueueEmails(
    tx,
    emailsTo(otherOrgId, recipients.memberships, `inspection-${input.rescheduled ? "rescheduled" : "confirmed"}:${inspection.id}:${inspection.revision}`, {
      template: "inspection-confirmed",
      data: { ...data, date: input.date.toISOString(), rescheduled: input.rescheduled, reason: input.reason },
    }),
  );
}

/** "Inspection aborted" → every member of the other side, with the reason. */
export async function notifyAborted(tx: Tx, inspection: Booked, actor: Actor, input: { reason: AbortReason; note: string | null }) {
  const { otherOrgId, recipients, data } = await describe(tx, inspection, actor);
  return enqueueEmails(
    tx,
    emailsTo(otherOrgId, recipients.memberships, `inspection-aborted:${inspection.id}`, {
      template: "inspection-aborted",
      data: { ...data, date: inspection.proposedDate.toISOString(), reason: input.reason, note: input.note },
    }),
  );
}
