// The partner scorecard on a seeded history whose every figure was worked
// out by hand (the arithmetic is in the comments next to the data).
//
// Period under test: 2025-01-01 to 2025-03-31 inclusive, i.e.
// [2025-01-01T00:00Z, 2025-04-01T00:00Z). "Now" for the overdue count:
// 2025-04-15T12:00Z.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { computeScorecard, median, parsePeriod, type Scorecard } from "~/features/scorecards/scorecard.server.ts";
import type { FirstArticleStatus, OrgKind, Role, RootCauseCategory } from "~/generated/prisma/client.ts";
import { defineAbility } from "~/lib/ability.ts";
import { prisma } from "~/lib/db.server.ts";
import * as csvRoute from "~/routes/$org.scorecards.$partnerId.csv.ts";
import * as pageRoute from "~/routes/$org.scorecards.$partnerId.tsx";
import { createMember, createOrg, createPartnership, unique } from "../support/factories.ts";
import { translateMessage } from "~/lib/i18n/translate.server.ts";
import { call, cookieFor } from "../support/routes.ts";

const FROM = new Date("2025-01-01T00:00:00Z");
const TO = new Date("2025-04-01T00:00:00Z");
const NOW = new Date("2025-04-15T12:00:00Z");
const PERIOD_QUERY = "from=2025-01-01&to=2025-03-31";
const at = (iso: string) => new Date(iso);

type Org = { id: string; slug: string; name: string; kind: OrgKind };

/** A reader of the org (computeScorecard needs the org and its ability only). */
function contextOf({ id, slug, name, kind }: Org, role: Role = "VIEWER") {
  const org = { id, slug, name, kind, locale: "en" };
  return { org, ability: defineAbility({ userId: "test-user", orgId: org.id, orgKind: org.kind, role }) };
}

