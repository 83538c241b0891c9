// The partner scorecard: how an importer and one factory have worked together
// over a period, computed from the records both of them keep in the portal.
// The importer sees it for each partner factory, the factory for itself with
// each importer, and both read the same numbers by the same rules:
//
// Period: [from, to) — from the start of the From day to the start of the day
//   after the To day (UTC). An event counts when its own date falls in it.
// First-pass approval rate: among first-article series whose round 1 was
//   decided in the period, the share whose round 1 was APPROVED or
//   CONDITIONALLY_APPROVED (REJECTED is the only other decision).
// Median days from submission to decision: over every round (any round number)
//   decided in the period, the median of (decidedAt − submittedAt) in days,
//   shown with one decimal.
// Median days to acknowledge a spec version: over acknowledgements whose
//   current answer is ACKNOWLEDGED and whose version was published in the
//   period, the median of (acknowledgement.updatedAt − version.publishedAt) in
//   days. updatedAt is when the current answer was given, so a version first
//   queried and acknowledged later counts until the acknowledgement.
// Corrective actions opened: createdAt in the period. Closed: closedAt in the period.
// On-time plan rate: among corrective actions whose plan was submitted in the
//   period (planSubmittedAt), the share with planSubmittedAt <= planDueAt.
// Open and overdue (as of now, not bound to the period): status OPEN with
//   planDueAt before now, or status PLAN_ACCEPTED with an action item whose
//   due date is before now. Each corrective action counts once.
// Root causes: corrective actions whose plan was submitted in the period,
//   grouped by root-cause category.
// Inspections (ISO 2859-1 lots), by the day the result was submitted (submittedAt):
// First-time lot acceptance: among original inspections (not re-inspections of a
//   rejected lot) submitted in the period, the share whose computed result was PASS.
// Defects per hundred units, by class: the defects tallied in inspections submitted in
//   the period (re-inspections included), × 100 / the units those inspections sampled
//   (each inspection's sample size), with two decimals.
// Top defects: the same defects grouped by the defect library's example they were
//   picked from, or else by their description (case and surrounding spaces aside), most first (the
//   TOP_DEFECTS largest), with the cumulative share of all defects found (a Pareto chart).
// Aborted as not ready: inspections aborted in the period (abortedAt) because the goods
//   were not ready or less than 80% was packed for a final inspection.
// A rate or median with nothing to count is null (shown "—"), never 0.
//
// Every figure is scoped to the importer + factory pair and to what the reader
// may open, so a reader never counts a record it could not open. The figures
// come from one SQL statement (`pairFigures`) that aggregates in the database;
// it takes the reader's read rules from lib/read-conditions.server.ts.
// Importers never read a factory's DRAFT first articles; drafts have no
// decision, so they never count on either side.
import { data } from "@remix-run/node";
import { ROOT_CAUSES } from "~/features/corrective-actions/schemas.ts";
import { DEFECT_CLASSES, type DefectClass } from "~/features/inspections/plan.ts";
import { Prisma, type PartnershipStatus, type RootCauseCategory } from "~/generated/prisma/client.ts";
import { accessible } from "~/lib/authorize.server.ts";
import { BUSINESS_YEARS, readBusinessDay } from "~/lib/dates.ts";
import { prisma } from "~/lib/db.server.ts";
import { asciiFileNamePart, csvTable } from "~/lib/downloads.server.ts";
import { notFound } from "~/lib/http.server.ts";
import { message } from "~/lib/i18n/message.ts";
import type { Translate } from "~/lib/i18n/translate.ts";
import { readableAcknowledgementsSql, readableCorrectiveActionsSql, readableFirstArticlesSql, readableInspectionsSql } from "~/lib/read-conditions.server.ts";
import type { TenantContext } from "~/lib/tenant.server.ts";
import { DAY_MS, isoDay } from "~/lib/dates.ts";

