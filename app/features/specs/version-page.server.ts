import { latestFirstArticlesForVersion } from "~/features/first-articles/lists.server.ts";
import { listComments } from "~/features/threads/comments.server.ts";
import { accessible } from "~/lib/authorize.server.ts";
import { prisma } from "~/lib/db.server.ts";
import { requireMembership, type TenantContext } from "~/lib/tenant.server.ts";
import type { Prisma } from "~/generated/prisma/client.ts";
import { ackStatusOf, answeredFactories, userNames } from "./acknowledgements.server.ts";
import { diffVersions } from "./diff.ts";
import { idParam, versionNumberParam } from "./params.server.ts";
import { specInclude } from "./specs.server.ts";
import { versionThread } from "./threads.server.ts";
import { readableVersionWhere, toSnapshots, versionContent, versionNotFound, type LoadedVersion } from "./versions.server.ts";

/** Which factory's thread an importer is looking at: the one asked for, if it is shared, else the first. */
export function threadFactoryFor(ctx: TenantContext, requested: string | null, sharedFactoryIds: string[]) {
  if (ctx.org.kind === "FACTORY") return ctx.org.id;
  return requested && sharedFactoryIds.includes(requested) ? requested : (sharedFactoryIds[0] ?? null);
}

/**
 * The version with everything around it the page shows, in one statement:
 * its content; the answers on it (the importer reads every factory's, a
 * factory its own); the spec with its shares (readable ones, with the
 * factories' names); and, for a factory, the newest earlier version it
 * acknowledged, with its content, for "what changed since".
 */
function pageInclude(ctx: TenantContext, number: number) {
  const readableAck = accessible(ctx.ability, "read", "Acknowledgement");
  return {
    ...versionContent,
    acknowledgements: { where: readableAck, select: { factoryId: true, status: true, question: true, updatedAt: true, userId: true } },
    spec: {
      include: {
        ...specInclude,
        // The importer's active partner factories, for the share form: none for a factory.
        org: {
          select: {
            ...specInclude.org.select,
            importerPartners: {
              where: { AND: [accessible(ctx.ability, "read", "Partnership"), { status: "ACTIVE" }] },
              select: { factory: { select: { id: true, name: true } } },
              orderBy: { activatedAt: "asc" },
              take: ctx.org.kind === "IMPORTER" ? 500 : 0,
            },
          },
        },
        shares: {
          where: accessible(ctx.ability, "read", "SpecShare"),
          select: { factoryId: true, partnership: { select: { status: true } }, factory: { select: { id: true, name: true } } },
          orderBy: { createdAt: "asc" },
        },
        versions: {
          where: {
            AND: [
              accessible(ctx.ability, "read", "SpecVersion"),
              { number: { lt: number } },
              { acknowledgements: { some: { AND: [readableAck, { factoryId: ctx.org.id, status: "ACKNOWLEDGED" }] } } },
            ],
          },
          orderBy: { number: "desc" },
          // Only a factory acknowledges: the importer needs none.
          take: ctx.org.kind === "FACTORY" ? 1 : 0,
          include: versionContent,
        },
      },
    },
  } satisfies Prisma.SpecVersionInclude;
}

/** Everything the version page shows, for either side; 404 for anything unreadable. */
export async function loadVersionPage(request: Request, params: { org?: string; specId?: string; number?: string }) {
  const ctx = await requireMembership(request, params.org);
  const url = new URL(request.url);
  const number = versionNumberParam(params.number);
  const found = await prisma.specVersion.findFirst({ where: readableVersionWhere(ctx, idParam(params.specId), number), include: pageInclude(ctx, number) });
  if (!found) versionNotFound(ctx);
  const { spec: loaded, acknowledgements: acks, ...rest } = found;
  const {
    versions: [acknowledgedBefore],
    org: { importerPartners, ...org },
    ...specRest
  } = loaded;
  const spec = { ...specRest, org };
  const version: LoadedVersion = { ...rest, spec };
  const sharedWith = new Set(spec.shares.filter((s) => s.partnership.status === "ACTIVE").map((s) => s.factoryId));
  const unshared = importerPartners.flatMap(({ factory }) => (factory && !sharedWith.has(factory.id) ? [factory] : []));

  const answered = await answeredFactories(ctx, version, acks);
  const ackStatus = ctx.org.kind === "IMPORTER" ? ackStatusOf(spec.shares, acks, answered) : [];
  const factoryId =
    version.status === "DRAFT"
      ? null
      : threadFactoryFor(
          ctx,
          url.searchParams.get("factory"),
          ackStatus.map((a) => a.factory.id),
        );
  const mine = ctx.org.kind === "FACTORY" ? (acks.find((a) => a.factoryId === ctx.org.id) ?? null) : null;
  // A factory asked to acknowledge sees what changed since the version it last acknowledged.
  const before = acknowledgedBefore && mine?.status !== "ACKNOWLEDGED" ? acknowledgedBefore : null;
  const [[snapshot, beforeSnapshot], names, thread, firstArticles] = await Promise.all([
    toSnapshots(before ? [version, before] : [version]),
    userNames(ackStatus),
    factoryId ? listComments(ctx, versionThread(spec, version, factoryId), { before: url.searchParams.get("before") }) : null,
    version.status === "DRAFT" ? [] : latestFirstArticlesForVersion(ctx, version.id),
  ]);
  const changes =
    snapshot && beforeSnapshot
      ? {
          from: beforeSnapshot.number,
          diff: diffVersions(beforeSnapshot, snapshot),
          characteristicsByKey: Object.fromEntries(snapshot.characteristics.map((c) => [c.key, { number: c.number, name: c.name }])),
        }
      : null;
  return {
    ctx,
    spec,
    version,
    page: {
      snapshot: snapshot!,
      ackStatus: ackStatus.map(({ userId, at, ...a }) => ({ ...a, by: userId ? (names.get(userId) ?? null) : null, at: at?.toISOString() ?? null })),
      factoryAck:
        ctx.org.kind === "FACTORY"
          ? {
              status: mine?.status ?? null,
              question: mine?.question ?? null,
              answered: answered.has(ctx.org.id),
              at: mine?.updatedAt.toISOString() ?? null,
              lastAcknowledged: acknowledgedBefore?.number ?? null,
            }
          : null,
      changes,
      threadFactoryId: factoryId,
      unshared,
      thread,
      firstArticles,
    },
  };
}
