// A characteristic's numbers as the spec writer typed them, through storage:
// "0.60" and "+0.10" come back as 0.60 and 0.10 on the editor, the published
// version, the next version, the first-article report and its CSV; the editor
// refuses a tolerance without a nominal; and a version published before that
// rule still shows and judges, as "cannot be judged" (docs/decisions/010).
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { beforeAll, describe, expect, it } from "vitest";
import type { FirstArticleReport } from "~/features/first-articles/report.server.ts";
import { requirementText } from "~/features/specs/characteristic.ts";
import type { VersionSnapshot } from "~/features/specs/snapshot.ts";
import { SpecVersionView } from "~/features/specs/ui/version-view.tsx";
import { prisma } from "~/lib/db.server.ts";
import { translateMessage, translatorFor } from "~/lib/i18n/translate.server.ts";
import * as csvRoute from "~/routes/$org.first-articles.$faId.csv.ts";
import * as reportRoute from "~/routes/$org.first-articles.$faId.report.tsx";
import * as specRoute from "~/routes/$org.specs.$specId._index.tsx";
import * as editRoute from "~/routes/$org.specs.$specId.v.$number.edit.tsx";
import * as versionRoute from "~/routes/$org.specs.$specId.v.$number._index.tsx";
import { createFirstArticle, createSpec, createSpecShare, unique } from "../support/factories.ts";
import { InLanguage } from "../support/i18n.tsx";
import { call, signedInMember } from "../support/routes.ts";

type Member = Awaited<ReturnType<typeof signedInMember>>;

const versionPath = (who: Member, specId: string, number: number) => `/${who.org.slug}/specs/${specId}/v/${number}`;
const versionParams = (who: Member, specId: string, number: number) => ({ org: who.org.slug, specId, number: String(number) });
const snapshotOf = (data: unknown) => (data as { snapshot: VersionSnapshot }).snapshot;
const numbers = (snapshot: VersionSnapshot) => snapshot.characteristics.map((c) => [c.nominal, c.lowerTol, c.upperTol]);

const TYPED: Record<string, string>[] = [
  { number: "1", name: "Wall thickness", nominal: "0.60", lowerTol: "-0.05", upperTol: "+0.10", unit: "mm" },
  { number: "2", name: "Height", nominal: "95.0", lowerTol: "-1.0", upperTol: "1.0", unit: "mm" },
  { number: "3", name: "Pull force", nominal: "50.0", lowerTol: "0", unit: "N" },
];
const STORED = [
  ["0.60", "-0.05", "0.10"],
  ["95.0", "-1.0", "1.0"],
  ["50.0", "0", null],
];

function contentForm(rows: Record<string, string>[]) {
  const form: Record<string, string> = { description: "", notes: "", packaging: "" };
  rows.forEach((row, i) => {
    for (const [field, value] of Object.entries({ kind: "VARIABLE", class: "MAJOR", ...row })) form[`characteristics[${i}].${field}`] = value;
  });
  return form;
}

let importer: Member;
let specId: string;

beforeAll(async () => {
  importer = await signedInMember("IMPORTER", "QUALITY");
  specId = (await createSpec(importer.org.id, { draft: true })).spec.id;
});

const edit = (number: number, form: Record<string, string>) =>
  call(editRoute.action, `${versionPath(importer, specId, number)}/edit`, { cookie: importer.cookie, params: versionParams(importer, specId, number), form });
const editor = (number: number) =>
  call(editRoute.loader, `${versionPath(importer, specId, number)}/edit`, { cookie: importer.cookie, params: versionParams(importer, specId, number) });