async function world() {
  const importer = await createMember("IMPORTER", "QUALITY");
  const factory = await createMember("FACTORY", "QUALITY");
  // Same importer, another factory: none of its records may be counted for `factory`.
  const otherFactory = await createMember("FACTORY", "OWNER");
  // Another importer of the same factory: none of its records may be counted either.
  const otherImporter = await createMember("IMPORTER", "OWNER");
  // Belongs to neither side.
  const outsider = await createMember("IMPORTER", "OWNER");
  const outsiderFactory = await createMember("FACTORY", "OWNER");
  const endedFactory = await createOrg("FACTORY");

  const main = await createPartnership(importer.org.id, factory.org.id, "ACTIVE");
  const other = await createPartnership(importer.org.id, otherFactory.org.id, "ACTIVE");
  const otherPair = await createPartnership(otherImporter.org.id, factory.org.id, "ACTIVE");
  await createPartnership(outsider.org.id, outsiderFactory.org.id, "ACTIVE");
  await createPartnership(importer.org.id, endedFactory.id, "ENDED");

  // Specs and versions with known publication times.
  const spec = await prisma.spec.create({ data: { orgId: importer.org.id, title: "Kettle lid", productCode: unique("SKU").toUpperCase() } });
  const version = (number: number, publishedAt: Date | null) =>
    prisma.specVersion.create({ data: { specId: spec.id, orgId: importer.org.id, number, status: publishedAt ? "PUBLISHED" : "DRAFT", publishedAt } });
  const v1 = await version(1, at("2025-01-05T00:00:00Z"));
  const v2 = await version(2, at("2025-02-01T00:00:00Z"));
  const v3 = await version(3, at("2025-03-15T00:00:00Z"));
  const v4 = await version(4, at("2025-03-25T00:00:00Z"));
  const v5 = await version(5, at("2024-12-20T00:00:00Z"));
  const v6 = await version(6, at("2025-03-31T23:00:00Z"));
  const otherSpec = await prisma.spec.create({ data: { orgId: otherImporter.org.id, title: "Other lid", productCode: unique("SKU").toUpperCase() } });
  const otherVersion = await prisma.specVersion.create({
    data: { specId: otherSpec.id, orgId: otherImporter.org.id, number: 1, status: "PUBLISHED", publishedAt: at("2025-02-01T00:00:00Z") },
  });

  async function firstArticle(
    pair: { importerId: string; factoryId: string; partnershipId: string; specId: string; versionId: string },
    row: { seriesId?: string; round?: number; status: FirstArticleStatus; submittedAt?: string; decidedAt?: string },
  ) {
    const id = randomUUID().replace(/-/g, "").slice(0, 25);
    return prisma.firstArticle.create({
      data: {
        id,
        seriesId: row.seriesId ?? id,
        round: row.round ?? 1,
        ...pair,
        status: row.status,
        poNumber: unique("PO"),
        quantityProduced: 500,
        sampleCount: 3,
        inspectedOn: at("2025-01-01T00:00:00Z"),
        submittedAt: row.submittedAt ? at(row.submittedAt) : null,
        decidedAt: row.decidedAt ? at(row.decidedAt) : null,
      },
    });
  }
  const mainFa = { importerId: importer.org.id, factoryId: factory.org.id, partnershipId: main.id, specId: spec.id, versionId: v1.id };

  // First articles of the pair. Days from submission to decision in brackets.
  // S1 round 1 APPROVED, decided exactly at the period's start (included) [2.0]
  await firstArticle(mainFa, { status: "APPROVED", submittedAt: "2024-12-30T00:00:00Z", decidedAt: "2025-01-01T00:00:00Z" });
  // S2 round 1 APPROVED [1.6: 1 day + 14h24m = 1.6 days]
  await firstArticle(mainFa, { status: "APPROVED", submittedAt: "2025-02-01T00:00:00Z", decidedAt: "2025-02-02T14:24:00Z" });
  // S3 round 1 CONDITIONALLY_APPROVED [4.0]
  await firstArticle(mainFa, { status: "CONDITIONALLY_APPROVED", submittedAt: "2025-02-10T00:00:00Z", decidedAt: "2025-02-14T00:00:00Z" });
  // S4 round 1 REJECTED [3.0], round 2 APPROVED [0.5]
  const s4 = await firstArticle(mainFa, { status: "REJECTED", submittedAt: "2025-03-01T00:00:00Z", decidedAt: "2025-03-04T00:00:00Z" });
  await firstArticle(mainFa, { seriesId: s4.seriesId, round: 2, status: "APPROVED", submittedAt: "2025-03-10T00:00:00Z", decidedAt: "2025-03-10T12:00:00Z" });
  // S5 round 1 APPROVED, decided exactly at the period's end (excluded)
  await firstArticle(mainFa, { status: "APPROVED", submittedAt: "2025-03-30T00:00:00Z", decidedAt: "2025-04-01T00:00:00Z" });
  // S6 round 1 submitted, not decided (excluded); S7 a draft (excluded)
  await firstArticle(mainFa, { status: "SUBMITTED", submittedAt: "2025-03-20T00:00:00Z" });
  await firstArticle(mainFa, { status: "DRAFT" });
  // S8 round 1 REJECTED before the period (excluded from first pass), round 2 APPROVED in it [1.2: 1 day + 4h48m]
  const s8 = await firstArticle(mainFa, { status: "REJECTED", submittedAt: "2024-12-10T00:00:00Z", decidedAt: "2024-12-15T00:00:00Z" });
  await firstArticle(mainFa, { seriesId: s8.seriesId, round: 2, status: "APPROVED", submittedAt: "2025-01-05T00:00:00Z", decidedAt: "2025-01-06T04:48:00Z" });
  //
  // First pass: round 1 decided in [from, to) = S1 ✓, S2 ✓, S3 ✓ (conditional), S4 ✗ → 3 / 4 = 75.0%
  // Decision days: rounds decided in the period = S1 2.0, S2 1.6, S3 4.0, S4r1 3.0, S4r2 0.5, S8r2 1.2
  //   sorted 0.5, 1.2, 1.6, 2.0, 3.0, 4.0 → median (1.6 + 2.0) / 2 = 1.8 over 6 rounds

  // Records that must not count: another factory of the importer, another importer of the factory.
  const otherFa = { importerId: importer.org.id, factoryId: otherFactory.org.id, partnershipId: other.id, specId: spec.id, versionId: v1.id };
  await firstArticle(otherFa, { status: "REJECTED", submittedAt: "2025-02-01T00:00:00Z", decidedAt: "2025-02-21T00:00:00Z" });
  await firstArticle(otherFa, { status: "REJECTED", submittedAt: "2025-02-01T00:00:00Z", decidedAt: "2025-02-25T00:00:00Z" });
  const otherPairFa = {
    importerId: otherImporter.org.id,
    factoryId: factory.org.id,
    partnershipId: otherPair.id,
    specId: otherSpec.id,
    versionId: otherVersion.id,
  };
  await firstArticle(otherPairFa, { status: "REJECTED", submittedAt: "2025-02-01T00:00:00Z", decidedAt: "2025-03-01T00:00:00Z" });

  // Acknowledgements: days from publication to the (current) ACKNOWLEDGED answer, updatedAt.
  const ack = (versionId: string, importerId: string, factoryId: string, status: "ACKNOWLEDGED" | "QUERIED", createdAt: string, updatedAt: string) =>
    prisma.acknowledgement.create({ data: { versionId, importerId, factoryId, status, createdAt: at(createdAt), updatedAt: at(updatedAt) } });
  const F = factory.org.id;
  const I = importer.org.id;
  await ack(v1.id, I, F, "ACKNOWLEDGED", "2025-01-07T00:00:00Z", "2025-01-07T00:00:00Z"); // 2.0
  // Queried at 06:00, acknowledged at 12:00: counts until the acknowledgement (updatedAt) → 0.5, not 0.25
  await ack(v2.id, I, F, "ACKNOWLEDGED", "2025-02-01T06:00:00Z", "2025-02-01T12:00:00Z"); // 0.5
  await ack(v3.id, I, F, "ACKNOWLEDGED", "2025-03-20T00:00:00Z", "2025-03-20T00:00:00Z"); // 5.0
  await ack(v4.id, I, F, "QUERIED", "2025-03-26T00:00:00Z", "2025-03-26T00:00:00Z"); // only queried: excluded
  await ack(v5.id, I, F, "ACKNOWLEDGED", "2025-01-02T00:00:00Z", "2025-01-02T00:00:00Z"); // published before the period: excluded
  // Published in the period (31 Mar 23:00), acknowledged after it: counted by publication date → 2 days 1 hour = 2.0417
  await ack(v6.id, I, F, "ACKNOWLEDGED", "2025-04-03T00:00:00Z", "2025-04-03T00:00:00Z");
  // Must not count: the other factory on v1 (30 days), the other importer's version (10 days).
  await ack(v1.id, I, otherFactory.org.id, "ACKNOWLEDGED", "2025-02-04T00:00:00Z", "2025-02-04T00:00:00Z");
  await ack(otherVersion.id, otherImporter.org.id, F, "ACKNOWLEDGED", "2025-02-11T00:00:00Z", "2025-02-11T00:00:00Z");
  //
  // Acknowledge days: 0.5, 2.0, 2.0417, 5.0 → median (2.0 + 2.0417) / 2 = 2.0208 → 2.0 over 4 versions

  async function correctiveAction(
    pair: { importerId: string; factoryId: string; partnershipId: string },
    row: {
      status: "OPEN" | "PLAN_SUBMITTED" | "PLAN_ACCEPTED" | "IMPLEMENTED" | "CLOSED";
      createdAt: string;
      planDueAt: string;
      planSubmittedAt?: string;
      closedAt?: string;
      category?: RootCauseCategory;
      items?: string[];
    },
  ) {
    return prisma.correctiveAction.create({
      data: {
        ...pair,
        title: unique("CA"),
        problem: "Lid height out of tolerance on incoming inspection.",
        status: row.status,
        createdAt: at(row.createdAt),
        planDueAt: at(row.planDueAt),
        planSubmittedAt: row.planSubmittedAt ? at(row.planSubmittedAt) : null,
        closedAt: row.closedAt ? at(row.closedAt) : null,
        rootCauseCategory: row.category ?? null,
        items: { create: (row.items ?? []).map((dueAt, position) => ({ position, action: "Fix the press stop", owner: "Line lead", dueAt: at(dueAt) })) },
      },
    });
  }
  const mainCa = { importerId: I, factoryId: F, partnershipId: main.id };
  // CA1 opened ✓, plan 18 Jan ≤ due 20 Jan (on time), PROCESS_STEP, closed 20 Feb ✓
  await correctiveAction(mainCa, {
    status: "CLOSED",
    createdAt: "2025-01-05T00:00:00Z",
    planDueAt: "2025-01-20T00:00:00Z",
    planSubmittedAt: "2025-01-18T00:00:00Z",
    closedAt: "2025-02-20T00:00:00Z",
    category: "PROCESS_STEP",
  });
  // CA2 opened ✓, plan 12 Feb > due 10 Feb (late), MATERIAL_VARIATION, closed 5 Apr (after the period)
  await correctiveAction(mainCa, {
    status: "CLOSED",
    createdAt: "2025-01-25T00:00:00Z",
    planDueAt: "2025-02-10T00:00:00Z",
    planSubmittedAt: "2025-02-12T00:00:00Z",
    closedAt: "2025-04-05T00:00:00Z",
    category: "MATERIAL_VARIATION",
  });
  // CA3 opened before the period, plan exactly at the due instant (on time: ≤), PROCESS_STEP, closed 1 Mar ✓
  await correctiveAction(mainCa, {
    status: "CLOSED",
    createdAt: "2024-12-01T00:00:00Z",
    planDueAt: "2025-01-10T00:00:00Z",
    planSubmittedAt: "2025-01-10T00:00:00Z",
    closedAt: "2025-03-01T00:00:00Z",
    category: "PROCESS_STEP",
  });
  // CA4 opened ✓, no plan, due 20 Mar < now → open and overdue
  await correctiveAction(mainCa, { status: "OPEN", createdAt: "2025-03-01T00:00:00Z", planDueAt: "2025-03-20T00:00:00Z" });
  // CA5 opened ✓, plan 24 Mar ≤ due 25 Mar (on time), UNCLEAR_INSTRUCTION, accepted, one action due 10 Apr < now → overdue
  await correctiveAction(mainCa, {
    status: "PLAN_ACCEPTED",
    createdAt: "2025-03-10T00:00:00Z",
    planDueAt: "2025-03-25T00:00:00Z",
    planSubmittedAt: "2025-03-24T00:00:00Z",
    category: "UNCLEAR_INSTRUCTION",
    items: ["2025-04-10T00:00:00Z", "2025-05-01T00:00:00Z"],
  });
  // CA6 opened ✓, no plan, due 1 May > now → not overdue
  await correctiveAction(mainCa, { status: "OPEN", createdAt: "2025-03-28T00:00:00Z", planDueAt: "2025-05-01T00:00:00Z" });
  // CA7 opened ✓, plan 5 Mar > due 15 Feb (late), OTHER, waiting for review (past due but not OPEN: not overdue)
  await correctiveAction(mainCa, {
    status: "PLAN_SUBMITTED",
    createdAt: "2025-02-01T00:00:00Z",
    planDueAt: "2025-02-15T00:00:00Z",
    planSubmittedAt: "2025-03-05T00:00:00Z",
    category: "OTHER",
  });
  // CA8 all before the period; accepted plan whose only action is due 1 Jun > now → not overdue
  await correctiveAction(mainCa, {
    status: "PLAN_ACCEPTED",
    createdAt: "2024-11-01T00:00:00Z",
    planDueAt: "2024-11-20T00:00:00Z",
    planSubmittedAt: "2024-11-15T00:00:00Z",
    category: "TRAINING",
    items: ["2025-06-01T00:00:00Z"],
  });
  //
  // Opened: CA1, CA2, CA4, CA5, CA6, CA7 = 6      Closed: CA1, CA3 = 2
  // On time: plans in the period CA1 ✓, CA2 ✗, CA3 ✓, CA5 ✓, CA7 ✗ → 3 / 5 = 60.0%
  // Open and overdue at now: CA4, CA5 = 2
  // Root causes (plans in the period): PROCESS_STEP 2 (CA1, CA3), MATERIAL_VARIATION 1, UNCLEAR_INSTRUCTION 1, OTHER 1 → 5

  // Must not count: the same kinds of records with the other factory and the other importer.
  const otherCa = { importerId: I, factoryId: otherFactory.org.id, partnershipId: other.id };
  await correctiveAction(otherCa, { status: "OPEN", createdAt: "2025-02-01T00:00:00Z", planDueAt: "2025-02-10T00:00:00Z" });
  await correctiveAction(otherCa, {
    status: "CLOSED",
    createdAt: "2025-02-01T00:00:00Z",
    planDueAt: "2025-02-10T00:00:00Z",
    planSubmittedAt: "2025-03-01T00:00:00Z",
    closedAt: "2025-03-02T00:00:00Z",
    category: "EQUIPMENT",
  });
  const otherPairCa = { importerId: otherImporter.org.id, factoryId: F, partnershipId: otherPair.id };
  await correctiveAction(otherPairCa, { status: "OPEN", createdAt: "2025-02-01T00:00:00Z", planDueAt: "2025-02-10T00:00:00Z" });
  await correctiveAction(otherPairCa, {
    status: "PLAN_SUBMITTED",
    createdAt: "2025-02-01T00:00:00Z",
    planDueAt: "2025-02-10T00:00:00Z",
    planSubmittedAt: "2025-02-20T00:00:00Z",
    category: "TRAINING",
  });

  return {
    importer: { ...importer, cookie: await cookieFor(importer.user.id) },
    factory: { ...factory, cookie: await cookieFor(factory.user.id) },
    otherFactory,
    otherImporter,
    outsider: { ...outsider, cookie: await cookieFor(outsider.user.id) },
    outsiderFactory,
    endedFactory,
  };
}

