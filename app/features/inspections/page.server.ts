// The inspection page's data, for either side: the record with both orgs' names and the spec,
// its thread, and what each part of the page (booking, inspecting, the lot decision) shows.
import { listComments } from "~/features/threads/comments.server.ts";
import { threadOn } from "~/features/threads/thread.ts";
import { prisma } from "~/lib/db.server.ts";
import { isoDay } from "~/lib/dates.ts";
import type { TenantContext } from "~/lib/tenant.server.ts";
import { bookingView } from "./booking-view.server.ts";
import { decisionView } from "./decision-view.server.ts";
import { inspectingView } from "./inspecting-view.server.ts";
import type { LoadedInspection } from "./inspections.server.ts";

export const inspectionThread = (inspection: Pick<LoadedInspection, "id" | "importerId" | "factoryId">) => threadOn("Inspection", inspection.id, inspection);

export async function loadInspectionPage(ctx: TenantContext, inspection: LoadedInspection, url: URL) {
  const [orgs, version, thread] = await Promise.all([
    prisma.partnership.findUniqueOrThrow({
      where: { id: inspection.partnershipId },
      select: { importer: { select: { name: true, timeZone: true } }, factory: { select: { name: true, timeZone: true } } },
    }),
    prisma.specVersion.findUniqueOrThrow({
      where: { id: inspection.versionId },
      select: { number: true, spec: { select: { id: true, title: true, productCode: true } } },
    }),
    listComments(ctx, inspectionThread(inspection), { before: url.searchParams.get("before") }),
  ]);
  const context = { orgs, version };
  const [booking, inspecting, decision] = await Promise.all([
    bookingView(ctx, inspection, context),
    inspectingView(ctx, inspection, context),
    decisionView(ctx, inspection, context),
  ]);
  return {
    inspection: {
      id: inspection.id,
      type: inspection.type,
      status: inspection.status,
      poNumber: inspection.poNumber,
      lotSize: inspection.lotSize,
      orderQuantity: inspection.orderQuantity,
      proposedDate: isoDay(inspection.proposedDate),
      inspectedBy: inspection.inspectedBy,
      reinspectionOfId: inspection.reinspectionOfId,
      result: inspection.result,
      plan: inspection.plan,
      revision: inspection.revision,
    },
    spec: { id: version.spec.id, title: version.spec.title, productCode: version.spec.productCode, version: version.number },
    importer: orgs.importer.name,
    factory: orgs.factory?.name ?? "",
    thread,
    booking,
    inspecting,
    decision,
  };
}

/** What each part's view is given besides the record: both orgs (names, zones) and the spec version. */
export type InspectionPageContext = {
  orgs: { importer: { name: string; timeZone: string }; factory: { name: string; timeZone: string } | null };
  version: { number: number; spec: { id: string; title: string; productCode: string } };
};
