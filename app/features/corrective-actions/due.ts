// When a corrective action is due or late. Pure and isomorphic: lists mark overdue rows
// with these in the browser and on the server, and the reminder job
// (reminders.server.ts) uses the same rules, so a row marked late is one that was emailed.

import type { CorrectiveActionWhereInput } from "~/generated/prisma/models.ts";
import { DAY_MS } from "~/lib/dates.ts";

/** "Plan due soon" is sent once the plan is due within this time. */
export const DUE_SOON_MS = 2 * DAY_MS;
/** The importer's owners hear about a late plan once it is this late. */
export const ESCALATE_AFTER_MS = 3 * DAY_MS;

// Loader data arrives as JSON in the browser, where dates are ISO strings.
type DateLike = Date | string;
const time = (value: DateLike) => (value instanceof Date ? value : new Date(value)).getTime();

export interface DueFields {
  status: string;
  planDueAt: DateLike;
}

/** The factory owes a plan and the date has passed. */
export function isPlanOverdue(ca: DueFields, now: Date = new Date()): boolean {
  return ca.status === "OPEN" && time(ca.planDueAt) < now.getTime();
}

/** The factory owes a plan that is due within two days (and not yet late). */
export function isPlanDueSoon(ca: DueFields, now: Date = new Date()): boolean {
  const due = time(ca.planDueAt);
  return ca.status === "OPEN" && due > now.getTime() && due <= now.getTime() + DUE_SOON_MS;
}

/** The plan is so late that the importer is told (three days). */
export function isPlanEscalated(ca: DueFields, now: Date = new Date()): boolean {
  return ca.status === "OPEN" && time(ca.planDueAt) < now.getTime() - ESCALATE_AFTER_MS;
}

/**
 * The accepted plan's items whose date has passed. Items count only while the plan is
 * accepted and not yet implemented: before that the dates are a proposal, after it the work is done.
 */
export function overdueItems<Item extends { dueAt: DateLike }>(ca: { status: string; items: readonly Item[] }, now: Date = new Date()): Item[] {
  if (ca.status !== "PLAN_ACCEPTED") return [];
  return ca.items.filter((item) => time(item.dueAt) < now.getTime());
}

export function isItemOverdue(ca: { status: string }, item: { dueAt: DateLike }, now: Date = new Date()): boolean {
  return ca.status === "PLAN_ACCEPTED" && time(item.dueAt) < now.getTime();
}

/** Late in any way: the plan, or an item of the accepted plan. Needs `items` for the second. */
export function isOverdue(ca: DueFields & { items?: readonly { dueAt: DateLike }[] }, now: Date = new Date()): boolean {
  return isPlanOverdue(ca, now) || overdueItems({ status: ca.status, items: ca.items ?? [] }, now).length > 0;
}

/**
 * Prisma filter for the same rule as `isOverdue`, for lists, filters and dashboard counts
 * (combine with the caller's tenant filter: `{ AND: [tenantWhere, overdueWhere(now)] }`).
 */
export function overdueWhere(now: Date = new Date()): CorrectiveActionWhereInput {
  return {
    OR: [
      { status: "OPEN", planDueAt: { lt: now } },
      { status: "PLAN_ACCEPTED", items: { some: { dueAt: { lt: now } } } },
    ],
  };
}
