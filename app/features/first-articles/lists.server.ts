import { accessible } from "~/lib/authorize.server.ts";
import { prisma } from "~/lib/db.server.ts";
import { toPage } from "~/lib/pagination.ts";
import { readableFirstArticlesSql } from "~/lib/read-conditions.server.ts";
import type { TenantContext } from "~/lib/tenant.server.ts";
import { Prisma, type FirstArticleStatus } from "~/generated/prisma/client.ts";

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

type ListQuery = { status?: FirstArticleStatus; partnerId?: string; specId?: string; page: number; pageSize: number };

/**
 * The ids of one page in list order, with the counts, in one statement
 * whatever the page: what waits for this org first ("waiting"), then newest
 * first. "Waiting" compares a row with the later rounds of its series, which a
 * Prisma filter cannot say. The SQL takes the first-article read rule from
 * lib/read-conditions.server.ts; the rows are then read through the ability
 * all the same.
 */
async function pageOfIds(ctx: TenantContext, query: ListQuery) {
  const importer = ctx.org.kind === "IMPORTER";
  const filters = [readableFirstArticlesSql(ctx, "f")];
  if (query.status) filters.push(Prisma.sql`f.status = ${query.status}::text::"FirstArticleStatus"`);
  if (query.partnerId) filters.push(importer ? Prisma.sql`f."factoryId" = ${query.partnerId}` : Prisma.sql`f."importerId" = ${query.partnerId}`);
  if (query.specId) filters.push(Prisma.sql`f."specId" = ${query.specId}`);
  // For an importer, submissions to review; for a factory, drafts to finish and
  // rejections not yet answered with a next round.
  const waiting = importer
    ? Prisma.sql`f.status = 'SUBMITTED'`
    : Prisma.sql`(f.status = 'DRAFT' OR (f.status = 'REJECTED' AND NOT EXISTS (SELECT 1 FROM "FirstArticle" n WHERE n."seriesId" = f."seriesId" AND n.round > f.round)))`;
  const [row] = await prisma.$queryRaw<{ total: number; waiting: number; ids: string[] }[]>`
    WITH listed AS (
      SELECT f.id, f."updatedAt", ${waiting} AS waiting
      FROM "FirstArticle" f
      WHERE ${Prisma.join(filters, " AND ")}
    )
    SELECT (SELECT count(*)::int FROM listed) AS total,
      (SELECT count(*)::int FROM listed WHERE waiting) AS waiting,
      ARRAY(SELECT id FROM listed ORDER BY waiting DESC, "updatedAt" DESC, id ASC LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}) AS ids`;
  return row!;
}

/**
 * First articles for the list page, newest first. What waits for this org
 * comes first: for an importer, submissions to review; for a factory,
 * drafts to finish and rejections to answer with a new round. Three
 * statements at any page and page size.
 */
export async function listFirstArticles(ctx: TenantContext, query: ListQuery) {
  const { total, waiting, ids } = await pageOfIds(ctx, query);
  // Asked even for an empty page, so that every page reads the same statements.
  const rows = await prisma.firstArticle.findMany({
    where: { AND: [accessible(ctx.ability, "read", "FirstArticle"), { id: { in: ids } }] },
    select: listSelect,
  });
  const specIds = [...new Set(rows.map((r) => r.specId))];
  const specs = await prisma.spec.findMany({ where: { id: { in: specIds } }, select: { id: true, title: true, productCode: true } });
  const byId = new Map(rows.map((r) => [r.id, r]));
  const specById = new Map(specs.map((s) => [s.id, s]));
  const items = ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [{ ...row, spec: specById.get(row.specId) ?? null }] : [];
  });
  return { ...toPage(items, total, query.page, query.pageSize), waitingCount: waiting };
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
