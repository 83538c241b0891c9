import { describe, expect, it } from "vitest";
import { dayIn, isOverdue, isPlanDueSoon, isPlanEscalated, isPlanOverdue, overdueItems } from "~/features/corrective-actions/due.ts";
import { overdueSql } from "~/features/corrective-actions/due-sql.server.ts";
import { sendCorrectiveActionReminders, type ReminderOptions } from "~/features/corrective-actions/reminders.server.ts";
import { Prisma, type OrgKind, type PartnershipStatus, type Role } from "~/generated/prisma/client.ts";
import { prisma } from "~/lib/db.server.ts";
import { renderEmail } from "../../emails/index.ts";
import { createCorrectiveAction, createMember, createOrg, createPartnership } from "../support/factories.ts";

// The job runs with a clock the test sets, and only over this file's own corrective
// actions (the database may be shared with other test files running at the same time);
// every count below is scoped by this file's CA or item ids.

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const T = new Date(Math.floor(Date.now() / HOUR) * HOUR);
const at = (offsetMs: number) => new Date(T.getTime() + offsetMs);
// Due dates are calendar days, stored as UTC midnights; these factories keep UTC (due.ts).
const D0 = Math.floor(T.getTime() / DAY) * DAY;
const day = (n: number) => new Date(D0 + n * DAY);

const run = (now: Date, ids: string[], options: Omit<ReminderOptions, "correctiveActionIds"> = {}) =>
  sendCorrectiveActionReminders(now, { ...options, correctiveActionIds: ids });

/** Outbox rows of one reminder kind about one CA (or item). */
const queued = (prefix: string, id: string) =>
  prisma.outboxEmail.findMany({ where: { idempotencyKey: { startsWith: `${prefix}:${id}:` } }, orderBy: { to: "asc" } });

async function person(org: { id: string; slug: string; kind: OrgKind; name: string }, role: Role, locale: string) {
  const { user } = await createMember(org.kind, role, org);
  return prisma.user.update({ where: { id: user.id }, data: { locale } });
}

/** An importer and a factory with people in every role that matters here, and their partnership. */
async function world(status: PartnershipStatus = "ACTIVE") {
  const importer = await createOrg("IMPORTER");
  const factory = await createOrg("FACTORY");
  const w = {
    importer,
    factory,
    importerOwner: await person(importer, "OWNER", "es"),
    importerQuality: await person(importer, "QUALITY", "en"),
    factoryOwner: await person(factory, "OWNER", "zh-CN"),
    factoryQuality: await person(factory, "QUALITY", "en"),
    factoryMember: await person(factory, "MEMBER", "en"),
    factoryViewer: await person(factory, "VIEWER", "en"),
    partnership: await createPartnership(importer.id, factory.id, status),
  };
  return { ...w, factoryLeads: [w.factoryOwner.email, w.factoryQuality.email].sort() };
}

const emailsOf = (rows: { to: string }[]) => rows.map((row) => row.to).sort();

