// The dashboard's one counting statement: for every group, how many records
// wait and which ATTENTION_LIMIT of them the page shows, plus the org's
// overview counts. A page of separate count and list queries per group would
// cost a dozen round trips; here each group is a subquery of the rows it
// matches, ranked in display order (`n`), folded into one JSON value.
//
// Raw SQL, so every tenant condition below comes from
// lib/read-conditions.server.ts, which mirrors ability.ts's read rules. The
// totals come from here; the records shown are read again through the
// ability, by id, in attention.server.ts.
import { lateItemSql, latePlanSql, oldestMissedDaySql, overdueSql } from "~/features/corrective-actions/due-sql.server.ts";
import { orgOverviewColumns, type OrgOverview } from "~/features/partners/overview.server.ts";
import { Prisma } from "~/generated/prisma/client.ts";
import { prisma } from "~/lib/db.server.ts";
import {
  readableCommentsSql,
  readableAcknowledgementsSql,
  readableCorrectiveActionsSql,
  readableFirstArticlesSql,
  readablePartnershipsSql,
  readableSpecsSql,
  readableSpecVersionsSql,
  type Reader,
} from "~/lib/read-conditions.server.ts";
import type { TenantContext } from "~/lib/tenant.server.ts";
import { DAY_MS } from "~/lib/dates.ts";
import { inspectionActions, inspectionGroupRows, type InspectionGroupKey, type ShownInspection } from "./inspection-groups.server.ts";

export const ATTENTION_LIMIT = 10;
/** How far back "Recent acknowledgements" looks. */
export const RECENT_ACK_DAYS = 7;

/** One record a group shows, with what its query already knows about it. */
export interface Shown {
  id: string;
  /** First articles: the spec they were made against (FirstArticle has no relation to it). */
  specId?: string;
  /** Corrective actions: late, which also put them first. */
  late?: boolean;
  /** Overdue partners: the factory's name, its overdue actions and the oldest missed date (epoch ms). */
  name?: string | null;
  count?: number;
  since?: number | null;
  /** Inspections: what the item shows, read in the same rows. */
  inspection?: ShownInspection | null;
}

export interface Selection {
  total: number;
  shown: Shown[];
}

export type FactoryGroupKey =
  | "specs-to-acknowledge"
  | "first-articles-to-finish"
  | "first-articles-to-start"
  | "corrective-actions-to-answer"
  | "actions-to-carry-out"
  | Exclude<InspectionGroupKey, "results-to-decide">;
export type ImporterGroupKey =
  | "factory-questions"
  | "recent-acknowledgements"
  | "first-articles-to-review"
  | "plans-to-review"
  | "actions-to-verify"
  | "overdue-partners"
  | InspectionGroupKey;

type InspectionRows = Record<InspectionGroupKey, Prisma.Sql>;

// Timestamp columns hold UTC (as Prisma writes them); the cast ignores the literal's zone suffix.
const ts = (date: Date) => Prisma.sql`${date.toISOString()}::timestamp(3)`;

/** A group's total and its first rows in order; `rows` selects `id`, `n` (the rank) and any other field of Shown. */
const group = (rows: Prisma.Sql) => Prisma.sql`(
  SELECT jsonb_build_object(
    'total', count(*),
    'shown', coalesce(jsonb_agg(to_jsonb(r) - 'n' ORDER BY r.n) FILTER (WHERE r.n <= ${Prisma.raw(String(ATTENTION_LIMIT))}), '[]'::jsonb))
  FROM (${rows}) r)`;

/** An accepted plan's item whose day has ended in the factory's zone (corrective-actions/due.ts). */
const lateItem = (now: Date) => lateItemSql("c", now);

