// The org's audit log for its owners: every event logged on its side, filtered, a page at a time
// or as CSV. Read through the AuditEvent rule of lib/ability.ts (owners, their own org's log).
import { asSubject } from "~/lib/ability.ts";
import { accessible, ensureCan } from "~/lib/authorize.server.ts";
import { BUSINESS_YEARS, readBusinessDay, DAY_MS } from "~/lib/dates.ts";
import { prisma } from "~/lib/db.server.ts";
import { asciiFileNamePart, csvTable } from "~/lib/downloads.server.ts";
import { DEFAULT_LANGUAGE, toLanguage } from "~/lib/i18n/languages.ts";
import { message } from "~/lib/i18n/message.ts";
import { accountLanguage, accountTranslator } from "~/lib/i18n/translate.server.ts";
import type { Translate } from "~/lib/i18n/translate.ts";
import { pageArgs, toPage } from "~/lib/pagination.ts";
import { idQuery, textQuery } from "~/lib/query-params.ts";
import type { TenantContext } from "~/lib/tenant.server.ts";
import type { Prisma } from "~/generated/prisma/client.ts";
import { formatterFor } from "~/lib/format.ts";
import { changeLine, changeList, changeWordsOf } from "./changes.ts";
import { actionLabel, subjectTypeLabel, type Changes } from "./sentences.ts";

export interface AuditFilters {
  who?: string;
  action?: string;
  type?: string;
  /** From the start of this day. */
  from?: Date;
  /** Before this moment: the day after the last day asked for. */
  before?: Date;
}

/** What the filter form holds, as typed, and why a date was refused (a message()). */
export interface AuditFilterInput {
  filters: AuditFilters;
  typed: { who: string; what: string; type: string; from: string; to: string };
  problems: { from?: string; to?: string };
}

const ACTION = /^[A-Za-z][A-Za-z0-9.-]{0,63}$/;
const TYPE = /^[A-Za-z]{1,64}$/;

// Each end of the period has its own sentences, so that every language says "start date" its own way.
const DAY_PROBLEMS = {
  start: { format: "filters.startFormat", range: "filters.startOutOfRange", noSuchDay: "filters.startNoSuchDay" },
  end: { format: "filters.endFormat", range: "filters.endOutOfRange", noSuchDay: "filters.endNoSuchDay" },
} as const;

function day(value: string | undefined, name: "start" | "end"): { date?: Date; problem?: string } {
  if (!value) return {};
  const read = readBusinessDay(value);
  if (read.ok) return { date: read.date };
  const keys = DAY_PROBLEMS[name];
  if (read.problem === "format") return { problem: message("history", keys.format) };
  if (read.problem === "out-of-range") return { problem: message("history", keys.range, { ...BUSINESS_YEARS }) };
  return { problem: message("history", keys.noSuchDay, { day: value }) };
}

/** The log's filters from the URL; an odd who/what/type selects nothing rather than failing, a bad date is a problem to show. */
export function readAuditFilters(url: URL): AuditFilterInput {
  // "what", not "action": a form control named action would shadow the form's own action.
  const action = textQuery(url, "what", 64);
  const type = textQuery(url, "type", 64);
  const fromText = textQuery(url, "from", 40);
  const toText = textQuery(url, "to", 40);
  const from = day(fromText, "start");
  const to = day(toText, "end");
  const problems: AuditFilterInput["problems"] = {};
  if (from.problem) problems.from = from.problem;
  if (to.problem) problems.to = to.problem;
  if (from.date && to.date && from.date > to.date) problems.to = message("history", "filters.endBeforeStart");
  const filters: AuditFilters = {
    who: idQuery(url, "who"),
    // Not an action or type the log could hold: a filter that matches nothing.
    action: action === undefined ? undefined : ACTION.test(action) ? action : "-",
    type: type === undefined ? undefined : TYPE.test(type) ? type : "-",
    from: from.date,
    before: to.date ? new Date(to.date.getTime() + DAY_MS) : undefined,
  };
  return {
    filters,
    typed: { who: url.searchParams.get("who") ?? "", what: action ?? "", type: type ?? "", from: fromText ?? "", to: toText ?? "" },
    problems,
  };
}

const ownLog = (ctx: TenantContext) => asSubject("AuditEvent", { orgId: ctx.org.id });

/** May this member read the org's audit log? (Owners.) */
export const canReadAuditLog = (ctx: TenantContext) => ctx.ability.can("read", ownLog(ctx));

/** The role check, made before anything in the query is looked at: a non-owner is refused whatever it asks. */
export function ensureCanRead(ctx: TenantContext) {
  ensureCan(ctx.ability, "read", ownLog(ctx), message("history", "errors.ownersOnly"));
}

function whereOf(ctx: TenantContext, f: AuditFilters): Prisma.AuditEventWhereInput {
  return {
    AND: [
      accessible(ctx.ability, "read", "AuditEvent"),
      {
        actorId: f.who,
        action: f.action,
        subjectType: f.type,
        createdAt: f.from || f.before ? { gte: f.from, lt: f.before } : undefined,
      },
    ],
  };
}