describe("corrective action reminders", () => {
  it("queues exactly one overdue email per factory lead however often it runs", async () => {
    const w = await world();
    const ca = await createCorrectiveAction(w.importer, w.factory, { planDueAt: at(-DAY) });

    const first = await run(T, [ca.id]);
    expect(first).toEqual({ dueSoon: 0, overdue: 2, escalated: 0, itemsOverdue: 0 });
    for (const later of [T, at(HOUR), at(2 * HOUR)]) {
      expect(await run(later, [ca.id])).toEqual({ dueSoon: 0, overdue: 0, escalated: 0, itemsOverdue: 0 });
    }

    const rows = await queued("ca-plan-overdue", ca.id);
    expect(emailsOf(rows)).toEqual(w.factoryLeads); // not the MEMBER, not the VIEWER, not the importer
    expect(await queued("ca-plan-due-soon", ca.id)).toHaveLength(0);
    expect(await queued("ca-plan-overdue-escalated", ca.id)).toHaveLength(0);

    const toOwner = rows.find((row) => row.to === w.factoryOwner.email)!;
    expect(toOwner.idempotencyKey).toBe(`ca-plan-overdue:${ca.id}:${w.factoryOwner.id}`);
    expect(toOwner.locale).toBe("zh-CN"); // the recipient's own language
    expect(toOwner.orgId).toBe(w.factory.id);
    expect(toOwner.template).toBe("corrective-action-reminder");
    expect(toOwner.data).toMatchObject({
      kind: "overdue",
      title: ca.title,
      factoryName: w.factory.name,
      importerName: w.importer.name,
      dueAt: ca.planDueAt.toISOString(),
      link: `http://portal.test/${w.factory.slug}/corrective-actions/${ca.id}`,
    });
    expect(rows.find((row) => row.to === w.factoryQuality.email)!.locale).toBe("en");
  });

  it("sends 'plan due soon' once at one day before, and not at three days before", async () => {
    const w = await world();
    const ca = await createCorrectiveAction(w.importer, w.factory, { planDueAt: day(3) });

    expect(await run(T, [ca.id])).toEqual({ dueSoon: 0, overdue: 0, escalated: 0, itemsOverdue: 0 });
    expect(await queued("ca-plan-due-soon", ca.id)).toHaveLength(0);

    expect((await run(at(2 * DAY), [ca.id])).dueSoon).toBe(2);
    expect((await run(at(2 * DAY + HOUR), [ca.id])).dueSoon).toBe(0);
    expect((await run(at(2 * DAY + 2 * HOUR), [ca.id])).dueSoon).toBe(0);
    const rows = await queued("ca-plan-due-soon", ca.id);
    expect(emailsOf(rows)).toEqual(w.factoryLeads);
    expect(rows[0]!.data).toMatchObject({ kind: "due-soon" });
    expect(await queued("ca-plan-overdue", ca.id)).toHaveLength(0);

    // Once the day has ended, the overdue email follows; "due soon" is not sent again.
    expect(await run(at(4 * DAY), [ca.id])).toEqual({ dueSoon: 0, overdue: 2, escalated: 0, itemsOverdue: 0 });
    expect(await queued("ca-plan-due-soon", ca.id)).toHaveLength(2);
  });

  it("escalates to the importer's owners only after three days overdue, once", async () => {
    const w = await world();
    // Its day ended at the start of day(-2): three days later is the start of day(1).
    const ca = await createCorrectiveAction(w.importer, w.factory, { planDueAt: day(-3) });

    expect(await run(T, [ca.id])).toEqual({ dueSoon: 0, overdue: 2, escalated: 0, itemsOverdue: 0 });
    expect(await run(new Date(day(1).getTime() - 60_000), [ca.id])).toEqual({ dueSoon: 0, overdue: 0, escalated: 0, itemsOverdue: 0 }); // 2 days 23:59 late
    expect(await queued("ca-plan-overdue-escalated", ca.id)).toHaveLength(0);

    expect(await run(day(1), [ca.id])).toEqual({ dueSoon: 0, overdue: 0, escalated: 1, itemsOverdue: 0 });
    expect((await run(at(2 * DAY), [ca.id])).escalated).toBe(0);
    expect((await run(at(10 * DAY), [ca.id])).escalated).toBe(0);

    const rows = await queued("ca-plan-overdue-escalated", ca.id);
    expect(emailsOf(rows)).toEqual([w.importerOwner.email]); // not the importer's QUALITY
    expect(rows[0]).toMatchObject({
      idempotencyKey: `ca-plan-overdue-escalated:${ca.id}:${w.importerOwner.id}`,
      orgId: w.importer.id,
      locale: "es",
      data: { kind: "escalated", link: `http://portal.test/${w.importer.slug}/corrective-actions/${ca.id}` },
    });
    expect(await queued("ca-plan-overdue", ca.id)).toHaveLength(2);
  });

  it("a plan that is already long overdue gets the factory's email and the escalation in one pass", async () => {
    const w = await world();
    const ca = await createCorrectiveAction(w.importer, w.factory, { planDueAt: at(-5 * DAY) });
    expect(await run(T, [ca.id])).toEqual({ dueSoon: 0, overdue: 2, escalated: 1, itemsOverdue: 0 });
    expect(await run(T, [ca.id])).toEqual({ dueSoon: 0, overdue: 0, escalated: 0, itemsOverdue: 0 });
  });

  it("sends one email per overdue item of an accepted plan, once", async () => {
    const w = await world();
    const ca = await createCorrectiveAction(w.importer, w.factory, {
      status: "PLAN_ACCEPTED",
      planDueAt: at(-20 * DAY),
      items: [
        { action: "Check the kiln curve every shift", owner: "Li Wei", dueAt: day(-2) },
        { action: "Train the glazing team", owner: "Wang Fang", dueAt: day(-1) },
        { action: "Replace the handle jig", owner: "Zhang Min", dueAt: day(5) },
      ],
    });
    const [late1, late2, later] = ca.items as [(typeof ca.items)[0], (typeof ca.items)[0], (typeof ca.items)[0]];

    expect(await run(T, [ca.id])).toEqual({ dueSoon: 0, overdue: 0, escalated: 0, itemsOverdue: 4 });
    expect(await run(T, [ca.id])).toEqual({ dueSoon: 0, overdue: 0, escalated: 0, itemsOverdue: 0 });
    expect(await run(at(HOUR), [ca.id])).toEqual({ dueSoon: 0, overdue: 0, escalated: 0, itemsOverdue: 0 });

    expect(emailsOf(await queued("ca-item-overdue", late1.id))).toEqual(w.factoryLeads);
    expect(emailsOf(await queued("ca-item-overdue", late2.id))).toEqual(w.factoryLeads);
    expect(await queued("ca-item-overdue", later.id)).toHaveLength(0);
    // An accepted plan's own (long past) due date sends nothing.
    expect(await queued("ca-plan-overdue", ca.id)).toHaveLength(0);

    const row = (await queued("ca-item-overdue", late1.id)).find((r) => r.to === w.factoryOwner.email)!;
    expect(row.idempotencyKey).toBe(`ca-item-overdue:${late1.id}:${w.factoryOwner.id}`);
    expect(row.data).toMatchObject({
      kind: "item-overdue",
      dueAt: late1.dueAt.toISOString(),
      item: { action: "Check the kiln curve every shift", owner: "Li Wei" },
      link: `http://portal.test/${w.factory.slug}/corrective-actions/${ca.id}`,
    });

    // The third item's turn comes when its day has ended.
    expect((await run(at(6 * DAY), [ca.id])).itemsOverdue).toBe(2);
    expect((await run(at(7 * DAY), [ca.id])).itemsOverdue).toBe(0);
    expect(await queued("ca-item-overdue", later.id)).toHaveLength(2);
  });

  it("sends nothing for closed, submitted or implemented plans, nor for an ended partnership", async () => {
    const w = await world();
    const ended = await world("ENDED");
    const pastItems = [{ dueAt: at(-3 * DAY) }, { dueAt: at(-HOUR) }];
    const cas = [
      await createCorrectiveAction(w.importer, w.factory, { status: "CLOSED", planDueAt: at(-10 * DAY), items: pastItems }),
      await createCorrectiveAction(w.importer, w.factory, { status: "PLAN_SUBMITTED", planDueAt: at(-10 * DAY), items: pastItems }),
      await createCorrectiveAction(w.importer, w.factory, { status: "PLAN_SUBMITTED", planDueAt: at(DAY) }),
      await createCorrectiveAction(w.importer, w.factory, { status: "IMPLEMENTED", planDueAt: at(-10 * DAY), items: pastItems }),
      await createCorrectiveAction(ended.importer, ended.factory, { planDueAt: at(-10 * DAY) }),
      await createCorrectiveAction(ended.importer, ended.factory, { planDueAt: at(DAY) }),
      await createCorrectiveAction(ended.importer, ended.factory, { status: "PLAN_ACCEPTED", planDueAt: at(-10 * DAY), items: pastItems }),
    ];
    const ids = cas.map((ca) => ca.id);
    const itemIds = cas.flatMap((ca) => ca.items.map((item) => item.id));

    for (const now of [T, at(HOUR), at(30 * DAY)]) {
      expect(await run(now, ids)).toEqual({ dueSoon: 0, overdue: 0, escalated: 0, itemsOverdue: 0 });
    }
    const mentioning = await prisma.outboxEmail.count({ where: { OR: [...ids, ...itemIds].map((id) => ({ idempotencyKey: { contains: `:${id}:` } })) } });
    expect(mentioning).toBe(0);
  });

  it("no longer reminds once the plan is submitted", async () => {
    const w = await world();
    const ca = await createCorrectiveAction(w.importer, w.factory, { planDueAt: at(DAY) });
    expect((await run(T, [ca.id])).dueSoon).toBe(2);
    await prisma.correctiveAction.update({ where: { id: ca.id }, data: { status: "PLAN_SUBMITTED", planSubmittedAt: T } });
    expect(await run(at(5 * DAY), [ca.id])).toEqual({ dueSoon: 0, overdue: 0, escalated: 0, itemsOverdue: 0 });
    expect(await queued("ca-plan-overdue", ca.id)).toHaveLength(0);
  });

  it("looks at a bounded number of rows per pass and reaches every one over the next passes", async () => {
    const w = await world();
    const cas = [];
    for (const days of [9, 8, 7, 6, 5]) cas.push(await createCorrectiveAction(w.importer, w.factory, { planDueAt: at(-days * DAY) }));
    const ids = cas.map((ca) => ca.id);
    const reached = async () => (await Promise.all(ids.map((id) => queued("ca-plan-overdue", id)))).map((rows) => rows.length);

    // Two per pass, one per transaction, oldest due first; each pass continues where the last stopped.
    expect((await run(T, ids, { limit: 2, batchSize: 1 })).overdue).toBe(4);
    expect(await reached()).toEqual([2, 2, 0, 0, 0]);
    expect((await run(T, ids, { limit: 2, batchSize: 1 })).overdue).toBe(4);
    expect(await reached()).toEqual([2, 2, 2, 2, 0]);
    expect((await run(T, ids, { limit: 2, batchSize: 1 })).overdue).toBe(2);
    expect(await reached()).toEqual([2, 2, 2, 2, 2]);
    // Back at the start: nothing new.
    expect((await run(T, ids, { limit: 2, batchSize: 1 })).overdue).toBe(0);
  });

  it("queues emails that render in each recipient's language, with the link and the item", async () => {
    const w = await world();
    const plan = await createCorrectiveAction(w.importer, w.factory, { title: "Glaze cracks on handles", planDueAt: new Date("2031-03-05T12:00:00Z") });
    const soon = await createCorrectiveAction(w.importer, w.factory, { title: "Wrong carton marks", planDueAt: new Date("2031-03-10T12:00:00Z") });
    const accepted = await createCorrectiveAction(w.importer, w.factory, {
      status: "PLAN_ACCEPTED",
      title: "Loose lids",
      planDueAt: new Date("2031-02-01T00:00:00Z"),
      items: [{ action: "Measure every lid diameter at packing", owner: "Li Wei", dueAt: new Date("2031-03-01T00:00:00Z") }],
    });
    const now = new Date("2031-03-09T00:00:00Z");
    expect(await run(now, [plan.id, soon.id, accepted.id])).toEqual({ dueSoon: 2, overdue: 2, escalated: 1, itemsOverdue: 2 });

    const rows = await prisma.outboxEmail.findMany({
      where: {
        OR: [
          { idempotencyKey: { startsWith: `ca-plan-overdue:${plan.id}:` } },
          { idempotencyKey: { startsWith: `ca-plan-overdue-escalated:${plan.id}:` } },
          { idempotencyKey: { startsWith: `ca-plan-due-soon:${soon.id}:` } },
          { idempotencyKey: { startsWith: `ca-item-overdue:${accepted.items[0]!.id}:` } },
        ],
      },
    });
    expect(rows).toHaveLength(7);
    const rendered = new Map<string, Awaited<ReturnType<typeof renderEmail>>>();
    for (const row of rows) {
      const email = await renderEmail(row.template, row.locale, row.data);
      const data = row.data as { link: string };
      expect(email.html).toContain(data.link);
      expect(email.text).toContain(data.link);
      expect(email.text).not.toMatch(/\{\w+\}/);
      rendered.set(`${row.idempotencyKey.split(":")[0]}:${row.to}`, email);
    }

    const zhOverdue = rendered.get(`ca-plan-overdue:${w.factoryOwner.email}`)!;
    expect(zhOverdue.subject).toBe("Glaze cracks on handles 的纠正措施计划已逾期");
    // The day, and the factory's zone it ends in.
    expect(zhOverdue.text).toContain("2031年3月5日（以 UTC 时间当天结束为准）");
    expect(zhOverdue.html).toContain('lang="zh-CN"');

    const enOverdue = rendered.get(`ca-plan-overdue:${w.factoryQuality.email}`)!;
    expect(enOverdue.subject).toBe("The corrective action plan for Glaze cracks on handles is late");
    expect(enOverdue.text).toContain(`${w.importer.name} is waiting for your corrective action plan. It was due on 5 March 2031 (end of day, UTC).`);

    const esEscalated = rendered.get(`ca-plan-overdue-escalated:${w.importerOwner.email}`)!;
    expect(esEscalated.subject).toBe(`${w.factory.name} está atrasado con el plan de acción correctiva para Glaze cracks on handles`);
    expect(esEscalated.text).toContain("5 de marzo de 2031");
    expect(esEscalated.text).toContain(`/${w.importer.slug}/corrective-actions/${plan.id}`);

    const enSoon = rendered.get(`ca-plan-due-soon:${w.factoryQuality.email}`)!;
    expect(enSoon.subject).toBe("Reminder: the corrective action plan for Wrong carton marks is due soon");
    expect(enSoon.text).toContain("10 March 2031");

    const enItem = rendered.get(`ca-item-overdue:${w.factoryQuality.email}`)!;
    expect(enItem.subject).toBe("An action for Loose lids is late");
    expect(enItem.text).toContain("Measure every lid diameter at packing");
    expect(enItem.text).toContain("Owner: Li Wei");
    expect(enItem.text).toContain("1 March 2031");
    const zhItem = rendered.get(`ca-item-overdue:${w.factoryOwner.email}`)!;
    expect(zhItem.text).toContain("负责人：Li Wei");
  });

  it("list helpers and the lists' SQL mark the same rows late, by the end of the day in the factory's zone", async () => {
    const w = await world();
    await prisma.organization.update({ where: { id: w.factory.id }, data: { timeZone: "Asia/Shanghai" } });
    // The factory's today at T, and calendar days around it (stored as UTC midnights).
    const today = dayIn("Asia/Shanghai", T).getTime();
    const day = (n: number) => new Date(today + n * DAY);
    const late = await createCorrectiveAction(w.importer, w.factory, { planDueAt: day(-1) });
    const dueToday = await createCorrectiveAction(w.importer, w.factory, { planDueAt: day(0) });
    const soon = await createCorrectiveAction(w.importer, w.factory, { planDueAt: day(1) });
    const submitted = await createCorrectiveAction(w.importer, w.factory, { status: "PLAN_SUBMITTED", planDueAt: day(-1) });
    const lateItem = await createCorrectiveAction(w.importer, w.factory, {
      status: "PLAN_ACCEPTED",
      planDueAt: day(-9),
      items: [{ dueAt: day(1) }, { dueAt: day(-1) }],
    });
    const onTime = await createCorrectiveAction(w.importer, w.factory, { status: "PLAN_ACCEPTED", planDueAt: day(-9), items: [{ dueAt: day(0) }] });
    const closed = await createCorrectiveAction(w.importer, w.factory, { status: "CLOSED", planDueAt: day(-9), items: [{ dueAt: day(-1) }] });
    const all = [late, dueToday, soon, submitted, lateItem, onTime, closed];
    const zone = "Asia/Shanghai";

    const fromSql = async (now: Date) =>
      (
        await prisma.$queryRaw<
          { id: string }[]
        >`SELECT c.id FROM "CorrectiveAction" c WHERE c.id IN (${Prisma.join(all.map((ca) => ca.id))}) AND ${overdueSql("c", now)}`
      )
        .map((row) => row.id)
        .sort();
    const fromJs = (now: Date) =>
      all
        .filter((ca) => isOverdue(ca, zone, now))
        .map((ca) => ca.id)
        .sort();
    expect(await fromSql(T)).toEqual([late.id, lateItem.id].sort());
    expect(fromJs(T)).toEqual([late.id, lateItem.id].sort());
    // Once today has ended in Shanghai, today's dates are late too, in SQL as in the helpers.
    const tomorrowThere = new Date(today + DAY - 8 * HOUR);
    expect(await fromSql(tomorrowThere)).toEqual([late.id, dueToday.id, lateItem.id, onTime.id].sort());
    expect(fromJs(tomorrowThere)).toEqual(await fromSql(tomorrowThere));

    expect(isPlanOverdue(late, zone, T)).toBe(true);
    expect(isPlanOverdue(submitted, zone, T)).toBe(false);
    expect(isPlanOverdue({ status: "OPEN", planDueAt: late.planDueAt.toISOString() }, zone, T)).toBe(true); // serialized loader data
    expect(isPlanDueSoon(soon, zone, T)).toBe(true);
    expect(isPlanDueSoon(soon, zone, new Date(today - 2 * DAY))).toBe(false);
    expect(isPlanEscalated(late, zone, new Date(today + 3 * DAY - 8 * HOUR))).toBe(true);
    expect(isPlanEscalated(late, zone, new Date(today + 2 * DAY))).toBe(false);
    expect(overdueItems(lateItem, zone, T).map((item) => item.id)).toEqual([lateItem.items[1]!.id]);
    expect(overdueItems(onTime, zone, T)).toEqual([]);
    expect(overdueItems(closed, zone, T)).toEqual([]);
  });

  it("is registered with the worker every 15 minutes", async () => {
    const { periodicJobs } = await import("~/features/notifications/worker.server.ts");
    const { registerMaintenanceJobs } = await import("~/jobs.server.ts");
    const before = new Set(periodicJobs.keys());
    registerMaintenanceJobs();
    try {
      expect(periodicJobs.get("corrective-action-reminders")?.everyMs).toBe(15 * 60 * 1000);
    } finally {
      for (const name of periodicJobs.keys()) if (!before.has(name)) periodicJobs.delete(name);
    }
  });
});
