// The scorecard's inspection figures on a seeded history worked out by hand.
//
// Period: 2025-01-01 to 2025-03-31 inclusive. Lots at level II with the default plan
// (critical zero defects, major 2.5, minor 4.0): 5,000 units draw 200 (code letter L),
// 500 draw 50 (H), 1,200 draw 80 (J).
//
//   O1 original  submitted 10 Jan  PASS  200 units  major 3 "Scratch" (library K), minor 2 "Loose thread"
//   O2 original  submitted  1 Feb  FAIL   50 units  major 4 "Scratch on rim" (library K), critical 1 "Sharp edge"
//   R1 re-inspection of O2, 20 Feb PASS   50 units  minor 1 "Loose thread  " (the same description, spaces aside)
//   O3 original  submitted 30 Mar  FAIL   80 units  minor 6 "Stain"
//   O5 original  submitted  5 Mar  PASS   50 units  (awaiting the decision: counted, it has its result)
//   O4 original  submitted 31 Dec 2024 (before the period): major 9, not counted
//   Aborted: goods not ready 10 Feb, under 80% packed 1 Mar, no access 2 Mar (not a "not ready"),
//     goods not ready 15 Dec 2024 (before the period)
//   Booked and confirmed inspections have no result: not counted.
//   Another factory of the importer, and another importer of the factory: never counted.
//
// First-time lot acceptance: O1 and O5 passed of O1, O2, O3, O5 = 2 / 4 = 50.0%.
// Units inspected: 200 + 50 + 50 + 80 + 50 = 430.
// Defects: critical 1, major 3 + 4 = 7, minor 2 + 1 + 6 = 9 (17 in all).
// Per hundred units: critical 100 / 430 = 0.23, major 700 / 430 = 1.63, minor 900 / 430 = 2.09.
// Top defects: Scratch (K) 7 → 41.2%, Stain 6 → 76.5%, Loose thread 3 → 94.1%, Sharp edge 1 → 100%.
// Aborted as not ready: 1 goods not ready + 1 under 80% packed = 2.
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { beforeAll, describe, expect, it } from "vitest";
import { computeScorecard, type Scorecard } from "~/features/scorecards/scorecard.server.ts";
import { ParetoChart } from "~/features/scorecards/ui/charts.tsx";
import type { OrgKind, Role } from "~/generated/prisma/client.ts";
import { defineAbility } from "~/lib/ability.ts";
import { prisma } from "~/lib/db.server.ts";
import * as csvRoute from "~/routes/$org.scorecards.$partnerId.csv.ts";
import * as pageRoute from "~/routes/$org.scorecards.$partnerId.tsx";
import { createInspection, createMember, createSpec, createSpecShare } from "../support/factories.ts";
import { InLanguage } from "../support/i18n.tsx";
import { call, cookieFor } from "../support/routes.ts";

const FROM = new Date("2025-01-01T00:00:00Z");
const TO = new Date("2025-04-01T00:00:00Z");
const NOW = new Date("2025-04-15T12:00:00Z");
const PERIOD = "2025-01-01 to 2025-03-31";
const at = (iso: string) => new Date(iso);

type Org = { id: string; slug: string; name: string; kind: OrgKind };
function contextOf({ id, slug, name, kind }: Org, role: Role = "VIEWER") {
  const org = { id, slug, name, kind, locale: "en" };
  return { org, ability: defineAbility({ userId: "test-user", orgId: org.id, orgKind: org.kind, role }) };
}