let w: Awaited<ReturnType<typeof world>>;
beforeAll(async () => {
  w = await world();
});

const getPage = (org: { slug: string }, cookie: string, partnerId: string, query = PERIOD_QUERY) =>
  call(pageRoute.loader, `/${org.slug}/scorecards/${partnerId}?${query}`, { cookie, params: { org: org.slug, partnerId } });
const getCsv = (org: { slug: string }, cookie: string, partnerId: string, query = PERIOD_QUERY) =>
  call(csvRoute.loader, `/${org.slug}/scorecards/${partnerId}/csv?${query}`, { cookie, params: { org: org.slug, partnerId } });

const pairOf = () => ({ importerId: w.importer.org.id, factoryId: w.factory.org.id });

const ALL_CAUSES = (counts: Partial<Record<RootCauseCategory, number>>) => [
  { category: "UNCLEAR_INSTRUCTION", count: counts.UNCLEAR_INSTRUCTION ?? 0 },
  { category: "PROCESS_STEP", count: counts.PROCESS_STEP ?? 0 },
  { category: "MATERIAL_VARIATION", count: counts.MATERIAL_VARIATION ?? 0 },
  { category: "SKIPPED_CHECK", count: counts.SKIPPED_CHECK ?? 0 },
  { category: "EQUIPMENT", count: counts.EQUIPMENT ?? 0 },
  { category: "TRAINING", count: counts.TRAINING ?? 0 },
  { category: "OTHER", count: counts.OTHER ?? 0 },
];

