import { z } from "zod";
import type { Prisma } from "~/generated/prisma/client.ts";
import type { Tx } from "~/lib/db.server.ts";
import { timeZoneOr } from "~/lib/time-zones.ts";
import { parseTemplateData, toLocale, type TemplateData, type TemplateName } from "../../../emails/index.ts";

interface Common {
  /** The tenant the email is about; null for emails outside any org. */
  orgId?: string | null;
  to: string;
  /** The recipient's language; unknown values fall back to English. */
  locale?: string | null;
  /** The recipient's time zone, for the times the email names; UTC when unknown. */
  timeZone?: string | null;
  /**
   * Names the event and recipient, e.g. `invitation:${invitation.id}`. Enqueueing the
   * same key again is a no-op, and the key goes to Resend so a retry never sends twice.
   */
  idempotencyKey: string;
}

export type EmailToEnqueue = Common & { [T in TemplateName]: { template: T; data: TemplateData<T> } }[TemplateName];

const envelope = z.object({
  to: z.string().trim().email({ message: "is not an email address" }),
  // Resend rejects keys longer than 256 characters.
  idempotencyKey: z.string().min(1).max(256),
});

function toRow(email: EmailToEnqueue): Prisma.OutboxEmailCreateManyInput {
  const checked = envelope.safeParse(email);
  if (!checked.success) {
    const problems = checked.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Cannot enqueue email "${email.template}": ${problems}`);
  }
  return {
    orgId: email.orgId ?? null,
    to: checked.data.to,
    template: email.template,
    // Validated now so that a bad call fails in the request that made it, not later in the worker.
    data: parseTemplateData(email.template, email.data) as Prisma.InputJsonValue,
    locale: toLocale(email.locale),
    timeZone: timeZoneOr(email.timeZone),
    idempotencyKey: checked.data.idempotencyKey,
    // The app's clock, which the worker compares against (the column default would use the
    // database clock and session time zone).
    nextAttemptAt: new Date(),
  };
}

/**
 * Adds emails to the outbox inside the caller's transaction, so they exist if and only if
 * the change that caused them commits. Returns how many rows were new.
 */
export async function enqueueEmails(tx: Tx, emails: EmailToEnqueue[]): Promise<number> {
  if (emails.length === 0) return 0;
  const { count } = await tx.outboxEmail.createMany({ data: emails.map(toRow), skipDuplicates: true });
  return count;
}

/** Returns true when the row is new, false when its idempotency key was already queued. */
export async function enqueueEmail(tx: Tx, email: EmailToEnqueue): Promise<boolean> {
  return (await enqueueEmails(tx, [email])) === 1;
}
