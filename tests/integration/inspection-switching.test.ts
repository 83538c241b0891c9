// ISO 2859-1 clause 9 over stored state: each submitted original inspection counts toward its
// partnership and spec's switching state (a re-inspection never does); a switch is stored with
// its reason and the lot that caused it, audited for both orgs and emailed to both sides, and
// the next booking's plan follows it. Five lots not accepted on tightened stop acceptance and
// open a corrective action; the importer resumes on tightened.
import { describe, expect, it } from "vitest";
import { inspectionPlan, DEFECT_CLASSES } from "~/features/inspections/plan.ts";
import { loadInspection } from "~/features/inspections/inspections.server.ts";
import { samplingSource } from "~/features/inspections/sampling-source.server.ts";
import { recordLotForSwitching, resumeSampling } from "~/features/inspections/switching.server.ts";
import { prisma } from "~/lib/db.server.ts";
import { requireMembership } from "~/lib/tenant.server.ts";
import { createAcknowledgement, createInspection, createMember, createSpec, createSpecShare } from "../support/factories.ts";
import { buildRequest, cookieFor } from "../support/routes.ts";

async function contextOf(user: { id: string }, org: { slug: string }) {
  return requireMembership(buildRequest(`/${org.slug}`, { cookie: await cookieFor(user.id) }), org.slug);
}

async function scene() {
  const decider = await createMember("IMPORTER", "QUALITY");
  const importerMember = await createMember("IMPORTER", "MEMBER", decider.org);
  const factoryOwner = await createMember("FACTORY", "OWNER");
  const { spec, version } = await createSpec(decider.org.id, { title: "Mug 350 ml" });
  const share = await createSpecShare(spec.id, decider.org.id, factoryOwner.org.id);
  await createAcknowledgement(version, factoryOwner.org.id);
  const factoryCtx = await contextOf(factoryOwner.user, factoryOwner.org);

  /** One submitted lot of 5,000 at the state's current severity, counted as the submission would count it. */
  const lot = async (accepted: boolean, options: { reinspectionOfId?: string } = {}) => {
    const { severity } = await samplingSource(share.partnershipId, spec.id);
    const created = await createInspection(decider.org, factoryOwner.org, spec, version, {
      status: "SUBMITTED",
      result: accepted ? "PASS" : "FAIL",
      severity: severity === "stopped" ? "tightened" : severity,
      reinspectionOfId: options.reinspectionOfId,
    });
    const inspection = await loadInspection(factoryCtx, created.id);
    const classes = DEFECT_CLASSES.map((c) => {
      const plan = inspection.plan.classes[c];
      return { plan, aql: plan.aql, found: !accepted && c === "MAJOR" ? plan.reject : 0 };
    });
    const switched = await prisma.$transaction((tx) => recordLotForSwitching(tx, factoryCtx, inspection, { accepted, classes, steadyProduction: true }));
    return { inspection, switched };
  };
  const state = () => prisma.samplingState.findUnique({ where: { partnershipId_specId: { partnershipId: share.partnershipId, specId: spec.id } } });
  return { importer: decider.org, factory: factoryOwner.org, decider, importerMember, factoryOwner, spec, partnershipId: share.partnershipId, lot, state };
}

