// Booking a production inspection and agreeing its date: either side books against the current
// version of a spec the factory acknowledged, the other side confirms the date or proposes
// another (after the cut-off, the day before, with a reason), and the inspecting side calls it
// off when it cannot go ahead. Every write is conditional on the status and the revision the
// page was read at, audited for both orgs and emailed to the other side in one transaction.
import { data } from "@remix-run/node";
import { dayIn } from "~/features/corrective-actions/due.ts";
import { asSubject } from "~/lib/ability.ts";
import type { Answer, IntentForm } from "~/lib/actions.server.ts";
import { memberAction, recordAudit } from "~/lib/audit.server.ts";
import { accessible, ensureCan } from "~/lib/authorize.server.ts";
import { DAY_MS, isoDay } from "~/lib/dates.ts";
import { prisma, type Tx } from "~/lib/db.server.ts";
import { UserError } from "~/lib/errors.ts";
import { message } from "~/lib/i18n/message.ts";
import type { TenantContext } from "~/lib/tenant.server.ts";
import type { Prisma } from "~/generated/prisma/client.ts";
import { notifyAborted, notifyBooked, notifyConfirmed } from "./booking-notifications.server.ts";
import { inspectionSubject, loadInspection, type LoadedInspection } from "./inspections.server.ts";
import { inspectionPlan, type InspectionPlan } from "./plan.ts";
import { samplingSource } from "./sampling-source.server.ts";
import { abortReasonsFor, type AbortInput, type BookInspectionInput, type InspectorSide, type RescheduleInput } from "./schemas.ts";

/** A refusal that belongs to one field of the form (shown at that control). */
export class FieldRefusal extends Error {
  constructor(
    readonly field: string,
    message: string,
    readonly status: 409 | 422 = 422,
  ) {
    super(message);
    this.name = "FieldRefusal";
  }
}

/** Runs a handler, answering a FieldRefusal at its field (the form keeps what was typed). */
export async function refusingAtFields<I extends string>(form: IntentForm<I>, run: () => Promise<Answer<I>>): Promise<Answer<I>> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof FieldRefusal) return form.refuse(error.status, { fieldErrors: { [error.field]: [error.message] } });
    throw error;
  }
}

/** "May this member book inspections?": one of its own org's, under an active partnership. */
export const inspectionToBook = (ctx: TenantContext) =>
  asSubject("Inspection", ctx.org.kind === "IMPORTER" ? { importerId: ctx.org.id } : { factoryId: ctx.org.id, partnership: { status: "ACTIVE" } });

/** Asked before a booking form is read or shown. */
export function ensureCanBook(ctx: TenantContext) {
  ensureCan(ctx.ability, "create", inspectionToBook(ctx), message("inspections", "errors.bookRoleOnly"));
}

export interface BookableFactory {
  factoryId: string;
  name: string;
  timeZone: string;
  partnershipId: string;
}

export interface BookableSpec {
  specId: string;
  title: string;
  productCode: string;
  importerId: string;
  importerName: string;
  importerTimeZone: string;
  versionId: string;
  number: number;
  /** The factories it may be booked at: shared through an active partnership, current version acknowledged. */
  factories: BookableFactory[];
}

/**
 * The specs a member may book against: the current published version of each spec shared with a
 * factory through an active partnership and acknowledged by that factory. A factory sees only
 * itself among the factories; an importer chooses among them. One statement.
 */