function factoryStatement(reader: Reader, now: Date, overview: Prisma.Sql, inspections: InspectionRows) {
  const me = reader.org.id;
  return Prisma.sql`
    -- Both spec groups start from these rows: the current version of every spec the factory reads, with its
    -- acknowledgement of it if any (one at most).
    WITH shared AS (
      SELECT s.id, v.id AS "versionId", v."publishedAt", a.status AS ack
      FROM "Spec" s
      JOIN "SpecVersion" v ON v.id = s."currentVersionId" AND ${readableSpecVersionsSql(reader, "v")}
      LEFT JOIN "Acknowledgement" a ON a."versionId" = v.id AND ${readableAcknowledgementsSql(reader, "a")}
      WHERE ${readableSpecsSql(reader, "s")})
    SELECT
    ${group(Prisma.sql`
      SELECT id, row_number() OVER (ORDER BY "publishedAt", id) AS n
      FROM shared WHERE ack IS DISTINCT FROM 'ACKNOWLEDGED'`)} AS "specs-to-acknowledge",
    ${group(Prisma.sql`
      SELECT f.id, f."specId", row_number() OVER (ORDER BY f."updatedAt", f.id) AS n
      FROM "FirstArticle" f
      WHERE ${readableFirstArticlesSql(reader, "f")}
        AND (f.status = 'DRAFT' OR (f.status = 'REJECTED' AND NOT EXISTS (SELECT 1 FROM "FirstArticle" nx WHERE nx."seriesId" = f."seriesId" AND nx.round > f.round)))`)} AS "first-articles-to-finish",
    ${group(Prisma.sql`
      -- Started means any first article of the factory's on the version, under whichever partnership.
      SELECT id, row_number() OVER (ORDER BY "publishedAt", id) AS n
      FROM shared WHERE ack = 'ACKNOWLEDGED'
        AND NOT EXISTS (SELECT 1 FROM "FirstArticle" f WHERE f."versionId" = shared."versionId" AND f."factoryId" = ${me})
        -- A series of the spec still open (a draft, or a rejection not yet answered) is answered with its next round,
        -- which "to finish or resubmit" offers: starting a new first article would be the wrong step.
        AND NOT EXISTS (SELECT 1 FROM "FirstArticle" o WHERE o."specId" = shared.id AND ${readableFirstArticlesSql(reader, "o")}
          AND o.status IN ('DRAFT', 'REJECTED')
          AND NOT EXISTS (SELECT 1 FROM "FirstArticle" ox WHERE ox."seriesId" = o."seriesId" AND ox.round > o.round))`)} AS "first-articles-to-start",
    ${group(Prisma.sql`
      SELECT c.id, ${latePlanSql("c", now)} AS late, row_number() OVER (ORDER BY c."planDueAt", c.id) AS n
      FROM "CorrectiveAction" c
      WHERE ${readableCorrectiveActionsSql(reader, "c")} AND c.status = 'OPEN'`)} AS "corrective-actions-to-answer",
    ${group(Prisma.sql`
      SELECT id, late, row_number() OVER (ORDER BY late DESC, "planAcceptedAt", id) AS n FROM (
        SELECT c.id, c."planAcceptedAt", ${lateItem(now)} AS late
        FROM "CorrectiveAction" c
        WHERE ${readableCorrectiveActionsSql(reader, "c")} AND c.status = 'PLAN_ACCEPTED') c`)} AS "actions-to-carry-out",
    ${group(inspections["inspections-to-confirm"])} AS "inspections-to-confirm",
    ${group(inspections["inspections-this-week"])} AS "inspections-this-week",
    ${overview}`;
}

