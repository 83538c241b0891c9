// Due-date reminders for corrective actions, run by the worker every 15 minutes
// (registered in app/jobs.server.ts). Each pass looks at what is due now and
// queues emails through the outbox; every email's idempotency key names the event and the
// recipient, so however often (or on however many workers) the job runs, each fires once.
//
//   plan due soon   OPEN, due within 2 days         factory OWNER/QUALITY  ca-plan-due-soon:<ca>:<user>
//   plan overdue    OPEN, past its due date         factory OWNER/QUALITY  ca-plan-overdue:<ca>:<user>
//   escalated       OPEN, more than 3 days late     importer OWNER         ca-plan-overdue-escalated:<ca>:<user>
//   item overdue    PLAN_ACCEPTED, item past due    factory OWNER/QUALITY  ca-item-overdue:<item>:<user>
//
// Only corrective actions of ACTIVE partnerships: after a partnership ends nobody is asked
// for anything. The rules are the ones lists use to mark rows late (./due.ts).

import type { Prisma } from "~/generated/prisma/client.ts";
import { enqueueEmails, type EmailToEnqueue } from "~/features/notifications/outbox.server.ts";
import { DECIDERS, emailsTo, recipientSelect } from "~/features/notifications/recipients.server.ts";
import { prisma, type Tx } from "~/lib/db.server.ts";
import type { CorrectiveActionReminderKind } from "../../../emails/corrective-action-reminder.tsx";
import { DUE_SOON_MS, isItemOverdue, isPlanDueSoon, isPlanEscalated, isPlanOverdue } from "./due.ts";
import { appUrl } from "~/lib/app-url.server.ts";
import { correctiveActionPath } from "./paths.ts";

export interface ReminderCounts {
  /** Emails newly queued by this pass, per kind. */
  dueSoon: number;
  overdue: number;
  escalated: number;
  itemsOverdue: number;
}

export interface ReminderOptions {
  /**
   * Only these corrective actions. For tests, which share a database with other test files:
   * a pass with a clock set in the future must not email about anybody else's rows.
   */
  correctiveActionIds?: readonly string[];
  /** At most this many corrective actions (plan reminders) and items (item reminders) per pass. */
  limit?: number;
  /** Rows per transaction. */
  batchSize?: number;
}

export const REMINDER_PASS_LIMIT = 500;
const BATCH_SIZE = 100;

// Where the previous pass stopped, per stream (and per scope, for tests). Late plans and
// items stay "late" until somebody acts, so with more candidates than one pass may take,
// always starting from the oldest would starve the newest forever: each pass continues
// after the last row the previous one looked at, and starts over from the oldest once it
// reaches the end. Lost on restart, which only means starting from the oldest again.
interface Cursor {
  at: Date;
  id: string;
}
const cursors = new Map<string, Cursor>();

const clip = (value: string, max: number) => {
  const trimmed = value.trim();
  return trimmed.length <= max ? trimmed : `${trimmed.slice(0, max - 1).trimEnd()}…`;
};

const caLink = (orgSlug: string, caId: string) => appUrl(correctiveActionPath(orgSlug, caId));

interface OrgInfo {
  id: string;
  slug: string;
  name: string;
  timeZone: string;
  members: { role: string; user: { id: string; email: string; locale: string; timeZone: string } }[];
}

async function loadOrgs(tx: Tx, ids: Iterable<string>): Promise<Map<string, OrgInfo>> {
  const orgs = await tx.organization.findMany({
    where: { id: { in: [...new Set(ids)] } },
    select: {
      id: true,
      slug: true,
      name: true,
      timeZone: true,
      memberships: { where: { role: { in: [...DECIDERS] } }, select: { role: true, ...recipientSelect.select } },
    },
  });
  return new Map(orgs.map((org) => [org.id, { id: org.id, slug: org.slug, name: org.name, timeZone: org.timeZone, members: org.memberships }]));
}

interface Subject {
  caId: string;
  title: string;
  factory: OrgInfo;
  importer: OrgInfo;
}

/** What the reminders of these corrective actions are about, by corrective action id. */
async function loadSubjects(tx: Tx, cas: { id: string; title: string; importerId: string; factoryId: string }[]): Promise<Map<string, Subject>> {
  const orgs = await loadOrgs(
    tx,
    cas.flatMap((ca) => [ca.importerId, ca.factoryId]),
  );
  const subjects = new Map<string, Subject>();
  for (const ca of cas) {
    const factory = orgs.get(ca.factoryId);
    const importer = orgs.get(ca.importerId);
    if (factory && importer) subjects.set(ca.id, { caId: ca.id, title: ca.title, factory, importer });
  }
  return subjects;
}

