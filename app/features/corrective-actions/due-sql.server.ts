// The rule of due.ts in SQL, for statements that filter or order by it (lists, the dashboard):
// a due day is late once the factory's today, in the factory's zone, is a later day.
import { Prisma } from "~/generated/prisma/client.ts";

/** The factory's today at `now` (a date) for the corrective action aliased `ca`. */
const factoryToday = (ca: string, now: Date) =>
  Prisma.sql`(${now.toISOString()}::timestamptz AT TIME ZONE (SELECT o."timeZone" FROM "Organization" o WHERE o.id = ${Prisma.raw(`${ca}."factoryId"`)}))::date`;

/** An OPEN plan of `ca` whose day has ended (isPlanOverdue). */
export const latePlanSql = (ca: string, now: Date) =>
  Prisma.sql`(${Prisma.raw(`${ca}.status`)} = 'OPEN' AND ${Prisma.raw(`${ca}."planDueAt"`)} < ${factoryToday(ca, now)})`;

/** An item of `ca` whose day has ended (the status is the caller's: isItemOverdue counts accepted plans only). */
export const lateItemSql = (ca: string, now: Date) =>
  Prisma.sql`EXISTS (SELECT 1 FROM "CorrectiveActionItem" i WHERE i."correctiveActionId" = ${Prisma.raw(`${ca}.id`)} AND i."dueAt" < ${factoryToday(ca, now)})`;

/** Late in any way (isOverdue): the plan, or an item of the accepted plan. */
export const overdueSql = (ca: string, now: Date) =>
  Prisma.sql`(${latePlanSql(ca, now)} OR (${Prisma.raw(`${ca}.status`)} = 'PLAN_ACCEPTED' AND ${lateItemSql(ca, now)}))`;

/** The oldest missed day of a late corrective action (for "overdue since"). */
export const oldestMissedDaySql = (ca: string, now: Date) =>
  Prisma.sql`(CASE WHEN ${Prisma.raw(`${ca}.status`)} = 'OPEN' THEN ${Prisma.raw(`${ca}."planDueAt"`)}
    ELSE (SELECT min(i."dueAt") FROM "CorrectiveActionItem" i WHERE i."correctiveActionId" = ${Prisma.raw(`${ca}.id`)} AND i."dueAt" < ${factoryToday(ca, now)}) END)`;
