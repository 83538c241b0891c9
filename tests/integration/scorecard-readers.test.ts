// The scorecard's figures come from one SQL statement that states each
// reader's read rules itself. Here they are checked against the same figures
// worked out record by record through the reader's ability (`accessible`), on
// a pair whose history spans an ended and an active partnership: the importer
// keeps counting the ended partnership's records, the factory no longer sees
// its first articles and corrective actions (its acknowledgements stay its own),
// and nobody counts a draft.
import { beforeAll, describe, expect, it } from "vitest";
import { ROOT_CAUSES } from "~/features/corrective-actions/schemas.ts";
import { computeScorecard, median, rate } from "~/features/scorecards/scorecard.server.ts";
import type { FirstArticleStatus, OrgKind, RootCauseCategory } from "~/generated/prisma/client.ts";
import { defineAbility } from "~/lib/ability.ts";
import { accessible } from "~/lib/authorize.server.ts";
import { prisma } from "~/lib/db.server.ts";
import { createMember, createPartnership, createSpecVersion, unique } from "../support/factories.ts";

const DAY = 86_400_000;
const FROM = new Date("2025-01-01T00:00:00Z");
const TO = new Date("2025-07-01T00:00:00Z");
const NOW = new Date("2025-06-15T00:00:00Z");

type Org = { id: string; slug: string; name: string; kind: OrgKind };
const contextOf = ({ id, slug, name, kind }: Org) => {
  const org = { id, slug, name, kind, locale: "en" };
  return { org, ability: defineAbility({ userId: "test-user", orgId: id, orgKind: kind, role: "VIEWER" }) };
};

// A small deterministic generator: the same history on every run.
let seed = 42;
const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
/** An instant between 2024-11-01 and 2025-08-01, to the millisecond. */
const instant = () => new Date(Date.UTC(2024, 10, 1) + Math.floor(random() * 273 * DAY));

async function world() {
  const importer = await createMember("IMPORTER", "QUALITY");
  const factory = await createMember("FACTORY", "QUALITY");
  const ended = await createPartnership(importer.org.id, factory.org.id, "ENDED");
  const active = await createPartnership(importer.org.id, factory.org.id, "ACTIVE");
  const spec = await prisma.spec.create({ data: { orgId: importer.org.id, title: "Teapot", productCode: unique("SKU").toUpperCase() } });
  const statuses: FirstArticleStatus[] = ["DRAFT", "SUBMITTED", "APPROVED", "CONDITIONALLY_APPROVED", "REJECTED"];
  const versions = [];
  for (let n = 1; n <= 12; n++) {
    const version = await createSpecVersion(spec.id, importer.org.id, n, "PUBLISHED");
    versions.push(await prisma.specVersion.update({ where: { id: version.id }, data: { publishedAt: instant() } }));
  }
  for (const version of versions) {
    if (random() < 0.8) {
      const at = new Date(version.publishedAt!.getTime() + Math.floor(random() * 20 * DAY));
      await prisma.acknowledgement.create({
        data: {
          versionId: version.id,
          importerId: importer.org.id,
          factoryId: factory.org.id,
          status: random() < 0.8 ? "ACKNOWLEDGED" : "QUERIED",
          createdAt: at,
          updatedAt: at,
        },
      });
    }
  }
  for (let i = 0; i < 60; i++) {
    const partnership = random() < 0.35 ? ended : active;
    const status = pick(statuses);
    const submittedAt = status === "DRAFT" ? null : instant();
    const decided = status !== "DRAFT" && status !== "SUBMITTED";
    const id = unique("fa").replace(/-/g, "");
    await prisma.firstArticle.create({
      data: {
        id,
        seriesId: i % 4 === 3 ? unique("series") : id,
        round: i % 4 === 3 ? 2 : 1,
        importerId: importer.org.id,
        factoryId: factory.org.id,
        partnershipId: partnership.id,
        specId: spec.id,
        versionId: pick(versions).id,
        status,
        poNumber: unique("PO"),
        quantityProduced: 100,
        sampleCount: 3,
        inspectedOn: FROM,
        submittedAt: random() < 0.9 ? submittedAt : null,
        decidedAt: decided && submittedAt ? new Date(submittedAt.getTime() + Math.floor(random() * 9 * DAY)) : null,
      },
    });
  }
  const caStatuses = ["OPEN", "PLAN_SUBMITTED", "PLAN_ACCEPTED", "IMPLEMENTED", "CLOSED"] as const;
  for (let i = 0; i < 50; i++) {
    const partnership = random() < 0.35 ? ended : active;
    const status = pick(caStatuses);
    const createdAt = instant();
    const planDueAt = new Date(createdAt.getTime() + Math.floor(random() * 20 * DAY));
    const planSubmittedAt = status === "OPEN" ? null : new Date(createdAt.getTime() + Math.floor(random() * 25 * DAY));
    await prisma.correctiveAction.create({
      data: {
        importerId: importer.org.id,
        factoryId: factory.org.id,
        partnershipId: partnership.id,
        title: unique("CA"),
        problem: "Spout drips.",
        status,
        createdAt,
        planDueAt,
        planSubmittedAt,
        closedAt: status === "CLOSED" ? new Date(createdAt.getTime() + 40 * DAY) : null,
        rootCauseCategory: planSubmittedAt && random() < 0.85 ? (pick(ROOT_CAUSES) as RootCauseCategory) : null,
        items: { create: status === "PLAN_ACCEPTED" ? [{ position: 0, action: "Fix", owner: "Lead", dueAt: instant() }] : [] },
      },
    });
  }
  return { importer, factory };
}