function emailsFor(
  kind: CorrectiveActionReminderKind,
  keyPrefix: string,
  keyId: string,
  subject: Subject,
  to: OrgInfo,
  roles: readonly string[],
  details: { dueAt: Date; item?: { action: string; owner: string } | null },
): EmailToEnqueue[] {
  const action = details.item ? clip(details.item.action, 1000) : "";
  return emailsTo(
    to.id,
    to.members.filter((member) => roles.includes(member.role)),
    `${keyPrefix}:${keyId}`,
    {
      template: "corrective-action-reminder",
      data: {
        kind,
        title: clip(subject.title, 300),
        factoryName: clip(subject.factory.name, 300),
        importerName: clip(subject.importer.name, 300),
        dueAt: details.dueAt.toISOString(),
        dueZone: subject.factory.timeZone,
        item: details.item && action ? { action, owner: clip(details.item.owner, 200) } : null,
        link: caLink(to.slug, subject.caId),
      },
    },
  );
}

/** Rows after the cursor in (date, id) order. */
const after = <F extends string>(field: F, cursor: Cursor | undefined) =>
  cursor ? [{ OR: [{ [field]: { gt: cursor.at } }, { [field]: cursor.at, id: { gt: cursor.id } }] }] : [];

/**
 * Walks one stream in pages: `page` lists the next rows after a cursor (cheap, outside any
 * transaction), `handle` re-reads and emails them in a transaction of their own. A batch
 * that fails is logged and skipped, so one bad row cannot stop every later pass.
 */
async function walk<Row extends { id: string }>(
  stream: string,
  options: Required<Pick<ReminderOptions, "limit" | "batchSize">> & { scope: string },
  page: (cursor: Cursor | undefined, take: number) => Promise<Row[]>,
  dateOf: (row: Row) => Date,
  handle: (tx: Tx, rows: Row[]) => Promise<void>,
) {
  const key = `${stream}:${options.scope}`;
  let cursor = cursors.get(key);
  let seen = 0;
  while (seen < options.limit) {
    const take = Math.min(options.batchSize, options.limit - seen);
    const rows = await page(cursor, take);
    if (rows.length > 0) {
      try {
        await prisma.$transaction((tx) => handle(tx, rows), { timeout: 30_000 });
      } catch (error) {
        console.error(`[reminders] ${stream}: a batch of ${rows.length} failed and was skipped:`, error);
      }
      const last = rows[rows.length - 1]!;
      cursor = { at: dateOf(last), id: last.id };
      seen += rows.length;
    }
    if (rows.length < take) {
      // Reached the end: the next pass starts from the oldest again.
      cursors.delete(key);
      return;
    }
  }
  if (cursor) cursors.set(key, cursor);
}

/**
 * One pass of the reminder job: queues every reminder that is due at `now` and was not
 * queued before. Returns how many emails this pass newly queued.
 */
