// Booking a production inspection through the real routes: either side books against the current
// version the factory acknowledged, the other side confirms, another date needs a reason from the
// cut-off (the day before, in the inspecting side's zone), and the inspecting side aborts with a
// reason code. The plan is the snapshot inspectionPlan gives for the lot; a stopped scheme refuses;
// a re-inspection copies the rejected lot's plan; each email goes to the other side only.
import { beforeAll, describe, expect, it } from "vitest";
import { dayIn } from "~/features/corrective-actions/due.ts";
import { pastCutOff } from "~/features/inspections/booking.server.ts";
import { DEFAULT_SAMPLING, inspectionPlan } from "~/features/inspections/plan.ts";
import { DAY_MS, isoDay } from "~/lib/dates.ts";
import { prisma } from "~/lib/db.server.ts";
import * as pageRoute from "~/routes/$org.inspections.$inspectionId._index.tsx";
import * as listRoute from "~/routes/$org.inspections._index.tsx";
import * as newRoute from "~/routes/$org.inspections.new.tsx";
import { createAcknowledgement, createInspection, createSpec, createSpecShare, unique } from "../support/factories.ts";
import { countStatements } from "../support/statements.ts";
import { call, formErrors, inEnglish, type Outcome, type SignedInMember, signedInTeam } from "../support/routes.ts";

const day = (offset: number, zone = "UTC") => isoDay(new Date(dayIn(zone).getTime() + offset * DAY_MS));

async function world() {
  const importer = await signedInTeam("IMPORTER", ["OWNER", "QUALITY", "MEMBER", "VIEWER"]);
  const factory = await signedInTeam("FACTORY", ["OWNER", "QUALITY", "MEMBER", "VIEWER"]);
  const { spec, version } = await createSpec(importer.OWNER.org.id, { title: `Kettle ${unique("t")}` });
  await createSpecShare(spec.id, importer.OWNER.org.id, factory.QUALITY.org.id);
  await createAcknowledgement(version, factory.QUALITY.org.id);
  const partnership = await prisma.partnership.findFirstOrThrow({ where: { importerId: importer.OWNER.org.id, factoryId: factory.QUALITY.org.id } });
  return { importer, factory, spec, version, partnership };
}
type World = Awaited<ReturnType<typeof world>>;

const newAction = (who: SignedInMember, form: Record<string, string>, query = "") =>
  call(newRoute.action, `/${who.org.slug}/inspections/new${query}`, { cookie: who.cookie, params: { org: who.org.slug }, form });
const newLoader = (who: SignedInMember, query = "") =>
  call(newRoute.loader, `/${who.org.slug}/inspections/new${query}`, { cookie: who.cookie, params: { org: who.org.slug } });
const pageAction = (who: SignedInMember, inspectionId: string, form: Record<string, string>) =>
  call(pageRoute.action, `/${who.org.slug}/inspections/${inspectionId}`, { cookie: who.cookie, params: { org: who.org.slug, inspectionId }, form });
const pageLoader = (who: SignedInMember, inspectionId: string) =>
  call(pageRoute.loader, `/${who.org.slug}/inspections/${inspectionId}`, { cookie: who.cookie, params: { org: who.org.slug, inspectionId } });

const booking = (w: World, overrides: Record<string, string> = {}) => ({
  specId: w.spec.id,
  factoryId: w.factory.QUALITY.org.id,
  type: "PRE_SHIPMENT",
  poNumber: "4500-881",
  orderQuantity: "6000",
  lotSize: "5000",
  proposedDate: day(5),
  expectedShipDate: day(9),
  inspectedBy: "FACTORY",
  ...overrides,
});

const idFrom = (out: Outcome) => {
  expect(out.status, JSON.stringify(out.data)).toBe(302);
  return out.location!.split("/").pop()!;
};
const load = (id: string) => prisma.inspection.findUniqueOrThrow({ where: { id } });
const emailsOf = (prefix: string) =>
  prisma.outboxEmail.findMany({ where: { idempotencyKey: { startsWith: prefix } }, select: { orgId: true, template: true, to: true, data: true } });