async function world() {
  const importer = await createMember("IMPORTER", "QUALITY");
  const factory = await createMember("FACTORY", "QUALITY");
  const otherFactory = await createMember("FACTORY", "OWNER");
  const otherImporter = await createMember("IMPORTER", "OWNER");
  const { spec, version } = await createSpec(importer.org.id);
  await createSpecShare(spec.id, importer.org.id, factory.org.id);
  const { spec: spec2, version: version2 } = await createSpec(importer.org.id);
  await createSpecShare(spec2.id, importer.org.id, otherFactory.org.id);
  const { spec: spec3, version: version3 } = await createSpec(otherImporter.org.id);
  await createSpecShare(spec3.id, otherImporter.org.id, factory.org.id);

  const lot = (options: Parameters<typeof createInspection>[4]) => createInspection(importer.org, factory.org, spec, version, options);
  const K = "scratch-k";
  const o1 = await lot({
    status: "RELEASED",
    result: "PASS",
    lotSize: 5000,
    submittedAt: at("2025-01-10T09:00:00Z"),
    defects: [
      { class: "MAJOR", count: 3, description: "Scratch", defectExampleKey: K },
      { class: "MINOR", count: 2, description: "Loose thread" },
    ],
  });
  const o2 = await lot({
    status: "REJECTED",
    result: "FAIL",
    lotSize: 500,
    submittedAt: at("2025-02-01T09:00:00Z"),
    defects: [
      { class: "MAJOR", count: 4, description: "Scratch on rim", defectExampleKey: K },
      { class: "CRITICAL", count: 1, description: "Sharp edge" },
    ],
  });
  const r1 = await lot({
    status: "RELEASED",
    result: "PASS",
    lotSize: 500,
    reinspectionOfId: o2.id,
    submittedAt: at("2025-02-20T09:00:00Z"),
    defects: [{ class: "MINOR", count: 1, description: "Loose thread  " }],
  });
  const o3 = await lot({
    status: "REJECTED",
    result: "FAIL",
    lotSize: 1200,
    submittedAt: at("2025-03-30T09:00:00Z"),
    defects: [{ class: "MINOR", count: 6, description: "Stain" }],
  });
  const o5 = await lot({ status: "SUBMITTED", result: "PASS", lotSize: 500, submittedAt: at("2025-03-05T09:00:00Z") });
  await lot({ status: "RELEASED", result: "PASS", lotSize: 5000, submittedAt: at("2024-12-31T09:00:00Z"), defects: [{ class: "MAJOR", count: 9 }] });
  const aborted = async (abortReason: "GOODS_NOT_READY" | "UNDER_80_PERCENT_PACKED" | "NO_ACCESS", abortedAt: string) => {
    const row = await lot({ status: "ABORTED", abortReason });
    await prisma.inspection.update({ where: { id: row.id }, data: { abortedAt: at(abortedAt) } });
  };
  await aborted("GOODS_NOT_READY", "2025-02-10T08:00:00Z");
  await aborted("UNDER_80_PERCENT_PACKED", "2025-03-01T08:00:00Z");
  await aborted("NO_ACCESS", "2025-03-02T08:00:00Z");
  await aborted("GOODS_NOT_READY", "2024-12-15T08:00:00Z");
  await lot({ status: "BOOKED" });
  await lot({ status: "CONFIRMED" });
  // Other pairs: never counted.
  await createInspection(importer.org, otherFactory.org, spec2, version2, {
    status: "REJECTED",
    result: "FAIL",
    submittedAt: at("2025-02-01T09:00:00Z"),
    defects: [{ class: "MAJOR", count: 50, description: "Scratch", defectExampleKey: K }],
  });
  await createInspection(otherImporter.org, factory.org, spec3, version3, {
    status: "REJECTED",
    result: "FAIL",
    submittedAt: at("2025-02-01T09:00:00Z"),
    defects: [{ class: "MINOR", count: 40, description: "Stain" }],
  });
  return {
    importer: { ...importer, cookie: await cookieFor(importer.user.id) },
    factory: { ...factory, cookie: await cookieFor(factory.user.id) },
    lots: { o1, o2, r1, o3, o5 },
  };
}

let w: Awaited<ReturnType<typeof world>>;
beforeAll(async () => {
  w = await world();
});

const pair = () => ({ importerId: w.importer.org.id, factoryId: w.factory.org.id, from: FROM, to: TO, now: NOW });

function expectHandComputed(s: Scorecard) {
  expect(s.inspections).toEqual({
    firstTimeAcceptance: { numerator: 2, denominator: 4, percent: 50 },
    unitsInspected: 430,
    defectsPerHundred: {
      CRITICAL: { defects: 1, perHundred: 0.23 },
      MAJOR: { defects: 7, perHundred: 1.63 },
      MINOR: { defects: 9, perHundred: 2.09 },
    },
    topDefects: {
      rows: [
        { label: "Scratch", count: 7, cumulativePercent: 41.2 },
        { label: "Stain", count: 6, cumulativePercent: 76.5 },
        { label: "Loose thread", count: 3, cumulativePercent: 94.1 },
        { label: "Sharp edge", count: 1, cumulativePercent: 100 },
      ],
      total: 17,
    },
    abortedNotReady: { goodsNotReady: 1, underPacked: 1, total: 2 },
  });
}