/** The default period: the last 90 days, today included. */
export const DEFAULT_PERIOD_DAYS = 90;
export const MAX_PERIOD_YEARS = 3;

export interface Period {
  /** Inclusive start. */
  from: Date;
  /** Exclusive end. */
  to: Date;
}

export interface RateFigure {
  numerator: number;
  denominator: number;
  /** numerator / denominator as a percentage with one decimal; null when the denominator is 0. */
  percent: number | null;
}

export interface MedianFigure {
  /** Median in days with one decimal; null when there is nothing to measure. */
  days: number | null;
  /** How many durations the median was taken over. */
  count: number;
}

export interface RootCauseRow {
  /** null: plans submitted without a category (older records). */
  category: RootCauseCategory | null;
  count: number;
}

/** How many of the largest defect groups the Pareto chart shows. */
export const TOP_DEFECTS = 10;

export interface PerHundredFigure {
  defects: number;
  /** Defects × 100 / units sampled, two decimals; null when no unit was sampled. */
  perHundred: number | null;
}

export interface TopDefectRow {
  label: string;
  count: number;
  /** The share of every defect found that this row and those before it make, one decimal. */
  cumulativePercent: number;
}

export interface InspectionFigures {
  firstTimeAcceptance: RateFigure;
  /** Units sampled by the inspections submitted in the period. */
  unitsInspected: number;
  defectsPerHundred: Record<DefectClass, PerHundredFigure>;
  topDefects: { rows: TopDefectRow[]; total: number };
  abortedNotReady: { goodsNotReady: number; underPacked: number; total: number };
}

/** Plain data only (strings, numbers, null): the page and the CSV read the same object. */
export interface Scorecard {
  importer: { id: string; name: string };
  factory: { id: string; name: string };
  /** Status of the pair's newest partnership. */
  partnershipStatus: PartnershipStatus;
  /** The pair has an ended partnership: its records stay with the importer but are hidden from the factory. */
  hasEndedPartnership: boolean;
  period: {
    /** ISO instants of [from, to). */
    from: string;
    to: string;
    /** The first and last day included, YYYY-MM-DD (UTC). */
    firstDay: string;
    lastDay: string;
  };
  /** The instant "open and overdue" was measured at. */
  now: string;
  firstPass: RateFigure;
  decisionDays: MedianFigure;
  acknowledgeDays: MedianFigure;
  correctiveActions: {
    opened: number;
    closed: number;
    onTimePlan: RateFigure;
    openOverdue: number;
  };
  rootCauses: { rows: RootCauseRow[]; total: number };
  inspections: InspectionFigures;
}

type ScorecardContext = Pick<TenantContext, "org" | "ability">;

// ---------------------------------------------------------------------------
// Period

/** A 400 whose reason (a message()) the scorecard's error page writes in the reader's language. */
const badPeriod = (reason: string): never => {
  throw data(reason, { status: 400 });
};

// Each end of the period has its own sentences, so that every language says "start date" its own way.
const DAY_PROBLEMS = {
  start: { format: "period.startFormat", range: "period.startOutOfRange", noSuchDay: "period.startNoSuchDay" },
  end: { format: "period.endFormat", range: "period.endOutOfRange", noSuchDay: "period.endNoSuchDay" },
} as const;

/** A YYYY-MM-DD day as its UTC midnight; anything else (including 2025-02-30) is a 400. */
function parseDay(value: string, name: "start" | "end"): Date {
  const day = readBusinessDay(value);
  if (day.ok) return day.date;
  const keys = DAY_PROBLEMS[name];
  if (day.problem === "format") return badPeriod(message("dashboard", keys.format));
  if (day.problem === "out-of-range") return badPeriod(message("dashboard", keys.range, { ...BUSINESS_YEARS }));
  return badPeriod(message("dashboard", keys.noSuchDay, { day: value }));
}

