import { accessible } from "~/lib/authorize.server.ts";
import { prisma } from "~/lib/db.server.ts";
import { pageOverSegments } from "~/lib/pagination.ts";
import type { TenantContext } from "~/lib/tenant.server.ts";
import type { CorrectiveActionStatus, Prisma } from "~/generated/prisma/client.ts";
import { isOverdue, overdueWhere } from "./due.ts";

/**
 * Corrective actions for the list page. Whose turn it is decides the order:
 * what waits for this org comes first (overdue ones first within it).
 */
export async function listCorrectiveActions(ctx: TenantContext, query: { status?: CorrectiveActionStatus; partnerId?: string; overdue?: boolean; page: number; pageSize: number }, now = new Date()) {
  const filters: Prisma.CorrectiveActionWhereInput[] = [accessible(ctx.ability, "read", "CorrectiveAction")];
  if (query.status) filters.push({ status: query.status });
  if (query.partnerId) filters.push(ctx.org.kind === "IMPORTER" ? { factoryId: query.partnerId } : { importerId: query.partnerId });
  if (query.overdue) filters.push(overdueWhere(now));
  const myTurn: Prisma.CorrectiveActionWhereInput = { status: { in: ctx.org.kind === "IMPORTER" ? ["PLAN_SUBMITTED", "IMPLEMENTED"] : ["OPEN", "PLAN_ACCEPTED"] } };
  // What waits for this org comes first, and within it what is overdue.
  const late = overdueWhere(now);
  const firstLate = { AND: [...filters, myTurn, late] };
  const firstOnTime = { AND: [...filters, myTurn, { NOT: late }] };
  const rest = { AND: [...filters, { NOT: myTurn }] };
  const select = {
    id: true,
    title: true,
    status: true,
    severity: true,
    planDueAt: true,
    updatedAt: true,
    items: { select: { dueAt: true } },
    partnership: { select: { importer: { select: { name: true } }, factory: { select: { name: true } } } },
  } satisfies Prisma.CorrectiveActionSelect;
  const orderBy: Prisma.CorrectiveActionOrderByWithRelationInput[] = [{ planDueAt: "asc" }, { id: "asc" }];
  const fetch = (where: Prisma.CorrectiveActionWhereInput) => (skip: number, take: number) => prisma.correctiveAction.findMany({ where, select, orderBy, skip, take });
  const [lateCount, onTimeCount, restCount] = await Promise.all([
    prisma.correctiveAction.count({ where: firstLate }),
    prisma.correctiveAction.count({ where: firstOnTime }),
    prisma.correctiveAction.count({ where: rest }),
  ]);
  const firstCount = lateCount + onTimeCount;
  const page = await pageOverSegments(query.page, [
    { count: lateCount, fetch: fetch(firstLate) },
    { count: onTimeCount, fetch: fetch(firstOnTime) },
    { count: restCount, fetch: fetch(rest) },
  ], query.pageSize);
  return {
    ...page,
    myTurnCount: firstCount,
    items: page.items.map(({ items, ...ca }) => ({ ...ca, overdue: isOverdue({ ...ca, items }, now), partnerName: ctx.org.kind === "IMPORTER" ? ca.partnership.factory?.name : ca.partnership.importer.name })),
  };
}