function importerStatement(reader: Reader, now: Date, overview: Prisma.Sql, inspections: InspectionRows) {
  const since = new Date(now.getTime() - RECENT_ACK_DAYS * DAY_MS);
  // Both arguments are spliced into the SQL: the types keep them to known names.
  const myCorrectiveActions = (status: "PLAN_SUBMITTED" | "IMPLEMENTED", dateColumn: "planSubmittedAt" | "implementedAt") => Prisma.sql`
    SELECT c.id, row_number() OVER (ORDER BY c.${Prisma.raw(`"${dateColumn}"`)}, c.id) AS n
    FROM "CorrectiveAction" c WHERE ${readableCorrectiveActionsSql(reader, "c")} AND c.status = ${Prisma.raw(`'${status}'`)}`;
  return Prisma.sql`
    SELECT
    ${group(Prisma.sql`
      -- A question on the current version of a spec still shared with the factory that asked (each join finds one row at most),
      -- not yet answered: no shared reply of the importer in that factory's thread since (answeredFactories in specs/acknowledgements.server.ts).
      SELECT a.id, row_number() OVER (ORDER BY a."updatedAt", a.id) AS n
      FROM "Acknowledgement" a
      JOIN "SpecVersion" v ON v.id = a."versionId" AND ${readableSpecVersionsSql(reader, "v")}
      JOIN "Spec" s ON s.id = v."specId" AND s."currentVersionId" = v.id AND ${readableSpecsSql(reader, "s")}
      JOIN "SpecShare" sh ON sh."specId" = s.id AND sh."factoryId" = a."factoryId"
      JOIN "Partnership" p ON p.id = sh."partnershipId" AND p.status = 'ACTIVE'
      WHERE ${readableAcknowledgementsSql(reader, "a")} AND a.status = 'QUERIED'
        AND NOT EXISTS (
          SELECT 1 FROM "Comment" r
          WHERE ${readableCommentsSql(reader, "r")} AND r."threadType" = 'SpecVersion' AND r."threadId" = v.id
            AND r."factoryId" = a."factoryId" AND r."orgId" = v."orgId" AND r.visibility = 'SHARED' AND r."createdAt" > a."updatedAt"
        )`)} AS "factory-questions",
    ${group(Prisma.sql`
      SELECT a.id, row_number() OVER (ORDER BY a."updatedAt" DESC, a.id) AS n
      FROM "Acknowledgement" a JOIN "SpecVersion" v ON v.id = a."versionId" AND ${readableSpecVersionsSql(reader, "v")}
      WHERE ${readableAcknowledgementsSql(reader, "a")} AND a.status = 'ACKNOWLEDGED' AND a."updatedAt" >= ${ts(since)}`)} AS "recent-acknowledgements",
    ${group(Prisma.sql`
      SELECT f.id, f."specId", row_number() OVER (ORDER BY f."submittedAt", f.id) AS n
      FROM "FirstArticle" f WHERE ${readableFirstArticlesSql(reader, "f")} AND f.status = 'SUBMITTED'`)} AS "first-articles-to-review",
    ${group(myCorrectiveActions("PLAN_SUBMITTED", "planSubmittedAt"))} AS "plans-to-review",
    ${group(myCorrectiveActions("IMPLEMENTED", "implementedAt"))} AS "actions-to-verify",
    ${group(Prisma.sql`
      -- Factories with an overdue action (the rule of isOverdue in corrective-actions/due.ts), most of them first;
      -- the name as the importer's newest partnership with the factory gives it.
      SELECT c."factoryId" AS id, count(*) AS count,
        floor(extract(epoch FROM min(${oldestMissedDaySql("c", now)})) * 1000) AS since,
        (SELECT o.name FROM "Partnership" p JOIN "Organization" o ON o.id = p."factoryId"
          WHERE ${readablePartnershipsSql(reader, "p")} AND p."factoryId" = c."factoryId" ORDER BY p."createdAt" DESC LIMIT 1) AS name,
        row_number() OVER (ORDER BY count(*) DESC, c."factoryId") AS n
      FROM "CorrectiveAction" c
      WHERE ${readableCorrectiveActionsSql(reader, "c")}
        AND ${overdueSql("c", now)}
      GROUP BY c."factoryId"`)} AS "overdue-partners",
    ${group(inspections["results-to-decide"])} AS "results-to-decide",
    ${group(inspections["inspections-to-confirm"])} AS "inspections-to-confirm",
    ${group(inspections["inspections-this-week"])} AS "inspections-this-week",
    ${overview}`;
}

// The JSON arrives parsed from PostgreSQL and as text from PGlite.
const parse = (value: unknown) => (typeof value === "string" ? JSON.parse(value) : value) as Selection;

/** The statement: a SELECT without FROM, so always one row. */
function dashboardStatement(ctx: TenantContext, now: Date) {
  const statement = ctx.org.kind === "FACTORY" ? factoryStatement : importerStatement;
  return statement(ctx, now, orgOverviewColumns(ctx), inspectionGroupRows(ctx, now, inspectionActions(ctx.ability)));
}

/** Every group's total and the records it shows, and the overview counts: one statement. */
export async function selectDashboard(ctx: TenantContext, now: Date) {
  const [row] = (await prisma.$queryRaw<Record<string, unknown>[]>(dashboardStatement(ctx, now))) as [Record<string, unknown>];
  const selection = (key: FactoryGroupKey | ImporterGroupKey) => parse(row[key]);
  const overview: OrgOverview = { activePartners: Number(row.activePartners), invitedPartners: Number(row.invitedPartners), members: Number(row.members) };
  return { selection, overview };
}
