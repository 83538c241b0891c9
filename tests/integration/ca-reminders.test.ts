import { describe, expect, it } from "vitest";
import { isOverdue, isPlanDueSoon, isPlanEscalated, isPlanOverdue, overdueItems, overdueWhere } from "~/features/corrective-actions/due.ts";
import { sendCorrectiveActionReminders, type ReminderOptions } from "~/features/corrective-actions/reminders.server.ts";
import type { OrgKind, PartnershipStatus, Role } from "~/generated/prisma/client.ts";
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
    const ca = await createCorrectiveAction(w.importer, w.factory, { planDueAt: at(3 * DAY) });

    expect(await run(T, [ca.id])).toEqual({ dueSoon: 0, overdue: 0, escalated: 0, itemsOverdue: 0 });
    expect(await queued("ca-plan-due-soon", ca.id)).toHaveLength(0);

    expect((await run(at(2 * DAY), [ca.id])).dueSoon).toBe(2);
    expect((await run(at(2 * DAY + HOUR), [ca.id])).dueSoon).toBe(0);
    expect((await run(at(2 * DAY + 2 * HOUR), [ca.id])).dueSoon).toBe(0);
    const rows = await queued("ca-plan-due-soon", ca.id);
    expect(emailsOf(rows)).toEqual(w.factoryLeads);
    expect(rows[0]!.data).toMatchObject({ kind: "due-soon" });
    expect(await queued("ca-plan-overdue", ca.id)).toHaveLength(0);

    // Once the date passes, the overdue email follows; "due soon" is not sent again.
    expect(await run(at(3 * DAY + HOUR), [ca.id])).toEqual({ dueSoon: 0, overdue: 2, escalated: 0, itemsOverdue: 0 });
    expect(await queued("ca-plan-due-soon", ca.id)).toHaveLength(2);
  });

  it("escalates to the importer's owners only after three days overdue, once", async () => {
    const w = await world();
    const ca = await createCorrectiveAction(w.importer, w.factory, { planDueAt: at(-2 * DAY) });

    expect(await run(T, [ca.id])).toEqual({ dueSoon: 0, overdue: 2, escalated: 0, itemsOverdue: 0 });
    expect(await run(at(DAY - HOUR), [ca.id])).toEqual({ dueSoon: 0, overdue: 0, escalated: 0, itemsOverdue: 0 }); // 2 days 23 hours late
    expect(await queued("ca-plan-overdue-escalated", ca.id)).toHaveLength(0);

    expect(await run(at(DAY + HOUR), [ca.id])).toEqual({ dueSoon: 0, overdue: 0, escalated: 1, itemsOverdue: 0 });
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
        { action: "Check the kiln curve every shift", owner: "Li Wei", dueAt: at(-DAY) },
        { action: "Train the glazing team", owner: "Wang Fang", dueAt: at(-2 * HOUR) },
        { action: "Replace the handle jig", owner: "Zhang Min", dueAt: at(5 * DAY) },
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

    // The third item's turn comes when its date passes.
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
    expect(zhOverdue.text).toContain("2031年3月5日");
    expect(zhOverdue.html).toContain('lang="zh-CN"');

    const enOverdue = rendered.get(`ca-plan-overdue:${w.factoryQuality.email}`)!;
    expect(enOverdue.subject).toBe("The corrective action plan for Glaze cracks on handles is late");
    expect(enOverdue.text).toContain(`${w.importer.name} is waiting for your corrective action plan. It was due on March 5, 2031.`);

    const esEscalated = rendered.get(`ca-plan-overdue-escalated:${w.importerOwner.email}`)!;
    expect(esEscalated.subject).toBe(`${w.factory.name} está atrasado con el plan de acción correctiva para Glaze cracks on handles`);
    expect(esEscalated.text).toContain("5 de marzo de 2031");
    expect(esEscalated.text).toContain(`/${w.importer.slug}/corrective-actions/${plan.id}`);

    const enSoon = rendered.get(`ca-plan-due-soon:${w.factoryQuality.email}`)!;
    expect(enSoon.subject).toBe("Reminder: the corrective action plan for Wrong carton marks is due soon");
    expect(enSoon.text).toContain("March 10, 2031");

    const enItem = rendered.get(`ca-item-overdue:${w.factoryQuality.email}`)!;
    expect(enItem.subject).toBe("An action for Loose lids is late");
    expect(enItem.text).toContain("Measure every lid diameter at packing");
    expect(enItem.text).toContain("Owner: Li Wei");
    expect(enItem.text).toContain("March 1, 2031");
    const zhItem = rendered.get(`ca-item-overdue:${w.factoryOwner.email}`)!;
    expect(zhItem.text).toContain("负责人：Li Wei");
  });

  it("list helpers and the Prisma filter mark the same rows late as the job", async () => {
    const w = await world();
    const late = await createCorrectiveAction(w.importer, w.factory, { planDueAt: at(-HOUR) });
    const soon = await createCorrectiveAction(w.importer, w.factory, { planDueAt: at(DAY) });
    const submitted = await createCorrectiveAction(w.importer, w.factory, { status: "PLAN_SUBMITTED", planDueAt: at(-DAY) });
    const lateItem = await createCorrectiveAction(w.importer, w.factory, {
      status: "PLAN_ACCEPTED",
      planDueAt: at(-9 * DAY),
      items: [{ dueAt: at(DAY) }, { dueAt: at(-DAY) }],
    });
    const onTime = await createCorrectiveAction(w.importer, w.factory, { status: "PLAN_ACCEPTED", planDueAt: at(-9 * DAY), items: [{ dueAt: at(DAY) }] });
    const closed = await createCorrectiveAction(w.importer, w.factory, { status: "CLOSED", planDueAt: at(-9 * DAY), items: [{ dueAt: at(-DAY) }] });
    const all = [late, soon, submitted, lateItem, onTime, closed];

    const fromDb = await prisma.correctiveAction.findMany({ where: { AND: [{ id: { in: all.map((ca) => ca.id) } }, overdueWhere(T)] }, select: { id: true } });
    expect(fromDb.map((ca) => ca.id).sort()).toEqual([late.id, lateItem.id].sort());
    expect(
      all
        .filter((ca) => isOverdue(ca, T))
        .map((ca) => ca.id)
        .sort(),
    ).toEqual([late.id, lateItem.id].sort());

    expect(isPlanOverdue(late, T)).toBe(true);
    expect(isPlanOverdue(submitted, T)).toBe(false);
    expect(isPlanOverdue({ status: "OPEN", planDueAt: late.planDueAt.toISOString() }, T)).toBe(true); // serialized loader data
    expect(isPlanDueSoon(soon, T)).toBe(true);
    expect(isPlanDueSoon(soon, at(-2 * DAY))).toBe(false);
    expect(isPlanEscalated(late, at(3 * DAY))).toBe(true);
    expect(isPlanEscalated(late, at(2 * DAY))).toBe(false);
    expect(overdueItems(lateItem, T).map((item) => item.id)).toEqual([lateItem.items[1]!.id]);
    expect(overdueItems(onTime, T)).toEqual([]);
    expect(overdueItems(closed, T)).toEqual([]);
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
