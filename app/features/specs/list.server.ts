// The specification list: specs awaiting an acknowledgement first, then the
// rest, newest change first. Two statements whatever the page: one SQL query
// picks the page's ids and counts the list (its tenant conditions from
// lib/read-conditions.server.ts), one Prisma query loads those rows through
// the ability.
import { accessible } from "~/lib/authorize.server.ts";
import { prisma } from "~/lib/db.server.ts";
import { toPage } from "~/lib/pagination.ts";
import { readableAcknowledgementsSql, readableSpecSharesSql, readableSpecsSql, readableSpecVersionsSql } from "~/lib/read-conditions.server.ts";
import type { TenantContext } from "~/lib/tenant.server.ts";
import { Prisma } from "~/generated/prisma/client.ts";
import type { SPEC_LIST_FILTERS } from "./schemas.ts";

export interface SpecListQuery {
  q?: string;
  filter: (typeof SPEC_LIST_FILTERS)[number];
  partnerId?: string;
  page: number;
  pageSize: number;
}

// Drafts and other factories' shares are the importer's business: both go through the ability.
const listSelect = (ctx: TenantContext) =>
  ({
    id: true,
    title: true,
    productCode: true,
    updatedAt: true,
    org: { select: { name: true } },
    currentVersion: { select: { id: true, number: true, publishedAt: true } },
    versions: { where: { AND: [accessible(ctx.ability, "read", "SpecVersion"), { status: "DRAFT" as const }] }, select: { number: true }, take: 1 },
    _count: { select: { shares: { where: accessible(ctx.ability, "read", "SpecShare") } } },
  }) satisfies Prisma.SpecSelect;

/** `ILIKE` reads _ and % as wildcards: a product code's own must match literally. */
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Whether the spec's current version still waits for an acknowledgement that
 * concerns this org: the factory's own, or (importer) that of some factory it
 * is shared with through an active partnership. Uncorrelated subqueries, so
 * PostgreSQL computes each set once per request (a hashed subplan) from this
 * tenant's rows only: no per-spec probes, no list of ids.
 */
function awaitingAcknowledgement(ctx: TenantContext) {
  if (ctx.org.kind === "FACTORY") {
    // A factory reads its own acknowledgements only.
    return Prisma.sql`s."currentVersionId" IS NOT NULL AND s."currentVersionId" NOT IN (
      SELECT a."versionId" FROM "Acknowledgement" a WHERE ${readableAcknowledgementsSql(ctx, "a")} AND a.status = 'ACKNOWLEDGED')`;
  }
  // Shares carry the importer; "acknowledged" (below) is this importer's acknowledgements.
  return Prisma.sql`s.id IN (
    SELECT sh."specId" FROM "SpecShare" sh
    JOIN "Spec" cs ON cs.id = sh."specId"
    JOIN "Partnership" p ON p.id = sh."partnershipId" AND p.status = 'ACTIVE'
    WHERE ${readableSpecSharesSql(ctx, "sh")} AND ${readableSpecsSql(ctx, "cs")} AND cs."currentVersionId" IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM acknowledged a WHERE a."versionId" = cs."currentVersionId" AND a."factoryId" = sh."factoryId"))`;
}

/**
 * The importer's acknowledgements, read once (by the importerId index) and
 * hashed: the planner underestimates the shares × specs join and would
 * otherwise probe the acknowledgement index once per share.
 */
function acknowledgedCte(ctx: TenantContext) {
  if (ctx.org.kind === "FACTORY") return Prisma.empty;
  return Prisma.sql`acknowledged AS MATERIALIZED (
      SELECT a."versionId", a."factoryId" FROM "Acknowledgement" a WHERE ${readableAcknowledgementsSql(ctx, "a")} AND a.status = 'ACKNOWLEDGED'
    ),`;
}

function listFilters(ctx: TenantContext, query: SpecListQuery) {
  const filters = [readableSpecsSql(ctx, "s")];
  if (query.q) {
    const pattern = `%${escapeLike(query.q)}%`;
    filters.push(Prisma.sql`(s.title ILIKE ${pattern} OR s."productCode" ILIKE ${pattern})`);
  }
  if (query.partnerId) {
    filters.push(
      ctx.org.kind === "IMPORTER"
        ? Prisma.sql`EXISTS (SELECT 1 FROM "SpecShare" ps WHERE ps."specId" = s.id AND ps."factoryId" = ${query.partnerId})`
        : Prisma.sql`s."orgId" = ${query.partnerId}`,
    );
  }
  // A draft is read only by the importer that owns it (specRules): a factory's "draft" filter matches nothing.
  if (query.filter === "draft") {
    filters.push(Prisma.sql`EXISTS (SELECT 1 FROM "SpecVersion" v WHERE v."specId" = s.id AND ${readableSpecVersionsSql(ctx, "v")} AND v.status = 'DRAFT')`);
  }
  if (query.filter === "published") filters.push(Prisma.sql`s."currentVersionId" IS NOT NULL`);
  return Prisma.join(filters, " AND ");
}

interface PageRow {
  total: number;
  awaitingCount: number;
  /** Null when the page is past the end: the counts still come back. */
  id: string | null;
  awaiting: boolean | null;
}

/** The page's ids in order, with the list's size and how many of it await an acknowledgement. */
function selectPage(ctx: TenantContext, query: SpecListQuery) {
  const onlyAwaiting = query.filter === "needs-ack" ? Prisma.sql`WHERE awaiting` : Prisma.empty;
  return prisma.$queryRaw<PageRow[]>`
    WITH ${acknowledgedCte(ctx)} matched AS (
      SELECT s.id, s."updatedAt", COALESCE(${awaitingAcknowledgement(ctx)}, FALSE) AS awaiting
      FROM "Spec" s
      WHERE ${listFilters(ctx, query)}
    ), listed AS (
      SELECT * FROM matched ${onlyAwaiting}
    ), page AS (
      SELECT id, "updatedAt", awaiting FROM listed
      ORDER BY awaiting DESC, "updatedAt" DESC, id ASC
      OFFSET ${(query.page - 1) * query.pageSize} LIMIT ${query.pageSize}
    )
    SELECT counts.total, counts."awaitingCount", page.id, page.awaiting
    FROM (SELECT count(*)::int AS total, (count(*) FILTER (WHERE awaiting))::int AS "awaitingCount" FROM listed) counts
    LEFT JOIN page ON TRUE
    ORDER BY page.awaiting DESC, page."updatedAt" DESC, page.id ASC`;
}

/**
 * Specs for the list page. A factory sees first the specs whose current
 * version it has not acknowledged; an importer sees first the ones some
 * partner has not acknowledged yet.
 */
export async function listSpecs(ctx: TenantContext, query: SpecListQuery) {
  const rows = await selectPage(ctx, query);
  const picked = rows.filter((r): r is PageRow & { id: string } => r.id !== null);
  const found = picked.length
    ? await prisma.spec.findMany({
        where: { AND: [accessible(ctx.ability, "read", "Spec"), { id: { in: picked.map((r) => r.id) } }] },
        select: listSelect(ctx),
      })
    : [];
  const byId = new Map(found.map((s) => [s.id, s]));
  const items = picked.flatMap((r) => {
    const spec = byId.get(r.id);
    return spec ? [{ ...spec, awaiting: r.awaiting === true }] : [];
  });
  const { total = 0, awaitingCount = 0 } = rows[0] ?? {};
  return { ...toPage(items, Number(total), query.page, query.pageSize), awaitingCount: Number(awaitingCount) };
}