describe("scorecard: inspections", () => {
  it("samples the lots as the comments say", () => {
    expect(Object.values(w.lots).map((l) => l.sampleSize)).toEqual([200, 50, 50, 80, 50]);
  });

  it("gives the hand-computed figures to the importer, and the same to the factory", async () => {
    const forImporter = await computeScorecard(contextOf(w.importer.org), pair());
    expectHandComputed(forImporter);
    const forFactory = await computeScorecard(contextOf(w.factory.org), pair());
    expect(forFactory.inspections).toEqual(forImporter.inspections);
  });

  it("gives nulls and zeros for a period without inspections", async () => {
    const s = await computeScorecard(contextOf(w.factory.org), { ...pair(), from: at("2020-01-01T00:00:00Z"), to: at("2021-01-01T00:00:00Z") });
    expect(s.inspections).toEqual({
      firstTimeAcceptance: { numerator: 0, denominator: 0, percent: null },
      unitsInspected: 0,
      defectsPerHundred: {
        CRITICAL: { defects: 0, perHundred: null },
        MAJOR: { defects: 0, perHundred: null },
        MINOR: { defects: 0, perHundred: null },
      },
      topDefects: { rows: [], total: 0 },
      abortedNotReady: { goodsNotReady: 0, underPacked: 0, total: 0 },
    });
  });

  it("stops counting for the factory once the partnership ends; the importer keeps them", async () => {
    const importer = await createMember("IMPORTER", "OWNER");
    const factory = await createMember("FACTORY", "OWNER");
    const { spec, version } = await createSpec(importer.org.id);
    const share = await createSpecShare(spec.id, importer.org.id, factory.org.id);
    await createInspection(importer.org, factory.org, spec, version, { status: "RELEASED", result: "PASS", submittedAt: at("2025-02-01T00:00:00Z") });
    await prisma.partnership.update({ where: { id: share.partnershipId }, data: { status: "ENDED", endedAt: new Date() } });
    const input = { importerId: importer.org.id, factoryId: factory.org.id, from: FROM, to: TO, now: NOW };
    expect((await computeScorecard(contextOf(importer.org), input)).inspections.firstTimeAcceptance.denominator).toBe(1);
    expect((await computeScorecard(contextOf(factory.org), input)).inspections.firstTimeAcceptance.denominator).toBe(0);
  });

  it("shows the same figures on both sides' pages and in the CSV", async () => {
    const query = "from=2025-01-01&to=2025-03-31";
    const page = await call(pageRoute.loader, `/${w.factory.org.slug}/scorecards/${w.importer.org.id}?${query}`, {
      cookie: w.factory.cookie,
      params: { org: w.factory.org.slug, partnerId: w.importer.org.id },
    });
    expect(page.status).toBe(200);
    expectHandComputed((page.data as { scorecard: Scorecard }).scorecard);
    const csv = await call(csvRoute.loader, `/${w.importer.org.slug}/scorecards/${w.factory.org.id}/csv?${query}`, {
      cookie: w.importer.cookie,
      params: { org: w.importer.org.slug, partnerId: w.factory.org.id },
    });
    const lines = String(csv.data).trimEnd().split("\r\n");
    expect(lines.slice(-10)).toEqual([
      `First-time lot acceptance (%),50.0,2,4,${PERIOD}`,
      `"Defects per hundred units, critical",0.23,1,430,${PERIOD}`,
      `"Defects per hundred units, major",1.63,7,430,${PERIOD}`,
      `"Defects per hundred units, minor",2.09,9,430,${PERIOD}`,
      `Top defect: Scratch,7,7,17,${PERIOD}`,
      `Top defect: Stain,6,6,17,${PERIOD}`,
      `Top defect: Loose thread,3,3,17,${PERIOD}`,
      `Top defect: Sharp edge,1,1,17,${PERIOD}`,
      `Inspections aborted: goods not ready,1,,,${PERIOD}`,
      `Inspections aborted: less than 80% packed,1,,,${PERIOD}`,
    ]);
  });

  it("draws the top defects as a Pareto chart that says its numbers", async () => {
    const s = await computeScorecard(contextOf(w.importer.org), pair());
    const html = renderToString(
      createElement(InLanguage, {
        children: createElement(ParetoChart, {
          title: "Top defects (Pareto)",
          data: s.inspections.topDefects.rows.map((r) => ({ label: r.label, value: r.count, cumulativePercent: r.cumulativePercent })),
        }),
      }),
    );
    expect(html).toContain('role="img"');
    expect(html).toContain("Scratch 7 (cumulative 41.2%)");
    expect(html).toContain("Sharp edge 1 (cumulative 100%)");
    expect(html).toContain("<polyline");
  });
});
