// The importer's lot decision on a submitted inspection: release, reject (with its reason) or
// accept with a deviation (with the waiver's reason, kept on the record); audited for both orgs
// and emailed to both sides. Only the importer's deciders decide; another tenant sees nothing.
// A rejected lot offers its re-inspection and a corrective action prefilled with its defects.
import { describe, expect, it } from "vitest";
import { prisma } from "~/lib/db.server.ts";
import * as caPageRoute from "~/routes/$org.corrective-actions.$caId._index.tsx";
import * as newCaRoute from "~/routes/$org.corrective-actions.new.tsx";
import * as inspectionRoute from "~/routes/$org.inspections.$inspectionId._index.tsx";
import { createAcknowledgement, createInspection, createMember, createSpec, createSpecShare } from "../support/factories.ts";
import { call, formErrors, inEnglish, signedInMember } from "../support/routes.ts";

async function scene() {
  const decider = await signedInMember("IMPORTER", "QUALITY");
  const owner = await signedInMember("IMPORTER", "OWNER", decider.org);
  const member = await signedInMember("IMPORTER", "MEMBER", decider.org);
  const viewer = await signedInMember("IMPORTER", "VIEWER", decider.org);
  const factoryOwner = await signedInMember("FACTORY", "OWNER");
  const factoryMember = await createMember("FACTORY", "MEMBER", factoryOwner.org);
  const outsider = await signedInMember("IMPORTER", "OWNER");
  const { spec, version } = await createSpec(decider.org.id, { title: "Mug 350 ml" });
  await createSpecShare(spec.id, decider.org.id, factoryOwner.org.id);
  await createAcknowledgement(version, factoryOwner.org.id);
  const submitted = (options: Parameters<typeof createInspection>[4] = {}) =>
    createInspection(decider.org, factoryOwner.org, spec, version, {
      status: "SUBMITTED",
      result: "FAIL",
      defects: [
        { class: "MAJOR", count: 11, description: "Glaze crack near the handle" },
        { class: "MINOR", count: 3, description: "Dust under the glaze" },
      ],
      ...options,
    });
  return {
    importer: decider.org,
    factory: factoryOwner.org,
    decider,
    owner,
    member,
    viewer,
    factoryOwner,
    outsider,
    importerUsers: [decider, owner, member, viewer].map((m) => m.user),
    factoryUsers: [factoryOwner, factoryMember].map((m) => m.user),
    spec,
    submitted,
  };
}
type Scene = Awaited<ReturnType<typeof scene>>;

const page = (slug: string, id: string) => `/${slug}/inspections/${id}`;

function decide(s: Scene, who: { cookie: string; org: { slug: string } }, inspection: { id: string; revision: number }, form: Record<string, string>) {
  return call(inspectionRoute.action, page(who.org.slug, inspection.id), {
    cookie: who.cookie,
    params: { org: who.org.slug, inspectionId: inspection.id },
    form: { intent: "decide-lot", revision: String(inspection.revision), ...form },
  });
}

const view = (who: { cookie: string; org: { slug: string } }, id: string) =>
  call(inspectionRoute.loader, page(who.org.slug, id), { cookie: who.cookie, params: { org: who.org.slug, inspectionId: id } });

type DecisionData = {
  decision: {
    canDecide: boolean;
    waiting: boolean;
    decision: { status: string; note: string | null; decidedBy: string | null } | null;
    afterRejection: { bookPath: string | null; openCorrectiveActionPath: string | null; correctiveAction: { path: string } | null } | null;
    classes: { class: string; found: number; accept: number; reject: number }[];
  };
  history: { did: { key: string } }[];
};

const fieldErrors = (outcome: { data: unknown }, field: string) =>
  inEnglish((outcome.data as { result?: { error?: Record<string, string[]> } }).result?.error?.[field] ?? []);