const startOfUtcDay = (date: Date) => new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
const addDays = (date: Date, days: number) => new Date(date.getTime() + days * DAY_MS);
function addYears(date: Date, years: number) {
  const result = new Date(date);
  result.setUTCFullYear(result.getUTCFullYear() + years);
  return result;
}

/**
 * The period from `?from=YYYY-MM-DD&to=YYYY-MM-DD`. Both days are included:
 * the result is [from 00:00 UTC, the day after `to` 00:00 UTC). Missing
 * values default to the last 90 days up to today (or ending on `to`, or
 * starting on `from`). Malformed or impossible dates, `from` after `to`, or a
 * period longer than three years answer 400.
 */
export function parsePeriod(url: URL, today: Date = new Date()): Period & { firstDay: string; lastDay: string } {
  const fromParam = url.searchParams.get("from")?.trim() || null;
  const toParam = url.searchParams.get("to")?.trim() || null;
  const lastDay = toParam
    ? parseDay(toParam, "end")
    : fromParam
      ? minDate(addDays(parseDay(fromParam, "start"), DEFAULT_PERIOD_DAYS - 1), startOfUtcDay(today))
      : startOfUtcDay(today);
  const from = fromParam ? parseDay(fromParam, "start") : addDays(lastDay, -(DEFAULT_PERIOD_DAYS - 1));
  if (from > lastDay) badPeriod(message("dashboard", "period.endBeforeStart"));
  const to = addDays(lastDay, 1);
  if (to > addYears(from, MAX_PERIOD_YEARS)) badPeriod(message("dashboard", "period.tooLong", { years: MAX_PERIOD_YEARS }));
  return { from, to, firstDay: isoDay(from), lastDay: isoDay(lastDay) };
}

const minDate = (a: Date, b: Date) => (a < b ? a : b);

// ---------------------------------------------------------------------------
// Arithmetic

/** The median of a list (mean of the two middle values for an even count); null for an empty list. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const oneDecimal = (value: number) => Math.round(value * 10) / 10;

export function rate(numerator: number, denominator: number): RateFigure {
  return { numerator, denominator, percent: denominator === 0 ? null : oneDecimal((numerator / denominator) * 100) };
}

/**
 * The median in days from the two middle durations (in ms) of `count` ones,
 * the same value `median` gives over all of them: the middle one twice for
 * an odd count.
 */
function medianDays(count: number, lowerMiddleMs: number | null, upperMiddleMs: number | null): MedianFigure {
  if (count === 0 || lowerMiddleMs === null || upperMiddleMs === null) return { days: null, count: 0 };
  return { days: oneDecimal(median([lowerMiddleMs / DAY_MS, upperMiddleMs / DAY_MS])!), count };
}

// ---------------------------------------------------------------------------
// The pair

/** The importer + factory pair a page is about: the reader's org and the partner named in the URL. */
export function scorecardPair(ctx: ScorecardContext, partnerId: string) {
  return ctx.org.kind === "IMPORTER" ? { importerId: ctx.org.id, factoryId: partnerId } : { importerId: partnerId, factoryId: ctx.org.id };
}

// ---------------------------------------------------------------------------
// The scorecard

// Timestamps are stored as UTC without a zone; the cast reads an ISO instant as such.
const ts = (date: Date) => Prisma.sql`${date.toISOString()}::timestamp(3)`;

interface PairFigures {
  round1Decided: number;
  round1Passed: number;
  decisionCount: number;
  decisionLowerMs: number | null;
  decisionUpperMs: number | null;
  acknowledgeCount: number;
  acknowledgeLowerMs: number | null;
  acknowledgeUpperMs: number | null;
  opened: number;
  closed: number;
  plans: number;
  plansOnTime: number;
  openOverdue: number;
  causes: { category: RootCauseCategory | null; count: number }[] | string;
  originalsSubmitted: number;
  originalsPassed: number;
  unitsInspected: number;
  criticalDefects: number;
  majorDefects: number;
  minorDefects: number;
  topDefects: { label: string; count: number }[] | string;
  abortedGoodsNotReady: number;
  abortedUnderPacked: number;
}

