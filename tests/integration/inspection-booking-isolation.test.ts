// Who may see and book inspections, through the list, the booking form and the inspection page's
// booking intents: outsiders get 404 and learn nothing, a role too small gets 403 and nothing
// changes, and a factory whose partnership ended sees nothing of what was booked under it.
import { beforeAll, describe, expect, it } from "vitest";
import { dayIn } from "~/features/corrective-actions/due.ts";
import { DAY_MS, isoDay } from "~/lib/dates.ts";
import { prisma } from "~/lib/db.server.ts";
import * as pageRoute from "~/routes/$org.inspections.$inspectionId._index.tsx";
import * as listRoute from "~/routes/$org.inspections._index.tsx";
import * as newRoute from "~/routes/$org.inspections.new.tsx";
import { createAcknowledgement, createInspection, createPartnership, createSpec, createSpecShare, unique } from "../support/factories.ts";
import { call, signedInMember, type SignedInMember } from "../support/routes.ts";
import {
  expectAllForbidden,
  expectAllNotFound,
  expectNotListed,
  expectOutsiderSeesNothing,
  outsiderCases,
  partiesAndOutsiders,
  type Probe,
  tenantList,
} from "../support/isolation.ts";

const day = (offset: number) => isoDay(new Date(dayIn("UTC").getTime() + offset * DAY_MS));
const list = tenantList(listRoute.loader, "inspections");
const url = (slug: string, id: string) => `/${slug}/inspections/${id}`;

/** The inspection page's loader and each booking intent, and the booking form as a re-inspection of it. */
function probes(target: { id: string; revision: number }): Probe[] {
  const post = (label: string, form: Record<string, string>): Probe => ({
    label: `action ${label}`,
    run: (slug, cookie) => call(pageRoute.action, url(slug, target.id), { cookie, params: { org: slug, inspectionId: target.id }, form }),
  });
  return [
    { label: "page loader", run: (slug, cookie) => call(pageRoute.loader, url(slug, target.id), { cookie, params: { org: slug, inspectionId: target.id } }) },
    post("confirm", { intent: "confirm", revision: String(target.revision) }),
    post("reschedule", { intent: "reschedule", revision: String(target.revision), proposedDate: day(9), reason: "planted" }),
    post("abort", { intent: "abort", revision: String(target.revision), reason: "NO_ACCESS", note: "" }),
  ];
}
const reinspectionProbes = (rejectedId: string): Probe[] => [
  {
    label: "new loader ?reinspection-of",
    run: (slug, cookie) => call(newRoute.loader, `/${slug}/inspections/new?reinspection-of=${rejectedId}`, { cookie, params: { org: slug } }),
  },
  {
    label: "new action reinspectionOfId",
    run: (slug, cookie) =>
      call(newRoute.action, `/${slug}/inspections/new`, {
        cookie,
        params: { org: slug },
        form: {
          specId: "x",
          reinspectionOfId: rejectedId,
          type: "RE_INSPECTION",
          poNumber: "P",
          orderQuantity: "10",
          lotSize: "10",
          proposedDate: day(3),
          inspectedBy: "FACTORY",
        },
      }),
  },
];
const orgProbes: Probe[] = [
  list.probe,
  { label: "new loader", run: (slug, cookie) => call(newRoute.loader, `/${slug}/inspections/new`, { cookie, params: { org: slug } }) },
];

async function world() {
  const people = await partiesAndOutsiders();
  const { spec, version } = await createSpec(people.importer.org.id, { title: `Secret kettle ${unique("t")}` });
  await createSpecShare(spec.id, people.importer.org.id, people.factory.org.id);
  await createAcknowledgement(version, people.factory.org.id);
  const poNumber = unique("PO-SECRET");
  const booked = await createInspection(people.importer.org, people.factory.org, spec, version, { status: "BOOKED", proposedBy: "FACTORY", poNumber });
  const rejected = await createInspection(people.importer.org, people.factory.org, spec, version, { status: "REJECTED", poNumber: `${poNumber}-R` });
  return { ...people, spec, version, booked, rejected, poNumber };
}
type World = Awaited<ReturnType<typeof world>>;

const stateOf = (ids: string[]) => async () =>
  JSON.stringify(
    await prisma.inspection.findMany({
      where: { id: { in: ids } },
      orderBy: { id: "asc" },
      select: { id: true, status: true, revision: true, proposedDate: true },
    }),
  ) + String(await prisma.inspection.count());

describe("outsiders of the inspection", () => {
  let w: World;
  beforeAll(async () => {
    w = await world();
  });

  for (const [who, key] of outsiderCases("a partner factory of the importer the spec is not shared with")) {
    it(`${who} gets 404 from the page, its intents and a re-inspection of it, and its list shows none of them`, async () => {
      const outsider = w[key];
      await expectOutsiderSeesNothing(outsider, {
        probes: [...probes(w.booked), ...reinspectionProbes(w.rejected.id)],
        orgProbes,
        parties: [w.importer, w.factory],
        secrets: [w.poNumber, w.spec.title],
      });
      await expectNotListed(list, outsider, {
        queries: ["", `?spec=${w.spec.id}`, `?partner=${w.importer.org.id}`, `?partner=${w.factory.org.id}`, "?status=BOOKED", "?type=PRE_SHIPMENT"],
        hidden: [w.booked.id, w.rejected.id],
        secrets: [w.poNumber, w.spec.title],
      });
    });
  }

  it("a partner factory is not offered the importer's spec to book, and booking against it is refused without a trace", async () => {
    const form = await call(newRoute.loader, `/${w.partner.org.slug}/inspections/new`, { cookie: w.partner.cookie, params: { org: w.partner.org.slug } });
    expect(form.status).toBe(200);
    expect(JSON.stringify(form.data)).not.toContain(w.spec.title);
    const before = await prisma.inspection.count({ where: { specId: w.spec.id } });
    const out = await call(newRoute.action, `/${w.partner.org.slug}/inspections/new`, {
      cookie: w.partner.cookie,
      params: { org: w.partner.org.slug },
      form: { specId: w.spec.id, type: "PRE_SHIPMENT", poNumber: "P", orderQuantity: "10", lotSize: "10", proposedDate: day(3), inspectedBy: "FACTORY" },
    });
    expect(out.status).toBe(422);
    expect(JSON.stringify(out.data)).not.toContain(w.spec.title);
    expect(await prisma.inspection.count({ where: { specId: w.spec.id } })).toBe(before);
  });
});

