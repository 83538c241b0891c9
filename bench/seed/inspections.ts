// Production inspections against acknowledged spec versions, with their defect tallies: most
// lots released, some rejected and re-inspected, a few aborted, and the open ones (booked,
// confirmed, submitted) on current versions of live partnerships around today.
import { inspectionPlan, DEFAULT_SAMPLING, DEFECT_CLASSES, type InspectionPlan } from "~/features/inspections/plan.ts";
import type { Scale } from "../seed.ts";
import { DAY, HOUR, type SeedContext, type SeenVersion } from "./model.ts";
import { newId, type Rng } from "./random.ts";
import { TableWriter, ts } from "./writer.ts";

type Status = "BOOKED" | "CONFIRMED" | "SUBMITTED" | "RELEASED" | "REJECTED" | "ACCEPTED_WITH_DEVIATION" | "ABORTED";

const DEFECTS: Record<(typeof DEFECT_CLASSES)[number], string[]> = {
  CRITICAL: ["Sharp edge on the rim", "Loose part a child could swallow", "Exposed wire", "Wrong voltage label"],
  MAJOR: ["Scratch longer than 5 mm", "Crack in the handle", "Colour off the approved sample", "Lid does not close", "Missing screw", "Dent on the body"],
  MINOR: ["Loose thread", "Small stain", "Glue mark", "Uneven print", "Light scuff on the base", "Label slightly crooked"],
};
const ABORT_REASONS = ["GOODS_NOT_READY", "UNDER_80_PERCENT_PACKED", "NO_ACCESS", "EQUIPMENT_MISSING"] as const;
const LOT_SIZES = [300, 500, 800, 1200, 2000, 3200, 5000, 8000, 12000];

const dayOf = (ms: number) => Math.floor(ms / DAY) * DAY;

/** Defects that give the result asked for: under each class's Ac for a pass, a major class at its Re for a fail. */
function tallies(rng: Rng, plan: InspectionPlan, pass: boolean) {
  const rows: { cls: (typeof DEFECT_CLASSES)[number]; description: string; count: number }[] = [];
  for (const cls of DEFECT_CLASSES) {
    const { accept, reject } = plan.classes[cls];
    let total = pass ? (accept === 0 ? 0 : rng.int(0, accept)) : cls === "MAJOR" ? reject + rng.int(0, 3) : rng.int(0, Math.max(0, accept));
    while (total > 0) {
      const count = Math.min(total, rng.int(1, 4));
      rows.push({ cls, description: rng.pick(DEFECTS[cls]), count });
      total -= count;
    }
  }
  return rows;
}

