// The "needs my attention" dashboard (the org overview page), through its
// loader: for a factory and for its importer, one record per group appears
// with the exact link to the page where the action is taken and the right
// overdue flag; what is done, drafted elsewhere or belongs to another tenant
// never appears; a VIEWER sees the same items as its colleagues (read-only:
// the pages behind the links enforce what a viewer may not do).
import { beforeAll, describe, expect, it } from "vitest";
import type { AttentionGroup, getDashboard } from "~/features/dashboard/attention.server.ts";
import type { CorrectiveActionStatus } from "~/generated/prisma/client.ts";
import { prisma } from "~/lib/db.server.ts";
import * as overviewRoute from "~/routes/$org._index.tsx";
import {
  createAcknowledgement,
  createFirstArticle,
  createInspection,
  createPartnership,
  createSpec,
  createSpecShare,
  createSpecVersion,
  unique,
} from "../support/factories.ts";
import { call, type SignedInMember, signedInMember } from "../support/routes.ts";
import { countStatements } from "../support/statements.ts";

const DAY = 24 * 60 * 60 * 1000;
const at = (offset: number) => new Date(Date.now() + offset);

/** A corrective action made directly in the database, with the timestamps its status implies. */
async function seedCorrectiveAction(
  importer: { id: string },
  factory: { id: string },
  options: { status?: CorrectiveActionStatus; planDueAt?: Date; planAcceptedAt?: Date; items?: { action: string; dueAt: Date }[]; title?: string } = {},
) {
  const partnership =
    (await prisma.partnership.findFirst({ where: { importerId: importer.id, factoryId: factory.id }, orderBy: { createdAt: "desc" } })) ??
    (await createPartnership(importer.id, factory.id, "ACTIVE"));
  const status = options.status ?? "OPEN";
  const past = (s: CorrectiveActionStatus[]) => (s.includes(status) ? at(-DAY) : null);
  return prisma.correctiveAction.create({
    data: {
      importerId: importer.id,
      factoryId: factory.id,
      partnershipId: partnership.id,
      title: options.title ?? `Cracked handle ${unique("ca")}`,
      problem: "Handles crack after the dishwasher test.",
      status,
      planDueAt: options.planDueAt ?? at(7 * DAY),
      planSubmittedAt: past(["PLAN_SUBMITTED", "PLAN_ACCEPTED", "IMPLEMENTED", "CLOSED"]),
      planAcceptedAt: options.planAcceptedAt ?? past(["PLAN_ACCEPTED", "IMPLEMENTED", "CLOSED"]),
      implementedAt: past(["IMPLEMENTED", "CLOSED"]),
      closedAt: past(["CLOSED"]),
      items: { create: (options.items ?? []).map((item, position) => ({ position, action: item.action, owner: "QC lead", dueAt: item.dueAt })) },
    },
  });
}

type OverviewData = Awaited<ReturnType<typeof getDashboard>>;
type Group = AttentionGroup;

async function overview(who: SignedInMember) {
  const out = await call(overviewRoute.loader, `/${who.org.slug}`, { cookie: who.cookie, params: { org: who.org.slug } });
  expect(out.status, `overview of /${who.org.slug}`).toBe(200);
  return out.data as OverviewData;
}
async function dashboard(who: SignedInMember) {
  return (await overview(who)).attention;
}

function group(d: { groups: Group[] }, key: string) {
  const found = d.groups.find((g) => g.key === key);
  if (!found) throw new Error(`no group ${key} in ${d.groups.map((g) => g.key).join(", ")}`);
  return found;
}
function item(d: { groups: Group[] }, key: string, id: string) {
  const found = group(d, key).items.find((i) => i.id === id);
  if (!found) throw new Error(`no item ${id} in ${key}: ${JSON.stringify(group(d, key).items)}`);
  return found;
}
const ids = (d: { groups: Group[] }, key: string) => group(d, key).items.map((i) => i.id);

