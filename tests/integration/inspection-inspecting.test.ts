// Inspecting a confirmed lot through the real page and save route: fields and readings saved as
// they are typed (a field someone else changed comes back as a conflict, not overwritten), the
// submission refused with each incomplete field named, the result computed from what was
// recorded (a defect count over the major Ac fails the lot; a clean lot passes), the importer
// told, and who may record and submit; another tenant sees nothing of it.
import { describe, expect, it } from "vitest";
import { prisma } from "~/lib/db.server.ts";
import { storedPlan } from "~/features/inspections/plan.ts";
import * as pageRoute from "~/routes/$org.inspections.$inspectionId._index.tsx";
import * as saveRoute from "~/routes/$org.inspections.$inspectionId.save.ts";
import { createAcknowledgement, createInspection, createMember, createSpec, createSpecShare } from "../support/factories.ts";
import { TINY_PNG } from "../support/files.ts";
import { call, signedInMember, type SignedInMember } from "../support/routes.ts";

async function scene(options: { inspectedBy?: "FACTORY" | "IMPORTER"; type?: "PRE_SHIPMENT" | "RE_INSPECTION" } = {}) {
  const importer = await signedInMember("IMPORTER", "OWNER");
  await createMember("IMPORTER", "QUALITY", importer.org);
  await createMember("IMPORTER", "MEMBER", importer.org);
  const lead = await signedInMember("FACTORY", "QUALITY");
  const member = await signedInMember("FACTORY", "MEMBER", lead.org);
  const stranger = await signedInMember("FACTORY", "OWNER");
  const { spec, version } = await createSpec(importer.org.id);
  await prisma.specVersion.update({ where: { id: version.id }, data: { packaging: "Carton marked with PO and SKU\n\nInsert leaflet in every box\n" } });
  await createSpecShare(spec.id, importer.org.id, lead.org.id);
  await createAcknowledgement(version, lead.org.id);
  const key = (await prisma.characteristic.findFirstOrThrow({ where: { versionId: version.id } })).key;
  const inspection = await createInspection(importer.org, lead.org, spec, version, {
    status: "CONFIRMED",
    inspectedBy: options.inspectedBy ?? "FACTORY",
    type: options.type,
    lotSize: 5000,
  });
  const plan = storedPlan(inspection.plan);
  return { importer, lead, member, stranger, inspection, key, plan };
}
type Scene = Awaited<ReturnType<typeof scene>>;

const page = (who: SignedInMember, id: string) => `/${who.org.slug}/inspections/${id}`;
const postPage = (who: SignedInMember, id: string, form: Record<string, string | string[]>) =>
  call(pageRoute.action, `${page(who, id)}?index`, { cookie: who.cookie, params: { org: who.org.slug, inspectionId: id }, form });
const postSave = (who: SignedInMember, id: string, form: Record<string, string | string[]>) =>
  call(saveRoute.action, `${page(who, id)}/save`, { cookie: who.cookie, params: { org: who.org.slug, inspectionId: id }, form });
const loadPage = (who: SignedInMember, id: string) =>
  call(pageRoute.loader, page(who, id), { cookie: who.cookie, params: { org: who.org.slug, inspectionId: id } });

/** Everything a finished inspection posts, readings within tolerance and both checks answered. */
function completeForm(s: Scene, extra: Record<string, string> = {}) {
  const form: Record<string, string> = {
    cartonsTotal: "50",
    cartonsChecked: "8",
    packedPercent: "100",
    quantityNote: "",
    steadyProduction: "true",
    resultNote: "All good",
    pendingDecision: "",
    "check.001.result": "PASS",
    "check.001.note": "",
    "check.002.result": "NOT_APPLICABLE",
    "check.002.note": "Leaflets ship separately",
  };
  for (let n = 1; n <= s.plan.measured.sampleSize; n++) form[`m.${s.key}.${n}`] = n === 1 ? "95.5" : "95.0";
  return { ...form, ...extra };
}

const reload = (id: string) => prisma.inspection.findUniqueOrThrow({ where: { id }, include: { defects: true, checks: true, measurements: true } });