const fieldErrors = (out: Outcome, field: string) =>
  inEnglish(((out.data as { result?: { error?: Record<string, string[]> } }).result?.error ?? {})[field] ?? []);

describe("booking an inspection, from either side", () => {
  let w: World;
  beforeAll(async () => {
    w = await world();
  });

  it("lets the factory book against the acknowledged current version, with the plan inspectionPlan gives for the lot", async () => {
    const form = await newLoader(w.factory.QUALITY);
    expect((form.data as { specs: { specId: string }[] }).specs.map((s) => s.specId)).toEqual([w.spec.id]);
    const id = idFrom(await newAction(w.factory.QUALITY, booking(w, { factoryId: "" })));
    const row = await load(id);
    const expected = inspectionPlan({ lotSize: 5000, choices: DEFAULT_SAMPLING, severity: "normal", severityReason: null });
    expect(row).toMatchObject({
      status: "BOOKED",
      type: "PRE_SHIPMENT",
      poNumber: "4500-881",
      orderQuantity: 6000,
      lotSize: 5000,
      inspectedBy: "FACTORY",
      proposedByOrgId: w.factory.QUALITY.org.id,
      importerId: w.importer.OWNER.org.id,
      factoryId: w.factory.QUALITY.org.id,
      versionId: w.version.id,
      severity: "normal",
      sampleSize: expected.sampleSize,
    });
    expect(row.plan).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(isoDay(row.proposedDate)).toBe(day(5));
    // The worked example: 5,000 units at level II, AQL 2.5, draws 200.
    expect(expected.classes.MAJOR).toMatchObject({ sampleSize: 200, accept: 10, reject: 11 });
    const audits = await prisma.auditEvent.findMany({ where: { subjectType: "Inspection", subjectId: id, action: "inspection.book" } });
    expect(audits.map((a) => a.orgId).sort()).toEqual([w.importer.OWNER.org.id, w.factory.QUALITY.org.id].sort());
    // Emailed to the importer's members who may confirm (not its viewer), never to the factory.
    const emails = await emailsOf(`inspection-booked:${id}:`);
    expect(emails.every((e) => e.orgId === w.importer.OWNER.org.id && e.template === "inspection-booked")).toBe(true);
    expect(emails.map((e) => e.to).sort()).toEqual([w.importer.OWNER, w.importer.QUALITY, w.importer.MEMBER].map((m) => m.user.email).sort());
  });

  it("lets the importer (a member) book at a factory it chooses; the factory's leads are emailed", async () => {
    const id = idFrom(await newAction(w.importer.MEMBER, booking(w, { inspectedBy: "IMPORTER", type: "DURING_PRODUCTION", lotSize: "1200" })));
    const row = await load(id);
    expect(row).toMatchObject({ proposedByOrgId: w.importer.OWNER.org.id, inspectedBy: "IMPORTER", type: "DURING_PRODUCTION", lotSize: 1200 });
    const emails = await emailsOf(`inspection-booked:${id}:`);
    expect(emails.map((e) => e.to).sort()).toEqual([w.factory.OWNER, w.factory.QUALITY].map((m) => m.user.email).sort());
    expect(emails.every((e) => e.orgId === w.factory.QUALITY.org.id)).toBe(true);
  });

  it("refuses what the form cannot hold, keeping what was typed: a lot over the order, a past day, a ship date before it, another factory", async () => {
    const over = await newAction(w.factory.QUALITY, booking(w, { lotSize: "7000" }));
    expect(over.status).toBe(400);
    expect(fieldErrors(over, "lotSize")).toEqual(["The lot presented cannot be larger than the order quantity."]);
    expect((over.data as { result: { initialValue: Record<string, string> } }).result.initialValue).toMatchObject({ poNumber: "4500-881", lotSize: "7000" });
    const past = await newAction(w.factory.QUALITY, booking(w, { proposedDate: day(-2), expectedShipDate: "" }));
    expect(past.status).toBe(422);
    expect(fieldErrors(past, "proposedDate")[0]).toMatch(/already passed for the inspecting side/);
    const ship = await newAction(w.factory.QUALITY, booking(w, { expectedShipDate: day(2) }));
    expect(fieldErrors(ship, "expectedShipDate")).toEqual(["The expected ship date cannot be before the inspection day."]);
    const stranger = await newAction(w.importer.QUALITY, booking(w, { factoryId: "not-a-factory" }));
    expect(stranger.status).toBe(422);
    expect(fieldErrors(stranger, "factoryId")[0]).toMatch(/Choose a factory/);
    const fraction = await newAction(w.factory.QUALITY, booking(w, { lotSize: "12.5" }));
    expect(fieldErrors(fraction, "lotSize")).toEqual(["Enter the lot size as a whole number of units."]);
  });

  it("does not offer a spec whose current version the factory has not acknowledged", async () => {
    const { spec } = await createSpec(w.importer.OWNER.org.id);
    await createSpecShare(spec.id, w.importer.OWNER.org.id, w.factory.QUALITY.org.id);
    const form = await newLoader(w.importer.OWNER);
    expect((form.data as { specs: { specId: string }[] }).specs.map((s) => s.specId)).not.toContain(spec.id);
    const out = await newAction(w.factory.QUALITY, booking(w, { specId: spec.id }));
    expect(out.status).toBe(422);
    expect(fieldErrors(out, "specId")[0]).toMatch(/acknowledged/);
  });

  it("refuses to book while acceptance is stopped, saying the importer resumes it after a corrective action", async () => {
    const { spec, version } = await createSpec(w.importer.OWNER.org.id);
    await createSpecShare(spec.id, w.importer.OWNER.org.id, w.factory.QUALITY.org.id);
    await createAcknowledgement(version, w.factory.QUALITY.org.id);
    await prisma.samplingState.create({
      data: { importerId: w.importer.OWNER.org.id, factoryId: w.factory.QUALITY.org.id, partnershipId: w.partnership.id, specId: spec.id, severity: "stopped" },
    });
    const before = await prisma.inspection.count({ where: { specId: spec.id } });
    const out = await newAction(w.factory.QUALITY, booking(w, { specId: spec.id }));
    expect(out.status).toBe(422);
    expect(inEnglish(formErrors(out))[0]).toMatch(/Acceptance is stopped.*until the importer resumes it after a corrective action/);
    expect(await prisma.inspection.count({ where: { specId: spec.id } })).toBe(before);
  });

  it("books on tightened inspection when the switching rules reached it, with the larger sample", async () => {
    const { spec, version } = await createSpec(w.importer.OWNER.org.id);
    await createSpecShare(spec.id, w.importer.OWNER.org.id, w.factory.QUALITY.org.id);
    await createAcknowledgement(version, w.factory.QUALITY.org.id);
    await prisma.samplingState.create({
      data: {
        importerId: w.importer.OWNER.org.id,
        factoryId: w.factory.QUALITY.org.id,
        partnershipId: w.partnership.id,
        specId: spec.id,
        severity: "tightened",
        reason: "twoOfFiveNotAccepted",
      },
    });
    const row = await load(idFrom(await newAction(w.factory.QUALITY, booking(w, { specId: spec.id }))));
    const expected = inspectionPlan({ lotSize: 5000, choices: DEFAULT_SAMPLING, severity: "tightened", severityReason: "twoOfFiveNotAccepted" });
    expect(row.severity).toBe("tightened");
    expect(row.plan).toEqual(JSON.parse(JSON.stringify(expected)));
  });
});

