// The printable inspection report and its CSV, through their loaders: the plan as booked (zero
// defects labelled as no ISO AQL), quantity and packing, the measured sample as the first
// article's judge reads it, each defect with its photos, the packaging checks, the result
// computed from the plan and the decision with its note; a spreadsheet never runs a cell; another
// tenant, or the factory once the partnership ended, gets 404.
import { readFileSync } from "node:fs";
import path from "node:path";
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { StaticRouter } from "react-router-dom/server.js";
import { beforeAll, describe, expect, it } from "vitest";
import type { InspectionReport } from "~/features/inspections/report.server.ts";
import { InspectionReportView } from "~/features/inspections/ui/report-view.tsx";
import type { InspectionPlan } from "~/features/inspections/plan.ts";
import { prisma } from "~/lib/db.server.ts";
import * as csvRoute from "~/routes/$org.inspections.$inspectionId.csv.ts";
import * as reportRoute from "~/routes/$org.inspections.$inspectionId.report.tsx";
import { root } from "../support/app-server.ts";
import { createDefectExample, createInspection, createMember, createSpec, createSpecShare, unique } from "../support/factories.ts";
import { InLanguage } from "../support/i18n.tsx";
import { call, cookieFor } from "../support/routes.ts";
import { countStatements } from "../support/statements.ts";

type Org = { id: string; slug: string };
type ReportData = { org: { slug: string }; report: InspectionReport };

const getReport = (org: Org, cookie: string, inspectionId: string) =>
  call(reportRoute.loader, `/${org.slug}/inspections/${inspectionId}/report`, { cookie, params: { org: org.slug, inspectionId } });
const getCsv = (org: Org, cookie: string, inspectionId: string) =>
  call(csvRoute.loader, `/${org.slug}/inspections/${inspectionId}/csv`, { cookie, params: { org: org.slug, inspectionId } });

/** An attachment row owned by a record (the report lists it; serving the bytes is the file route's). */
const photo = (orgId: string, ownerType: string, ownerId: string, name: string) =>
  prisma.attachment.create({
    data: { orgId, ownerType, ownerId, name, contentType: "image/png", size: 68, sha256: "0".repeat(64), storageKey: unique("key") },
  });

/**
 * A 5,000-unit lot at level II (code letter L, 200 units; major AQL 2.5 → Ac 10 / Re 11, minor
 * 4.0 → Ac 14 / Re 15, critical zero defects → Ac 0 / Re 1): 11 major defects (one picked from
 * the defect library, one described as a formula), 3 minor; Height 95 ± 0.5 mm measured with
 * one reading out of tolerance; two packaging checks; rejected with a note.
 */
async function world() {
  const importer = await createMember("IMPORTER", "QUALITY");
  const factory = await createMember("FACTORY", "QUALITY");
  const { spec, version } = await createSpec(importer.org.id, { title: "Kettle lid" });
  await createSpecShare(spec.id, importer.org.id, factory.org.id);
  const example = await createDefectExample(version, { description: "Scratch on the lid longer than 5 mm" });
  const height = await prisma.characteristic.findFirstOrThrow({ where: { versionId: version.id } });
  const inspection = await createInspection(importer.org, factory.org, spec, version, {
    status: "REJECTED",
    result: "FAIL",
    lotSize: 5000,
    poNumber: "4500-77",
    proposedDate: new Date("2026-12-10T00:00:00Z"),
    defects: [
      { class: "MAJOR", count: 7, description: "Scratch", defectExampleKey: example.key },
      { class: "MAJOR", count: 4, description: '=HYPERLINK("http://evil.test","x")' },
      { class: "MINOR", count: 3, description: "Loose thread" },
    ],
  });
  const plan = inspection.plan as unknown as InspectionPlan;
  await prisma.inspection.update({
    where: { id: inspection.id },
    data: {
      cartonsTotal: 50,
      cartonsChecked: 8,
      packedPercent: 100,
      quantityNote: "All cartons sealed.",
      resultNote: "Scratches on the lid rim.",
      submittedById: factory.user.id,
      decidedById: importer.user.id,
      decisionNote: "Too many major defects: rework and re-inspect.",
      checks: {
        create: [
          { key: "a-label", label: "Carton label shows the PO", result: "PASS" },
          { key: "b-drop", label: "+Drop test from 80 cm", result: "FAIL", note: "@carton 3 burst" },
        ],
      },
      measurements: {
        create: Array.from({ length: plan.measured.sampleSize }, (_, i) => {
          const raw = i === 1 ? "95.7" : "95.1";
          return { characteristicKey: height.key, sample: i + 1, raw, value: raw, passed: i !== 1 };
        }),
      },
    },
  });
  const defects = await prisma.inspectionDefect.findMany({ where: { inspectionId: inspection.id }, orderBy: { position: "asc" } });
  const scratchPhotos = [
    await photo(factory.org.id, "InspectionDefect", defects[0]!.id, "scratch-1.png"),
    await photo(factory.org.id, "InspectionDefect", defects[0]!.id, "scratch-2.png"),
  ];
  const overview = await photo(factory.org.id, "Inspection", inspection.id, "pallet.png");
  return {
    importer: { ...importer, cookie: await cookieFor(importer.user.id) },
    factory: { ...factory, cookie: await cookieFor(factory.user.id) },
    spec,
    version,
    height,
    example,
    inspection,
    plan,
    defects,
    scratchPhotos,
    overview,
  };
}

