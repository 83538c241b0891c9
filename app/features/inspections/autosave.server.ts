// The inspecting sections' saves as they are typed (a resource route answering JSON): the
// measurement grid's changed cells ("save-readings", as the first article's grid posts them) and
// the other sections' changed fields ("save-fields"), each with the value it replaces; what
// someone else changed meanwhile comes back as conflicts (409). Photos of a defect come here too,
// as a multipart form naming the defect, and return to the page.
import { data } from "@remix-run/node";
import { z } from "zod";
import { IMAGE_KINDS } from "~/features/attachments/file-types.ts";
import { receiveUploads } from "~/features/attachments/uploads.server.ts";
import { dispatchIntents } from "~/lib/actions.server.ts";
import { ensureCan } from "~/lib/authorize.server.ts";
import { readForm } from "~/lib/forms.server.ts";
import { message } from "~/lib/i18n/message.ts";
import { accountTranslator } from "~/lib/i18n/translate.server.ts";
import type { TenantContext } from "~/lib/tenant.server.ts";
import { redirectWithToast } from "~/lib/toast.server.ts";
import { asSubject } from "~/lib/ability.ts";
import type { LoadedInspection } from "./inspections.server.ts";
import { inspectionPath } from "./paths.ts";
import { SAVE_FIELDS_INTENT, SAVE_READINGS_INTENT } from "./recording-fields.ts";
import { loadRecordingVersion, saveChangedFields, saveChangedReadings } from "./recording.server.ts";

const SCHEMAS = {
  [SAVE_READINGS_INTENT]: z.object({ intent: z.literal(SAVE_READINGS_INTENT) }),
  [SAVE_FIELDS_INTENT]: z.object({ intent: z.literal(SAVE_FIELDS_INTENT) }),
};

export const MAX_DEFECT_PHOTOS = 10;

/** The role only: an inspection submitted meanwhile is answered as a 409 by the save itself, and the page keeps what was typed. */
const mayRecord = (ctx: TenantContext, inspection: LoadedInspection, field: string) => () =>
  ensureCan(
    ctx.ability,
    "update",
    asSubject("Inspection", { ...inspection, plan: inspection.plan as never, status: "CONFIRMED" }),
    message("inspecting", "errors.roleCannotRecord"),
    field,
  );

export async function saveInspectionAsTyped(request: Request, ctx: TenantContext, inspection: LoadedInspection) {
  const defectId = new URL(request.url).searchParams.get("photos");
  if (defectId !== null) return uploadDefectPhotos(request, ctx, inspection, defectId);
  const form = await readForm(request, 256 * 1024);
  const version = await loadRecordingVersion(inspection.versionId);
  const savedAt = () => new Date().toISOString();
  return dispatchIntents(
    form,
    SCHEMAS,
    {
      [SAVE_READINGS_INTENT]: async (_input, { formData }) => {
        const { saved, conflicts } = await saveChangedReadings(ctx, inspection, version, formData);
        return data(
          { intent: SAVE_READINGS_INTENT, result: { status: "success" as const }, saved, conflicts, savedAt: savedAt() },
          conflicts.length ? 409 : 200,
        );
      },
      [SAVE_FIELDS_INTENT]: async (_input, { formData }) => {
        const { saved, conflicts } = await saveChangedFields(ctx, inspection, version, formData);
        return data({ intent: SAVE_FIELDS_INTENT, result: { status: "success" as const }, saved, conflicts, savedAt: savedAt() }, conflicts.length ? 409 : 200);
      },
    },
    {
      authorize: { [SAVE_READINGS_INTENT]: mayRecord(ctx, inspection, "measurements"), [SAVE_FIELDS_INTENT]: mayRecord(ctx, inspection, "defects") },
      extraFields: { [SAVE_READINGS_INTENT]: ["m.*", "was.*"], [SAVE_FIELDS_INTENT]: ["v.*", "w.*"] },
    },
  );
}

/** A refusal the route answers as JSON, the message in the reader's language where it is shown. */
const refuse = (text: string, status: number): never => {
  throw data(text, { status });
};

/** Photos of one defect, while the inspection is recorded; back to the page's defects. */
async function uploadDefectPhotos(request: Request, ctx: TenantContext, inspection: LoadedInspection, defectId: string) {
  mayRecord(ctx, inspection, "attachments")();
  if (inspection.status !== "CONFIRMED") refuse(message("inspecting", "errors.notRecording"), 409);
  if (!inspection.defects.some((d) => d.id === defectId)) refuse(message("inspecting", "errors.defectGone"), 404);
  const { attachments, refused } = await receiveUploads(request, ctx, {
    fields: ["photos"],
    ownerType: "InspectionDefect",
    ownerId: defectId,
    maxFiles: MAX_DEFECT_PHOTOS,
    allowed: IMAGE_KINDS,
  });
  const here = inspectionPath(ctx.org.slug, inspection.id, { section: "defects" });
  const t = accountTranslator(ctx.user, "inspecting");
  if (refused) refuse(Object.values(refused.fieldErrors).flat()[0] ?? message("inspecting", "errors.chooseFile"), refused.status);
  const count = Object.values(attachments).flat().length;
  if (!count) refuse(message("inspecting", "errors.chooseFile"), 400);
  return redirectWithToast(here, { message: t("toast.photosAdded", { count }) });
}