export async function seedInspections(ctx: SeedContext, scale: Scale, seen: SeenVersion[]) {
  const rng = ctx.rng("inspections");
  const { now } = ctx;
  const acknowledged = seen.filter((s) => s.ack?.status === "ACKNOWLEDGED" && s.until - s.ack.at > 2 * DAY && s.share.factory.deciders.length);
  const current = acknowledged.filter((s) => s.version.supersededAt === null && s.share.partnership.status === "ACTIVE");
  if (acknowledged.length === 0 || current.length === 0) throw new Error("No acknowledged spec versions to inspect.");
  const plans = new Map<number, InspectionPlan>();
  const planFor = (lotSize: number) => {
    let plan = plans.get(lotSize);
    if (!plan) plans.set(lotSize, (plan = inspectionPlan({ lotSize, choices: DEFAULT_SAMPLING, severity: "normal", severityReason: null })));
    return plan;
  };
  const inspections = await TableWriter.open(ctx.pool, "Inspection");
  // Tallies wait until every inspection is in: they point at them.
  const tallied: { id: string; inspectionId: string; position: number; class: string; defectExampleKey: null; description: string; count: number }[] = [];
  let written = 0;

  async function write(
    target: SeenVersion,
    input: { status: Status; proposed: number; reinspectionOfId: string | null; pass: boolean; poNumber: string; lotSize: number },
  ) {
    const { share } = target;
    const importer = share.spec.importer;
    const factory = share.factory;
    const plan = planFor(input.lotSize);
    const id = newId();
    const inspectedBy = rng.chance(0.8) ? "FACTORY" : "IMPORTER";
    const byFactory = rng.chance(0.7);
    const proposedDate = dayOf(input.proposed);
    const booked = Math.min(now - HOUR, proposedDate - rng.int(3, 20) * DAY);
    const confirmed = input.status === "BOOKED" ? null : Math.min(now - HOUR, booked + rng.int(2, 48) * HOUR);
    const submitted = ["SUBMITTED", "RELEASED", "REJECTED", "ACCEPTED_WITH_DEVIATION"].includes(input.status)
      ? Math.min(now - HOUR, proposedDate + rng.int(10, 18) * HOUR)
      : null;
    const decided = submitted !== null && input.status !== "SUBMITTED" ? Math.min(now - HOUR / 2, submitted + rng.int(2, 72) * HOUR) : null;
    const aborted = input.status === "ABORTED" ? Math.min(now - HOUR, proposedDate + rng.int(9, 12) * HOUR) : null;
    const inspectorOrg = inspectedBy === "FACTORY" ? factory : importer;
    const rows = submitted !== null ? tallies(rng, plan, input.pass) : [];
    await inspections.add({
      id,
      importerId: importer.id,
      factoryId: factory.id,
      partnershipId: share.partnership.id,
      specId: share.spec.id,
      versionId: target.version.id,
      type: input.reinspectionOfId ? "RE_INSPECTION" : rng.chance(0.75) ? "PRE_SHIPMENT" : "DURING_PRODUCTION",
      reinspectionOfId: input.reinspectionOfId,
      status: input.status,
      poNumber: input.poNumber,
      orderQuantity: input.lotSize,
      lotSize: input.lotSize,
      proposedDate: ts(proposedDate),
      expectedShipDate: ts(proposedDate + rng.int(3, 14) * DAY),
      inspectedBy,
      proposedByOrgId: byFactory ? factory.id : importer.id,
      bookedById: rng.pick(byFactory ? factory.deciders : importer.deciders.length ? importer.deciders : importer.writers),
      confirmedAt: ts(confirmed),
      confirmedById: confirmed === null ? null : rng.pick(byFactory ? (importer.deciders.length ? importer.deciders : importer.writers) : factory.deciders),
      plan: JSON.stringify(plan),
      severity: plan.severity,
      sampleSize: plan.sampleSize,
      cartonsTotal: submitted !== null ? Math.ceil(input.lotSize / 24) : null,
      cartonsChecked: submitted !== null ? Math.max(1, Math.round(Math.sqrt(input.lotSize / 24))) : null,
      packedPercent: submitted !== null ? rng.int(80, 100) : null,
      result: submitted === null ? null : input.pass ? "PASS" : "FAIL",
      resultNote: submitted !== null && !input.pass ? "Too many major defects in the sample." : "",
      submittedAt: ts(submitted),
      submittedById: submitted === null ? null : rng.pick(inspectorOrg.deciders.length ? inspectorOrg.deciders : inspectorOrg.writers),
      decidedAt: ts(decided),
      decidedById: decided === null ? null : rng.pick(importer.deciders.length ? importer.deciders : importer.writers),
      decisionNote:
        input.status === "REJECTED"
          ? "Rework and re-inspect."
          : input.status === "ACCEPTED_WITH_DEVIATION"
            ? "Shipped under a waiver: minor colour shift."
            : null,
      abortReason: aborted === null ? null : rng.pick(ABORT_REASONS),
      abortedAt: ts(aborted),
      abortedById: aborted === null ? null : rng.pick(inspectorOrg.writers.length ? inspectorOrg.writers : inspectorOrg.deciders),
      revision: rng.int(1, 12),
      createdAt: ts(booked),
      updatedAt: ts(Math.max(booked, decided ?? aborted ?? submitted ?? confirmed ?? booked)),
    });
    for (const [position, d] of rows.entries()) {
      tallied.push({ id: newId(), inspectionId: id, position, class: d.cls, defectExampleKey: null, description: d.description, count: d.count });
    }
    written++;
    return id;
  }

  while (written < scale.inspections) {
    const status = rng.weighted({ BOOKED: 3, CONFIRMED: 5, SUBMITTED: 4, RELEASED: 62, REJECTED: 11, ACCEPTED_WITH_DEVIATION: 5, ABORTED: 10 } as const);
    const open = status === "BOOKED" || status === "CONFIRMED" || status === "SUBMITTED";
    const target = rng.pick(open ? current : acknowledged);
    const ackAt = target.ack!.at;
    // Open ones around today; the rest any day the factory worked on that version.
    const proposed =
      status === "BOOKED" || status === "CONFIRMED"
        ? now + rng.int(-2, 21) * DAY
        : status === "SUBMITTED"
          ? now - rng.int(1, 4) * DAY
          : ackAt + 2 * DAY + rng.next() * Math.max(0, Math.min(target.until, now - 5 * DAY) - ackAt - 2 * DAY);
    const lotSize = rng.pick(LOT_SIZES);
    const poNumber = `PO-${new Date(proposed).getUTCFullYear()}-${String(rng.int(1000, 99999)).padStart(5, "0")}`;
    const pass = status === "RELEASED" ? true : status === "REJECTED" || status === "ACCEPTED_WITH_DEVIATION" ? false : rng.chance(0.8);
    const id = await write(target, { status, proposed, reinspectionOfId: null, pass, poNumber, lotSize });
    // Most rejected lots are reworked and inspected again a week or two later.
    if (status === "REJECTED" && written < scale.inspections && rng.chance(0.7)) {
      const again = proposed + rng.int(7, 14) * DAY;
      if (again < now - 2 * DAY) await write(target, { status: "RELEASED", proposed: again, reinspectionOfId: id, pass: true, poNumber, lotSize });
    }
  }
  await inspections.done();
  const defects = await TableWriter.open(ctx.pool, "InspectionDefect");
  for (const row of tallied) await defects.add(row);
  return { inspections: written, defects: await defects.done() };
}