describe("recording an inspection as it is typed", () => {
  it("stores a changed field and a changed reading, each judged on the server, and keeps a value someone else changed meanwhile (409)", async () => {
    const s = await scene();
    const fields = await postSave(s.lead, s.inspection.id, {
      intent: "save-fields",
      "v.cartonsChecked": " 8 ",
      "w.cartonsChecked": "",
      "v.check.001.result": "FAIL",
      "w.check.001.result": "",
    });
    expect(fields.status).toBe(200);
    expect(fields.data).toMatchObject({
      intent: "save-fields",
      saved: [
        { name: "cartonsChecked", value: "8" },
        { name: "check.001.result", value: "FAIL" },
      ],
      conflicts: [],
    });
    const readings = await postSave(s.lead, s.inspection.id, { intent: "save-readings", [`m.${s.key}.1`]: "96", [`was.${s.key}.1`]: "" });
    expect(readings.status).toBe(200);
    let stored = await reload(s.inspection.id);
    expect(stored.cartonsChecked).toBe(8);
    expect(stored.checks.map((c) => [c.key, c.label, c.result])).toEqual([["001", "Carton marked with PO and SKU", "FAIL"]]);
    expect(stored.measurements.map((m) => [m.raw, m.passed])).toEqual([["96", false]]);

    // A colleague's page still shows the cartons empty: their 9 does not overwrite the 8.
    const late = await postSave(s.member, s.inspection.id, {
      intent: "save-fields",
      "v.cartonsChecked": "9",
      "w.cartonsChecked": "",
      "v.quantityNote": "Wet cartons",
      "w.quantityNote": "",
    });
    expect(late.status).toBe(409);
    expect(late.data).toMatchObject({ conflicts: [{ name: "cartonsChecked", theirs: "8" }], saved: [{ name: "quantityNote", value: "Wet cartons" }] });
    const cellConflict = await postSave(s.member, s.inspection.id, { intent: "save-readings", [`m.${s.key}.1`]: "95", [`was.${s.key}.1`]: "" });
    expect(cellConflict.status).toBe(409);
    expect(cellConflict.data).toMatchObject({ conflicts: [{ key: s.key, sample: 1, theirs: "96" }] });
    stored = await reload(s.inspection.id);
    expect([stored.cartonsChecked, stored.quantityNote, stored.measurements[0]?.raw]).toEqual([8, "Wet cartons", "96"]);
  });

  it("refuses a field no inspection section has, and a packed percentage over 100 (400)", async () => {
    const s = await scene();
    expect((await postSave(s.lead, s.inspection.id, { intent: "save-fields", "v.status": "SUBMITTED", "w.status": "CONFIRMED" })).status).toBe(400);
    expect((await postSave(s.lead, s.inspection.id, { intent: "save-fields", "v.packedPercent": "101", "w.packedPercent": "" })).status).toBe(400);
    expect((await reload(s.inspection.id)).packedPercent).toBeNull();
  });

  it("saves every section with the Save button, a new defect row included, without JavaScript", async () => {
    const s = await scene();
    const out = await postPage(s.lead, s.inspection.id, {
      intent: "save-inspection",
      ...completeForm(s, { "d.new-MINOR.class": "MINOR", "d.new-MINOR.description": "Glaze speck", "d.new-MINOR.count": "2", "d.new-MINOR.exampleKey": "" }),
    });
    expect(out.status).toBe(302);
    const stored = await reload(s.inspection.id);
    expect([stored.cartonsTotal, stored.packedPercent, stored.steadyProduction, stored.pendingDecision]).toEqual([50, 100, true, false]);
    expect(stored.defects.map((d) => [d.class, d.description, d.count])).toEqual([["MINOR", "Glaze speck", 2]]);
    expect(stored.measurements).toHaveLength(s.plan.measured.sampleSize);
    expect(stored.checks.map((c) => c.result)).toEqual(["PASS", "NOT_APPLICABLE"]);
  });
});