export async function bookableSpecs(ctx: TenantContext, specId?: string): Promise<BookableSpec[]> {
  if (!ctx.ability.can("create", inspectionToBook(ctx))) return [];
  const factory = ctx.org.kind === "FACTORY";
  const onlyMe = factory ? { factoryId: ctx.org.id } : {};
  const specs = await prisma.spec.findMany({
    where: { AND: [accessible(ctx.ability, "read", "Spec"), { currentVersionId: { not: null } }, ...(specId ? [{ id: specId }] : [])] },
    orderBy: [{ title: "asc" }, { id: "asc" }],
    take: 500,
    select: {
      id: true,
      title: true,
      productCode: true,
      org: { select: { id: true, name: true, timeZone: true } },
      currentVersion: { select: { id: true, number: true, acknowledgements: { where: { status: "ACKNOWLEDGED", ...onlyMe }, select: { factoryId: true } } } },
      shares: {
        where: { partnership: { status: "ACTIVE" }, ...onlyMe },
        select: { factoryId: true, partnershipId: true, factory: { select: { name: true, timeZone: true } } },
        orderBy: { factory: { name: "asc" } },
      },
    },
  });
  return specs.flatMap((s) => {
    if (!s.currentVersion) return [];
    const acknowledged = new Set(s.currentVersion.acknowledgements.map((a) => a.factoryId));
    const factories = s.shares
      .filter((share) => acknowledged.has(share.factoryId))
      .map((share) => ({ factoryId: share.factoryId, name: share.factory.name, timeZone: share.factory.timeZone, partnershipId: share.partnershipId }));
    if (!factories.length) return [];
    return [
      {
        specId: s.id,
        title: s.title,
        productCode: s.productCode,
        importerId: s.org.id,
        importerName: s.org.name,
        importerTimeZone: s.org.timeZone,
        versionId: s.currentVersion.id,
        number: s.currentVersion.number,
        factories,
      },
    ];
  });
}

/** The rejected inspection a re-inspection is booked from: readable, and rejected; 404 or 409 otherwise. */
export async function loadRejected(ctx: TenantContext, id: string) {
  const original = await loadInspection(ctx, id);
  if (original.status !== "REJECTED") throw new UserError(message("inspections", "errors.reinspectOnlyRejected"), 409);
  return original;
}

/** What the booking form shows for a re-inspection of a rejected lot: the same spec version, factory, PO and lot (the plan is copied). */
export async function reinspectionDraft(ctx: TenantContext, id: string) {
  const original = await loadInspection(ctx, id);
  // A page, not a form: the refusal is the error page's, with its status.
  if (original.status !== "REJECTED") throw data(message("inspections", "errors.reinspectOnlyRejected"), { status: 409 });
  if (original.partnership.status !== "ACTIVE") throw data(message("inspections", "errors.partnershipEnded"), { status: 409 });
  const version = await prisma.specVersion.findUniqueOrThrow({
    where: { id: original.versionId },
    select: { number: true, spec: { select: { title: true, productCode: true } } },
  });
  return {
    id: original.id,
    specId: original.specId,
    factoryId: original.factoryId,
    poNumber: original.poNumber,
    orderQuantity: original.orderQuantity,
    lotSize: original.lotSize,
    inspectedBy: original.inspectedBy,
    title: version.spec.title,
    productCode: version.spec.productCode,
    number: version.number,
    sampleSize: original.plan.sampleSize,
  };
}

/** The calendar day it is for the side that inspects, as that day's UTC midnight (how inspection days are stored). */
export const inspectingToday = (zone: string, now: Date = new Date()) => dayIn(zone, now);

/** Whether a change of date now needs a reason: from the day before the proposed day, in the inspecting side's zone. */
export const pastCutOff = (proposedDate: Date, zone: string, now: Date = new Date()) => inspectingToday(zone, now).getTime() >= proposedDate.getTime() - DAY_MS;

const dayOf = (value: string) => new Date(`${value}T00:00:00Z`);
const sideOf = (ctx: TenantContext) => (ctx.org.kind === "IMPORTER" ? ("importer" as const) : ("factory" as const));

