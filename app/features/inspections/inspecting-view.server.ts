// What the inspection page's inspecting part shows: the sampling plan, and once the inspection is
// confirmed its sections (quantity and packing, measurements, defects, packaging checks, the
// note), editable by whoever may record, read-only after; once submitted, the computed result.
import type { TenantContext } from "~/lib/tenant.server.ts";
import { inspectionSubject, type LoadedInspection } from "./inspections.server.ts";
import type { InspectionPageContext } from "./page.server.ts";
import { inspectionSavePath } from "./paths.ts";
import { readingsOfInspection, storedFields } from "./recording.server.ts";
import { outcomeOf } from "./result-submission.server.ts";

const RECORDED = ["CONFIRMED", "SUBMITTED", "RELEASED", "REJECTED", "ACCEPTED_WITH_DEVIATION"];

export async function inspectingView(ctx: TenantContext, inspection: LoadedInspection, context: InspectionPageContext) {
  const shown = RECORDED.includes(inspection.status);
  if (!shown) return { shown: false as const, plan: inspection.plan };
  const subject = inspectionSubject(inspection);
  const version = context.recording;
  const photos = context.defectPhotos;
  const submitted = inspection.status !== "CONFIRMED";
  return {
    shown: true as const,
    plan: inspection.plan,
    editable: ctx.ability.can("update", subject, "defects"),
    canSubmit: ctx.ability.can("submit", subject),
    savePath: inspectionSavePath(ctx.org.slug, inspection.id),
    characteristics: version.characteristics,
    readings: readingsOfInspection(inspection),
    fields: storedFields(inspection, version),
    lines: version.lines,
    library: version.library,
    defects: inspection.defects.map((d) => ({
      id: d.id,
      class: d.class,
      photos: photos.filter((p) => p.ownerId === d.id).map(({ id, name, contentType }) => ({ id, name, contentType })),
    })),
    outcome: submitted && inspection.result ? outcomeOf(inspection, version) : null,
    submittedAt: inspection.submittedAt?.toISOString() ?? null,
  };
}