describe("photos of a defect", () => {
  const photos = () => {
    const form = new FormData();
    form.append("photos", new File([new Uint8Array(TINY_PNG)], "chip.png", { type: "image/png" }));
    return form;
  };
  const upload = (who: SignedInMember, id: string, defectId: string) =>
    call(saveRoute.action, `${page(who, id)}/save?photos=${defectId}`, { cookie: who.cookie, params: { org: who.org.slug, inspectionId: id }, body: photos() });

  it("are stored on the defect through the upload checks and shown with it; the importer may not add any to a factory-inspected lot", async () => {
    const s = await scene();
    const defect = await prisma.inspectionDefect.create({
      data: { inspectionId: s.inspection.id, position: 0, class: "MAJOR", description: "Chip", count: 1 },
    });
    const out = await upload(s.member, s.inspection.id, defect.id);
    expect(out.status).toBe(302);
    expect(out.location).toBe(`/${s.member.org.slug}/inspections/${s.inspection.id}#defects`);
    const stored = await prisma.attachment.findMany({ where: { ownerType: "InspectionDefect", ownerId: defect.id } });
    expect(stored.map((a) => [a.name, a.contentType, a.orgId])).toEqual([["chip.png", "image/png", s.lead.org.id]]);
    const shown = await loadPage(s.importer, s.inspection.id);
    const view = (shown.data as { inspecting: { defects: { id: string; photos: { id: string }[] }[] } }).inspecting;
    expect(view.defects[0]!.photos.map((p) => p.id)).toEqual([stored[0]!.id]);

    expect((await upload(s.importer, s.inspection.id, defect.id)).status).toBe(403);
    expect((await upload(s.stranger, s.inspection.id, defect.id)).status).toBe(404);
    expect((await upload(s.lead, s.inspection.id, "not-a-defect")).status).toBe(404);
    expect(await prisma.attachment.count({ where: { ownerType: "InspectionDefect", ownerId: defect.id } })).toBe(1);
  });
});

