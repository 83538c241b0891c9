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

/** The same change in the log of each org it concerns (both sides of a partnership); an org not known yet (null) is skipped. */
export async function recordAuditFor(tx: Tx, orgIds: (string | null)[], input: Omit<AuditInput, "orgId">) {
  for (const orgId of orgIds) if (orgId) await recordAudit(tx, { ...input, orgId });
}