describe("agreeing the date", () => {
  let w: World;
  beforeAll(async () => {
    w = await world();
  });

  it("is confirmed by the other side only: the proposer cannot, the other side can, once", async () => {
    const id = idFrom(await newAction(w.factory.QUALITY, booking(w)));
    const row = await load(id);
    const own = await pageAction(w.factory.OWNER, id, { intent: "confirm", revision: String(row.revision) });
    expect(own.status).toBe(403);
    const page = await pageLoader(w.importer.MEMBER, id);
    expect((page.data as { booking: { turn: string; can: { confirm: boolean } } }).booking).toMatchObject({ turn: "mine", can: { confirm: true } });
    const ok = await pageAction(w.importer.MEMBER, id, { intent: "confirm", revision: String(row.revision) });
    expect(ok.status).toBe(302);
    expect(await load(id)).toMatchObject({ status: "CONFIRMED", confirmedById: w.importer.MEMBER.user.id, revision: row.revision + 1 });
    const emails = await emailsOf(`inspection-confirmed:${id}:`);
    expect(emails.length).toBe(4);
    expect(emails.every((e) => e.orgId === w.factory.QUALITY.org.id && e.template === "inspection-confirmed")).toBe(true);
    const audits = await prisma.auditEvent.count({ where: { subjectId: id, action: "inspection.confirm" } });
    expect(audits).toBe(2);
    // Confirmed already: a second confirmation is refused (the status moved on).
    const again = await pageAction(w.importer.OWNER, id, { intent: "confirm", revision: String(row.revision + 1) });
    expect(again.status).toBe(403);
  });

  it("refuses a confirmation made on an outdated page (409), changing nothing", async () => {
    const id = idFrom(await newAction(w.factory.QUALITY, booking(w)));
    await prisma.inspection.update({ where: { id }, data: { revision: { increment: 1 } } });
    const stale = await pageAction(w.importer.OWNER, id, { intent: "confirm", revision: "0" });
    expect(stale.status).toBe(409);
    expect(inEnglish(formErrors(stale))[0]).toMatch(/changed by someone else/);
    expect((await load(id)).status).toBe("BOOKED");
  });

  it("refuses another date or an abort made on an outdated page (409), and lets one of two confirmations win", async () => {
    const id = idFrom(await newAction(w.factory.QUALITY, booking(w)));
    await prisma.inspection.update({ where: { id }, data: { revision: { increment: 1 } } });
    const reschedule = await pageAction(w.factory.QUALITY, id, { intent: "reschedule", revision: "0", proposedDate: day(8), reason: "" });
    expect(reschedule.status).toBe(409);
    const abort = await pageAction(w.factory.QUALITY, id, { intent: "abort", revision: "0", reason: "NO_ACCESS", note: "" });
    expect(abort.status).toBe(409);
    expect(await load(id)).toMatchObject({ status: "BOOKED", revision: 1 });
    const both = await Promise.all([w.importer.OWNER, w.importer.QUALITY].map((who) => pageAction(who, id, { intent: "confirm", revision: "1" })));
    expect(both.map((o) => o.status).sort()).toEqual([302, 409]);
    expect(await prisma.auditEvent.count({ where: { subjectId: id, action: "inspection.confirm" } })).toBe(2);
  });

  it("takes another date without a reason before the cut-off; it goes back to the other side to confirm", async () => {
    const id = idFrom(await newAction(w.factory.QUALITY, booking(w)));
    await pageAction(w.importer.OWNER, id, { intent: "confirm", revision: "0" });
    const out = await pageAction(w.importer.QUALITY, id, { intent: "reschedule", revision: "1", proposedDate: day(7), reason: "" });
    expect(out.status).toBe(302);
    const row = await load(id);
    expect(row).toMatchObject({ status: "BOOKED", proposedByOrgId: w.importer.OWNER.org.id, confirmedAt: null, revision: 2 });
    expect(isoDay(row.proposedDate)).toBe(day(7));
    const emails = await emailsOf(`inspection-rescheduled:${id}:`);
    expect(emails.map((e) => e.to).sort()).toEqual([w.factory.OWNER, w.factory.QUALITY].map((m) => m.user.email).sort());
    expect(emails[0]!.data).toMatchObject({ rescheduled: true, reason: null, date: `${day(7)}T00:00:00.000Z` });
    // Now the factory confirms the importer's date.
    expect((await pageAction(w.factory.QUALITY, id, { intent: "confirm", revision: "2" })).status).toBe(302);
  });

  it("needs a reason from the day before the proposed day, refused at the reason field", async () => {
    const id = idFrom(await newAction(w.factory.QUALITY, booking(w, { proposedDate: day(1), expectedShipDate: "" })));
    const page = await pageLoader(w.factory.QUALITY, id);
    expect((page.data as { booking: { reasonRequired: boolean } }).booking.reasonRequired).toBe(true);
    const bare = await pageAction(w.factory.QUALITY, id, { intent: "reschedule", revision: "0", proposedDate: day(3), reason: "" });
    expect(bare.status).toBe(422);
    expect(fieldErrors(bare, "reason")[0]).toMatch(/From the day before the inspection .* needs a reason/);
    expect(isoDay((await load(id)).proposedDate)).toBe(day(1));
    const given = await pageAction(w.factory.QUALITY, id, {
      intent: "reschedule",
      revision: "0",
      proposedDate: day(3),
      reason: "Glaze kiln down until Thursday.",
    });
    expect(given.status).toBe(302);
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { subjectId: id, action: "inspection.reschedule", orgId: w.importer.OWNER.org.id } });
    expect(audit.changes).toMatchObject({ reason: { to: "Glaze kiln down until Thursday." } });
  });

  it("reads the cut-off in the inspecting side's zone", () => {
    const proposed = new Date("2026-12-10T00:00:00Z");
    // 9 December 11:00 UTC is already the 10th in Kiritimati (UTC+14) but still the 9th in Honolulu (UTC−10).
    const at = new Date("2026-12-09T11:00:00Z");
    expect(pastCutOff(proposed, "Pacific/Honolulu", at)).toBe(true);
    expect(pastCutOff(proposed, "Pacific/Honolulu", new Date("2026-12-08T20:00:00Z"))).toBe(false);
    expect(pastCutOff(proposed, "Pacific/Kiritimati", new Date("2026-12-08T09:00:00Z"))).toBe(false);
    expect(pastCutOff(proposed, "Pacific/Kiritimati", new Date("2026-12-08T10:00:00Z"))).toBe(true);
    expect(pastCutOff(proposed, "UTC", at)).toBe(true);
  });

  it("is aborted by the inspecting side with a reason code; a note is needed for another reason; 80% packed is for a final inspection", async () => {
    const during = idFrom(await newAction(w.factory.QUALITY, booking(w, { type: "DURING_PRODUCTION" })));
    const packed = await pageAction(w.factory.MEMBER, during, { intent: "abort", revision: "0", reason: "UNDER_80_PERCENT_PACKED", note: "" });
    expect(packed.status).toBe(422);
    expect(fieldErrors(packed, "reason")[0]).toMatch(/pre-shipment inspection only/);
    const other = await pageAction(w.factory.MEMBER, during, { intent: "abort", revision: "0", reason: "OTHER", note: "" });
    expect(other.status).toBe(400);
    expect(fieldErrors(other, "note")).toEqual(["Say what the other reason is."]);
    // The importer does not inspect this one: it cannot abort it.
    expect((await pageAction(w.importer.OWNER, during, { intent: "abort", revision: "0", reason: "NO_ACCESS", note: "" })).status).toBe(403);
    expect((await pageAction(w.factory.MEMBER, during, { intent: "abort", revision: "0", reason: "EQUIPMENT_MISSING", note: "" })).status).toBe(302);
    expect(await load(during)).toMatchObject({ status: "ABORTED", abortReason: "EQUIPMENT_MISSING", abortedById: w.factory.MEMBER.user.id });
    const emails = await emailsOf(`inspection-aborted:${during}:`);
    expect(emails.length).toBe(4);
    expect(emails.every((e) => e.orgId === w.importer.OWNER.org.id)).toBe(true);

    const final = idFrom(await newAction(w.factory.QUALITY, booking(w)));
    expect(
      (await pageAction(w.factory.QUALITY, final, { intent: "abort", revision: "0", reason: "UNDER_80_PERCENT_PACKED", note: "60% on arrival" })).status,
    ).toBe(302);
    expect(await load(final)).toMatchObject({ status: "ABORTED", abortReason: "UNDER_80_PERCENT_PACKED", abortNote: "60% on arrival" });
    const goods = idFrom(await newAction(w.factory.QUALITY, booking(w)));
    expect((await pageAction(w.factory.QUALITY, goods, { intent: "abort", revision: "0", reason: "GOODS_NOT_READY", note: "" })).status).toBe(302);
    // Aborted: nothing more to do on it.
    expect((await pageAction(w.factory.QUALITY, goods, { intent: "reschedule", revision: "1", proposedDate: day(8), reason: "x" })).status).toBe(403);
  });
});

