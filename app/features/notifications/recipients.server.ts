import type { Role } from "~/generated/prisma/client.ts";
import type { Tx } from "~/lib/db.server.ts";
import type { TemplateData, TemplateName } from "../../../emails/index.ts";
import type { EmailToEnqueue } from "./outbox.server.ts";

/** The members who decide for their org, and hear of what needs a decision. */
export const DECIDERS: readonly Role[] = ["OWNER", "QUALITY"];

/** Who to write to, and how. */
export const recipientSelect = { select: { user: { select: { id: true, email: true, locale: true, timeZone: true } } } } as const;

/** An org's slug (for the links) and its members who hear of an event: all of them, or those in `roles`. */
export function loadRecipients(tx: Tx, orgId: string, roles?: readonly Role[]) {
  return tx.organization.findUniqueOrThrow({
    where: { id: orgId },
    select: { slug: true, memberships: { ...(roles ? { where: { role: { in: [...roles] } } } : {}), ...recipientSelect } },
  });
}

type Recipient = { user: { id: string; email: string; locale: string; timeZone: string } };
type Message = { [T in TemplateName]: { template: T; data: TemplateData<T> } }[TemplateName];

/**
 * The same email to each recipient, in the recipient's language and zone, keyed `<event>:<user id>` so
 * that each recipient gets each event once however often it is enqueued.
 */
export function emailsTo(orgId: string, recipients: Recipient[], event: string, message: Message): EmailToEnqueue[] {
  return recipients.map(({ user }) => ({
    orgId,
    to: user.email,
    locale: user.locale,
    timeZone: user.timeZone,
    idempotencyKey: `${event}:${user.id}`,
    ...message,
  }));
}