let w: Awaited<ReturnType<typeof world>>;
beforeAll(async () => {
  w = await world();
});

describe("inspection report", () => {
  it("shows either side the plan, each section, every photo, the computed result and the decision", async () => {
    for (const side of [w.factory, w.importer]) {
      const out = await getReport(side.org, side.cookie, w.inspection.id);
      expect(out.status).toBe(200);
      const { report } = out.data as ReportData;
      expect(report.header).toMatchObject({
        title: "Kettle lid",
        productCode: w.spec.productCode,
        versionNumber: 1,
        importer: w.importer.org.name,
        factory: w.factory.org.name,
        status: "REJECTED",
        poNumber: "4500-77",
        lotSize: 5000,
        proposedDate: "2026-12-10",
      });
      expect(report.plan).toMatchObject({ edition: "ISO 2859-1:1999", level: "II", severity: "normal", severityReason: null, sampleSize: 200 });
      // Major: 11 tallied, and the failed drop test counts as one more (result.ts).
      expect(report.plan.classes).toEqual([
        { class: "CRITICAL", aql: null, codeLetter: "L", sampleSize: 200, accept: 0, reject: 1, fullInspection: false, found: 0, verdict: "accept" },
        { class: "MAJOR", aql: "2.5", codeLetter: "L", sampleSize: 200, accept: 10, reject: 11, fullInspection: false, found: 12, verdict: "reject" },
        { class: "MINOR", aql: "4.0", codeLetter: "L", sampleSize: 200, accept: 14, reject: 15, fullInspection: false, found: 3, verdict: "accept" },
      ]);
      expect(report.quantity).toEqual({ cartonsTotal: 50, cartonsChecked: 8, packedPercent: 100, note: "All cartons sealed.", steadyProduction: true });

      const [row] = report.measurements;
      expect(row).toMatchObject({ number: "1", name: "Height", requirement: "95 ± 0.5 mm", verdict: "fail", min: "95.1", max: "95.7" });
      expect(row!.readings).toHaveLength(w.plan.measured.sampleSize);
      expect(row!.readings[1]).toEqual({ sample: 2, raw: "95.7", verdict: "fail" });

      expect(report.defects.map((d) => [d.class, d.count, d.photos.map((p) => p.name)])).toEqual([
        ["MAJOR", 7, ["scratch-1.png", "scratch-2.png"]],
        ["MAJOR", 4, []],
        ["MINOR", 3, []],
      ]);
      expect(report.defects[0]).toMatchObject({ exampleKey: w.example.key, exampleDescription: "Scratch on the lid longer than 5 mm" });
      expect(report.photos.map((p) => p.id)).toEqual([w.overview.id]);
      expect(report.checks.map((c) => [c.label, c.result])).toEqual([
        ["Carton label shows the PO", "PASS"],
        ["+Drop test from 80 cm", "FAIL"],
      ]);
      expect(report.result).toMatchObject({
        computed: "FAIL",
        stored: "FAIL",
        note: "Scratches on the lid rim.",
        submittedBy: w.factory.user.name,
      });
      expect(report.decision).toMatchObject({ status: "REJECTED", decidedBy: w.importer.user.name, note: "Too many major defects: rework and re-inspect." });
      expect(report.abort).toBeNull();
      // Plain data all the way through.
      expect(JSON.parse(JSON.stringify(report))).toEqual(report);
    }
  });

  it("renders a printable page: zero defects labelled as no ISO AQL, photos served by the file route, the decision's note", async () => {
    const out = await getReport(w.importer.org, w.importer.cookie, w.inspection.id);
    const { org, report } = out.data as ReportData;
    const html = renderToString(
      createElement(InLanguage, { children: createElement(StaticRouter, { location: "/" }, createElement(InspectionReportView, { org, report })) }),
    );
    expect(html).toContain("Zero defects allowed (not an ISO AQL)");
    expect(html).toContain("ISO 2859-1:1999");
    expect(html).toMatch(/<strong[^>]*><span aria-hidden="true">✗ <\/span>Not accepted/);
    expect(html).toContain("Does not conform");
    for (const p of [...w.scratchPhotos, w.overview]) expect(html).toContain(`src="/${org.slug}/files/${p.id}"`);
    expect(html).toContain("Scratch on the lid longer than 5 mm");
    expect(html).toContain("Too many major defects: rework and re-inspect.");
    expect(html).toContain(`href="/${org.slug}/inspections/${w.inspection.id}/csv"`);
    expect(html).toContain(`href="/${org.slug}/inspections/${w.inspection.id}"`);
    expect(reportRoute.links()).toEqual([expect.objectContaining({ rel: "stylesheet" })]);
    expect(readFileSync(path.join(root, "app/styles/inspection-report-print.css"), "utf8").replace(/\s+/g, " ")).toContain("@page { size: A4; margin: 12mm; }");
  });

  it("reads the inspection, its sections and photos in a fixed number of statements", async () => {
    const { result, statements } = await countStatements(() => getReport(w.importer.org, w.importer.cookie, w.inspection.id));
    expect(result.status).toBe(200);
    // The session, the inspection with its tallies, checks and readings, then the version, both orgs, the people and the photos at once.
    expect(statements).toBeLessThanOrEqual(6);
    const csv = await countStatements(() => getCsv(w.importer.org, w.importer.cookie, w.inspection.id));
    expect(csv.statements).toBe(statements);
  });

  it("writes the page in the reader's language", async () => {
    const { org, report } = (await getReport(w.importer.org, w.importer.cookie, w.inspection.id)).data as ReportData;
    const zh = renderToString(
      createElement(InLanguage, {
        language: "zh-CN",
        children: createElement(StaticRouter, { location: "/" }, createElement(InspectionReportView, { org, report })),
      }),
    );
    expect(zh).toContain("不允许任何缺陷");
    expect(zh).toContain("拒收");
    for (const english of ["Not accepted", "Zero defects allowed", "Sampling plan", "Rejected"]) expect(zh).not.toContain(english);
  });

  it("shows an aborted inspection's reason and no result", async () => {
    const aborted = await createInspection(w.importer.org, w.factory.org, w.spec, w.version, { status: "ABORTED", abortReason: "UNDER_80_PERCENT_PACKED" });
    const { report } = (await getReport(w.factory.org, w.factory.cookie, aborted.id)).data as ReportData;
    expect(report.abort).toMatchObject({ reason: "UNDER_80_PERCENT_PACKED" });
    expect(report.result.computed).toBeNull();
    expect(report.defects).toEqual([]);
  });
});