const rowSelect = {
  id: true,
  action: true,
  subjectType: true,
  subjectId: true,
  actorId: true,
  changes: true,
  createdAt: true,
} satisfies Prisma.AuditEventSelect;
type EventRecord = Prisma.AuditEventGetPayload<{ select: typeof rowSelect }>;

async function actorsOf(rows: { actorId: string | null }[]) {
  const ids = [...new Set(rows.flatMap((r) => (r.actorId ? [r.actorId] : [])))];
  const users = ids.length ? await prisma.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, email: true } }) : [];
  return new Map(users.map((u) => [u.id, u]));
}

/** A row in the reader's words (`t`): what was done, to what, by whom. */
function present(row: EventRecord, actors: Awaited<ReturnType<typeof actorsOf>>, t: Translate<"history">) {
  const actor = row.actorId ? actors.get(row.actorId) : undefined;
  return {
    id: row.id,
    at: row.createdAt.toISOString(),
    who: actor?.name ?? (row.actorId ? t("audit.formerUser") : t("audit.portal")),
    whoEmail: actor?.email ?? null,
    action: row.action,
    what: actionLabel(t, row.action),
    subjectType: row.subjectType,
    typeLabel: subjectTypeLabel(t, row.subjectType),
    subjectId: row.subjectId,
    /** What changed, as data: the reader's page writes it in the reader's words (AuditChanges). */
    changes: changeList(row.changes as Changes),
  };
}
export type AuditLogRow = ReturnType<typeof present>;

/** One page of the log, newest first. */
export async function listAuditLog(ctx: TenantContext, filters: AuditFilters, page: { page: number; pageSize: number }) {
  ensureCanRead(ctx);
  const where = whereOf(ctx, filters);
  const [total, rows] = await Promise.all([
    prisma.auditEvent.count({ where }),
    prisma.auditEvent.findMany({ where, select: rowSelect, orderBy: [{ createdAt: "desc" }, { id: "desc" }], ...pageArgs(page.page, page.pageSize) }),
  ]);
  const actors = await actorsOf(rows);
  const t = accountTranslator(ctx.user, "history");
  return toPage(
    rows.map((row) => present(row, actors, t)),
    total,
    page.page,
    page.pageSize,
  );
}

/** The choices of the filter form: the people, actions and record types the log holds. */
export async function auditLogChoices(ctx: TenantContext) {
  ensureCanRead(ctx);
  const groups = await prisma.auditEvent.groupBy({ by: ["actorId", "action", "subjectType"], where: accessible(ctx.ability, "read", "AuditEvent") });
  const actors = await actorsOf(groups);
  const t = accountTranslator(ctx.user, "history");
  const collator = new Intl.Collator(toLanguage(ctx.user.locale) ?? DEFAULT_LANGUAGE);
  const sortByLabel = (a: { label: string }, b: { label: string }) => collator.compare(a.label, b.label);
  return {
    who: [...actors.values()].map((u) => ({ value: u.id, label: u.name })).sort(sortByLabel),
    action: [...new Set(groups.map((g) => g.action))].map((a) => ({ value: a, label: actionLabel(t, a) })).sort(sortByLabel),
    type: [...new Set(groups.map((g) => g.subjectType))].map((type) => ({ value: type, label: subjectTypeLabel(t, type) })).sort(sortByLabel),
  };
}

/** An export is capped so one request cannot hold a worker for long; the file says when it was cut. */
export const MAX_EXPORT_ROWS = 10_000;

/** The filtered log as CSV, newest first, in the requester's language: one event a line, its action's code beside its name, what changed in the requester's words. */
export async function auditLogCsv(ctx: TenantContext, filters: AuditFilters) {
  ensureCanRead(ctx);
  const rows = await prisma.auditEvent.findMany({
    where: whereOf(ctx, filters),
    select: rowSelect,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: MAX_EXPORT_ROWS + 1,
  });
  const actors = await actorsOf(rows);
  const t = accountTranslator(ctx.user, "history");
  // The export's dates are in UTC, as its time column says.
  const words = changeWordsOf((namespace) => accountTranslator(ctx.user, namespace), formatterFor(accountLanguage(ctx.user), "UTC"));
  const headers = [t("csv.time"), t("csv.who"), t("csv.email"), t("csv.what"), t("csv.action"), t("csv.recordType"), t("csv.recordId"), t("csv.changes")];
  const lines: (string | number | null)[][] = [headers];
  for (const row of rows.slice(0, MAX_EXPORT_ROWS)) {
    const r = present(row, actors, t);
    const details = r.changes.map((change) => changeLine(words, r.subjectType, change)).join("; ");
    lines.push([r.at, r.who, r.whoEmail, r.what, r.action, r.typeLabel, r.subjectId, details || null]);
  }
  if (rows.length > MAX_EXPORT_ROWS) lines.push([t("csv.cut", { max: MAX_EXPORT_ROWS })]);
  return { body: csvTable(lines), fileName: `audit-log-${asciiFileNamePart(ctx.org.slug, 60)}.csv` };
}