/** The scorecard's figures as the first version computed them: every record through the reader's ability. */
async function throughTheAbility(reader: Org, importerId: string, factoryId: string) {
  const { ability } = contextOf(reader);
  const pair = { importerId, factoryId };
  const inPeriod = { gte: FROM, lt: TO };
  const decided = await prisma.firstArticle.findMany({
    where: {
      AND: [accessible(ability, "read", "FirstArticle"), pair, { status: { in: ["APPROVED", "CONDITIONALLY_APPROVED", "REJECTED"] }, decidedAt: inPeriod }],
    },
    select: { round: true, status: true, submittedAt: true, decidedAt: true },
  });
  const round1 = decided.filter((f) => f.round === 1);
  const acks = await prisma.acknowledgement.findMany({
    where: { AND: [accessible(ability, "read", "Acknowledgement"), pair, { status: "ACKNOWLEDGED", version: { is: { publishedAt: inPeriod } } }] },
    select: { updatedAt: true, version: { select: { publishedAt: true } } },
  });
  const cas = await prisma.correctiveAction.findMany({
    where: { AND: [accessible(ability, "read", "CorrectiveAction"), pair] },
    select: {
      status: true,
      createdAt: true,
      closedAt: true,
      planSubmittedAt: true,
      planDueAt: true,
      rootCauseCategory: true,
      items: { select: { dueAt: true } },
    },
  });
  const within = (d: Date | null) => !!d && d >= FROM && d < TO;
  const days = (pairs: [Date | null, Date | null][]) => {
    const values = pairs.filter(([a, b]) => a && b).map(([a, b]) => (b!.getTime() - a!.getTime()) / DAY);
    const m = median(values);
    return { days: m === null ? null : Math.round(m * 10) / 10, count: values.length };
  };
  const plans = cas.filter((c) => within(c.planSubmittedAt));
  const causes = new Map<string | null, number>();
  for (const c of plans) causes.set(c.rootCauseCategory, (causes.get(c.rootCauseCategory) ?? 0) + 1);
  return {
    firstPass: rate(round1.filter((f) => f.status !== "REJECTED").length, round1.length),
    decisionDays: days(decided.map((f) => [f.submittedAt, f.decidedAt])),
    acknowledgeDays: days(acks.map((a) => [a.version.publishedAt, a.updatedAt])),
    correctiveActions: {
      opened: cas.filter((c) => within(c.createdAt)).length,
      closed: cas.filter((c) => within(c.closedAt)).length,
      onTimePlan: rate(plans.filter((c) => c.planSubmittedAt! <= c.planDueAt).length, plans.length),
      openOverdue: cas.filter((c) => (c.status === "OPEN" && c.planDueAt < NOW) || (c.status === "PLAN_ACCEPTED" && c.items.some((i) => i.dueAt < NOW))).length,
    },
    causes: Object.fromEntries([...causes].map(([k, v]) => [String(k), v])),
  };
}

let w: Awaited<ReturnType<typeof world>>;
beforeAll(async () => {
  w = await world();
});

describe("the scorecard's single statement", () => {
  it("counts for each reader exactly what its ability lets it read", async () => {
    const pair = { importerId: w.importer.org.id, factoryId: w.factory.org.id };
    const figures: Record<string, unknown> = {};
    for (const reader of [w.importer.org, w.factory.org]) {
      const s = await computeScorecard(contextOf(reader), { ...pair, from: FROM, to: TO, now: NOW });
      const expected = await throughTheAbility(reader, pair.importerId, pair.factoryId);
      const causes = Object.fromEntries(s.rootCauses.rows.filter((r) => r.count > 0).map((r) => [String(r.category), r.count]));
      expect({
        firstPass: s.firstPass,
        decisionDays: s.decisionDays,
        acknowledgeDays: s.acknowledgeDays,
        correctiveActions: s.correctiveActions,
        causes,
      }).toEqual(expected);
      expect(s.firstPass.denominator).toBeGreaterThan(0);
      expect(s.decisionDays.count).toBeGreaterThan(0);
      expect(s.acknowledgeDays.count).toBeGreaterThan(0);
      expect(s.correctiveActions.onTimePlan.denominator).toBeGreaterThan(0);
      figures[reader.kind] = s;
    }
    // The ended partnership's records count for the importer only.
    const forImporter = figures.IMPORTER as Awaited<ReturnType<typeof computeScorecard>>;
    const forFactory = figures.FACTORY as Awaited<ReturnType<typeof computeScorecard>>;
    expect(forImporter.correctiveActions.opened).toBeGreaterThan(forFactory.correctiveActions.opened);
    expect(forImporter.decisionDays.count).toBeGreaterThan(forFactory.decisionDays.count);
    expect(forImporter.acknowledgeDays).toEqual(forFactory.acknowledgeDays);
  });
});