describe("submitting the result", () => {
  it("is refused (422) with each incomplete field named and linked, and nothing submitted", async () => {
    const s = await scene();
    await prisma.inspectionDefect.create({ data: { inspectionId: s.inspection.id, position: 0, class: "MAJOR", description: "", count: 2 } });
    const out = await postPage(s.lead, s.inspection.id, { intent: "submit-result" });
    expect(out.status).toBe(422);
    const problems = (out.data as { problems: { fieldId: string }[] }).problems.map((p) => p.fieldId);
    expect(problems).toContain("insp-cartonsChecked");
    expect(problems).toContain("insp-packedPercent");
    expect(problems).toContain("cell-1-1");
    expect(problems).toContain(`cell-1-${s.plan.measured.sampleSize}`);
    expect(problems.some((id) => /^insp-d_.+_description$/.test(id))).toBe(true);
    expect(problems).toContain("insp-check_001_result");
    expect(problems).toContain("insp-check_002_result");
    expect((await reload(s.inspection.id)).status).toBe("CONFIRMED");
  });

  it("fails the lot when the major defects found exceed Ac, stored with who submitted it and audited for both orgs", async () => {
    const s = await scene();
    const over = String(s.plan.classes.MAJOR.accept + 1);
    const out = await postPage(s.lead, s.inspection.id, {
      intent: "submit-result",
      ...completeForm(s, { "d.new-MAJOR.class": "MAJOR", "d.new-MAJOR.description": "Chipped rim", "d.new-MAJOR.count": over, "d.new-MAJOR.exampleKey": "" }),
    });
    expect(out.status).toBe(302);
    const stored = await reload(s.inspection.id);
    expect([stored.status, stored.result, stored.submittedById]).toEqual(["SUBMITTED", "FAIL", s.lead.user.id]);
    expect(stored.submittedAt).not.toBeNull();
    const audits = await prisma.auditEvent.findMany({ where: { action: "inspection.submit", subjectId: s.inspection.id } });
    expect(audits.map((a) => a.orgId).sort()).toEqual([s.importer.org.id, s.lead.org.id].sort());

    const shown = await loadPage(s.importer, s.inspection.id);
    const view = (shown.data as { inspecting: { outcome: { result: string; classes: { defectClass: string; found: number; passed: boolean }[] } } }).inspecting;
    expect(view.outcome.result).toBe("FAIL");
    expect(view.outcome.classes.find((c) => c.defectClass === "MAJOR")).toMatchObject({ found: Number(over), passed: false });
    // The history says who submitted it, for the factory, and that it failed.
    const history = JSON.stringify((shown.data as { history: unknown }).history);
    expect(history).toContain("event.inspection.submitFail");
    expect(history).toContain(s.lead.org.name);
  });

  it("lets the importer's own inspector record and submit an importer-inspected lot, which the factory may not record", async () => {
    const s = await scene({ inspectedBy: "IMPORTER" });
    const inspector = await signedInMember("IMPORTER", "MEMBER", s.importer.org);
    expect((await postSave(s.lead, s.inspection.id, { intent: "save-fields", "v.cartonsTotal": "40", "w.cartonsTotal": "" })).status).toBe(403);
    const out = await postPage(inspector, s.inspection.id, { intent: "submit-result", ...completeForm(s) });
    expect(out.status).toBe(302);
    const stored = await reload(s.inspection.id);
    expect([stored.status, stored.result, stored.submittedById]).toEqual(["SUBMITTED", "PASS", inspector.user.id]);
  });

  it("passes a clean lot and emails the importer's owners and quality leads with a link to it", async () => {
    const s = await scene();
    const out = await postPage(s.lead, s.inspection.id, { intent: "submit-result", ...completeForm(s) });
    expect(out.status).toBe(302);
    expect((await reload(s.inspection.id)).result).toBe("PASS");
    const emails = await prisma.outboxEmail.findMany({ where: { idempotencyKey: { startsWith: `inspection-result:${s.inspection.id}:` } } });
    expect(emails).toHaveLength(2);
    expect(emails.every((e) => e.orgId === s.importer.org.id && e.template === "inspection-result")).toBe(true);
    expect(JSON.stringify(emails[0]!.data)).toContain(`/${s.importer.org.slug}/inspections/${s.inspection.id}`);
    // Submitted: nothing more is recorded.
    expect((await postSave(s.lead, s.inspection.id, { intent: "save-fields", "v.quantityNote": "late", "w.quantityNote": "" })).status).toBe(409);
  });

  it("lets a factory member record a factory-inspected lot but not submit it (403)", async () => {
    const s = await scene();
    expect((await postSave(s.member, s.inspection.id, { intent: "save-fields", "v.cartonsTotal": "40", "w.cartonsTotal": "" })).status).toBe(200);
    expect((await postPage(s.member, s.inspection.id, { intent: "save-inspection", ...completeForm(s) })).status).toBe(302);
    expect((await postPage(s.member, s.inspection.id, { intent: "submit-result", ...completeForm(s) })).status).toBe(403);
    expect((await reload(s.inspection.id)).status).toBe("CONFIRMED");
  });

  it("refuses the importer recording a lot the factory inspects (403), on the page and on the save route", async () => {
    const s = await scene();
    expect((await postSave(s.importer, s.inspection.id, { intent: "save-fields", "v.cartonsTotal": "40", "w.cartonsTotal": "" })).status).toBe(403);
    expect((await postPage(s.importer, s.inspection.id, { intent: "save-inspection", ...completeForm(s) })).status).toBe(403);
    expect((await postPage(s.importer, s.inspection.id, { intent: "submit-result", ...completeForm(s) })).status).toBe(403);
    expect((await reload(s.inspection.id)).cartonsTotal).toBeNull();
  });
});

describe("another tenant", () => {
  it("gets 404 on the page and on the save route, and changes nothing", async () => {
    const s = await scene();
    expect((await loadPage(s.stranger, s.inspection.id)).status).toBe(404);
    expect((await postSave(s.stranger, s.inspection.id, { intent: "save-fields", "v.cartonsTotal": "40", "w.cartonsTotal": "" })).status).toBe(404);
    expect((await postPage(s.stranger, s.inspection.id, { intent: "save-inspection", ...completeForm(s) })).status).toBe(404);
    expect((await reload(s.inspection.id)).cartonsTotal).toBeNull();
  });
});