const FACTORY_GROUPS = [
  "specs-to-acknowledge",
  "first-articles-to-finish",
  "first-articles-to-start",
  "corrective-actions-to-answer",
  "actions-to-carry-out",
  "inspections-to-confirm",
  "inspections-this-week",
];
const IMPORTER_GROUPS = [
  "factory-questions",
  "recent-acknowledgements",
  "first-articles-to-review",
  "plans-to-review",
  "actions-to-verify",
  "overdue-partners",
  "results-to-decide",
  "inspections-to-confirm",
  "inspections-this-week",
];
/** The inspection groups only those who may confirm, or decide, see filled. */
const ACT_ONLY = ["inspections-to-confirm", "results-to-decide"];

/** Today's calendar day (midnight UTC), as inspection days are stored, `days` away. */
const calendarDay = (days = 0) => {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + days));
};

/**
 * An importer working with one factory, with one record for every group on
 * each side and, around them, records that must stay off the dashboards.
 */
async function world() {
  const importer = await signedInMember("IMPORTER", "OWNER");
  const importerViewer = await signedInMember("IMPORTER", "VIEWER", importer.org);
  const factory = await signedInMember("FACTORY", "QUALITY");
  const factoryViewer = await signedInMember("FACTORY", "VIEWER", factory.org);
  const A = importer.org;
  const F = factory.org;

  async function shared(options: { draft?: boolean } = {}) {
    const created = await createSpec(A.id, options);
    await createSpecShare(created.spec.id, A.id, F.id);
    return created;
  }
  // Specifications, from the factory's point of view.
  const toAck = await shared();
  const queried = await shared();
  const queriedAck = await prisma.acknowledgement.create({
    data: { versionId: queried.version.id, importerId: A.id, factoryId: F.id, status: "QUERIED", question: `Is the glaze food-safe? ${unique("q")}` },
  });
  // Acknowledged version 1, then version 2 was published: version 2 waits.
  const newVersion = await shared();
  await createAcknowledgement(newVersion.version, F.id);
  await prisma.specVersion.update({ where: { id: newVersion.version.id }, data: { status: "SUPERSEDED" } });
  const v2 = await createSpecVersion(newVersion.spec.id, A.id, 2, "PUBLISHED");
  await prisma.spec.update({ where: { id: newVersion.spec.id }, data: { currentVersionId: v2.id } });
  const draftOnly = await shared({ draft: true });
  const notShared = await createSpec(A.id);

  // First articles.
  const withDraft = await shared();
  await createAcknowledgement(withDraft.version, F.id);
  const faDraft = await createFirstArticle(A, F, withDraft.spec, withDraft.version, { status: "DRAFT" });
  const withRejection = await shared();
  await createAcknowledgement(withRejection.version, F.id);
  const faRejected = await createFirstArticle(A, F, withRejection.spec, withRejection.version, { status: "REJECTED" });
  const withResubmission = await shared();
  await createAcknowledgement(withResubmission.version, F.id);
  const faAnswered = await createFirstArticle(A, F, withResubmission.spec, withResubmission.version, { status: "REJECTED" });
  const faSubmitted = await createFirstArticle(A, F, withResubmission.spec, withResubmission.version, {
    status: "SUBMITTED",
    seriesId: faAnswered.seriesId,
    round: 2,
  });
  const toStart = await shared();
  const toStartAck = await createAcknowledgement(toStart.version, F.id);
  // Acknowledged ten days ago: still a first article to start, no longer a recent acknowledgement.
  const oldAcked = await shared();
  const oldAck = await prisma.acknowledgement.create({
    data: { versionId: oldAcked.version.id, importerId: A.id, factoryId: F.id, status: "ACKNOWLEDGED", createdAt: at(-10 * DAY), updatedAt: at(-10 * DAY) },
  });

  // Corrective actions.
  const caOpenLate = await seedCorrectiveAction(A, F, { status: "OPEN", planDueAt: at(-2 * DAY) });
  const caOpenSoon = await seedCorrectiveAction(A, F, { status: "OPEN", planDueAt: at(5 * DAY) });
  // Accepted long ago and on track: listed after the late one all the same.
  const caOnTrack = await seedCorrectiveAction(A, F, {
    status: "PLAN_ACCEPTED",
    planDueAt: at(-30 * DAY),
    planAcceptedAt: at(-20 * DAY),
    items: [{ action: "Retrain the glazing line", dueAt: at(7 * DAY) }],
  });
  const caAcceptedLate = await seedCorrectiveAction(A, F, {
    status: "PLAN_ACCEPTED",
    planDueAt: at(-10 * DAY),
    planAcceptedAt: at(-3 * DAY),
    items: [
      { action: "Replace the kiln thermocouple", dueAt: at(-DAY) },
      { action: "Check every batch for a month", dueAt: at(10 * DAY) },
    ],
  });
  const caPlanSubmitted = await seedCorrectiveAction(A, F, { status: "PLAN_SUBMITTED", planDueAt: at(-DAY) });
  const caImplemented = await seedCorrectiveAction(A, F, { status: "IMPLEMENTED", items: [{ action: "New jig", dueAt: at(-5 * DAY) }] });
  const caClosed = await seedCorrectiveAction(A, F, { status: "CLOSED", planDueAt: at(-9 * DAY), items: [{ action: "Old", dueAt: at(-9 * DAY) }] });

  // A second partner factory, on time: not an overdue partner.
  const onTime = await signedInMember("FACTORY", "OWNER");
  await createPartnership(A.id, onTime.org.id, "ACTIVE");
  await seedCorrectiveAction(A, onTime.org, { status: "OPEN", planDueAt: at(3 * DAY) });
  const onTimePlan = await seedCorrectiveAction(A, onTime.org, { status: "PLAN_SUBMITTED", planDueAt: at(-3 * DAY) });

  // Inspections: one to confirm on each side, one this week, one next week, one result to decide, one decided.
  const inspected = withDraft;
  const inspect = (options: Parameters<typeof createInspection>[4]) => createInspection(A, F, inspected.spec, inspected.version, options);
  const inspections = {
    factoryProposed: await inspect({ status: "BOOKED", proposedBy: "FACTORY", proposedDate: calendarDay(20) }),
    importerProposed: await inspect({ status: "BOOKED", proposedBy: "IMPORTER", proposedDate: calendarDay(21) }),
    thisWeek: await inspect({ status: "CONFIRMED", proposedDate: calendarDay(0) }),
    nextWeek: await inspect({ status: "CONFIRMED", proposedDate: calendarDay(7) }),
    submitted: await inspect({ status: "SUBMITTED", submittedAt: at(-DAY) }),
    released: await inspect({ status: "RELEASED" }),
  };

  return {
    importer,
    importerViewer,
    factory,
    factoryViewer,
    onTime,
    onTimePlan,
    specs: { toAck, queried, newVersion, v2, draftOnly, notShared, withDraft, withRejection, withResubmission, toStart, oldAcked },
    acks: { queriedAck, toStartAck, oldAck },
    fas: { faDraft, faRejected, faAnswered, faSubmitted },
    cas: { caOpenLate, caOpenSoon, caOnTrack, caAcceptedLate, caPlanSubmitted, caImplemented, caClosed },
    inspections,
  };
}
type World = Awaited<ReturnType<typeof world>>;