function expectHandComputed(s: Scorecard) {
  expect(s.importer).toEqual({ id: w.importer.org.id, name: w.importer.org.name });
  expect(s.factory).toEqual({ id: w.factory.org.id, name: w.factory.org.name });
  expect(s.period).toEqual({ from: "2025-01-01T00:00:00.000Z", to: "2025-04-01T00:00:00.000Z", firstDay: "2025-01-01", lastDay: "2025-03-31" });
  // 3 of 4 round-1 decisions in the period passed.
  expect(s.firstPass).toEqual({ numerator: 3, denominator: 4, percent: 75 });
  // median of 0.5, 1.2, 1.6, 2.0, 3.0, 4.0 = 1.8
  expect(s.decisionDays).toEqual({ days: 1.8, count: 6 });
  // median of 0.5, 2.0, 2.0417, 5.0 = 2.0208 → 2.0
  expect(s.acknowledgeDays).toEqual({ days: 2, count: 4 });
  expect(s.correctiveActions.opened).toBe(6);
  expect(s.correctiveActions.closed).toBe(2);
  expect(s.correctiveActions.onTimePlan).toEqual({ numerator: 3, denominator: 5, percent: 60 });
  expect(s.rootCauses).toEqual({ rows: ALL_CAUSES({ PROCESS_STEP: 2, MATERIAL_VARIATION: 1, UNCLEAR_INSTRUCTION: 1, OTHER: 1 }), total: 5 });
  expect(s.partnershipStatus).toBe("ACTIVE");
  expect(s.hasEndedPartnership).toBe(false);
}