describe("the importer's lot decision", () => {
  it("shows the decision form to the importer's deciders only while the result waits, with the classes against Ac/Re", async () => {
    const s = await scene();
    const inspection = await s.submitted();
    const forDecider = (await view(s.decider, inspection.id)).data as DecisionData;
    expect(forDecider.decision).toMatchObject({ canDecide: true, waiting: true, decision: null });
    expect(forDecider.decision.classes.find((c) => c.class === "MAJOR")).toEqual({ class: "MAJOR", found: 11, accept: 10, reject: 11, zeroAllowed: false });
    for (const who of [s.member, s.viewer, s.factoryOwner]) {
      expect(((await view(who, inspection.id)).data as DecisionData).decision).toMatchObject({ canDecide: false, waiting: true });
    }
  });

  it("releases the lot: audited once for each org, the history says so, and every member of both sides is emailed", async () => {
    const s = await scene();
    const inspection = await s.submitted({ result: "PASS", defects: [] });
    const outcome = await decide(s, s.decider, inspection, { decision: "RELEASE", note: "" });
    expect(outcome.status).toBe(302);
    expect(outcome.location).toBe(`${page(s.importer.slug, inspection.id)}#decision`);
    const stored = await prisma.inspection.findUniqueOrThrow({ where: { id: inspection.id } });
    expect(stored).toMatchObject({ status: "RELEASED", decidedById: s.decider.user.id, decisionNote: null, revision: inspection.revision + 1 });

    const audits = await prisma.auditEvent.findMany({ where: { subjectType: "Inspection", subjectId: inspection.id, action: "inspection.decide" } });
    expect(audits.map((a) => a.orgId).sort()).toEqual([s.importer.id, s.factory.id].sort());

    const emails = await prisma.outboxEmail.findMany({
      where: { template: "inspection-decided", idempotencyKey: { startsWith: `inspection-decided:${inspection.id}:` } },
    });
    expect(emails.map((e) => e.to).sort()).toEqual([...s.importerUsers, ...s.factoryUsers].map((u) => u.email).sort());
    const factoryEmail = emails.find((e) => e.orgId === s.factory.id)!;
    expect(factoryEmail.data).toMatchObject({ decision: "RELEASED", importerName: s.importer.name, title: "Mug 350 ml", poNumber: inspection.poNumber });
    expect((factoryEmail.data as { link: string }).link).toContain(page(s.factory.slug, inspection.id));

    // Both sides read the decision; the factory's history names it.
    const forFactory = (await view(s.factoryOwner, inspection.id)).data as DecisionData;
    expect(forFactory.decision.decision).toMatchObject({ status: "RELEASED", decidedBy: s.decider.user.name });
    expect(forFactory.history.map((h) => h.did.key)).toContain("event.inspection.released");
  });

  it("refuses a rejection without its reason, keeping what was chosen, then records it with the reason", async () => {
    const s = await scene();
    const inspection = await s.submitted();
    const refused = await decide(s, s.decider, inspection, { decision: "REJECT", note: "  " });
    expect(refused.status).toBe(400);
    expect(fieldErrors(refused, "note")).toEqual(["Say why the lot is rejected."]);
    expect((refused.data as { decisionValues: Record<string, string> }).decisionValues).toMatchObject({ decision: "REJECT" });
    expect((await prisma.inspection.findUniqueOrThrow({ where: { id: inspection.id } })).status).toBe("SUBMITTED");

    const done = await decide(s, s.owner, inspection, { decision: "REJECT", note: "Eleven major defects: glaze cracks." });
    expect(done.status).toBe(302);
    expect(await prisma.inspection.findUniqueOrThrow({ where: { id: inspection.id } })).toMatchObject({
      status: "REJECTED",
      decisionNote: "Eleven major defects: glaze cracks.",
    });
    const email = await prisma.outboxEmail.findFirstOrThrow({
      where: { template: "inspection-decided", orgId: s.factory.id, idempotencyKey: { startsWith: `inspection-decided:${inspection.id}:` } },
    });
    expect(email.data).toMatchObject({ decision: "REJECTED", note: "Eleven major defects: glaze cracks." });
  });

  it("refuses a deviation without its reason, then keeps the waiver's reason on the record for both sides", async () => {
    const s = await scene();
    const inspection = await s.submitted();
    const refused = await decide(s, s.decider, inspection, { decision: "ACCEPT_WITH_DEVIATION" });
    expect(refused.status).toBe(400);
    expect(fieldErrors(refused, "note")).toEqual(["Describe the deviation and why it is accepted (or give the waiver number)."]);

    expect(
      (await decide(s, s.decider, inspection, { decision: "ACCEPT_WITH_DEVIATION", note: "Waiver W-12: cracks are cosmetic, customer agreed." })).status,
    ).toBe(302);
    const forFactory = (await view(s.factoryOwner, inspection.id)).data as DecisionData;
    expect(forFactory.decision.decision).toMatchObject({ status: "ACCEPTED_WITH_DEVIATION", note: "Waiver W-12: cracks are cosmetic, customer agreed." });
    expect(forFactory.history.map((h) => h.did.key)).toContain("event.inspection.acceptedWithDeviation");
  });

  it("refuses a decision made on an outdated page (409) and a second decision once decided", async () => {
    const s = await scene();
    const inspection = await s.submitted();
    const stale = await decide(s, s.decider, { id: inspection.id, revision: inspection.revision + 5 }, { decision: "RELEASE" });
    expect(stale.status).toBe(409);
    expect(inEnglish(formErrors(stale))).toEqual(["Someone else decided this lot a moment ago. Reload to see their decision."]);
    expect((await decide(s, s.decider, inspection, { decision: "RELEASE" })).status).toBe(302);
    const again = await decide(s, s.decider, { id: inspection.id, revision: inspection.revision + 1 }, { decision: "REJECT", note: "Changed my mind." });
    expect(again.status).toBe(403);
    expect((await prisma.inspection.findUniqueOrThrow({ where: { id: inspection.id } })).status).toBe("RELEASED");
  });

  it("lets no one else decide: the factory and the importer's members and viewers get 403, another importer 404, and nothing changes", async () => {
    const s = await scene();
    const inspection = await s.submitted();
    for (const who of [s.factoryOwner, s.member, s.viewer]) {
      const outcome = await decide(s, who, inspection, { decision: "RELEASE" });
      expect(outcome.status, who.membership.role).toBe(403);
    }
    const outsider = await decide(s, s.outsider, inspection, { decision: "RELEASE" });
    expect(outsider.status).toBe(404);
    expect(JSON.stringify(outsider.data)).not.toContain(inspection.poNumber);
    expect((await view(s.outsider, inspection.id)).status).toBe(404);
    expect(await prisma.inspection.findUniqueOrThrow({ where: { id: inspection.id } })).toMatchObject({ status: "SUBMITTED", revision: inspection.revision });
    expect(await prisma.auditEvent.count({ where: { subjectId: inspection.id, action: "inspection.decide" } })).toBe(0);
    expect(await prisma.outboxEmail.count({ where: { idempotencyKey: { startsWith: `inspection-decided:${inspection.id}:` } } })).toBe(0);
  });
});