/**
 * Every figure of a pair and period in one statement, aggregated in the
 * database, over what the reader may read (the conditions of
 * lib/read-conditions.server.ts): an importer never counts a factory's draft
 * first articles, a factory no first articles or corrective actions of an
 * ended partnership. (A version is its importer's: saying so lets the planner
 * start from the importer's versions rather than all.)
 */
async function pairFigures(reader: ScorecardContext, input: { importerId: string; factoryId: string; from: Date; to: Date; now: Date }) {
  const { importerId, factoryId, from, to, now } = input;
  const faReadable = readableFirstArticlesSql(reader, "f");
  const ackReadable = readableAcknowledgementsSql(reader, "a");
  const caReadable = readableCorrectiveActionsSql(reader, "c");
  const inspReadable = readableInspectionsSql(reader, "i");
  const inPeriod = (column: Prisma.Sql) => Prisma.sql`${column} >= ${ts(from)} AND ${column} < ${ts(to)}`;
  const [row] = await prisma.$queryRaw<PairFigures[]>`
    WITH decided AS (
      SELECT f.round, f.status::text AS status, EXTRACT(EPOCH FROM f."decidedAt" - f."submittedAt") * 1000 AS ms
      FROM "FirstArticle" f
      WHERE f."importerId" = ${importerId} AND f."factoryId" = ${factoryId} AND ${faReadable}
        AND f.status IN ('APPROVED', 'CONDITIONALLY_APPROVED', 'REJECTED') AND ${inPeriod(Prisma.sql`f."decidedAt"`)}
    ), acknowledged AS (
      SELECT EXTRACT(EPOCH FROM a."updatedAt" - v."publishedAt") * 1000 AS ms
      FROM "Acknowledgement" a JOIN "SpecVersion" v ON v.id = a."versionId" AND v."orgId" = a."importerId"
      WHERE a."importerId" = ${importerId} AND a."factoryId" = ${factoryId} AND ${ackReadable}
        AND a.status = 'ACKNOWLEDGED' AND ${inPeriod(Prisma.sql`v."publishedAt"`)}
    ), ca AS (
      SELECT c.id, c.status::text AS status, c."createdAt", c."closedAt", c."planSubmittedAt", c."planDueAt", c."rootCauseCategory"::text AS category
      FROM "CorrectiveAction" c
      WHERE c."importerId" = ${importerId} AND c."factoryId" = ${factoryId} AND ${caReadable}
    ), insp AS (
      SELECT i.id, i."reinspectionOfId", i.status::text AS status, i.result::text AS result, i."sampleSize", i."submittedAt", i."abortedAt",
        i."abortReason"::text AS "abortReason"
      FROM "Inspection" i
      WHERE i."importerId" = ${importerId} AND i."factoryId" = ${factoryId} AND ${inspReadable}
    ), submitted AS (
      SELECT * FROM insp WHERE result IS NOT NULL AND ${inPeriod(Prisma.sql`"submittedAt"`)}
    ), found AS (
      SELECT d.class::text AS class, d."defectExampleKey", d.description, d.count
      FROM "InspectionDefect" d JOIN submitted s ON s.id = d."inspectionId"
      WHERE d.count > 0
    )
    SELECT fa.*, ack.*, cas.*, causes.*, lots.*, defects.*, pareto.*, aborts.*
    FROM (
      SELECT count(*) FILTER (WHERE round = 1)::int AS "round1Decided",
        count(*) FILTER (WHERE round = 1 AND status IN ('APPROVED', 'CONDITIONALLY_APPROVED'))::int AS "round1Passed",
        count(ms)::int AS "decisionCount",
        (percentile_disc(0.5) WITHIN GROUP (ORDER BY ms))::float8 AS "decisionLowerMs",
        (percentile_disc(0.5) WITHIN GROUP (ORDER BY ms DESC))::float8 AS "decisionUpperMs"
      FROM decided
    ) fa, (
      SELECT count(ms)::int AS "acknowledgeCount",
        (percentile_disc(0.5) WITHIN GROUP (ORDER BY ms))::float8 AS "acknowledgeLowerMs",
        (percentile_disc(0.5) WITHIN GROUP (ORDER BY ms DESC))::float8 AS "acknowledgeUpperMs"
      FROM acknowledged
    ) ack, (
      SELECT count(*) FILTER (WHERE ${inPeriod(Prisma.sql`"createdAt"`)})::int AS opened,
        count(*) FILTER (WHERE ${inPeriod(Prisma.sql`"closedAt"`)})::int AS closed,
        count(*) FILTER (WHERE ${inPeriod(Prisma.sql`"planSubmittedAt"`)})::int AS plans,
        count(*) FILTER (WHERE ${inPeriod(Prisma.sql`"planSubmittedAt"`)} AND "planSubmittedAt" <= "planDueAt")::int AS "plansOnTime",
        count(*) FILTER (
          WHERE (status = 'OPEN' AND "planDueAt" < ${ts(now)})
             OR (status = 'PLAN_ACCEPTED' AND EXISTS (SELECT 1 FROM "CorrectiveActionItem" i WHERE i."correctiveActionId" = ca.id AND i."dueAt" < ${ts(now)}))
        )::int AS "openOverdue"
      FROM ca
    ) cas, (
      SELECT COALESCE(json_agg(json_build_object('category', category, 'count', n)), '[]'::json) AS causes
      FROM (SELECT category, count(*)::int AS n FROM ca WHERE ${inPeriod(Prisma.sql`"planSubmittedAt"`)} GROUP BY category) g
    ) causes, (
      SELECT count(*) FILTER (WHERE "reinspectionOfId" IS NULL)::int AS "originalsSubmitted",
        count(*) FILTER (WHERE "reinspectionOfId" IS NULL AND result = 'PASS')::int AS "originalsPassed",
        COALESCE(sum("sampleSize"), 0)::int AS "unitsInspected"
      FROM submitted
    ) lots, (
      SELECT COALESCE(sum(count) FILTER (WHERE class = 'CRITICAL'), 0)::int AS "criticalDefects",
        COALESCE(sum(count) FILTER (WHERE class = 'MAJOR'), 0)::int AS "majorDefects",
        COALESCE(sum(count) FILTER (WHERE class = 'MINOR'), 0)::int AS "minorDefects"
      FROM found
    ) defects, (
      SELECT COALESCE(json_agg(json_build_object('label', label, 'count', n) ORDER BY n DESC, label), '[]'::json) AS "topDefects"
      FROM (
        SELECT min(description) AS label, sum(count)::int AS n
        FROM found
        GROUP BY COALESCE('k:' || "defectExampleKey", 'd:' || lower(btrim(description)))
        ORDER BY n DESC, label
        LIMIT ${TOP_DEFECTS}
      ) g
    ) pareto, (
      SELECT count(*) FILTER (WHERE "abortReason" = 'GOODS_NOT_READY')::int AS "abortedGoodsNotReady",
        count(*) FILTER (WHERE "abortReason" = 'UNDER_80_PERCENT_PACKED')::int AS "abortedUnderPacked"
      FROM insp WHERE status = 'ABORTED' AND ${inPeriod(Prisma.sql`"abortedAt"`)}
    ) aborts`;
  // The JSON arrives parsed from PostgreSQL and as text from PGlite.
  const json = <T>(value: T | string): T => (typeof value === "string" ? (JSON.parse(value) as T) : value);
  return { ...row!, causes: json(row!.causes), topDefects: json(row!.topDefects) };
}