describe("roles too small", () => {
  let w: World;
  beforeAll(async () => {
    w = await world();
  });

  const bookForm = (w: World) => ({
    specId: w.spec.id,
    factoryId: w.factory.org.id,
    type: "PRE_SHIPMENT",
    poNumber: "P-1",
    orderQuantity: "100",
    lotSize: "100",
    proposedDate: day(3),
    inspectedBy: "FACTORY",
  });
  const bookProbes = (w: World): Probe[] => [
    { label: "new loader", run: (slug, cookie) => call(newRoute.loader, `/${slug}/inspections/new`, { cookie, params: { org: slug } }) },
    { label: "new action", run: (slug, cookie) => call(newRoute.action, `/${slug}/inspections/new`, { cookie, params: { org: slug }, form: bookForm(w) }) },
    ...reinspectionProbes(w.rejected.id),
  ];

  it("a factory member or viewer cannot book (403), nothing is made; the list offers no booking", async () => {
    for (const who of [w.factoryMember, w.factoryViewer]) {
      await expectAllForbidden(bookProbes(w), who, stateOf([w.booked.id]));
      const page = await list.page(who);
      expect((page.data as { can: { book: boolean } }).can.book).toBe(false);
      expect(await list.ids(who)).toEqual(expect.arrayContaining([w.booked.id, w.rejected.id]));
    }
  });

  it("an importer viewer cannot book, confirm, reschedule or abort (403), nothing changes", async () => {
    await expectAllForbidden([...bookProbes(w), ...probes(w.booked).slice(1)], w.importerViewer, stateOf([w.booked.id]));
    const page = await call(pageRoute.loader, url(w.importerViewer.org.slug, w.booked.id), {
      cookie: w.importerViewer.cookie,
      params: { org: w.importerViewer.org.slug, inspectionId: w.booked.id },
    });
    expect((page.data as { booking: { can: Record<string, boolean> } }).booking.can).toEqual({
      confirm: false,
      reschedule: false,
      abort: false,
    });
  });

  it("an importer member may confirm but not propose another date (403)", async () => {
    await expectAllForbidden(probes(w.booked).slice(2, 3), w.importerMember, stateOf([w.booked.id]));
  });

  it("a factory member cannot confirm its own side's proposal nor reschedule (403)", async () => {
    await expectAllForbidden(probes(w.booked).slice(1, 3), w.factoryMember, stateOf([w.booked.id]));
  });
});

describe("a factory whose partnership ended", () => {
  it("sees none of what was booked under it: list empty, page and re-inspection 404, nothing to book", async () => {
    const importer = await signedInMember("IMPORTER", "OWNER");
    const factory: SignedInMember = await signedInMember("FACTORY", "OWNER");
    const partnership = await createPartnership(importer.org.id, factory.org.id, "ACTIVE");
    const { spec, version } = await createSpec(importer.org.id, { title: `Ended kettle ${unique("t")}` });
    await createSpecShare(spec.id, importer.org.id, factory.org.id, { partnershipId: partnership.id });
    await createAcknowledgement(version, factory.org.id);
    const booked = await createInspection(importer.org, factory.org, spec, version, { status: "CONFIRMED", partnershipId: partnership.id });
    const rejected = await createInspection(importer.org, factory.org, spec, version, { status: "REJECTED", partnershipId: partnership.id });
    expect(await list.ids(factory)).toEqual(expect.arrayContaining([booked.id, rejected.id]));
    await prisma.partnership.update({ where: { id: partnership.id }, data: { status: "ENDED", endedAt: new Date() } });
    expect(await list.ids(factory)).toEqual([]);
    await expectAllNotFound([...probes(booked), ...reinspectionProbes(rejected.id)], factory.org.slug, factory.cookie, [spec.title, booked.poNumber]);
    const form = await call(newRoute.loader, `/${factory.org.slug}/inspections/new`, { cookie: factory.cookie, params: { org: factory.org.slug } });
    expect(JSON.stringify(form.data)).not.toContain(spec.title);
    // The importer still reads them, but books no re-inspection under the ended partnership.
    expect(await list.ids(importer)).toEqual(expect.arrayContaining([booked.id, rejected.id]));
    for (const probe of reinspectionProbes(rejected.id)) expect((await probe.run(importer.org.slug, importer.cookie)).status, probe.label).toBe(409);
    expect(await prisma.inspection.count({ where: { reinspectionOfId: rejected.id } })).toBe(0);
  });
});