describe("computeScorecard on the seeded history", () => {
  it("gives the hand-computed figures to the importer", async () => {
    const s = await computeScorecard(contextOf(w.importer.org), { ...pairOf(), from: FROM, to: TO, now: NOW });
    expectHandComputed(s);
    // CA4 (open, plan due 20 Mar) and CA5 (accepted, an action due 10 Apr) at 15 Apr.
    expect(s.correctiveActions.openOverdue).toBe(2);
    expect(s.now).toBe(NOW.toISOString());
  });

  it("gives the factory exactly the same numbers", async () => {
    const forImporter = await computeScorecard(contextOf(w.importer.org), { ...pairOf(), from: FROM, to: TO, now: NOW });
    const forFactory = await computeScorecard(contextOf(w.factory.org), { ...pairOf(), from: FROM, to: TO, now: NOW });
    expect(forFactory).toEqual(forImporter);
  });

  it("counts the overdue figure at `now`, whatever the period", async () => {
    // At 1 Apr: CA4 (due 20 Mar) only; CA5's action is due 10 Apr.
    const early = await computeScorecard(contextOf(w.importer.org), { ...pairOf(), from: FROM, to: TO, now: at("2025-04-01T00:00:00Z") });
    expect(early.correctiveActions.openOverdue).toBe(1);
    // At 2 May: CA4, CA5, and CA6 (due 1 May); CA8's action is due 1 Jun.
    const later = await computeScorecard(contextOf(w.importer.org), { ...pairOf(), from: FROM, to: TO, now: at("2025-05-02T00:00:00Z") });
    expect(later.correctiveActions.openOverdue).toBe(3);
  });

  it("gives nulls and zeros for a period without records", async () => {
    const s = await computeScorecard(contextOf(w.factory.org), { ...pairOf(), from: at("2020-01-01T00:00:00Z"), to: at("2021-01-01T00:00:00Z"), now: NOW });
    expect(s.firstPass).toEqual({ numerator: 0, denominator: 0, percent: null });
    expect(s.decisionDays).toEqual({ days: null, count: 0 });
    expect(s.acknowledgeDays).toEqual({ days: null, count: 0 });
    expect(s.correctiveActions).toEqual({ opened: 0, closed: 0, onTimePlan: { numerator: 0, denominator: 0, percent: null }, openOverdue: 2 });
    expect(s.rootCauses).toEqual({ rows: ALL_CAUSES({}), total: 0 });
  });

  it("refuses a pair the reader is not part of, or that has no partnership", async () => {
    const status = (p: Promise<unknown>) =>
      p.then(
        () => 200,
        (e: { init?: { status?: number } }) => e.init?.status,
      );
    // The outsider importer asking about the factory: no partnership with it.
    expect(
      await status(computeScorecard(contextOf(w.outsider.org), { importerId: w.outsider.org.id, factoryId: w.factory.org.id, from: FROM, to: TO, now: NOW })),
    ).toBe(404);
    // The outsider naming a pair it does not belong to.
    expect(await status(computeScorecard(contextOf(w.outsider.org), { ...pairOf(), from: FROM, to: TO, now: NOW }))).toBe(404);
    // The other factory naming the importer's pair with `factory`.
    expect(await status(computeScorecard(contextOf(w.otherFactory.org), { ...pairOf(), from: FROM, to: TO, now: NOW }))).toBe(404);
  });
});