const twoDecimals = (value: number) => Math.round(value * 100) / 100;

/** The inspection figures of the pair: rates, defects per hundred units, the Pareto rows and the aborts. */
export function inspectionFigures(
  figures: Pick<PairFigures, Exclude<keyof PairFigures, "causes" | "topDefects">> & { topDefects: { label: string; count: number }[] },
): InspectionFigures {
  const units = figures.unitsInspected;
  const perHundred = (defects: number): PerHundredFigure => ({ defects, perHundred: units === 0 ? null : twoDecimals((defects * 100) / units) });
  const total = figures.criticalDefects + figures.majorDefects + figures.minorDefects;
  let running = 0;
  const rows = figures.topDefects.map((r) => {
    running += r.count;
    return { label: r.label, count: r.count, cumulativePercent: total === 0 ? 0 : oneDecimal((running / total) * 100) };
  });
  return {
    firstTimeAcceptance: rate(figures.originalsPassed, figures.originalsSubmitted),
    unitsInspected: units,
    defectsPerHundred: { CRITICAL: perHundred(figures.criticalDefects), MAJOR: perHundred(figures.majorDefects), MINOR: perHundred(figures.minorDefects) },
    topDefects: { rows, total },
    abortedNotReady: {
      goodsNotReady: figures.abortedGoodsNotReady,
      underPacked: figures.abortedUnderPacked,
      total: figures.abortedGoodsNotReady + figures.abortedUnderPacked,
    },
  };
}