export async function sendCorrectiveActionReminders(now: Date = new Date(), options: ReminderOptions = {}): Promise<ReminderCounts> {
  const counts: ReminderCounts = { dueSoon: 0, overdue: 0, escalated: 0, itemsOverdue: 0 };
  const ids = options.correctiveActionIds;
  if (ids && ids.length === 0) return counts;
  const scoped: Prisma.CorrectiveActionWhereInput = ids ? { id: { in: [...ids] } } : {};
  const walkOptions = {
    limit: options.limit ?? REMINDER_PASS_LIMIT,
    batchSize: options.batchSize ?? BATCH_SIZE,
    scope: ids ? [...ids].sort().join(",") : "*",
  };
  // The queries select by UTC, wider than any zone's day (a day ends no earlier than 10 hours
  // after its UTC midnight, in UTC+14); due.ts then decides each row by the factory's zone.
  const soonUntil = new Date(now.getTime() + DUE_SOON_MS);

  // Plans the factory still owes that are due within two days or late, oldest due first.
  const openPlans = (extra: Prisma.CorrectiveActionWhereInput[] = []): Prisma.CorrectiveActionWhereInput => ({
    AND: [{ status: "OPEN", planDueAt: { lte: soonUntil }, partnership: { status: "ACTIVE" } }, scoped, ...extra],
  });
  await walk(
    "plans",
    walkOptions,
    (cursor, take) =>
      prisma.correctiveAction.findMany({
        where: openPlans(after("planDueAt", cursor) as Prisma.CorrectiveActionWhereInput[]),
        orderBy: [{ planDueAt: "asc" }, { id: "asc" }],
        take,
        select: { id: true, planDueAt: true },
      }),
    (row) => row.planDueAt,
    async (tx, rows) => {
      // Read again inside the transaction: a plan submitted meanwhile gets no reminder.
      const cas = await tx.correctiveAction.findMany({
        where: openPlans([{ id: { in: rows.map((row) => row.id) } }]),
        select: { id: true, title: true, status: true, planDueAt: true, importerId: true, factoryId: true },
      });
      const subjects = await loadSubjects(tx, cas);
      const dueSoon: EmailToEnqueue[] = [];
      const overdue: EmailToEnqueue[] = [];
      const escalated: EmailToEnqueue[] = [];
      for (const ca of cas) {
        const subject = subjects.get(ca.id);
        if (!subject) continue;
        const { factory, importer } = subject;
        const zone = factory.timeZone;
        if (isPlanDueSoon(ca, zone, now)) {
          dueSoon.push(...emailsFor("due-soon", "ca-plan-due-soon", ca.id, subject, factory, DECIDERS, { dueAt: ca.planDueAt }));
        } else if (isPlanOverdue(ca, zone, now)) {
          // Sent even when the plan is already past the escalation point (the job was down,
          // or the date was set in the past): the factory hears it before or with the importer.
          overdue.push(...emailsFor("overdue", "ca-plan-overdue", ca.id, subject, factory, DECIDERS, { dueAt: ca.planDueAt }));
          if (isPlanEscalated(ca, zone, now)) {
            escalated.push(...emailsFor("escalated", "ca-plan-overdue-escalated", ca.id, subject, importer, ["OWNER"], { dueAt: ca.planDueAt }));
          }
        }
      }
      counts.dueSoon += await enqueueEmails(tx, dueSoon);
      counts.overdue += await enqueueEmails(tx, overdue);
      counts.escalated += await enqueueEmails(tx, escalated);
    },
  );

  // Late items of accepted plans, oldest due first (served by the index on dueAt).
  const lateItems = (extra: Prisma.CorrectiveActionItemWhereInput[] = []): Prisma.CorrectiveActionItemWhereInput => ({
    AND: [{ dueAt: { lt: now }, correctiveAction: { AND: [{ status: "PLAN_ACCEPTED", partnership: { status: "ACTIVE" } }, scoped] } }, ...extra],
  });
  await walk(
    "items",
    walkOptions,
    (cursor, take) =>
      prisma.correctiveActionItem.findMany({
        where: lateItems(after("dueAt", cursor) as Prisma.CorrectiveActionItemWhereInput[]),
        orderBy: [{ dueAt: "asc" }, { id: "asc" }],
        take,
        select: { id: true, dueAt: true },
      }),
    (row) => row.dueAt,
    async (tx, rows) => {
      const items = await tx.correctiveActionItem.findMany({
        where: lateItems([{ id: { in: rows.map((row) => row.id) } }]),
        select: {
          id: true,
          action: true,
          owner: true,
          dueAt: true,
          correctiveAction: { select: { id: true, title: true, importerId: true, factoryId: true } },
        },
      });
      const subjects = await loadSubjects(
        tx,
        items.map((item) => item.correctiveAction),
      );
      const emails: EmailToEnqueue[] = [];
      for (const item of items) {
        const subject = subjects.get(item.correctiveAction.id);
        // The rows are late by UTC; an item is late once its day has ended at the factory.
        if (!subject || !isItemOverdue({ status: "PLAN_ACCEPTED" }, item, subject.factory.timeZone, now)) continue;
        emails.push(
          ...emailsFor("item-overdue", "ca-item-overdue", item.id, subject, subject.factory, DECIDERS, {
            dueAt: item.dueAt,
            item: { action: item.action, owner: item.owner },
          }),
        );
      }
      counts.itemsOverdue += await enqueueEmails(tx, emails);
    },
  );

  return counts;
}