describe("scorecard routes", () => {
  it("show the importer and the factory the same hand-computed numbers", async () => {
    const forImporter = await getPage(w.importer.org, w.importer.cookie, w.factory.org.id);
    const forFactory = await getPage(w.factory.org, w.factory.cookie, w.importer.org.id);
    expect(forImporter.status).toBe(200);
    expect(forFactory.status).toBe(200);
    const a = (forImporter.data as { scorecard: Scorecard }).scorecard;
    const b = (forFactory.data as { scorecard: Scorecard }).scorecard;
    expectHandComputed(a);
    // Both loaders measure "now" a moment apart; everything else is identical.
    expect({ ...b, now: "" }).toEqual({ ...a, now: "" });
    // Today (after every seeded due date): CA4, CA5, CA6 and CA8 are overdue.
    expect(a.correctiveActions.openOverdue).toBe(4);
    expect((forImporter.data as { csvHref: string }).csvHref).toBe(`/${w.importer.org.slug}/scorecards/${w.factory.org.id}/csv?from=2025-01-01&to=2025-03-31`);
  });

  it("answer 404 to anyone outside the pair", async () => {
    // A member of an unrelated importer, under its own org: no partnership with the factory.
    expect((await getPage(w.outsider.org, w.outsider.cookie, w.factory.org.id)).status).toBe(404);
    expect((await getCsv(w.outsider.org, w.outsider.cookie, w.factory.org.id)).status).toBe(404);
    // ... and under the importer's org, which it does not belong to.
    expect((await getPage(w.importer.org, w.outsider.cookie, w.factory.org.id)).status).toBe(404);
    // The importer naming a factory it never partnered with, or itself.
    expect((await getPage(w.importer.org, w.importer.cookie, w.outsiderFactory.org.id)).status).toBe(404);
    expect((await getPage(w.importer.org, w.importer.cookie, w.importer.org.id)).status).toBe(404);
    // The factory naming an importer it has no partnership with.
    expect((await getPage(w.factory.org, w.factory.cookie, w.outsider.org.id)).status).toBe(404);
    // Not an id at all.
    expect((await getPage(w.importer.org, w.importer.cookie, "../../etc")).status).toBe(404);
  });

  it("keep an ended partnership's scorecard readable for the importer", async () => {
    const outcome = await getPage(w.importer.org, w.importer.cookie, w.endedFactory.id);
    expect(outcome.status).toBe(200);
    const s = (outcome.data as { scorecard: Scorecard }).scorecard;
    expect(s.partnershipStatus).toBe("ENDED");
    expect(s.hasEndedPartnership).toBe(true);
    expect(s.firstPass.percent).toBeNull();
  });

  it("answer 400 to bad dates", async () => {
    const bad = [
      "from=2025-03-31&to=2025-01-01", // from after to
      "from=2021-01-01&to=2025-01-01", // more than 3 years
      "from=2025-13-01&to=2025-12-31", // no 13th month
      "from=2025-02-30&to=2025-03-31", // no 30 February
      "from=01/02/2025&to=2025-03-31", // not YYYY-MM-DD
    ];
    for (const query of bad) {
      const page = await getPage(w.importer.org, w.importer.cookie, w.factory.org.id, query);
      expect(page.status, query).toBe(400);
      expect(typeof page.data, query).toBe("string");
      expect((await getCsv(w.factory.org, w.factory.cookie, w.importer.org.id, query)).status, query).toBe(400);
    }
    // The page's error page writes the reason in the reader's language; the CSV answers it as text in the requester's.
    const tooLong = await getPage(w.importer.org, w.importer.cookie, w.factory.org.id, "from=2021-01-01&to=2025-01-01");
    expect(translateMessage("en", String(tooLong.data))).toBe("Choose a period of at most 3 years.");
    const reader = await createMember("FACTORY", "QUALITY", w.factory.org);
    await prisma.user.update({ where: { id: reader.user.id }, data: { locale: "zh-CN" } });
    const refused = await getCsv(w.factory.org, await cookieFor(reader.user.id), w.importer.org.id, "from=2025-02-30&to=2025-03-31");
    expect(refused.data).toBe("开始日期 2025-02-30 不存在。");
    // Exactly three years is allowed.
    expect((await getPage(w.importer.org, w.importer.cookie, w.factory.org.id, "from=2022-01-01&to=2024-12-31")).status).toBe(200);
  });

  it("export the same numbers as CSV", async () => {
    const outcome = await getCsv(w.factory.org, w.factory.cookie, w.importer.org.id);
    expect(outcome.status).toBe(200);
    expect(outcome.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(outcome.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(outcome.headers.get("Content-Disposition")).toMatch(/^attachment; filename="scorecard-[A-Za-z0-9._-]+-2025-01-01-2025-03-31\.csv"$/);
    const lines = String(outcome.data).trimEnd().split("\r\n");
    const period = "2025-01-01 to 2025-03-31";
    expect(lines.slice(0, 7)).toEqual([
      "metric,value,numerator,denominator,period",
      `First-pass approval rate (%),75.0,3,4,${period}`,
      `Median days from first-article submission to decision,1.8,,6,${period}`,
      `Median days to acknowledge a spec version,2.0,,4,${period}`,
      `Corrective actions opened,6,,,${period}`,
      `Corrective actions closed,2,,,${period}`,
      `On-time plan rate (%),60.0,3,5,${period}`,
    ]);
    expect(lines[7]).toMatch(/^Corrective actions open and overdue,4,,,as of \d{4}-\d{2}-\d{2}T/);
    expect(lines.slice(8, 15)).toEqual([
      `Root cause: Unclear or missing instruction,1,1,5,${period}`,
      `Root cause: Process step,2,2,5,${period}`,
      `Root cause: Material variation,1,1,5,${period}`,
      `Root cause: Skipped quality check,0,0,5,${period}`,
      `Root cause: Equipment,0,0,5,${period}`,
      `Root cause: Training,0,0,5,${period}`,
      `Root cause: Other,1,1,5,${period}`,
    ]);
    const empty = await getCsv(w.importer.org, w.importer.cookie, w.factory.org.id, "from=2020-01-01&to=2020-12-31");
    expect(String(empty.data).split("\r\n")[1]).toBe("First-pass approval rate (%),,0,0,2020-01-01 to 2020-12-31");
  });

  it("is written in the requester's language, the figures as they are", async () => {
    const reader = await createMember("FACTORY", "QUALITY", w.factory.org);
    await prisma.user.update({ where: { id: reader.user.id }, data: { locale: "zh-CN" } });
    const lines = String((await getCsv(w.factory.org, await cookieFor(reader.user.id), w.importer.org.id)).data)
      .trimEnd()
      .split("\r\n");
    const period = "2025-01-01 至 2025-03-31";
    expect(lines[0]).toBe("指标,数值,分子,分母,时间段");
    expect(lines[1]).toBe(`首轮批准率（%）,75.0,3,4,${period}`);
    expect(lines).toContain(`根本原因：工序步骤,2,2,5,${period}`);
  });
});

describe("parsePeriod", () => {
  const today = at("2025-06-15T15:30:00Z");
  const parse = (query: string) => parsePeriod(new URL(`http://portal.test/x?${query}`), today);

  it("defaults to the last 90 days, today included", () => {
    // 15 Jun is day 166 of 2025; 166 − 89 = day 77 = 18 Mar → 90 days from 18 Mar to 15 Jun inclusive.
    expect(parse("")).toMatchObject({ from: at("2025-03-18T00:00:00Z"), to: at("2025-06-16T00:00:00Z"), firstDay: "2025-03-18", lastDay: "2025-06-15" });
    expect(parse("from=&to=")).toMatchObject({ firstDay: "2025-03-18", lastDay: "2025-06-15" });
  });

  it("fills a missing end of the period", () => {
    // 31 Jan 2025 − 89 days = day 308 of 2024 (a leap year) = 3 Nov; 1 Jan + 89 days = day 90 = 31 Mar.
    expect(parse("to=2025-01-31")).toMatchObject({ firstDay: "2024-11-03", lastDay: "2025-01-31" });
    expect(parse("from=2025-06-01")).toMatchObject({ firstDay: "2025-06-01", lastDay: "2025-06-15" });
    expect(parse("from=2025-01-01")).toMatchObject({ firstDay: "2025-01-01", lastDay: "2025-03-31" });
  });

  it("takes a single day", () => {
    expect(parse("from=2025-02-28&to=2025-02-28")).toMatchObject({ from: at("2025-02-28T00:00:00Z"), to: at("2025-03-01T00:00:00Z") });
  });
});

describe("median", () => {
  it("takes the middle value, or the mean of the two middle values", () => {
    expect(median([])).toBeNull();
    expect(median([3])).toBe(3);
    expect(median([4, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});
