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
// A rate or median with nothing to count is null (shown "—"), never 0.
//
// Every query is scoped to the importer + factory pair and goes through the
// reader's ability, so a reader never counts a record it could not open.
// Importers never read a factory's DRAFT first articles; drafts have no
// decision, so they never count on either side.
import { data } from "@remix-run/node";
import { ROOT_CAUSE_LABELS, ROOT_CAUSES } from "~/features/corrective-actions/schemas.ts";
import type { PartnershipStatus, RootCauseCategory } from "~/generated/prisma/client.ts";
import type { AppAbility } from "~/lib/ability.ts";
import { accessible } from "~/lib/authorize.server.ts";
import { prisma } from "~/lib/db.server.ts";
import { notFound } from "~/lib/http.server.ts";
import type { TenantContext } from "~/lib/tenant.server.ts";

export const DAY_MS = 24 * 60 * 60 * 1000;
/** The default period: the last 90 days, today included. */
export const DEFAULT_PERIOD_DAYS = 90;
export const MAX_PERIOD_YEARS = 3;
/**
 * Upper bound on the rows a median reads (timestamps only). One pair cannot
 * plausibly reach it within three years; it only keeps a runaway from
 * loading a table into memory.
 */
const MEDIAN_SAMPLE_LIMIT = 50_000;

const FIRST_PASS_STATUSES = ["APPROVED", "CONDITIONALLY_APPROVED"] as const;
const DECIDED_STATUSES = ["APPROVED", "CONDITIONALLY_APPROVED", "REJECTED"] as const;

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
  label: string;
  count: number;
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
}

type ScorecardContext = Pick<TenantContext, "org" | "ability">;

// ---------------------------------------------------------------------------
// Period

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

const badPeriod = (message: string): never => {
  throw data(message, { status: 400 });
};

/** A YYYY-MM-DD day as its UTC midnight; anything else (including 2025-02-30) is a 400. */
function parseDay(value: string, name: string): Date {
  const match = DATE_RE.exec(value);
  if (!match) return badPeriod(`The ${name} date must be written as YYYY-MM-DD.`);
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    return badPeriod(`The ${name} date ${value} does not exist.`);
  }
  return date;
}

export const isoDay = (date: Date) => date.toISOString().slice(0, 10);

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
  if (from > lastDay) badPeriod("The start date must be on or before the end date.");
  const to = addDays(lastDay, 1);
  if (to > addYears(from, MAX_PERIOD_YEARS)) badPeriod(`Choose a period of at most ${MAX_PERIOD_YEARS} years.`);
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

function medianDays(pairs: readonly { start: Date | null; end: Date | null }[]): MedianFigure {
  const durations = pairs.filter((p) => p.start && p.end).map((p) => (p.end!.getTime() - p.start!.getTime()) / DAY_MS);
  const value = median(durations);
  return { days: value === null ? null : oneDecimal(value), count: durations.length };
}

// ---------------------------------------------------------------------------
// The pair

/** The importer + factory pair a page is about: the reader's org and the partner named in the URL. */
export function scorecardPair(ctx: ScorecardContext, partnerId: string) {
  return ctx.org.kind === "IMPORTER" ? { importerId: ctx.org.id, factoryId: partnerId } : { importerId: partnerId, factoryId: ctx.org.id };
}

// ---------------------------------------------------------------------------
// The scorecard