export async function computeScorecard(
  ctx: ScorecardContext,
  input: { importerId: string; factoryId: string; from: Date; to: Date; now: Date },
): Promise<Scorecard> {
  const { importerId, factoryId, from, to, now } = input;
  if (ctx.org.id !== importerId && ctx.org.id !== factoryId) notFound(message("dashboard", "scorecard.partnerNotFound"));
  if (!(from < to)) badPeriod(message("dashboard", "period.endBeforeStart"));

  const [partnerships, figures] = await Promise.all([
    // Any partnership of the pair, in any status, that the reader may see.
    prisma.partnership.findMany({
      where: { AND: [accessible(ctx.ability, "read", "Partnership"), { importerId, factoryId }] },
      select: { status: true, importer: { select: { id: true, name: true } }, factory: { select: { id: true, name: true } } },
      orderBy: { createdAt: "desc" },
    }),
    pairFigures(ctx, input),
  ]);
  const newest = partnerships[0];
  if (!newest?.factory) notFound(message("dashboard", "scorecard.partnerNotFound"));

  const causeCounts = new Map(figures.causes.map((g) => [g.category, g.count]));
  const rows: RootCauseRow[] = ROOT_CAUSES.map((category) => ({ category, count: causeCounts.get(category) ?? 0 }));
  const unstated = causeCounts.get(null) ?? 0;
  if (unstated > 0) rows.push({ category: null, count: unstated });

  return {
    importer: newest.importer,
    factory: newest.factory,
    partnershipStatus: newest.status,
    hasEndedPartnership: partnerships.some((p) => p.status === "ENDED"),
    period: { from: from.toISOString(), to: to.toISOString(), firstDay: isoDay(from), lastDay: isoDay(new Date(to.getTime() - 1)) },
    now: now.toISOString(),
    firstPass: rate(figures.round1Passed, figures.round1Decided),
    decisionDays: medianDays(figures.decisionCount, figures.decisionLowerMs, figures.decisionUpperMs),
    acknowledgeDays: medianDays(figures.acknowledgeCount, figures.acknowledgeLowerMs, figures.acknowledgeUpperMs),
    correctiveActions: {
      opened: figures.opened,
      closed: figures.closed,
      onTimePlan: rate(figures.plansOnTime, figures.plans),
      openOverdue: figures.openOverdue,
    },
    rootCauses: { rows, total: rows.reduce((sum, r) => sum + r.count, 0) },
    inspections: inspectionFigures(figures),
  };
}

