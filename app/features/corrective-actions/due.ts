// When a corrective action is due or late: the one rule, here. A due date is a calendar day
// (stored as that day's UTC midnight) in the FACTORY's time zone: it is late once that day has
// ended there, i.e. once the factory's today is a later day (docs/decisions/015). Pure and
// isomorphic: pages mark late rows with these, the reminder job (reminders.server.ts) sends by
// them, and the SQL of lists and the dashboard (due-sql.server.ts) compares the same two days.

import { DAY_MS } from "~/lib/dates.ts";
import { timeZoneOr } from "~/lib/time-zones.ts";

/** "Plan due soon" is sent once the plan's day ends within this time. */
export const DUE_SOON_MS = 2 * DAY_MS;
/** The importer's owners hear about a late plan once it is this late. */
export const ESCALATE_AFTER_MS = 3 * DAY_MS;

// Loader data arrives as JSON in the browser, where dates are ISO strings.
type DateLike = Date | string;
const time = (value: DateLike) => (value instanceof Date ? value : new Date(value)).getTime();
/** A stored due date's calendar day, as its UTC midnight (a stored value is one already). */
const dayOf = (value: DateLike) => Math.floor(time(value) / DAY_MS) * DAY_MS;

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar day `at` falls on in `timeZone`, as that day's UTC midnight (how due dates are stored). */
export function dayIn(timeZone: string, at: Date = new Date()): Date {
  const zone = timeZoneOr(timeZone);
  let format = dayFormats.get(zone);
  if (!format) dayFormats.set(zone, (format = new Intl.DateTimeFormat("en-US", { timeZone: zone, year: "numeric", month: "numeric", day: "numeric" })));
  const parts = Object.fromEntries(format.formatToParts(at).map((part) => [part.type, part.value]));
  return new Date(Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day)));
}

/** Whether a due day has ended in the factory's zone at `at`. */
export function isPastDue(due: DateLike, factoryTimeZone: string, at: Date = new Date()): boolean {
  return dayOf(due) < dayIn(factoryTimeZone, at).getTime();
}

export interface DueFields {
  status: string;
  planDueAt: DateLike;
}

/** The factory owes a plan and its day has ended. */
export function isPlanOverdue(ca: DueFields, factoryTimeZone: string, now: Date = new Date()): boolean {
  return ca.status === "OPEN" && isPastDue(ca.planDueAt, factoryTimeZone, now);
}

/** The factory owes a plan whose day ends within two days (and not yet late). */
export function isPlanDueSoon(ca: DueFields, factoryTimeZone: string, now: Date = new Date()): boolean {
  return (
    ca.status === "OPEN" && !isPastDue(ca.planDueAt, factoryTimeZone, now) && isPastDue(ca.planDueAt, factoryTimeZone, new Date(now.getTime() + DUE_SOON_MS))
  );
}

/** The plan is so late that the importer is told (three days after its day ended). */
export function isPlanEscalated(ca: DueFields, factoryTimeZone: string, now: Date = new Date()): boolean {
  return ca.status === "OPEN" && isPastDue(ca.planDueAt, factoryTimeZone, new Date(now.getTime() - ESCALATE_AFTER_MS));
}

/**
 * The accepted plan's items whose day has ended. Items count only while the plan is accepted and
 * not yet implemented: before that the dates are a proposal, after it the work is done.
 */
export function overdueItems<Item extends { dueAt: DateLike }>(
  ca: { status: string; items: readonly Item[] },
  factoryTimeZone: string,
  now: Date = new Date(),
): Item[] {
  if (ca.status !== "PLAN_ACCEPTED") return [];
  return ca.items.filter((item) => isPastDue(item.dueAt, factoryTimeZone, now));
}

export function isItemOverdue(ca: { status: string }, item: { dueAt: DateLike }, factoryTimeZone: string, now: Date = new Date()): boolean {
  return ca.status === "PLAN_ACCEPTED" && isPastDue(item.dueAt, factoryTimeZone, now);
}

/** Late in any way: the plan, or an item of the accepted plan. Needs `items` for the second. */
export function isOverdue(ca: DueFields & { items?: readonly { dueAt: DateLike }[] }, factoryTimeZone: string, now: Date = new Date()): boolean {
  return isPlanOverdue(ca, factoryTimeZone, now) || overdueItems({ status: ca.status, items: ca.items ?? [] }, factoryTimeZone, now).length > 0;
}