/** Every id a world's dashboards could show, to look for in another tenant's. */
function idsOf(w: World) {
  return [
    w.importer.org.id,
    w.factory.org.id,
    ...Object.values(w.specs).flatMap((s) => ("spec" in s ? [s.spec.id, s.version.id] : [s.id])),
    ...Object.values(w.acks).map((a) => a.id),
    ...Object.values(w.fas).map((f) => f.id),
    ...Object.values(w.cas).map((c) => c.id),
    ...Object.values(w.inspections).map((i) => i.id),
  ];
}

describe("needs my attention", () => {
  let w: World;
  let other: World;
  beforeAll(async () => {
    w = await world();
    other = await world();
  });

  it("shows a factory what it has to do, each item linking where it is done", async () => {
    const d = await dashboard(w.factory);
    const F = w.factory.org.slug;
    const { specs, fas, cas } = w;
    expect(d.groups.map((g) => g.key)).toEqual(FACTORY_GROUPS);

    // Specifications to acknowledge: the current version, queried ones waiting for the importer.
    expect(item(d, "specs-to-acknowledge", specs.toAck.spec.id)).toMatchObject({ href: `/${F}/specs/${specs.toAck.spec.id}/v/1`, overdue: false });
    expect(item(d, "specs-to-acknowledge", specs.toAck.spec.id).detail).not.toContain("waiting");
    const queried = item(d, "specs-to-acknowledge", specs.queried.spec.id);
    expect(queried).toMatchObject({ href: `/${F}/specs/${specs.queried.spec.id}/v/1`, overdue: false });
    expect(queried.detail).toContain("waiting for the importer's answer");
    expect(item(d, "specs-to-acknowledge", specs.newVersion.spec.id).href).toBe(`/${F}/specs/${specs.newVersion.spec.id}/v/2`);
    expect(group(d, "specs-to-acknowledge").total).toBe(3);
    expect(group(d, "specs-to-acknowledge").href).toBe(`/${F}/specs?filter=needs-ack`);

    // Drafts to finish and rejections with no next round yet.
    expect(item(d, "first-articles-to-finish", fas.faDraft.id)).toMatchObject({ href: `/${F}/first-articles/${fas.faDraft.id}`, overdue: false });
    const rejected = item(d, "first-articles-to-finish", fas.faRejected.id);
    expect(rejected).toMatchObject({ href: `/${F}/first-articles/${fas.faRejected.id}`, overdue: false });
    expect(rejected.detail).toContain("start round 2");
    expect(ids(d, "first-articles-to-finish").sort()).toEqual([fas.faDraft.id, fas.faRejected.id].sort());
    expect(group(d, "first-articles-to-finish").total).toBe(2);

    // Acknowledged current versions without any first article.
    expect(item(d, "first-articles-to-start", specs.toStart.spec.id)).toMatchObject({
      href: `/${F}/first-articles/new?version=${specs.toStart.version.id}`,
      overdue: false,
    });
    expect(ids(d, "first-articles-to-start").sort()).toEqual([specs.toStart.spec.id, specs.oldAcked.spec.id].sort());

    // Corrective actions: overdue first.
    expect(group(d, "corrective-actions-to-answer").items.map((i) => [i.id, i.href, i.overdue])).toEqual([
      [cas.caOpenLate.id, `/${F}/corrective-actions/${cas.caOpenLate.id}`, true],
      [cas.caOpenSoon.id, `/${F}/corrective-actions/${cas.caOpenSoon.id}`, false],
    ]);
    expect(group(d, "actions-to-carry-out").items.map((i) => [i.id, i.href, i.overdue])).toEqual([
      [cas.caAcceptedLate.id, `/${F}/corrective-actions/${cas.caAcceptedLate.id}`, true],
      [cas.caOnTrack.id, `/${F}/corrective-actions/${cas.caOnTrack.id}`, false],
    ]);
    expect(item(d, "actions-to-carry-out", cas.caAcceptedLate.id).detail).toContain("Replace the kiln thermocouple");
  });

  it("shows an importer what its factories sent and which partner is late", async () => {
    const d = await dashboard(w.importer);
    const A = w.importer.org.slug;
    const F = w.factory.org.id;
    const { specs, acks, fas, cas } = w;
    expect(d.groups.map((g) => g.key)).toEqual(IMPORTER_GROUPS);

    const question = item(d, "factory-questions", acks.queriedAck.id);
    expect(question).toMatchObject({ href: `/${A}/specs/${specs.queried.spec.id}/v/1?factory=${F}`, overdue: false });
    expect(question.detail).toContain(acks.queriedAck.question);
    expect(group(d, "factory-questions").total).toBe(1);

    expect(item(d, "recent-acknowledgements", acks.toStartAck.id)).toMatchObject({
      href: `/${A}/specs/${specs.toStart.spec.id}/v/1?factory=${F}`,
      overdue: false,
    });
    expect(ids(d, "recent-acknowledgements")).not.toContain(acks.oldAck.id);
    // withDraft, withRejection, withResubmission, toStart, and newVersion's version 1.
    expect(group(d, "recent-acknowledgements").total).toBe(5);
    expect(group(d, "recent-acknowledgements").items.every((i) => !i.overdue)).toBe(true);

    expect(group(d, "first-articles-to-review").items.map((i) => [i.id, i.href, i.overdue])).toEqual([
      [fas.faSubmitted.id, `/${A}/first-articles/${fas.faSubmitted.id}`, false],
    ]);

    expect(item(d, "plans-to-review", cas.caPlanSubmitted.id)).toMatchObject({ href: `/${A}/corrective-actions/${cas.caPlanSubmitted.id}`, overdue: false });
    expect(ids(d, "plans-to-review").sort()).toEqual([cas.caPlanSubmitted.id, w.onTimePlan.id].sort());
    expect(group(d, "actions-to-verify").items.map((i) => [i.id, i.href, i.overdue])).toEqual([
      [cas.caImplemented.id, `/${A}/corrective-actions/${cas.caImplemented.id}`, false],
    ]);

    // The late factory (an open plan past due, an accepted item past due); the punctual one is not listed.
    const late = item(d, "overdue-partners", F);
    expect(late).toMatchObject({ label: w.factory.org.name, href: `/${A}/corrective-actions?partner=${F}&overdue=1`, overdue: true });
    expect(late.detail).toContain("2 overdue corrective actions");
    expect(group(d, "overdue-partners").total).toBe(1);
  });

  it("never shows another tenant's records, either way", async () => {
    const mine = [await dashboard(w.factory), await dashboard(w.importer)];
    const theirs = [await dashboard(other.factory), await dashboard(other.importer)];
    for (const d of theirs) expect(d.groups.every((g) => g.total > 0)).toBe(true);
    const check = (dashboards: { groups: Group[] }[], foreign: string[]) => {
      const text = JSON.stringify(dashboards);
      for (const id of foreign) expect(text).not.toContain(id);
    };
    check(mine, idsOf(other));
    check(theirs, idsOf(w));
    // Nor may a member of another org open this org's dashboard at all.
    const out = await call(overviewRoute.loader, `/${w.factory.org.slug}`, { cookie: other.factory.cookie, params: { org: w.factory.org.slug } });
    expect(out.status).toBe(404);
  });

  it("shows a VIEWER the same items as its colleagues, but no inspection to confirm or result to decide", async () => {
    const readOnly = (d: { groups: Group[] }) => ({ groups: d.groups.filter((g) => !ACT_ONLY.includes(g.key)) });
    for (const [viewer, colleague] of [
      [w.factoryViewer, w.factory],
      [w.importerViewer, w.importer],
    ] as const) {
      const seen = await dashboard(viewer);
      expect(readOnly(seen)).toEqual(readOnly(await dashboard(colleague)));
      for (const g of seen.groups.filter((g) => ACT_ONLY.includes(g.key))) expect([g.key, g.total, g.items]).toEqual([g.key, 0, []]);
    }
  });

  it("lists inspections to confirm, this week's and results to decide, each linking to the inspection", async () => {
    const { inspections: i } = w;
    const factory = await dashboard(w.factory);
    const F = w.factory.org.slug;
    // The importer's proposal is the factory's to confirm; its own waits for the importer.
    expect(group(factory, "inspections-to-confirm").items.map((x) => [x.id, x.href])).toEqual([
      [i.importerProposed.id, `/${F}/inspections/${i.importerProposed.id}`],
    ]);
    expect(group(factory, "inspections-to-confirm").href).toBe(`/${F}/inspections?status=BOOKED`);
    expect(item(factory, "inspections-to-confirm", i.importerProposed.id).label).toContain(`PO ${i.importerProposed.poNumber}`);
    expect(item(factory, "inspections-to-confirm", i.importerProposed.id).detail).toContain(w.importer.org.name);
    expect(ids(factory, "inspections-this-week")).toEqual([i.thisWeek.id]);
    expect(group(factory, "inspections-this-week").href).toBe(`/${F}/inspections?status=CONFIRMED`);

    const importer = await dashboard(w.importer);
    const A = w.importer.org.slug;
    expect(ids(importer, "inspections-to-confirm")).toEqual([i.factoryProposed.id]);
    expect(item(importer, "inspections-to-confirm", i.factoryProposed.id).detail).toContain(w.factory.org.name);
    expect(ids(importer, "inspections-this-week")).toEqual([i.thisWeek.id]);
    expect(group(importer, "results-to-decide").items.map((x) => [x.id, x.href, x.overdue])).toEqual([
      [i.submitted.id, `/${A}/inspections/${i.submitted.id}`, false],
    ]);
    expect(group(importer, "results-to-decide").total).toBe(1);
    expect(group(importer, "results-to-decide").href).toBe(`/${A}/inspections?status=SUBMITTED`);
  });

  it("reads the inspection groups in the dashboard's one statement: no statement more for them", async () => {
    for (const who of [w.importer, w.factory]) {
      const { result, statements } = await countStatements(() => overview(who));
      expect(result.attention.groups.some((g) => g.key === "inspections-this-week" && g.total > 0)).toBe(true);
      // The session, the one counting statement, and a read of each other table's records shown.
      expect(statements).toBeLessThanOrEqual(6);
    }
  });

  it("reads this week in the org's own time zone", async () => {
    const importer = await signedInMember("IMPORTER", "OWNER");
    const factory = await signedInMember("FACTORY", "OWNER");
    const { spec, version } = await createSpec(importer.org.id);
    await createSpecShare(spec.id, importer.org.id, factory.org.id);
    // Sunday 23:30 UTC is already Monday in Tokyo: a new week there, still the old one in UTC.
    const now = new Date("2026-12-06T23:30:00Z");
    const sunday = await createInspection(importer.org, factory.org, spec, version, { status: "CONFIRMED", proposedDate: new Date("2026-12-06T00:00:00Z") });
    const monday = await createInspection(importer.org, factory.org, spec, version, { status: "CONFIRMED", proposedDate: new Date("2026-12-07T00:00:00Z") });
    const { getDashboard } = await import("~/features/dashboard/attention.server.ts");
    const { requireMembership } = await import("~/lib/tenant.server.ts");
    const ctx = await requireMembership(new Request(`http://portal.test/${importer.org.slug}`, { headers: { cookie: importer.cookie } }), importer.org.slug);
    const week = async () => (await getDashboard(ctx, now)).attention.groups.find((g) => g.key === "inspections-this-week")!.items.map((x) => x.id);
    expect(await week()).toEqual([sunday.id]);
    await prisma.organization.update({ where: { id: importer.org.id }, data: { timeZone: "Asia/Tokyo" } });
    expect(await week()).toEqual([monday.id]);
  });

  it("keeps the organization counts below", async () => {
    const data = await overview(w.importer);
    expect(data.overview).toEqual({ activePartners: 2, invitedPartners: 0, members: 2 });
  });
});

