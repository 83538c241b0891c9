// What the inspection page's booking part shows: the booking as agreed so far, whose turn it is,
// and which of the booking's forms this member may use (from the ability, never from roles).
import { isoDay } from "~/lib/dates.ts";
import type { TenantContext } from "~/lib/tenant.server.ts";
import { inspectingToday, pastCutOff } from "./booking.server.ts";
import { inspectionSubject, type LoadedInspection } from "./inspections.server.ts";
import type { InspectionPageContext } from "./page.server.ts";
import { abortReasonsFor } from "./schemas.ts";

export async function bookingView(ctx: TenantContext, inspection: LoadedInspection, context: InspectionPageContext, now: Date = new Date()) {
  const subject = inspectionSubject(inspection);
  const inspectingOrg = inspection.inspectedBy === "FACTORY" ? context.orgs.factory : context.orgs.importer;
  const zone = inspectingOrg?.timeZone ?? "UTC";
  const open = inspection.status === "BOOKED" || inspection.status === "CONFIRMED";
  const proposedByMe = inspection.proposedByOrgId === ctx.org.id;
  const proposerName = inspection.proposedByOrgId === inspection.importerId ? context.orgs.importer.name : (context.orgs.factory?.name ?? "");
  return {
    status: inspection.status,
    type: inspection.type,
    poNumber: inspection.poNumber,
    orderQuantity: inspection.orderQuantity,
    lotSize: inspection.lotSize,
    proposedDate: isoDay(inspection.proposedDate),
    expectedShipDate: inspection.expectedShipDate ? isoDay(inspection.expectedShipDate) : null,
    confirmedAt: inspection.confirmedAt?.toISOString() ?? null,
    inspectedBy: inspection.inspectedBy,
    inspectingOrgName: inspectingOrg?.name ?? "",
    proposerName,
    /** "mine": this org has to confirm (or propose another date); "theirs": it waits for the other side; null once agreed or over. */
    turn: inspection.status === "BOOKED" ? (proposedByMe ? ("theirs" as const) : ("mine" as const)) : null,
    abortReason: inspection.abortReason,
    abortNote: inspection.abortNote,
    reinspectionOfId: inspection.reinspectionOfId,
    revision: inspection.revision,
    /** The inspecting side's zone, in which "today" and the cut-off are read. */
    zone,
    today: isoDay(inspectingToday(zone, now)),
    /** From the day before the proposed day (inspecting side's zone), another date needs a reason. */
    reasonRequired: open && pastCutOff(inspection.proposedDate, zone, now),
    abortReasons: abortReasonsFor(inspection.type),
    can: {
      confirm: ctx.ability.can("confirm", subject),
      reschedule: open && ctx.ability.can("reschedule", subject),
      abort: open && ctx.ability.can("abort", subject),
    },
  };
}
export type BookingView = Awaited<ReturnType<typeof bookingView>>;
