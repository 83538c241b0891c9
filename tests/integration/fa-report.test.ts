import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { StaticRouter } from "react-router-dom/server.js";
import { beforeAll, describe, expect, it } from "vitest";
import type { FirstArticleReport } from "~/features/first-articles/report.server.ts";
import { prisma } from "~/lib/db.server.ts";
import * as csvRoute from "~/routes/$org.first-articles.$faId.csv.ts";
import * as reportRoute from "~/routes/$org.first-articles.$faId.report.tsx";
import { root } from "../support/app-server.ts";
import { createFirstArticle, createMember, createSpec, createSpecShare, unique } from "../support/factories.ts";
import { InLanguage } from "../support/i18n.tsx";
import { call, cookieFor } from "../support/routes.ts";

type Org = { id: string; slug: string };
type ReportData = { org: { slug: string }; report: FirstArticleReport };

const getReport = (org: Org, cookie: string, faId: string) =>
  call(reportRoute.loader, `/${org.slug}/first-articles/${faId}/report`, { cookie, params: { org: org.slug, faId } });
const getCsv = (org: Org, cookie: string, faId: string) =>
  call(csvRoute.loader, `/${org.slug}/first-articles/${faId}/csv`, { cookie, params: { org: org.slug, faId } });

interface Reading {
  key: string;
  sample: number;
  raw: string;
  value: string | null;
  passed: boolean | null;
}

/**
 * An importer and a factory sharing a spec with two characteristics (1 Height
 * 95 ± 0.5 mm, 2 Finish pass/fail), and a series: round 1 REJECTED with one
 * height reading out of tolerance, round 2 APPROVED.
 */
async function world() {
  const importer = await createMember("IMPORTER", "QUALITY");
  const factory = await createMember("FACTORY", "QUALITY");
  const { spec, version } = await createSpec(importer.org.id, { title: "Kettle lid" });
  const share = await createSpecShare(spec.id, importer.org.id, factory.org.id);
  const height = await prisma.characteristic.findFirstOrThrow({ where: { versionId: version.id } });
  const finish = await prisma.characteristic.create({
    data: { versionId: version.id, position: 1, key: unique("c"), number: "2", name: "Surface finish", kind: "ATTRIBUTE", class: "MINOR" },
  });
  const seriesId = randomUUID();
  const poNumber = `4500-${unique("po")}`;

  async function round(
    round: number,
    status: "REJECTED" | "APPROVED" | "DRAFT",
    readings: Reading[],
    decision: { note?: string; findings?: Record<string, string> } = {},
  ) {
    const decided = status !== "DRAFT";
    return prisma.firstArticle.create({
      data: {
        seriesId,
        round,
        importerId: importer.org.id,
        factoryId: factory.org.id,
        partnershipId: share.partnershipId,
        specId: spec.id,
        versionId: version.id,
        status,
        poNumber,
        lotNumber: `L${round}`,
        quantityProduced: 1200,
        sampleCount: 3,
        inspectedOn: new Date(`2025-03-0${round}T00:00:00Z`),
        createdById: factory.user.id,
        submittedAt: decided ? new Date(`2025-03-0${round}T08:00:00Z`) : null,
        submittedById: decided ? factory.user.id : null,
        decidedAt: decided ? new Date(`2025-03-0${round}T15:30:00Z`) : null,
        decidedById: decided ? importer.user.id : null,
        decisionNote: decision.note ?? null,
        findings: decision.findings,
        measurements: { create: readings.map(({ key, ...r }) => ({ characteristicKey: key, ...r })) },
      },
    });
  }

  const heights = (values: [string, boolean][]) => values.map(([raw, passed], i) => ({ key: height.key, sample: i + 1, raw, value: raw, passed }));
  const finishes = ["PASS", "PASS", "PASS"].map((raw, i) => ({ key: finish.key, sample: i + 1, raw, value: null, passed: true }));

  const round1 = await round(
    1,
    "REJECTED",
    [
      ...heights([
        ["95.1", true],
        ["95.7", false],
        ["94.9", true],
      ]),
      ...finishes,
    ],
    { note: "Height out of tolerance on sample 2.", findings: { [height.key]: "Sample 2 is 0.2 mm above the upper limit: check the press stop." } },
  );
  const round2 = await round(
    2,
    "APPROVED",
    [
      ...heights([
        ["95.0", true],
        ["95.2", true],
        ["94.8", true],
      ]),
      ...finishes,
    ],
    { note: "Approved. Keep the new press stop." },
  );
  return {
    importer: { ...importer, cookie: await cookieFor(importer.user.id) },
    factory: { ...factory, cookie: await cookieFor(factory.user.id) },
    spec,
    version,
    height,
    finish,
    poNumber,
    round1,
    round2,
  };
}