// ---------------------------------------------------------------------------
// CSV

const fixed1 = (value: number | null) => (value === null ? null : value.toFixed(1));

/**
 * One metric per row: metric, value, numerator, denominator, period. Rates
 * are percentages with one decimal; medians are days with one decimal and
 * their denominator is the number of durations measured. Empty value: no
 * data to compute it from (the page shows "—").
 */
/** The scorecard as CSV in the requester's language (`t`, and `tCa` for the root causes' names); the figures as the page has them. */
export function scorecardCsv(scorecard: Scorecard, t: Translate<"dashboard">, tCa: Translate<"correctiveActions">): string {
  const period = t("scorecardCsv.period", { from: scorecard.period.firstDay, to: scorecard.period.lastDay });
  const asOf = t("scorecardCsv.asOf", { now: scorecard.now });
  const { firstPass, decisionDays, acknowledgeDays, correctiveActions: ca, rootCauses, inspections: insp } = scorecard;
  const fixed2 = (value: number | null) => (value === null ? null : value.toFixed(2));
  const rows: (string | number | null)[][] = [
    [t("scorecardCsv.metric"), t("scorecardCsv.value"), t("scorecardCsv.numerator"), t("scorecardCsv.denominator"), t("scorecardCsv.periodHeader")],
    [t("scorecardCsv.firstPass"), fixed1(firstPass.percent), firstPass.numerator, firstPass.denominator, period],
    [t("scorecardCsv.decisionDays"), fixed1(decisionDays.days), null, decisionDays.count, period],
    [t("scorecardCsv.acknowledgeDays"), fixed1(acknowledgeDays.days), null, acknowledgeDays.count, period],
    [t("scorecardCsv.opened"), ca.opened, null, null, period],
    [t("scorecardCsv.closed"), ca.closed, null, null, period],
    [t("scorecardCsv.onTime"), fixed1(ca.onTimePlan.percent), ca.onTimePlan.numerator, ca.onTimePlan.denominator, period],
    [t("scorecardCsv.overdue"), ca.openOverdue, null, null, asOf],
    ...rootCauses.rows.map((r) => [
      t("scorecardCsv.rootCause", { cause: r.category ? tCa(`rootCause.${r.category}`) : t("scorecard.rootCauses.notStated") }),
      r.count,
      r.count,
      rootCauses.total,
      period,
    ]),
    [
      t("scorecardCsv.firstTimeAcceptance"),
      fixed1(insp.firstTimeAcceptance.percent),
      insp.firstTimeAcceptance.numerator,
      insp.firstTimeAcceptance.denominator,
      period,
    ],
    ...DEFECT_CLASSES.map((c) => [
      t("scorecardCsv.defectsPerHundred", { class: t(`scorecard.inspections.class.${c}`) }),
      fixed2(insp.defectsPerHundred[c].perHundred),
      insp.defectsPerHundred[c].defects,
      insp.unitsInspected,
      period,
    ]),
    ...insp.topDefects.rows.map((r) => [t("scorecardCsv.topDefect", { defect: r.label }), r.count, r.count, insp.topDefects.total, period]),
    [t("scorecardCsv.abortedGoodsNotReady"), insp.abortedNotReady.goodsNotReady, null, null, period],
    [t("scorecardCsv.abortedUnderPacked"), insp.abortedNotReady.underPacked, null, null, period],
  ];
  return csvTable(rows);
}

/** "scorecard-Acme-Imports-Ningbo-Plastics-2025-01-01-2025-03-31.csv", plain ASCII so no header can be broken. */
export function scorecardCsvFileName(scorecard: Scorecard) {
  const part = (value: string) => asciiFileNamePart(value, 40);
  return `scorecard-${part(scorecard.importer.name)}-${part(scorecard.factory.name)}-${scorecard.period.firstDay}-${scorecard.period.lastDay}.csv`;
}