describe("typed precision", () => {
  it("the editor refuses a tolerance without a nominal, next to the nominal, and saves nothing", async () => {
    const out = await edit(1, contentForm([{ number: "1", name: "Flatness", lowerTol: "-0.05", upperTol: "0.05", unit: "mm" }]));
    expect(out.status).toBe(400);
    const { error } = (out.data as { result: { error: Record<string, string[]> } }).result;
    expect(error["characteristics[0].nominal"]?.map((m) => translateMessage("en", m))).toEqual(["Enter the nominal value: the tolerances are counted from it"]);
    expect(await prisma.characteristic.findMany({ where: { version: { specId, number: 1 } }, select: { name: true } })).toEqual([{ name: "Height" }]);
  });

  it("is kept through saving, publishing and the next version", async () => {
    expect((await edit(1, contentForm(TYPED))).status).toBe(302);
    expect(numbers(snapshotOf((await editor(1)).data))).toEqual(STORED);

    const published = await call(versionRoute.action, versionPath(importer, specId, 1), {
      cookie: importer.cookie,
      params: versionParams(importer, specId, 1),
      form: { intent: "publish" },
    });
    expect(published.status).toBe(302);
    const page = await call(versionRoute.loader, versionPath(importer, specId, 1), { cookie: importer.cookie, params: versionParams(importer, specId, 1) });
    const v1 = snapshotOf(page.data);
    expect(numbers(v1)).toEqual(STORED);
    expect(v1.characteristics.map((c) => requirementText(c, translatorFor("en", "specs"), "en"))).toEqual([
      "0.60 +0.10 / −0.05 mm",
      "95.0 ± 1.0 mm",
      "at least 50.0 N",
    ]);
    const html = renderToString(createElement(InLanguage, { children: createElement(SpecVersionView, { org: importer.org, version: v1 }) }));
    expect(html).toContain("0.60 +0.10 / −0.05 mm");

    const next = await call(specRoute.action, `/${importer.org.slug}/specs/${specId}`, {
      cookie: importer.cookie,
      params: { org: importer.org.slug, specId },
      form: { intent: "new-version" },
    });
    expect(next.status).toBe(302);
    expect(numbers(snapshotOf((await editor(2)).data))).toEqual(STORED);
  });

  it("is kept on the first-article report and its CSV, limits included", async () => {
    const factory = await signedInMember("FACTORY", "QUALITY");
    const version = await prisma.specVersion.findFirstOrThrow({ where: { specId, number: 1 }, include: { characteristics: { orderBy: { position: "asc" } } } });
    await createSpecShare(specId, importer.org.id, factory.org.id);
    const wall = version.characteristics[0]!;
    const fa = await createFirstArticle(importer.org, factory.org, { id: specId }, version, {
      sampleCount: 1,
      readings: [{ key: wall.key, sample: 1, raw: "0.650", value: "0.650", passed: true }],
    });
    const out = await call(reportRoute.loader, `/${factory.org.slug}/first-articles/${fa.id}/report`, {
      cookie: factory.cookie,
      params: { org: factory.org.slug, faId: fa.id },
    });
    const row = (out.data as { report: FirstArticleReport }).report.rounds[0]!.rows[0]!;
    expect(row).toMatchObject({ requirement: "0.60 +0.10 / −0.05 mm", limits: "0.55 – 0.70 mm", verdict: "pass", mean: "0.650" });

    const csv = await call(csvRoute.loader, `/${factory.org.slug}/first-articles/${fa.id}/csv`, {
      cookie: factory.cookie,
      params: { org: factory.org.slug, faId: fa.id },
    });
    expect(csv.data as string).toContain("1,Wall thickness,0.60 +0.10 / −0.05 mm,major,0.650,0.650,0.650,0.650,Pass");
  });
});

describe("a version published before the missing-nominal rule", () => {
  it("shows its requirement as one that cannot be judged, and records readings against it without a verdict", async () => {
    const other = await signedInMember("IMPORTER", "QUALITY");
    const factory = await signedInMember("FACTORY", "QUALITY");
    const { spec, version } = await createSpec(other.org.id);
    await prisma.characteristic.updateMany({ where: { versionId: version.id }, data: { nominal: null, lowerTol: "-0.05", upperTol: "0.05" } });
    await createSpecShare(spec.id, other.org.id, factory.org.id);
    const [flatness] = await prisma.characteristic.findMany({ where: { versionId: version.id } });

    const page = await call(versionRoute.loader, `/${factory.org.slug}/specs/${spec.id}/v/1`, {
      cookie: factory.cookie,
      params: { org: factory.org.slug, specId: spec.id, number: "1" },
    });
    expect(page.status).toBe(200);
    const html = renderToString(createElement(InLanguage, { children: createElement(SpecVersionView, { org: factory.org, version: snapshotOf(page.data) }) }));
    expect(html).toContain("± 0.05 mm (cannot be judged: no nominal value)");

    const fa = await createFirstArticle(other.org, factory.org, spec, version, {
      sampleCount: 1,
      poNumber: unique("PO"),
      readings: [{ key: flatness!.key, sample: 1, raw: "0.02", value: "0.02", passed: null }],
    });
    const out = await call(reportRoute.loader, `/${factory.org.slug}/first-articles/${fa.id}/report`, {
      cookie: factory.cookie,
      params: { org: factory.org.slug, faId: fa.id },
    });
    const round = (out.data as { report: FirstArticleReport }).report.rounds[0]!;
    expect(round.rows[0]).toMatchObject({ verdict: "unjudged", limits: "cannot be judged: no nominal value" });
    expect(round.rows[0]!.readings).toEqual([{ sample: 1, raw: "0.02", verdict: "unjudged" }]);
    expect(round.counts).toEqual({ pass: 0, fail: 0, incomplete: 0, unjudged: 1 });
  });
});