describe("needs my attention: answered questions", () => {
  it("a factory's question leaves the importer's list once the importer replies to both sides, not for an internal note or the factory's own comment", async () => {
    const w = await world();
    const { queriedAck } = w.acks;
    const version = await prisma.specVersion.findUniqueOrThrow({ where: { id: queriedAck.versionId }, select: { id: true, orgId: true } });
    const reply = (author: SignedInMember, visibility: "SHARED" | "INTERNAL", seconds: number) =>
      prisma.comment.create({
        data: {
          threadType: "SpecVersion",
          threadId: version.id,
          importerId: w.importer.org.id,
          factoryId: w.factory.org.id,
          orgId: author.org.id,
          authorId: author.user.id,
          visibility,
          body: `Reply ${unique("r")}`,
          createdAt: new Date(queriedAck.updatedAt.getTime() + seconds * 1000),
        },
      });
    const listed = async () => ids(await dashboard(w.importer), "factory-questions").includes(queriedAck.id);
    expect(await listed()).toBe(true);
    await reply(w.importer, "INTERNAL", 1);
    await reply(w.factory, "SHARED", 2);
    expect(await listed()).toBe(true);
    await reply(w.importer, "SHARED", 3);
    expect(await listed()).toBe(false);
  });
});

describe("needs my attention: limits and empty states", () => {
  it("shows at most ten items per group, overdue first, with the total", async () => {
    const importer = await signedInMember("IMPORTER", "OWNER");
    const factory = await signedInMember("FACTORY", "OWNER");
    await createPartnership(importer.org.id, factory.org.id, "ACTIVE");
    for (let i = 0; i < 11; i++) await seedCorrectiveAction(importer.org, factory.org, { planDueAt: at((i + 1) * DAY) });
    const late = await seedCorrectiveAction(importer.org, factory.org, { planDueAt: at(-DAY) });

    const open = group(await dashboard(factory), "corrective-actions-to-answer");
    expect(open.total).toBe(12);
    expect(open.items).toHaveLength(10);
    expect(open.items[0]).toMatchObject({ id: late.id, overdue: true });
    expect(open.items.slice(1).every((i) => !i.overdue)).toBe(true);
    expect(open.href).toBe(`/${factory.org.slug}/corrective-actions?status=OPEN`);

    const partners = group(await dashboard(importer), "overdue-partners");
    expect(partners.items).toEqual([
      expect.objectContaining({ id: factory.org.id, overdue: true, detail: expect.stringContaining("1 overdue corrective action") }),
    ]);
  });

  it("is empty for a new org, and once a partnership ends the factory's work leaves its dashboard", async () => {
    const fresh = await signedInMember("FACTORY", "OWNER");
    expect((await dashboard(fresh)).groups.every((g) => g.total === 0 && g.items.length === 0)).toBe(true);

    const importer = await signedInMember("IMPORTER", "OWNER");
    const factory = await signedInMember("FACTORY", "OWNER");
    const { spec, version } = await createSpec(importer.org.id);
    await createSpecShare(spec.id, importer.org.id, factory.org.id);
    await createFirstArticle(importer.org, factory.org, spec, version, { status: "DRAFT" });
    await seedCorrectiveAction(importer.org, factory.org, { planDueAt: at(-DAY) });
    expect((await dashboard(factory)).groups.filter((g) => g.total > 0).map((g) => g.key)).toEqual([
      "specs-to-acknowledge",
      "first-articles-to-finish",
      "corrective-actions-to-answer",
    ]);

    await prisma.partnership.updateMany({ where: { importerId: importer.org.id, factoryId: factory.org.id }, data: { status: "ENDED", endedAt: new Date() } });
    expect((await dashboard(factory)).groups.every((g) => g.total === 0)).toBe(true);
  });
});