describe("after a rejected lot", () => {
  it("offers the re-inspection to both sides and a corrective action to the importer, prefilled with the lot's defects and linked to it", async () => {
    const s = await scene();
    const inspection = await s.submitted();
    const defect = await prisma.inspectionDefect.findFirstOrThrow({ where: { inspectionId: inspection.id, class: "MAJOR" } });
    await prisma.attachment.create({
      data: {
        orgId: s.factory.id,
        ownerType: "InspectionDefect",
        ownerId: defect.id,
        name: "crack.png",
        contentType: "image/png",
        size: 10,
        sha256: "0".repeat(64),
        storageKey: `${s.factory.id}/crack-${defect.id}`,
      },
    });
    expect((await decide(s, s.decider, inspection, { decision: "REJECT", note: "Too many glaze cracks." })).status).toBe(302);

    const forImporter = ((await view(s.decider, inspection.id)).data as DecisionData).decision.afterRejection!;
    expect(forImporter.bookPath).toBe(`/${s.importer.slug}/inspections/new?reinspection-of=${inspection.id}`);
    expect(forImporter.openCorrectiveActionPath).toBe(`/${s.importer.slug}/corrective-actions/new?inspection=${inspection.id}`);
    const forFactory = ((await view(s.factoryOwner, inspection.id)).data as DecisionData).decision.afterRejection!;
    expect(forFactory.bookPath).toBe(`/${s.factory.slug}/inspections/new?reinspection-of=${inspection.id}`);
    expect(forFactory.openCorrectiveActionPath).toBeNull();

    const newCa = `/${s.importer.slug}/corrective-actions/new?inspection=${inspection.id}`;
    const form = await call(newCaRoute.loader, newCa, { cookie: s.decider.cookie, params: { org: s.importer.slug } });
    const defaults = (form.data as { defaults: { factoryId: string; title: string; problem: string; inspectionId: string } }).defaults;
    expect(defaults).toMatchObject({ factoryId: s.factory.id, inspectionId: inspection.id, title: `Rejected lot: Mug 350 ml (PO ${inspection.poNumber})` });
    expect(defaults.problem).toContain("- Major: Glaze crack near the handle (11)");
    expect(defaults.problem).toContain("- Minor: Dust under the glaze (3)");
    expect(defaults.problem).toContain("Reason for the rejection: Too many glaze cracks.");
    expect(defaults.problem).toContain("1 photo of the defects is on the inspection");

    const opened = await call(newCaRoute.action, newCa, {
      cookie: s.decider.cookie,
      params: { org: s.importer.slug },
      form: {
        factoryId: s.factory.id,
        title: defaults.title,
        problem: defaults.problem,
        severity: "MAJOR",
        planDueAt: "2099-01-15",
        inspectionId: inspection.id,
      },
    });
    expect(opened.status).toBe(302);
    const ca = await prisma.correctiveAction.findFirstOrThrow({ where: { inspectionId: inspection.id } });
    expect(ca).toMatchObject({ specId: s.spec.id, factoryId: s.factory.id, title: defaults.title });
    // The defects' photos are reached through the link to the inspection.
    const caPage = await call(caPageRoute.loader, `/${s.importer.slug}/corrective-actions/${ca.id}`, {
      cookie: s.decider.cookie,
      params: { org: s.importer.slug, caId: ca.id },
    });
    expect((caPage.data as { ca: { inspectionId: string } }).ca.inspectionId).toBe(inspection.id);
    // The decision part now leads to it instead of opening another.
    const after = ((await view(s.decider, inspection.id)).data as DecisionData).decision.afterRejection!;
    expect(after.openCorrectiveActionPath).toBeNull();
    expect(after.correctiveAction?.path).toBe(`/${s.importer.slug}/corrective-actions/${ca.id}`);
  });

  it("prefills nothing from a lot that was not rejected, refuses to link one, and gives another importer a 404", async () => {
    const s = await scene();
    const released = await s.submitted({ status: "RELEASED", result: "PASS" });
    const newCa = (slug: string) => `/${slug}/corrective-actions/new?inspection=${released.id}`;
    const form = await call(newCaRoute.loader, newCa(s.importer.slug), { cookie: s.decider.cookie, params: { org: s.importer.slug } });
    expect((form.data as { defaults: { title: string; inspectionId: string } }).defaults).toMatchObject({ title: "", inspectionId: "" });
    const linked = await call(newCaRoute.action, newCa(s.importer.slug), {
      cookie: s.decider.cookie,
      params: { org: s.importer.slug },
      form: {
        factoryId: s.factory.id,
        title: "Lot",
        problem: "Cracks near the handle.",
        severity: "MAJOR",
        planDueAt: "2099-01-15",
        inspectionId: released.id,
      },
    });
    expect(linked.status).toBe(400);
    expect(inEnglish(formErrors(linked))).toEqual(["That inspection is not a rejected lot of this factory."]);

    const rejected = await s.submitted({ status: "REJECTED" });
    const outsider = await call(newCaRoute.loader, `/${s.outsider.org.slug}/corrective-actions/new?inspection=${rejected.id}`, {
      cookie: s.outsider.cookie,
      params: { org: s.outsider.org.slug },
    });
    expect(outsider.status).toBe(404);
  });
});
