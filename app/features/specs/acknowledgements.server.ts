import { asSubject } from "~/lib/ability.ts";
import { memberAction, recordAudit } from "~/lib/audit.server.ts";
import { accessible, ensureCan } from "~/lib/authorize.server.ts";
import { prisma } from "~/lib/db.server.ts";
import { UserError } from "~/lib/errors.ts";
import { message } from "~/lib/i18n/message.ts";
import type { TenantContext } from "~/lib/tenant.server.ts";
import { notifyAcknowledgement } from "./notifications.server.ts";
import type { LoadedSpec } from "./specs.server.ts";
import type { LoadedVersion } from "./versions.server.ts";
import { accountTranslator } from "~/lib/i18n/translate.server.ts";

/** "answered": the factory asked, and the importer has replied in the thread since (the factory's turn again). */
export type AckState = "pending" | "acknowledged" | "queried" | "answered";

/**
 * The factories whose question on this version the importer has answered: a
 * shared comment by the importer in that factory's thread after the question.
 */
export async function answeredFactories(
  ctx: TenantContext,
  version: { id: string; orgId: string },
  acks: Pick<AckRow, "factoryId" | "status" | "updatedAt">[],
) {
  const queried = acks.filter((a) => a.status === "QUERIED");
  if (queried.length === 0) return new Set<string>();
  const replies = await prisma.comment.findMany({
    where: {
      AND: [
        accessible(ctx.ability, "read", "Comment"),
        { threadType: "SpecVersion", threadId: version.id, orgId: version.orgId, visibility: "SHARED" },
        { OR: queried.map((a) => ({ factoryId: a.factoryId, createdAt: { gt: a.updatedAt } })) },
      ],
    },
    select: { factoryId: true },
    distinct: ["factoryId"],
  });
  return new Set(replies.map((r) => r.factoryId));
}

/**
 * The factory acknowledges the current published version, or queries it with
 * a question. Answering again replaces the earlier answer for this version
 * (a query followed by an acknowledgement, say); the audit trail keeps both.
 */
export async function respondToVersion(
  ctx: TenantContext,
  spec: LoadedSpec,
  version: LoadedVersion,
  response: { status: "ACKNOWLEDGED" } | { status: "QUERIED"; question: string },
) {
  if (version.status === "SUPERSEDED" && ctx.org.kind === "FACTORY" && ctx.ability.can("read", asSubject("SpecVersion", version))) {
    throw new UserError(message("specs", "errors.versionReplaced", { number: version.number }), 409);
  }
  ensureCan(ctx.ability, "acknowledge", asSubject("SpecVersion", version), accountTranslator(ctx.user, "specs")("refusal.acknowledgeRole"));
  const question = response.status === "QUERIED" ? response.question : null;
  return prisma.$transaction(async (tx) => {
    const previous = await tx.acknowledgement.findUnique({ where: { versionId_factoryId: { versionId: version.id, factoryId: ctx.org.id } } });
    const ack = await tx.acknowledgement.upsert({
      where: { versionId_factoryId: { versionId: version.id, factoryId: ctx.org.id } },
      create: { versionId: version.id, importerId: spec.orgId, factoryId: ctx.org.id, status: response.status, question, userId: ctx.user.id },
      update: { status: response.status, question, userId: ctx.user.id },
    });
    for (const orgId of [ctx.org.id, spec.orgId]) {
      await recordAudit(tx, {
        ...memberAction(ctx, response.status === "ACKNOWLEDGED" ? "specVersion.acknowledge" : "specVersion.query", "SpecVersion", version.id, orgId),
        before: previous ? { status: previous.status, question: previous.question } : null,
        after: { status: ack.status, question: ack.question, factoryId: ctx.org.id },
      });
    }
    await notifyAcknowledgement(tx, {
      importerId: spec.orgId,
      specId: spec.id,
      versionId: version.id,
      number: version.number,
      factoryName: ctx.org.name,
      status: response.status,
      question,
      ackId: ack.id,
    });
    return ack;
  });
}

export interface AckRow {
  factoryId: string;
  status: "ACKNOWLEDGED" | "QUERIED";
  question: string | null;
  updatedAt: Date;
  userId: string | null;
}

/** For the importer: each factory the spec is shared with, and its answer for this version. */
export async function listAckStatus(ctx: TenantContext, spec: LoadedSpec, versionId: string) {
  if (ctx.org.kind !== "IMPORTER") return [];
  const [shares, acks] = await Promise.all([
    prisma.specShare.findMany({
      where: { AND: [accessible(ctx.ability, "read", "SpecShare"), { specId: spec.id }] },
      select: { factory: { select: { id: true, name: true } }, partnership: { select: { status: true } } },
      orderBy: { createdAt: "asc" },
    }),
    prisma.acknowledgement.findMany({
      where: { AND: [accessible(ctx.ability, "read", "Acknowledgement"), { versionId }] },
      select: { factoryId: true, status: true, question: true, updatedAt: true, userId: true },
    }),
  ]);
  const names = await userNames(acks);
  return ackStatusOf(shares, acks).map(({ userId, ...a }) => ({ ...a, by: userId ? (names.get(userId) ?? null) : null }));
}

/** The names of the users who answered, by id (no statement when nobody has). */
export async function userNames(acks: Pick<AckRow, "userId">[]) {
  const ids = [...new Set(acks.flatMap((a) => (a.userId ? [a.userId] : [])))];
  const users = ids.length ? await prisma.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }) : [];
  return new Map(users.map((u) => [u.id, u.name]));
}

/**
 * Each factory a spec is shared with through an active partnership, in the
 * order it was shared, with its answer; questions first, since they are what
 * the importer has to act on.
 */
export function ackStatusOf(
  shares: { factory: { id: string; name: string }; partnership: { status: string } }[],
  acks: AckRow[],
  answered: ReadonlySet<string> = new Set(),
) {
  const byFactory = new Map(acks.map((a) => [a.factoryId, a]));
  const order: Record<AckState, number> = { queried: 0, pending: 1, answered: 2, acknowledged: 3 };
  return shares
    .filter((s) => s.partnership.status === "ACTIVE")
    .map(({ factory }) => {
      const ack = byFactory.get(factory.id);
      const state: AckState = !ack ? "pending" : ack.status === "ACKNOWLEDGED" ? "acknowledged" : answered.has(factory.id) ? "answered" : "queried";
      return { factory, state, question: ack?.question ?? null, userId: ack?.userId ?? null, at: ack?.updatedAt ?? null };
    })
    .sort((a, b) => order[a.state] - order[b.state]);
}
