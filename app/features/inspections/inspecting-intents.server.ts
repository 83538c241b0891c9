// The inspecting part's forms: "save-inspection" (the Save button: every section at once, works
// without JavaScript) and "submit-result" (saves what was posted, then submits the computed
// result, refused with each problem linked while a section is incomplete).
import { z } from "zod";
import type { IntentForm } from "~/lib/actions.server.ts";
import { typedValues } from "~/lib/actions.server.ts";
import { ensureCan } from "~/lib/authorize.server.ts";
import { accountTranslator } from "~/lib/i18n/translate.server.ts";
import { message } from "~/lib/i18n/message.ts";
import type { TenantContext } from "~/lib/tenant.server.ts";
import { redirectWithToast } from "~/lib/toast.server.ts";
import { inspectionSubject, loadInspection, type LoadedInspection } from "./inspections.server.ts";
import { inspectionPath } from "./paths.ts";
import { REMOVE_DEFECT_FIELD, SAVE_INSPECTION_INTENT, SCALAR_FIELDS, SUBMIT_RESULT_INTENT } from "./recording-fields.ts";
import { loadRecordingVersion, saveWholeInspection } from "./recording.server.ts";
import { submitInspectionResult } from "./result-submission.server.ts";

export const INSPECTING_INTENTS = {
  [SAVE_INSPECTION_INTENT]: z.object({ intent: z.literal(SAVE_INSPECTION_INTENT) }),
  [SUBMIT_RESULT_INTENT]: z.object({ intent: z.literal(SUBMIT_RESULT_INTENT) }),
};

/** Every field the sections post, read by the handlers from the form itself. */
export const INSPECTING_FIELDS = ["m.*", "d.*", "check.*", REMOVE_DEFECT_FIELD, ...SCALAR_FIELDS];
const isRecordingField = (name: string) => /^(m|d|check)\./.test(name) || (SCALAR_FIELDS as readonly string[]).includes(name) || name === REMOVE_DEFECT_FIELD;

export function inspectingIntents(ctx: TenantContext, inspection: LoadedInspection, form: FormData) {
  const here = inspectionPath(ctx.org.slug, inspection.id);
  const t = accountTranslator(ctx.user, "inspecting");
  const mayRecord = () =>
    ensureCan(
      ctx.ability,
      "update",
      inspectionSubject(inspection),
      inspection.status === "CONFIRMED" ? message("inspecting", "errors.roleCannotRecord") : message("inspecting", "errors.notRecording"),
      "defects",
    );
  const maySubmit = () => {
    mayRecord();
    ensureCan(ctx.ability, "submit", inspectionSubject(inspection), message("inspecting", "errors.roleCannotSubmit"));
  };
  const values = () => ({ values: typedValues(form, isRecordingField) });
  return {
    handlers: {
      [SAVE_INSPECTION_INTENT]: async <I extends string>(_input: unknown, { formData }: IntentForm<I>) => {
        const version = await loadRecordingVersion(inspection.versionId);
        await saveWholeInspection(ctx, inspection, version, formData);
        const removed = formData.get(REMOVE_DEFECT_FIELD);
        return redirectWithToast(inspectionPath(ctx.org.slug, inspection.id, { section: removed ? "defects" : "inspecting" }), {
          message: t(removed ? "toast.defectRemoved" : "toast.saved"),
        });
      },
      [SUBMIT_RESULT_INTENT]: async <I extends string>(_input: unknown, { formData, refuse }: IntentForm<I>) => {
        const version = await loadRecordingVersion(inspection.versionId);
        await saveWholeInspection(ctx, inspection, version, formData);
        // Read again after the save: the result is computed from what is stored.
        const saved = await loadInspection(ctx, inspection.id);
        const outcome = await submitInspectionResult(ctx, saved, version);
        if (!outcome.ok) {
          return refuse(422, { formErrors: [message("inspecting", "errors.incomplete", { count: outcome.problems.length })] }, { problems: outcome.problems });
        }
        return redirectWithToast(`${here}#result`, {
          message: t(outcome.outcome.result === "PASS" ? "toast.submittedPass" : "toast.submittedFail", { count: outcome.emailed }),
        });
      },
    },
    authorize: { [SAVE_INSPECTION_INTENT]: mayRecord, [SUBMIT_RESULT_INTENT]: maySubmit },
    extras: { [SAVE_INSPECTION_INTENT]: values, [SUBMIT_RESULT_INTENT]: values },
    extraFields: { [SAVE_INSPECTION_INTENT]: INSPECTING_FIELDS, [SUBMIT_RESULT_INTENT]: INSPECTING_FIELDS },
  };
}