describe("the switching rules on stored state", () => {
  it("switches normal to tightened when 2 of 5 lots are not accepted, and the next booking draws a larger sample or accepts fewer", async () => {
    const s = await scene();
    for (const accepted of [true, false, true, true]) expect((await s.lot(accepted)).switched).toBeNull();
    expect(await s.state()).toMatchObject({ severity: "normal", recent: [true, false, true, true] });

    const { inspection, switched } = await s.lot(false);
    expect(switched).toEqual({ from: "normal", to: "tightened", reason: "twoOfFiveNotAccepted" });
    const stored = (await s.state())!;
    expect(stored).toMatchObject({ severity: "tightened", reason: "twoOfFiveNotAccepted", switchedByInspectionId: inspection.id, recent: [], score: 0 });
    expect(stored.switchedAt).toBeInstanceOf(Date);

    const audits = await prisma.auditEvent.findMany({ where: { subjectType: "SamplingState", subjectId: stored.id, action: "samplingState.switch" } });
    expect(audits.map((a) => a.orgId).sort()).toEqual([s.importer.id, s.factory.id].sort());
    const emails = await prisma.outboxEmail.findMany({
      where: { template: "inspection-severity-switched", idempotencyKey: { startsWith: `severity-switched:${stored.id}:` } },
    });
    expect(emails.map((e) => e.to).sort()).toEqual([s.decider.user.email, s.importerMember.user.email, s.factoryOwner.user.email].sort());
    const toFactory = emails.find((e) => e.orgId === s.factory.id)!;
    expect(toFactory.data).toMatchObject({ from: "normal", to: "tightened", reason: "twoOfFiveNotAccepted", poNumber: inspection.poNumber });
    expect((toFactory.data as { link: string }).link).toContain(`/${s.factory.slug}/inspections/${inspection.id}`);

    // What a new booking is planned with.
    const source = await samplingSource(s.partnershipId, s.spec.id);
    expect(source).toMatchObject({ severity: "tightened", severityReason: "twoOfFiveNotAccepted" });
    const plan = (lotSize: number, severity: "normal" | "tightened") => inspectionPlan({ lotSize, choices: source.choices, severity, severityReason: null });
    const next = inspectionPlan({ lotSize: 100, choices: source.choices, severity: "tightened", severityReason: source.severityReason });
    expect(next.severityReason).toBe("twoOfFiveNotAccepted");
    expect(next.sampleSize).toBe(32);
    expect(plan(100, "normal").sampleSize).toBe(20);
    expect(plan(5000, "tightened").classes.MAJOR.accept).toBe(8);
    expect(plan(5000, "normal").classes.MAJOR.accept).toBe(10);
  });

  it("never counts a re-inspection of a rejected lot", async () => {
    const s = await scene();
    const { inspection: rejected } = await s.lot(false);
    const before = await s.state();
    const { switched } = await s.lot(false, { reinspectionOfId: rejected.id });
    expect(switched).toBeNull();
    expect(await s.state()).toEqual(before);
    // A second original lot not accepted is the one that switches.
    expect((await s.lot(false)).switched).toMatchObject({ to: "tightened" });
  });

  it("returns to normal after 5 lots in a row accepted on tightened, not before", async () => {
    const s = await scene();
    await s.lot(false);
    await s.lot(false);
    expect((await s.state())!.severity).toBe("tightened");
    for (let i = 0; i < 4; i++) expect((await s.lot(true)).switched).toBeNull();
    expect(await s.state()).toMatchObject({ severity: "tightened", acceptedInRow: 4 });
    const { switched } = await s.lot(true);
    expect(switched).toEqual({ from: "tightened", to: "normal", reason: "fiveAcceptedOnTightened" });
    expect((await samplingSource(s.partnershipId, s.spec.id)).severity).toBe("normal");
  });

  it("stops acceptance after 5 lots not accepted on tightened, opening a corrective action for the partnership; the importer's decider resumes on tightened", async () => {
    const s = await scene();
    await s.lot(false);
    await s.lot(false);
    for (let i = 0; i < 4; i++) expect((await s.lot(false)).switched).toBeNull();
    const { inspection, switched } = await s.lot(false);
    expect(switched).toEqual({ from: "tightened", to: "stopped", reason: "fiveNotAcceptedOnTightened" });

    const ca = await prisma.correctiveAction.findFirstOrThrow({ where: { partnershipId: s.partnershipId, inspectionId: inspection.id } });
    expect(ca).toMatchObject({
      importerId: s.importer.id,
      factoryId: s.factory.id,
      specId: s.spec.id,
      status: "OPEN",
      title: "Inspection stopped: Mug 350 ml",
    });
    expect(ca.problem).toContain("Five lots of Mug 350 ml were not accepted on tightened inspection");
    const opened = await prisma.auditEvent.findMany({ where: { subjectType: "CorrectiveAction", subjectId: ca.id, action: "correctiveAction.open" } });
    expect(opened.map((a) => a.orgId).sort()).toEqual([s.importer.id, s.factory.id].sort());
    expect(
      await prisma.outboxEmail.count({ where: { template: "corrective-action-update", idempotencyKey: { startsWith: `ca:${ca.id}:opened:` } } }),
    ).toBeGreaterThan(0);

    // While stopped, further lots change nothing.
    const stopped = await s.state();
    expect((await s.lot(false)).switched).toBeNull();
    expect(await s.state()).toEqual(stopped);

    // Only the importer's deciders resume.
    const memberCtx = await contextOf(s.importerMember.user, s.importer);
    await expect(resumeSampling(memberCtx, s.partnershipId, s.spec.id)).rejects.toMatchObject({ init: { status: 403 } });
    const deciderCtx = await contextOf(s.decider.user, s.importer);
    expect(await resumeSampling(deciderCtx, s.partnershipId, s.spec.id)).toEqual({ from: "stopped", to: "tightened", reason: "resumedAfterCorrectiveAction" });
    const resumed = (await s.state())!;
    expect(resumed).toMatchObject({ severity: "tightened", reason: "resumedAfterCorrectiveAction", switchedByInspectionId: null, notAcceptedOnTightened: 0 });
    expect(await prisma.auditEvent.count({ where: { subjectId: resumed.id, action: "samplingState.resume" } })).toBe(2);
    const emails = await prisma.outboxEmail.findMany({ where: { idempotencyKey: { startsWith: `severity-switched:${resumed.id}:${resumed.revision}:` } } });
    expect(emails.map((e) => e.orgId).sort()).toEqual([s.importer.id, s.importer.id, s.factory.id].sort());
    expect((emails.find((e) => e.orgId === s.importer.id)!.data as { link: string }).link).toContain(
      `/${s.importer.slug}/partners/${s.partnershipId}/sampling`,
    );
    // Resuming twice is refused: it is no longer stopped.
    await expect(resumeSampling(deciderCtx, s.partnershipId, s.spec.id)).rejects.toMatchObject({ init: { status: 403 } });
  });
});