describe("inspection CSV", () => {
  it("exports every section, keeping what a spreadsheet would run as text", async () => {
    const out = await getCsv(w.importer.org, w.importer.cookie, w.inspection.id);
    expect(out.status).toBe(200);
    expect(out.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(out.headers.get("Cache-Control")).toBe("private, no-store");
    expect(out.headers.get("Content-Disposition")).toBe(`attachment; filename="INSP-${w.spec.productCode}-PO4500-77-2026-12-10.csv"`);
    const text = out.data as string;
    const lines = text.replace(/^\uFEFF/, "").split("\r\n");
    expect(lines[0]).toBe("Inspection,Kettle lid");
    expect(lines).toContain("Class,AQL,Code letter,Sample size,Ac,Re,Found,Verdict");
    expect(lines).toContain("Critical,Zero defects allowed (not an ISO AQL),L,200,0,1,0,Accepted");
    expect(lines).toContain("Major,2.5,L,200,10,11,12,Not accepted");
    expect(lines).toContain("Minor,4.0,L,200,14,15,3,Accepted");
    expect(lines).toContain("Major,Scratch,Scratch on the lid longer than 5 mm,7,2");
    // The formula, the check starting with "+" and the note starting with "@" are text, not formulas.
    expect(lines).toContain(`Major,"'=HYPERLINK(""http://evil.test"",""x"")",,4,0`);
    expect(lines).toContain("'+Drop test from 80 cm,Fail,'@carton 3 burst");
    expect(lines.find((l) => l.startsWith("1,Height,"))).toMatch(/,95\.1,95\.7,.*Does not conform$/);
    expect(lines).toContain("Computed result,Fail");
    expect(lines).toContain("Note,Too many major defects: rework and re-inspect.");
    expect(text).not.toMatch(/(^|,)[=+@]/m);
  });

  it("speaks the language of whoever downloads it", async () => {
    await prisma.user.update({ where: { id: w.factory.user.id }, data: { locale: "zh-CN" } });
    try {
      const lines = ((await getCsv(w.factory.org, w.factory.cookie, w.inspection.id)).data as string).replace(/^\uFEFF/, "").split("\r\n");
      expect(lines[0]).toBe("检验,Kettle lid");
      expect(lines).toContain("严重,2.5,L,200,10,11,12,不接收");
    } finally {
      await prisma.user.update({ where: { id: w.factory.user.id }, data: { locale: "en" } });
    }
  });
});

describe("inspection report and CSV: who may read them", () => {
  it("answers 404 to another tenant, in its own org and in ours", async () => {
    const strangerFactory = await createMember("FACTORY", "OWNER");
    const strangerImporter = await createMember("IMPORTER", "OWNER");
    for (const stranger of [strangerFactory, strangerImporter]) {
      const cookie = await cookieFor(stranger.user.id);
      expect((await getReport(stranger.org, cookie, w.inspection.id)).status).toBe(404);
      expect((await getCsv(stranger.org, cookie, w.inspection.id)).status).toBe(404);
      expect((await getReport(w.importer.org, cookie, w.inspection.id)).status).toBe(404);
      expect((await getCsv(w.factory.org, cookie, w.inspection.id)).status).toBe(404);
    }
  });

  it("answers 404 to ids that are not ids", async () => {
    for (const id of ["nope", "../../etc", "x".repeat(41)]) {
      expect((await getReport(w.factory.org, w.factory.cookie, id)).status).toBe(404);
      expect((await getCsv(w.factory.org, w.factory.cookie, id)).status).toBe(404);
    }
  });

  it("closes to the factory once the partnership ends; the importer keeps it", async () => {
    const importer = await createMember("IMPORTER", "OWNER");
    const factory = await createMember("FACTORY", "OWNER");
    const { spec, version } = await createSpec(importer.org.id);
    const share = await createSpecShare(spec.id, importer.org.id, factory.org.id);
    const inspection = await createInspection(importer.org, factory.org, spec, version, { status: "SUBMITTED" });
    const factoryCookie = await cookieFor(factory.user.id);
    expect((await getReport(factory.org, factoryCookie, inspection.id)).status).toBe(200);
    await prisma.partnership.update({ where: { id: share.partnershipId }, data: { status: "ENDED", endedAt: new Date() } });
    expect((await getReport(factory.org, factoryCookie, inspection.id)).status).toBe(404);
    expect((await getCsv(factory.org, factoryCookie, inspection.id)).status).toBe(404);
    const importerCookie = await cookieFor(importer.user.id);
    expect((await getReport(importer.org, importerCookie, inspection.id)).status).toBe(200);
    expect((await getCsv(importer.org, importerCookie, inspection.id)).status).toBe(200);
  });
});