/** Books an inspection for the member's org; the other side is told and confirms (or proposes another date). */
export async function bookInspection(ctx: TenantContext, input: BookInspectionInput) {
  ensureCanBook(ctx);
  const original = input.reinspectionOfId ? await loadRejected(ctx, input.reinspectionOfId) : null;
  let where: { importerId: string; factoryId: string; partnershipId: string; specId: string; versionId: string; zones: Record<InspectorSide, string> };
  if (original) {
    // An importer still reads what was inspected under an ended partnership, but books nothing more under it.
    if (original.partnership.status !== "ACTIVE") throw new UserError(message("inspections", "errors.partnershipEnded"), 409);
    const partnership = await prisma.partnership.findUniqueOrThrow({
      where: { id: original.partnershipId },
      select: { importer: { select: { timeZone: true } }, factory: { select: { timeZone: true } } },
    });
    where = {
      importerId: original.importerId,
      factoryId: original.factoryId,
      partnershipId: original.partnershipId,
      specId: original.specId,
      versionId: original.versionId,
      zones: { IMPORTER: partnership.importer.timeZone, FACTORY: partnership.factory?.timeZone ?? "UTC" },
    };
  } else {
    if (input.type === "RE_INSPECTION") throw new FieldRefusal("type", message("inspections", "errors.reinspectFromRejected"));
    const [spec] = await bookableSpecs(ctx, input.specId);
    if (!spec) throw new FieldRefusal("specId", message("inspections", "errors.chooseBookableSpec"));
    const factory = ctx.org.kind === "FACTORY" ? spec.factories[0] : spec.factories.find((f) => f.factoryId === input.factoryId);
    if (!factory) throw new FieldRefusal("factoryId", message("inspections", "errors.chooseFactory"));
    where = {
      importerId: spec.importerId,
      factoryId: factory.factoryId,
      partnershipId: factory.partnershipId,
      specId: spec.specId,
      versionId: spec.versionId,
      zones: { IMPORTER: spec.importerTimeZone, FACTORY: factory.timeZone },
    };
  }
  ensureCan(
    ctx.ability,
    "create",
    asSubject("Inspection", {
      importerId: where.importerId,
      factoryId: where.factoryId,
      partnershipId: where.partnershipId,
      partnership: { status: "ACTIVE" },
    }),
    message("inspections", "errors.bookRoleOnly"),
  );
  const lotSize = original?.lotSize ?? input.lotSize;
  if (lotSize > input.orderQuantity) throw new FieldRefusal("lotSize", message("inspections", "validation.lotOverOrder"));
  const proposedDate = dayOf(input.proposedDate);
  if (proposedDate < inspectingToday(where.zones[input.inspectedBy])) {
    throw new FieldRefusal("proposedDate", message("inspections", "errors.dateInPast", { zone: where.zones[input.inspectedBy] }));
  }
  let plan: InspectionPlan;
  if (original) {
    plan = original.plan;
  } else {
    const source = await samplingSource(where.partnershipId, where.specId);
    if (source.severity === "stopped") throw new UserError(message("inspections", "errors.acceptanceStopped"), 422);
    plan = inspectionPlan({ lotSize, choices: source.choices, severity: source.severity, severityReason: source.severityReason });
  }
  const type = original ? ("RE_INSPECTION" as const) : input.type;
  return prisma.$transaction(async (tx) => {
    const inspection = await tx.inspection.create({
      data: {
        importerId: where.importerId,
        factoryId: where.factoryId,
        partnershipId: where.partnershipId,
        specId: where.specId,
        versionId: where.versionId,
        type,
        reinspectionOfId: original?.id ?? null,
        status: "BOOKED",
        poNumber: input.poNumber,
        orderQuantity: input.orderQuantity,
        lotSize,
        proposedDate,
        expectedShipDate: input.expectedShipDate ? dayOf(input.expectedShipDate) : null,
        inspectedBy: input.inspectedBy,
        proposedByOrgId: ctx.org.id,
        bookedById: ctx.user.id,
        plan: plan as unknown as Prisma.InputJsonValue,
        severity: plan.severity,
        sampleSize: plan.sampleSize,
      },
    });
    for (const orgId of [where.importerId, where.factoryId]) {
      await recordAudit(tx, {
        ...memberAction(ctx, "inspection.book", "Inspection", inspection.id, orgId),
        after: {
          by: sideOf(ctx),
          type,
          poNumber: input.poNumber,
          lotSize,
          proposedDate: input.proposedDate,
          inspectedBy: input.inspectedBy,
          sampleSize: plan.sampleSize,
          severity: plan.severity,
          reinspectionOfId: original?.id ?? null,
        },
      });
    }
    const emailed = await notifyBooked(tx, inspection, ctx.org);
    return { inspection, emailed };
  });
}

// Every write bumps the revision; one made on an outdated page, or after the status moved on,
// matches no row and is refused instead of overwriting.
async function advance(tx: Tx, inspection: LoadedInspection, revision: number, data: Prisma.InspectionUpdateManyMutationInput) {
  const { count } = await tx.inspection.updateMany({
    where: { id: inspection.id, status: inspection.status, revision },
    data: { ...data, revision: { increment: 1 } },
  });
  if (count !== 1) throw new UserError(message("inspections", "errors.changedMeanwhile"), 409);
}