describe("a re-inspection of a rejected lot", () => {
  let w: World;
  beforeAll(async () => {
    w = await world();
  });

  it("copies the rejected lot's plan, type RE_INSPECTION, linked, same spec version and factory", async () => {
    const rejected = await createInspection(w.importer.OWNER.org, w.factory.QUALITY.org, w.spec, w.version, {
      status: "REJECTED",
      lotSize: 3200,
      severity: "tightened",
      poNumber: "PO-RJ",
    });
    const form = await newLoader(w.factory.QUALITY, `?reinspection-of=${rejected.id}`);
    expect((form.data as { reinspection: { poNumber: string; lotSize: number } }).reinspection).toMatchObject({ poNumber: "PO-RJ", lotSize: 3200 });
    // Newer sampling choices must not change the copied plan.
    await prisma.samplingSetting.create({
      data: { importerId: w.importer.OWNER.org.id, factoryId: w.factory.QUALITY.org.id, partnershipId: w.partnership.id, specId: w.spec.id, level: "III" },
    });
    const id = idFrom(
      await newAction(w.factory.QUALITY, {
        specId: w.spec.id,
        factoryId: w.factory.QUALITY.org.id,
        reinspectionOfId: rejected.id,
        type: "RE_INSPECTION",
        poNumber: "PO-RJ",
        orderQuantity: "3200",
        lotSize: "3200",
        proposedDate: day(4),
        inspectedBy: "FACTORY",
      }),
    );
    const row = await load(id);
    expect(row).toMatchObject({
      type: "RE_INSPECTION",
      reinspectionOfId: rejected.id,
      versionId: w.version.id,
      factoryId: w.factory.QUALITY.org.id,
      lotSize: 3200,
      severity: "tightened",
    });
    expect(row.plan).toEqual(rejected.plan);
    expect(row.sampleSize).toBe(rejected.sampleSize);
  });

  it("is refused for a lot that was not rejected (409)", async () => {
    const released = await createInspection(w.importer.OWNER.org, w.factory.QUALITY.org, w.spec, w.version, { status: "RELEASED" });
    expect((await newLoader(w.factory.QUALITY, `?reinspection-of=${released.id}`)).status).toBe(409);
    const out = await newAction(w.factory.QUALITY, booking(w, { reinspectionOfId: released.id, type: "RE_INSPECTION" }));
    expect(out.status).toBe(409);
  });

  it("cannot be booked as a type of its own without the rejected lot", async () => {
    const out = await newAction(w.factory.QUALITY, booking(w, { type: "RE_INSPECTION" }));
    expect(out.status).toBe(422);
    expect(fieldErrors(out, "type")[0]).toMatch(/rejected inspection's page/);
  });
});

describe("the inspection list", () => {
  it("shows what waits for the reader first, filters by status, type, partner and spec", async () => {
    const w = await world();
    const waiting = idFrom(await newAction(w.factory.QUALITY, booking(w)));
    const mine = idFrom(await newAction(w.importer.OWNER, booking(w, { proposedDate: day(20), expectedShipDate: "" })));
    const list = await call(listRoute.loader, `/${w.importer.OWNER.org.slug}/inspections`, {
      cookie: w.importer.OWNER.cookie,
      params: { org: w.importer.OWNER.org.slug },
    });
    const data = list.data as { list: { items: { id: string; waits: string | null }[]; waitingCount: number }; can: { book: boolean } };
    expect(data.list.items.map((i) => i.id)).toEqual([waiting, mine]);
    expect(data.list.items[0]!.waits).toBe("confirm");
    expect(data.list.waitingCount).toBe(1);
    expect(data.can.book).toBe(true);
    const filtered = await call(listRoute.loader, `/${w.importer.OWNER.org.slug}/inspections?type=DURING_PRODUCTION&spec=${w.spec.id}`, {
      cookie: w.importer.OWNER.cookie,
      params: { org: w.importer.OWNER.org.slug },
    });
    expect((filtered.data as typeof data).list.items).toEqual([]);
    const byStatus = await call(listRoute.loader, `/${w.factory.QUALITY.org.slug}/inspections?status=BOOKED&partner=${w.importer.OWNER.org.id}`, {
      cookie: w.factory.QUALITY.cookie,
      params: { org: w.factory.QUALITY.org.slug },
    });
    expect((byStatus.data as typeof data).list.items.map((i) => i.id)).toEqual([mine, waiting]);
  });

  it("reads the same number of statements (at most 6) at every page size and on every page", async () => {
    const w = await world();
    for (let i = 0; i < 25; i++) {
      await createInspection(w.importer.OWNER.org, w.factory.QUALITY.org, w.spec, w.version, {
        status: i % 3 === 0 ? "BOOKED" : "CONFIRMED",
        proposedDate: new Date(Date.UTC(2026, 11, 1 + i)),
      });
    }
    for (const who of [w.importer.OWNER, w.factory.QUALITY]) {
      const counts = new Set<number>();
      for (const query of ["size=10", "size=50", "size=10&page=2", "size=10&page=3", "size=20&page=2", "size=10&status=CONFIRMED", "size=10&page=999"]) {
        const { result, statements } = await countStatements(() =>
          call(listRoute.loader, `/${who.org.slug}/inspections?${query}`, { cookie: who.cookie, params: { org: who.org.slug } }),
        );
        expect(result.status).toBe(200);
        expect((result.data as { list: { items: unknown[] } }).list.items.length > 0).toBe(!query.includes("page=999"));
        counts.add(statements);
      }
      // The session, the partners and the specs for the filters, the page's ids with the counts, its rows, their specs.
      expect([...counts]).toHaveLength(1);
      expect([...counts][0]).toBeLessThanOrEqual(6);
    }
  });

  it("tells each side's history who booked and who confirmed, for which org", async () => {
    const w = await world();
    const id = idFrom(await newAction(w.factory.QUALITY, booking(w)));
    await pageAction(w.importer.OWNER, id, { intent: "confirm", revision: "0" });
    for (const reader of [w.importer.OWNER, w.factory.QUALITY]) {
      const page = await pageLoader(reader, id);
      const history = (page.data as { history: { org: string | null; did: { key: string } }[] }).history;
      expect(history.map((e) => [e.did.key, e.org])).toEqual(
        expect.arrayContaining([
          ["event.inspection.book", w.factory.QUALITY.org.name],
          ["event.inspection.confirm", w.importer.OWNER.org.name],
        ]),
      );
    }
  });
});
