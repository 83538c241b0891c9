import { enqueueEmails } from "~/features/notifications/outbox.server.ts";
import { DECIDERS, emailsTo, loadRecipients } from "~/features/notifications/recipients.server.ts";
import type { Tx } from "~/lib/db.server.ts";
import { appUrl } from "~/lib/app-url.server.ts";
import { correctiveActionPath } from "./paths.ts";

export type CaEvent = "opened" | "plan-submitted" | "plan-accepted" | "plan-returned" | "implemented" | "closed" | "reopened";

// Which side hears of each event: always the other side from the one that acted.
const toFactory: Record<CaEvent, boolean> = {
  opened: true,
  "plan-submitted": false,
  "plan-accepted": true,
  "plan-returned": true,
  implemented: false,
  closed: true,
  reopened: true,
};

/** Emails the other side's owners and quality leads, in the same transaction as the change. Returns how many were emailed. */
export async function notifyCorrectiveAction(
  tx: Tx,
  ca: { id: string; importerId: string; factoryId: string; title: string; planDueAt: Date; revision: number },
  event: CaEvent,
  actorOrgName: string,
  note: string | null = null,
): Promise<number> {
  const orgId = toFactory[event] ? ca.factoryId : ca.importerId;
  const org = await loadRecipients(tx, orgId, DECIDERS);
  // The due date ends at midnight in the factory's zone: the email says which.
  const factory = await tx.organization.findUniqueOrThrow({ where: { id: ca.factoryId }, select: { timeZone: true } });
  return enqueueEmails(
    tx,
    // The revision makes a second "returned" (after a resubmission) its own email.
    emailsTo(orgId, org.memberships, `ca:${ca.id}:${event}:${ca.revision}`, {
      template: "corrective-action-update",
      data: {
        event,
        orgName: actorOrgName,
        title: ca.title,
        planDueAt: ca.planDueAt.toISOString(),
        dueZone: factory.timeZone,
        note,
        link: appUrl(correctiveActionPath(org.slug, ca.id)),
      },
    }),
  );
}