describe("needs my attention: totals beyond the items shown, and their order", () => {
  const dayOf = (date: Date) => new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(date);

  it("counts every record of each group, shows the first ten in the order of its list", async () => {
    const importer = await signedInMember("IMPORTER", "OWNER");
    const factory = await signedInMember("FACTORY", "OWNER");
    const A = importer.org;
    const F = factory.org;
    // Published the later the sooner they were created: the order is the version's date, not the creation's.
    const toAck: string[] = [];
    for (let i = 0; i < 12; i++) {
      const { spec, version } = await createSpec(A.id);
      await prisma.specVersion.update({ where: { id: version.id }, data: { publishedAt: at(-(20 + i) * DAY) } });
      await createSpecShare(spec.id, A.id, F.id);
      toAck.unshift(spec.id);
    }
    // Acknowledged, no first article yet; each acknowledgement a day older than the one before.
    const acks: string[] = [];
    for (let i = 0; i < 11; i++) {
      const { spec, version } = await createSpec(A.id);
      await createSpecShare(spec.id, A.id, F.id);
      const ack = await prisma.acknowledgement.create({
        data: { versionId: version.id, importerId: A.id, factoryId: F.id, status: "ACKNOWLEDGED", updatedAt: at(-(i + 1) * (DAY / 2)) },
      });
      acks.push(ack.id);
    }
    // Accepted plans: one with a late action, listed first though accepted last.
    for (let i = 0; i < 10; i++)
      await seedCorrectiveAction(A, F, {
        status: "PLAN_ACCEPTED",
        planAcceptedAt: at(-(20 - i) * DAY),
        items: [{ action: `Step ${i}`, dueAt: at((i + 1) * DAY) }],
      });
    const lateOne = await seedCorrectiveAction(A, F, {
      status: "PLAN_ACCEPTED",
      planAcceptedAt: at(-DAY),
      items: [{ action: "Late step", dueAt: at(-DAY) }],
    });
    // Plans submitted the earlier the later they were made: the oldest submission first.
    const plans: string[] = [];
    for (let i = 0; i < 11; i++) {
      const plan = await seedCorrectiveAction(A, F, { status: "PLAN_SUBMITTED" });
      await prisma.correctiveAction.update({ where: { id: plan.id }, data: { planSubmittedAt: at(-(i + 1) * DAY) } });
      plans.unshift(plan.id);
    }

    const f = await dashboard(factory);
    expect(group(f, "specs-to-acknowledge").total).toBe(12);
    expect(ids(f, "specs-to-acknowledge")).toEqual(toAck.slice(0, 10));
    expect(group(f, "first-articles-to-start").total).toBe(11);
    expect(ids(f, "first-articles-to-start")).toHaveLength(10);
    const carry = group(f, "actions-to-carry-out");
    expect(carry.total).toBe(11);
    expect(carry.items).toHaveLength(10);
    expect(carry.items[0]).toMatchObject({ id: lateOne.id, overdue: true });
    expect(carry.items.slice(1).every((i) => !i.overdue)).toBe(true);

    const a = await dashboard(importer);
    const recent = group(a, "recent-acknowledgements");
    expect(recent.total).toBe(11);
    expect(recent.items.map((i) => i.id)).toEqual(acks.slice(0, 10));
    const review = group(a, "plans-to-review");
    expect(review.total).toBe(11);
    expect(review.items.map((i) => i.id)).toEqual(plans.slice(0, 10));
  });

  it("lists the partner with the most overdue actions first, with its oldest missed date", async () => {
    const importer = await signedInMember("IMPORTER", "OWNER");
    const slow = await signedInMember("FACTORY", "OWNER");
    const slower = await signedInMember("FACTORY", "OWNER");
    for (const f of [slow, slower]) await createPartnership(importer.org.id, f.org.id, "ACTIVE");
    const slowDue = at(-3 * DAY);
    await seedCorrectiveAction(importer.org, slow.org, { status: "OPEN", planDueAt: slowDue });
    await seedCorrectiveAction(importer.org, slower.org, { status: "OPEN", planDueAt: at(-DAY) });
    const oldestItem = at(-5 * DAY);
    await seedCorrectiveAction(importer.org, slower.org, {
      status: "PLAN_ACCEPTED",
      items: [
        { action: "Later", dueAt: at(-2 * DAY) },
        { action: "Oldest", dueAt: oldestItem },
      ],
    });
    // Done or on time: not counted.
    await seedCorrectiveAction(importer.org, slow.org, { status: "CLOSED", planDueAt: at(-9 * DAY) });
    await seedCorrectiveAction(importer.org, slow.org, { status: "PLAN_ACCEPTED", items: [{ action: "Soon", dueAt: at(DAY) }] });

    const partners = group(await dashboard(importer), "overdue-partners");
    expect(partners.total).toBe(2);
    expect(partners.items.map((i) => [i.id, i.label])).toEqual([
      [slower.org.id, slower.org.name],
      [slow.org.id, slow.org.name],
    ]);
    expect(partners.items[0]).toMatchObject({
      detail: `2 overdue corrective actions · oldest due ${dayOf(oldestItem)}`,
      at: oldestItem.toISOString(),
      overdue: true,
    });
    expect(partners.items[1]!.detail).toBe(`1 overdue corrective action · oldest due ${dayOf(slowDue)}`);
  });
});