export async function computeScorecard(
  ctx: ScorecardContext,
  input: { importerId: string; factoryId: string; from: Date; to: Date; now: Date },
): Promise<Scorecard> {
  const { importerId, factoryId, from, to, now } = input;
  if (ctx.org.id !== importerId && ctx.org.id !== factoryId) notFound("Partner not found.");
  if (!(from < to)) badPeriod("The start date must be before the end date.");
  const ability: AppAbility = ctx.ability;

  // Any partnership of the pair, in any status, that the reader may see.
  const partnerships = await prisma.partnership.findMany({
    where: { AND: [accessible(ability, "read", "Partnership"), { importerId, factoryId }] },
    select: { status: true, importer: { select: { id: true, name: true } }, factory: { select: { id: true, name: true } } },
    orderBy: { createdAt: "desc" },
  });
  const newest = partnerships[0];
  if (!newest?.factory) notFound("Partner not found.");

  const pair = { importerId, factoryId };
  const inPeriod = { gte: from, lt: to };
  const firstArticles = { AND: [accessible(ability, "read", "FirstArticle"), pair] };
  const acknowledgements = { AND: [accessible(ability, "read", "Acknowledgement"), pair] };
  const correctiveActions = { AND: [accessible(ability, "read", "CorrectiveAction"), pair] };

  const [round1ByStatus, decidedRounds, acknowledged, opened, closed, plansInPeriod, plansOnTime, openOverdue, causes] = await Promise.all([
    prisma.firstArticle.groupBy({
      by: ["status"],
      where: { AND: [firstArticles, { round: 1, status: { in: [...DECIDED_STATUSES] }, decidedAt: inPeriod }] },
      _count: { _all: true },
    }),
    prisma.firstArticle.findMany({
      where: { AND: [firstArticles, { status: { in: [...DECIDED_STATUSES] }, decidedAt: inPeriod, submittedAt: { not: null } }] },
      select: { submittedAt: true, decidedAt: true },
      take: MEDIAN_SAMPLE_LIMIT,
    }),
    prisma.acknowledgement.findMany({
      where: { AND: [acknowledgements, { status: "ACKNOWLEDGED", version: { is: { publishedAt: inPeriod } } }] },
      select: { updatedAt: true, version: { select: { publishedAt: true } } },
      take: MEDIAN_SAMPLE_LIMIT,
    }),
    prisma.correctiveAction.count({ where: { AND: [correctiveActions, { createdAt: inPeriod }] } }),
    prisma.correctiveAction.count({ where: { AND: [correctiveActions, { closedAt: inPeriod }] } }),
    prisma.correctiveAction.count({ where: { AND: [correctiveActions, { planSubmittedAt: inPeriod }] } }),
    prisma.correctiveAction.count({
      where: { AND: [correctiveActions, { planSubmittedAt: inPeriod }, { planSubmittedAt: { lte: prisma.correctiveAction.fields.planDueAt } }] },
    }),
    prisma.correctiveAction.count({
      where: {
        AND: [
          correctiveActions,
          { OR: [{ status: "OPEN", planDueAt: { lt: now } }, { status: "PLAN_ACCEPTED", items: { some: { dueAt: { lt: now } } } }] },
        ],
      },
    }),
    prisma.correctiveAction.groupBy({
      by: ["rootCauseCategory"],
      where: { AND: [correctiveActions, { planSubmittedAt: inPeriod }] },
      _count: { _all: true },
    }),
  ]);

  const round1Decided = round1ByStatus.reduce((sum, g) => sum + g._count._all, 0);
  const round1Passed = round1ByStatus
    .filter((g) => (FIRST_PASS_STATUSES as readonly string[]).includes(g.status))
    .reduce((sum, g) => sum + g._count._all, 0);

  const causeCounts = new Map(causes.map((g) => [g.rootCauseCategory, g._count._all]));
  const rows: RootCauseRow[] = ROOT_CAUSES.map((category) => ({ category, label: ROOT_CAUSE_LABELS[category], count: causeCounts.get(category) ?? 0 }));
  const unstated = causeCounts.get(null) ?? 0;
  if (unstated > 0) rows.push({ category: null, label: "Not stated", count: unstated });

  return {
    importer: newest.importer,
    factory: newest.factory,
    partnershipStatus: newest.status,
    hasEndedPartnership: partnerships.some((p) => p.status === "ENDED"),
    period: { from: from.toISOString(), to: to.toISOString(), firstDay: isoDay(from), lastDay: isoDay(new Date(to.getTime() - 1)) },
    now: now.toISOString(),
    firstPass: rate(round1Passed, round1Decided),
    decisionDays: medianDays(decidedRounds.map((r) => ({ start: r.submittedAt, end: r.decidedAt }))),
    acknowledgeDays: medianDays(acknowledged.map((a) => ({ start: a.version.publishedAt, end: a.updatedAt }))),
    correctiveActions: {
      opened,
      closed,
      onTimePlan: rate(plansOnTime, plansInPeriod),
      openOverdue,
    },
    rootCauses: { rows, total: rows.reduce((sum, r) => sum + r.count, 0) },
  };
}

// ---------------------------------------------------------------------------
// CSV

const CSV_FORMULA_START = /^[=+\-@\t\r＝＋－＠]/;
const CSV_PLAIN_NUMBER = /^[+-]?\d+(\.\d+)?$/;

function csvField(value: string | number | null): string {
  let cell = value === null ? "" : String(value);
  // A spreadsheet would run a cell starting like a formula; keep it text.
  if (CSV_FORMULA_START.test(cell) && !CSV_PLAIN_NUMBER.test(cell)) cell = `'${cell}`;
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

const fixed1 = (value: number | null) => (value === null ? null : value.toFixed(1));

/**
 * One metric per row: metric, value, numerator, denominator, period. Rates
 * are percentages with one decimal; medians are days with one decimal and
 * their denominator is the number of durations measured. Empty value: no
 * data to compute it from (the page shows "—").
 */
export function scorecardCsv(scorecard: Scorecard): string {
  const period = `${scorecard.period.firstDay} to ${scorecard.period.lastDay}`;
  const asOf = `as of ${scorecard.now}`;
  const { firstPass, decisionDays, acknowledgeDays, correctiveActions: ca, rootCauses } = scorecard;
  const rows: (string | number | null)[][] = [
    ["metric", "value", "numerator", "denominator", "period"],
    ["First-pass approval rate (%)", fixed1(firstPass.percent), firstPass.numerator, firstPass.denominator, period],
    ["Median days from first-article submission to decision", fixed1(decisionDays.days), null, decisionDays.count, period],
    ["Median days to acknowledge a spec version", fixed1(acknowledgeDays.days), null, acknowledgeDays.count, period],
    ["Corrective actions opened", ca.opened, null, null, period],
    ["Corrective actions closed", ca.closed, null, null, period],
    ["On-time plan rate (%)", fixed1(ca.onTimePlan.percent), ca.onTimePlan.numerator, ca.onTimePlan.denominator, period],
    ["Corrective actions open and overdue", ca.openOverdue, null, null, asOf],
    ...rootCauses.rows.map((r) => [`Root cause: ${r.label}`, r.count, r.count, rootCauses.total, period]),
  ];
  return `${rows.map((row) => row.map(csvField).join(",")).join("\r\n")}\r\n`;
}

/** "scorecard-Acme-Imports-Ningbo-Plastics-2025-01-01-2025-03-31.csv", plain ASCII so no header can be broken. */
export function scorecardCsvFileName(scorecard: Scorecard) {
  const part = (value: string) =>
    value
      .normalize("NFKD")
      .replace(/[^A-Za-z0-9._-]+/g, "-")
      .replace(/^[-.]+|-+$/g, "")
      .slice(0, 40) || "x";
  return `scorecard-${part(scorecard.importer.name)}-${part(scorecard.factory.name)}-${scorecard.period.firstDay}-${scorecard.period.lastDay}.csv`;
}