const zoneOf = async (inspection: LoadedInspection) => {
  const org = await prisma.organization.findUniqueOrThrow({
    where: { id: inspection.inspectedBy === "FACTORY" ? inspection.factoryId : inspection.importerId },
    select: { timeZone: true },
  });
  return org.timeZone;
};

async function auditBoth(
  tx: Tx,
  ctx: TenantContext,
  inspection: LoadedInspection,
  action: string,
  before: Record<string, unknown>,
  after: Record<string, unknown>,
) {
  for (const orgId of [inspection.importerId, inspection.factoryId]) {
    await recordAudit(tx, { ...memberAction(ctx, action, "Inspection", inspection.id, orgId), before, after: { by: sideOf(ctx), ...after } });
  }
}

/** The other side confirms the proposed date. */
export async function confirmInspection(ctx: TenantContext, inspection: LoadedInspection, revision: number) {
  ensureCan(ctx.ability, "confirm", inspectionSubject(inspection), message("inspections", "errors.cannotConfirm"));
  return prisma.$transaction(async (tx) => {
    await advance(tx, inspection, revision, { status: "CONFIRMED", confirmedAt: new Date(), confirmedById: ctx.user.id });
    await auditBoth(
      tx,
      ctx,
      inspection,
      "inspection.confirm",
      { status: inspection.status },
      { status: "CONFIRMED", proposedDate: isoDay(inspection.proposedDate) },
    );
    return notifyConfirmed(tx, inspection, ctx.org, { rescheduled: false, date: inspection.proposedDate, reason: null });
  });
}

/**
 * Proposes another date: the inspection waits for the other side's confirmation again. From the
 * cut-off (the day before the proposed day, in the inspecting side's zone) a reason is required.
 */
export async function rescheduleInspection(ctx: TenantContext, inspection: LoadedInspection, input: RescheduleInput, now: Date = new Date()) {
  ensureCan(ctx.ability, "reschedule", inspectionSubject(inspection), message("inspections", "errors.cannotReschedule"));
  const zone = await zoneOf(inspection);
  const date = dayOf(input.proposedDate);
  if (date < inspectingToday(zone, now)) throw new FieldRefusal("proposedDate", message("inspections", "errors.dateInPast", { zone }));
  if (date.getTime() === inspection.proposedDate.getTime()) throw new FieldRefusal("proposedDate", message("inspections", "errors.sameDate"));
  if (pastCutOff(inspection.proposedDate, zone, now) && !input.reason) {
    throw new FieldRefusal("reason", message("inspections", "errors.reasonAfterCutOff", { zone }));
  }
  return prisma.$transaction(async (tx) => {
    await advance(tx, inspection, input.revision, {
      status: "BOOKED",
      proposedDate: date,
      proposedByOrgId: ctx.org.id,
      confirmedAt: null,
      confirmedById: null,
    });
    await auditBoth(
      tx,
      ctx,
      inspection,
      "inspection.reschedule",
      { status: inspection.status, proposedDate: isoDay(inspection.proposedDate) },
      { status: "BOOKED", proposedDate: input.proposedDate, reason: input.reason || null },
    );
    return notifyConfirmed(tx, inspection, ctx.org, { rescheduled: true, date, reason: input.reason || null });
  });
}

/** The inspecting side calls the inspection off, with a reason code (and a note for "other"). */
export async function abortInspection(ctx: TenantContext, inspection: LoadedInspection, input: AbortInput) {
  ensureCan(ctx.ability, "abort", inspectionSubject(inspection), message("inspections", "errors.cannotAbort"));
  if (!abortReasonsFor(inspection.type).includes(input.reason)) throw new FieldRefusal("reason", message("inspections", "errors.packedOnlyFinal"));
  return prisma.$transaction(async (tx) => {
    await advance(tx, inspection, input.revision, {
      status: "ABORTED",
      abortReason: input.reason,
      abortNote: input.note || null,
      abortedAt: new Date(),
      abortedById: ctx.user.id,
    });
    await auditBoth(
      tx,
      ctx,
      inspection,
      "inspection.abort",
      { status: inspection.status },
      { status: "ABORTED", abortReason: input.reason, abortNote: input.note || null },
    );
    return notifyAborted(tx, inspection, ctx.org, { reason: input.reason, note: input.note || null });
  });
}