let w: Awaited<ReturnType<typeof world>>;
beforeAll(async () => {
  w = await world();
});

function expectSeries(report: FirstArticleReport) {
  expect(report.rounds.map((r) => [r.round, r.status])).toEqual([
    [1, "REJECTED"],
    [2, "APPROVED"],
  ]);
  const [first, second] = report.rounds;

  const failing = first!.rows.find((r) => r.number === "1")!;
  expect(failing).toMatchObject({ name: "Height", requirement: "95 ± 0.5 mm", verdict: "fail", class: "MAJOR" });
  expect(failing.readings).toEqual([
    { sample: 1, raw: "95.1", verdict: "pass" },
    { sample: 2, raw: "95.7", verdict: "fail" },
    { sample: 3, raw: "94.9", verdict: "pass" },
  ]);
  expect(failing.finding).toBe("Sample 2 is 0.2 mm above the upper limit: check the press stop.");
  expect(first!.rows.find((r) => r.number === "2")).toMatchObject({ verdict: "pass", requirement: "Pass / fail" });
  expect(first!.counts).toEqual({ pass: 1, fail: 1, incomplete: 0, unjudged: 0 });
  expect(first!.decisionNote).toBe("Height out of tolerance on sample 2.");
  expect(first!.findings).toEqual([
    { characteristicKey: w.height.key, number: "1", name: "Height", reason: "Sample 2 is 0.2 mm above the upper limit: check the press stop." },
  ]);
  expect(first!.submittedBy).toBe(w.factory.user.name);
  expect(first!.decidedBy).toBe(w.importer.user.name);
  expect(first!.decidedAt).toBe("2025-03-01T15:30:00.000Z");

  expect(second!.rows.map((r) => [r.number, r.verdict])).toEqual([
    ["1", "pass"],
    ["2", "pass"],
  ]);
  expect(second!.counts).toEqual({ pass: 2, fail: 0, incomplete: 0, unjudged: 0 });
  expect(second!.decisionNote).toBe("Approved. Keep the new press stop.");
  expect(second!.rows[0]).toMatchObject({ min: "94.8", max: "95.2", mean: "95.00" });

  // Plain data all the way through: nothing a JSON round trip would change.
  expect(JSON.parse(JSON.stringify(report))).toEqual(report);
}

