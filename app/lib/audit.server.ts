import type { Prisma } from "~/generated/prisma/client.ts";
import type { Tx } from "./db.server.ts";

type Fields = Record<string, unknown>;

const normalise = (value: unknown) => (value instanceof Date ? value.toISOString() : (value ?? null));

/** The fields whose values differ, as { field: { from, to } }. */
export function changedFields(before: Fields | null | undefined, after: Fields | null | undefined) {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  for (const key of keys) {
    const from = normalise(before?.[key]);
    const to = normalise(after?.[key]);
    if (JSON.stringify(from) !== JSON.stringify(to)) changes[key] = { from, to };
  }
  return changes;
}

export interface AuditInput {
  orgId: string;
  actorId: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  before?: Fields | null;
  after?: Fields | null;
}

/** Who acts in a request: a member of the active org. */
interface Member {
  org: { id: string };
  user: { id: string };
}

/**
 * What a member of the active org did to which record: spread it into
 * recordAudit's input. Logged in the member's org, or in `orgId`'s (what
 * happens between partners is logged on both sides).
 */
export function memberAction(ctx: Member, action: string, subjectType: string, subjectId: string, orgId = ctx.org.id) {
  return { orgId, actorId: ctx.user.id, action, subjectType, subjectId } satisfies AuditInput;
}

/** Records a state change; call it inside the transaction that makes the change. */
export function recordAudit(tx: Tx, input: AuditInput) {
  return tx.auditEvent.create({
    data: {
      orgId: input.orgId,
      actorId: input.actorId,
      action: input.action,
      subjectType: input.subjectType,
      subjectId: input.subjectId,
      changes: changedFields(input.before, input.after) as Prisma.InputJsonValue,
    },
  });
}
