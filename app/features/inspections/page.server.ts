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
import { recordingVersionSelect, toRecordingVersion, type RecordingVersion } from "./recording.server.ts";

export const inspectionThread = (inspection: Pick<LoadedInspection, "id" | "importerId" | "factoryId">) => threadOn("Inspection", inspection.id, inspection);

export async function loadInspectionPage(ctx: TenantContext, inspection: LoadedInspection, url: URL) {
  // One statement for both orgs, the defects' photos (an attachment is reached through the org that
  // uploaded it) and the spec version with what recording reads of it; then the thread.
  const defectIds = inspection.defects.map((d) => d.id);
  const photos = {
    where: { ownerType: "InspectionDefect", ownerId: { in: defectIds } },
    orderBy: [{ createdAt: "asc" as const }, { id: "asc" as const }],
    select: { id: true, name: true, contentType: true, ownerId: true, createdAt: true },
  };
  const [pair, thread] = await Promise.all([
    prisma.partnership.findUniqueOrThrow({
      where: { id: inspection.partnershipId },
      select: {
        importer: {
          select: {
            name: true,
            timeZone: true,
            attachments: photos,
            // The spec is the importer's: its version comes in the same statement.
            specs: {
              where: { id: inspection.specId },
              select: {
                id: true,
                title: true,
                productCode: true,
                versions: { where: { id: inspection.versionId }, select: { number: true, ...recordingVersionSelect } },
              },
            },
          },
        },
        factory: { select: { name: true, timeZone: true, attachments: photos } },
      },
    }),
    listComments(ctx, inspectionThread(inspection), { before: url.searchParams.get("before") }),
  ]);
  const spec = pair.importer.specs[0];
  const specVersion = spec?.versions[0];
  if (!spec || !specVersion) throw new Error(`Inspection ${inspection.id} names a version its importer does not have`);
  const version = { number: specVersion.number, spec: { id: spec.id, title: spec.title, productCode: spec.productCode } };
  const orgs = {
    importer: { name: pair.importer.name, timeZone: pair.importer.timeZone },
    factory: pair.factory ? { name: pair.factory.name, timeZone: pair.factory.timeZone } : null,
  };
  const defectPhotos = [...pair.importer.attachments, ...(pair.factory?.attachments ?? [])].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  const context: InspectionPageContext = { orgs, version, recording: toRecordingVersion(specVersion), defectPhotos };
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
  /** What recording reads of the version (characteristics, defect library, packaging lines). */
  recording: RecordingVersion;
  /** The defects' photos, oldest first, with the defect each belongs to (`ownerId`). */
  defectPhotos: { id: string; name: string; contentType: string; ownerId: string; createdAt: Date }[];
};
