import { accessible } from "~/lib/authorize.server.ts";
import { prisma } from "~/lib/db.server.ts";
import { pageOverSegments } from "~/lib/pagination.ts";
import type { TenantContext } from "~/lib/tenant.server.ts";
import type { FirstArticleStatus, Prisma } from "~/generated/prisma/client.ts";


const listSelect = {
  id: true,
  round: true,
  status: true,
  poNumber: true,
  lotNumber: true,
  updatedAt: true,
  submittedAt: true,
  specId: true,
  importerId: true,
  factoryId: true,
  partnership: { select: { importer: { select: { name: true } }, factory: { select: { name: true } } } },
} satisfies Prisma.FirstArticleSelect;

/**
 * First articles for the list page, newest first. What waits for this org
 * comes first: for an importer, submissions to review; for a factory,
 * drafts to finish and rejections to answer with a new round.
 */
export async function listFirstArticles(ctx: TenantContext, query: { status?: FirstArticleStatus; partnerId?: string; specId?: string; page: number; pageSize: number }) {
  const filters: Prisma.FirstArticleWhereInput[] = [accessible(ctx.ability, "read", "FirstArticle")];
  if (query.status) filters.push({ status: query.status });
  if (query.partnerId) filters.push(ctx.org.kind === "IMPORTER" ? { factoryId: query.partnerId } : { importerId: query.partnerId });
  if (query.specId) filters.push({ specId: query.specId });
  // A rejected round whose next round exists needs nothing more.
  const waiting: Prisma.FirstArticleWhereInput =
    ctx.org.kind === "IMPORTER" ? { status: "SUBMITTED" } : { OR: [{ status: "DRAFT" }, { status: "REJECTED", id: { notIn: await rejectionsAlreadyAnswered(ctx) } }] };
  const first = { AND: [...filters, waiting] };
  const rest = { AND: [...filters, { NOT: waiting }] };
  const orderBy: Prisma.FirstArticleOrderByWithRelationInput[] = [{ updatedAt: "desc" }, { id: "asc" }];
  const fetch = (where: Prisma.FirstArticleWhereInput) => (skip: number, take: number) => prisma.firstArticle.findMany({ where, orderBy, skip, take, select: listSelect });
  const [firstCount, restCount] = await Promise.all([prisma.firstArticle.count({ where: first }), prisma.firstArticle.count({ where: rest })]);
  const page = await pageOverSegments(query.page, [
    { count: firstCount, fetch: fetch(first) },
    { count: restCount, fetch: fetch(rest) },
  ], query.pageSize);
  const specs = await prisma.spec.findMany({ where: { id: { in: [...new Set(page.items.map((i) => i.specId))] } }, select: { id: true, title: true, productCode: true } });
  const specById = new Map(specs.map((s) => [s.id, s]));
  return { ...page, waitingCount: firstCount, items: page.items.map((i) => ({ ...i, spec: specById.get(i.specId) ?? null })) };
}

/** Rejected rounds that already have a next round: nothing left to do on them. */
async function rejectionsAlreadyAnswered(ctx: TenantContext) {
  const rejected = await prisma.firstArticle.findMany({
    where: { AND: [accessible(ctx.ability, "read", "FirstArticle"), { status: "REJECTED" }] },
    select: { id: true, seriesId: true, round: true },
  });
  if (!rejected.length) return [];
  const latest = await prisma.firstArticle.groupBy({ by: ["seriesId"], where: { seriesId: { in: [...new Set(rejected.map((r) => r.seriesId))] } }, _max: { round: true } });
  const maxRound = new Map(latest.map((l) => [l.seriesId, l._max.round ?? 0]));
  return rejected.filter((r) => r.round < (maxRound.get(r.seriesId) ?? 0)).map((r) => r.id);
}

/** For the spec version page: each factory's latest first-article status on this version. */
export async function latestFirstArticlesForVersion(ctx: TenantContext, versionId: string) {
  const rows = await prisma.firstArticle.findMany({
    where: { AND: [accessible(ctx.ability, "read", "FirstArticle"), { versionId }] },
    orderBy: [{ round: "desc" }, { updatedAt: "desc" }],
    select: { id: true, factoryId: true, status: true, round: true },
  });
  const latest = new Map<string, (typeof rows)[number]>();
  for (const row of rows) if (!latest.has(row.factoryId)) latest.set(row.factoryId, row);
  return [...latest.values()];
}