describe("first-article report", () => {
  it("shows the whole series to the factory, from either round", async () => {
    for (const fa of [w.round1, w.round2]) {
      const out = await getReport(w.factory.org, w.factory.cookie, fa.id);
      expect(out.status).toBe(200);
      const { report } = out.data as ReportData;
      expect(report.id).toBe(fa.id);
      expectSeries(report);
      expect(report.header).toMatchObject({
        title: "Kettle lid",
        productCode: w.spec.productCode,
        versionNumber: 1,
        importer: w.importer.org.name,
        factory: w.factory.org.name,
        poNumber: w.poNumber,
        lotNumber: `L${fa.round}`,
        quantityProduced: 1200,
        sampleCount: 3,
        inspectedOn: `2025-03-0${fa.round}`,
        round: fa.round,
        submittedBy: w.factory.user.name,
        decidedBy: w.importer.user.name,
      });
    }
  });

  it("shows the same series to the importer", async () => {
    const out = await getReport(w.importer.org, w.importer.cookie, w.round2.id);
    expect(out.status).toBe(200);
    const { report } = out.data as ReportData;
    expectSeries(report);
    expect(report.header).toMatchObject({ status: "APPROVED", decidedAt: "2025-03-02T15:30:00.000Z" });
  });

  it("renders an AS9102-style page: failing readings marked with ✗ in bold, verdicts in words, decisions with notes", async () => {
    const out = await getReport(w.importer.org, w.importer.cookie, w.round1.id);
    const { org, report } = out.data as ReportData;
    const html = renderToString(
      createElement(InLanguage, { children: createElement(StaticRouter, { location: "/" }, createElement(reportRoute.FaReport, { org, report })) }),
    );
    expect(html).toContain("Char. No.");
    expect(html).toContain("Round 1 · Rejected");
    expect(html).toContain("Round 2 · Approved");
    expect(html).toContain("Rejected (round 1)");
    expect(html).toMatch(/<strong[^>]*><span aria-hidden="true">✗ <\/span>95.7/);
    expect(html).toContain("Does not conform");
    expect(html).toContain("Conforms");
    expect(html).toContain("Height out of tolerance on sample 2.");
    expect(html).toContain("Approved. Keep the new press stop.");
    expect(html).toContain("check the press stop");
    expect(html).toContain("Print or save as PDF");
    // The print rules (A4, no portal header) come as the route's own stylesheet: the page policy runs no inline <style>.
    expect(reportRoute.links()).toEqual([expect.objectContaining({ rel: "stylesheet" })]);
    // White space folded: the stylesheet is laid out by Prettier.
    expect(readFileSync(path.join(root, "app/styles/fa-report-print.css"), "utf8").replace(/\s+/g, " ")).toContain("@page { size: A4; margin: 12mm; }");
    expect(html).toContain(`href="/${org.slug}/first-articles/${w.round1.id}"`);
  });

  it("writes statuses and verdicts in the reader's language (Chinese, and the pseudo-locale)", async () => {
    const out = await getReport(w.importer.org, w.importer.cookie, w.round1.id);
    const { org, report } = out.data as ReportData;
    const renderIn = (language: "zh-CN" | "en-XA") =>
      renderToString(
        createElement(InLanguage, {
          language,
          children: createElement(StaticRouter, { location: "/" }, createElement(reportRoute.FaReport, { org, report })),
        }),
      );
    const zh = renderIn("zh-CN");
    expect(zh).toContain("已拒绝（第 1 轮）");
    expect(zh).toContain("不符合");
    expect(zh).toMatch(/✓ <\/span>符合</);
    expect(zh).not.toContain("Does not conform");
    expect(zh).not.toContain("Rejected");
    const pseudo = renderIn("en-XA");
    for (const english of ["Rejected", "Approved", "Does not conform", "Conforms"]) expect(pseudo, english).not.toMatch(new RegExp(`>${english}<`));
  });

  it("exports the CSV in the language of whoever downloads it", async () => {
    const { locale } = await prisma.user.findUniqueOrThrow({ where: { id: w.factory.user.id }, select: { locale: true } });
    await prisma.user.update({ where: { id: w.factory.user.id }, data: { locale: "zh-CN" } });
    try {
      const out = await getCsv(w.factory.org, w.factory.cookie, w.round1.id);
      const lines = (out.data as string).replace(/^\uFEFF/, "").split("\r\n");
      expect(lines[0]).toMatch(/^首件检验,/);
      expect(lines).toContain("编号,特性,要求,等级,样品 1,样品 2,样品 3,最小值,最大值,平均值,判定");
      expect(lines).toContain("1,Height,95 ± 0.5 mm,主要,95.1,95.7,94.9,94.9,95.7,95.23,不合格");
    } finally {
      await prisma.user.update({ where: { id: w.factory.user.id }, data: { locale } });
    }
  });

  it("exports one round as CSV: header line, one row per characteristic with its readings", async () => {
    const out = await getCsv(w.factory.org, w.factory.cookie, w.round1.id);
    expect(out.status).toBe(200);
    expect(out.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(out.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(out.headers.get("Cache-Control")).toBe("private, no-store");
    const disposition = out.headers.get("Content-Disposition")!;
    expect(disposition).toBe(`attachment; filename="FAI-${w.spec.productCode}-PO${w.poNumber}-round1.csv"`);
    expect(disposition).toMatch(/^[\x20-\x7e]+$/);

    const lines = (out.data as string).replace(/^\uFEFF/, "").split("\r\n");
    const headerAt = lines.findIndex((l) => l.startsWith("Number,"));
    expect(lines[headerAt]).toBe("Number,Characteristic,Requirement,Class,Sample 1,Sample 2,Sample 3,Min,Max,Mean,Verdict");
    const rows = lines.slice(headerAt + 1).filter(Boolean);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toBe("1,Height,95 ± 0.5 mm,major,95.1,95.7,94.9,94.9,95.7,95.23,Fail");
    expect(rows[1]).toBe("2,Surface finish,Pass / fail,minor,PASS,PASS,PASS,,,,Pass");

    const importerCsv = await getCsv(w.importer.org, w.importer.cookie, w.round2.id);
    expect(importerCsv.status).toBe(200);
    expect(importerCsv.headers.get("Content-Disposition")).toContain("round2.csv");
  });

  it("keeps the file name ASCII whatever the product code and PO say", async () => {
    const importer = await createMember("IMPORTER", "OWNER");
    const factory = await createMember("FACTORY", "OWNER");
    const { spec, version } = await createSpec(importer.org.id);
    await prisma.spec.update({ where: { id: spec.id }, data: { productCode: `壶盖 "lid"\r\n${unique("x")}` } });
    await createSpecShare(spec.id, importer.org.id, factory.org.id);
    const fa = await createFirstArticle(importer.org, factory.org, spec, version, { poNumber: "订单/7; x=1", sampleCount: 1 });
    const out = await getCsv(factory.org, await cookieFor(factory.user.id), fa.id);
    expect(out.status).toBe(200);
    const disposition = out.headers.get("Content-Disposition")!;
    expect(disposition).toMatch(/^attachment; filename="FAI-[A-Za-z0-9._-]+-PO[A-Za-z0-9._-]+-round1\.csv"$/);
  });

  it("answers 404 to a user of another org, on both routes", async () => {
    const stranger = await createMember("FACTORY", "OWNER");
    const strangerCookie = await cookieFor(stranger.user.id);
    const otherImporter = await createMember("IMPORTER", "OWNER");
    const otherImporterCookie = await cookieFor(otherImporter.user.id);
    for (const fa of [w.round1, w.round2]) {
      // In their own org, with our id…
      expect((await getReport(stranger.org, strangerCookie, fa.id)).status).toBe(404);
      expect((await getCsv(stranger.org, strangerCookie, fa.id)).status).toBe(404);
      expect((await getReport(otherImporter.org, otherImporterCookie, fa.id)).status).toBe(404);
      expect((await getCsv(otherImporter.org, otherImporterCookie, fa.id)).status).toBe(404);
      // …and in our org, which they do not belong to.
      expect((await getReport(w.factory.org, strangerCookie, fa.id)).status).toBe(404);
      expect((await getCsv(w.importer.org, strangerCookie, fa.id)).status).toBe(404);
    }
  });

  it("answers 404 to ids that are not ids", async () => {
    for (const faId of ["nope", "../../etc", "x".repeat(41)]) {
      expect((await getReport(w.factory.org, w.factory.cookie, faId)).status).toBe(404);
      expect((await getCsv(w.factory.org, w.factory.cookie, faId)).status).toBe(404);
    }
  });

  it("never shows the importer a draft: 404 for a draft's report and CSV, drafts left out of a series", async () => {
    const draft = await createFirstArticle(w.importer.org, w.factory.org, w.spec, w.version, {
      poNumber: `4600-${unique("po")}`,
      sampleCount: 2,
      createdById: w.factory.user.id,
      readings: [{ key: w.height.key, sample: 1, raw: "95.1", value: "95.1", passed: true }],
    });
    expect((await getReport(w.importer.org, w.importer.cookie, draft.id)).status).toBe(404);
    expect((await getCsv(w.importer.org, w.importer.cookie, draft.id)).status).toBe(404);

    // The factory reads its own draft; unmeasured cells make rows incomplete.
    const own = await getReport(w.factory.org, w.factory.cookie, draft.id);
    expect(own.status).toBe(200);
    const { report } = own.data as ReportData;
    expect(report.rounds).toHaveLength(1);
    expect(report.rounds[0]!.rows.map((r) => r.verdict)).toEqual(["incomplete", "incomplete"]);
    expect(report.rounds[0]!.rows[0]!.readings).toEqual([
      { sample: 1, raw: "95.1", verdict: "pass" },
      { sample: 2, raw: "", verdict: "empty" },
    ]);

    // A draft third round of the series: the factory sees three rounds, the importer two.
    const round3 = await createFirstArticle(w.importer.org, w.factory.org, w.spec, w.version, {
      seriesId: w.round1.seriesId,
      round: 3,
      poNumber: w.poNumber,
      sampleCount: 3,
    });
    try {
      const factoryView = (await getReport(w.factory.org, w.factory.cookie, w.round1.id)).data as ReportData;
      expect(factoryView.report.rounds.map((r) => r.round)).toEqual([1, 2, 3]);
      const importerView = (await getReport(w.importer.org, w.importer.cookie, w.round1.id)).data as ReportData;
      expect(importerView.report.rounds.map((r) => r.round)).toEqual([1, 2]);
    } finally {
      await prisma.firstArticle.delete({ where: { id: round3.id } });
    }
  });

  it("closes when the partnership ends: the factory gets 404, the importer keeps the history", async () => {
    const importer = await createMember("IMPORTER", "OWNER");
    const factory = await createMember("FACTORY", "OWNER");
    const { spec, version } = await createSpec(importer.org.id);
    const share = await createSpecShare(spec.id, importer.org.id, factory.org.id);
    const fa = await createFirstArticle(importer.org, factory.org, spec, version, { status: "SUBMITTED", poNumber: "77", sampleCount: 1 });
    await prisma.partnership.update({ where: { id: share.partnershipId }, data: { status: "ENDED", endedAt: new Date() } });
    const factoryCookie = await cookieFor(factory.user.id);
    expect((await getReport(factory.org, factoryCookie, fa.id)).status).toBe(404);
    expect((await getCsv(factory.org, factoryCookie, fa.id)).status).toBe(404);
    expect((await getReport(importer.org, await cookieFor(importer.user.id), fa.id)).status).toBe(200);
  });
});
