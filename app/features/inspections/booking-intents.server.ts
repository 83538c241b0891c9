// The booking part's forms on the inspection page: confirm the proposed date, propose another,
// call the inspection off. The role and the state decide first (403 whatever the fields hold).
import type { IntentForm } from "~/lib/actions.server.ts";
import { ensureCan } from "~/lib/authorize.server.ts";
import { message } from "~/lib/i18n/message.ts";
import { accountTranslator } from "~/lib/i18n/translate.server.ts";
import type { TenantContext } from "~/lib/tenant.server.ts";
import { redirectWithToast } from "~/lib/toast.server.ts";
import { abortInspection, confirmInspection, refusingAtFields, rescheduleInspection } from "./booking.server.ts";
import { inspectionSubject, type LoadedInspection } from "./inspections.server.ts";
import { inspectionPath } from "./paths.ts";
import { AbortSchema, ConfirmSchema, RescheduleSchema, type AbortInput, type RescheduleInput } from "./schemas.ts";

export const BOOKING_INTENTS = { confirm: ConfirmSchema, reschedule: RescheduleSchema, abort: AbortSchema };

export function bookingIntents(ctx: TenantContext, inspection: LoadedInspection, _form: FormData) {
  const here = inspectionPath(ctx.org.slug, inspection.id);
  const t = accountTranslator(ctx.user, "inspections");
  const subject = () => inspectionSubject(inspection);
  return {
    handlers: {
      confirm: async (input: { revision: number }) => {
        const emailed = await confirmInspection(ctx, inspection, input.revision);
        return redirectWithToast(here, { message: t("toast.confirmed", { emailed }) });
      },
      reschedule: <I extends string>(input: RescheduleInput, form: IntentForm<I>) =>
        refusingAtFields(form, async () => {
          const emailed = await rescheduleInspection(ctx, inspection, input);
          return redirectWithToast(here, { message: t("toast.rescheduled", { emailed }) });
        }),
      abort: <I extends string>(input: AbortInput, form: IntentForm<I>) =>
        refusingAtFields(form, async () => {
          const emailed = await abortInspection(ctx, inspection, input);
          return redirectWithToast(here, { message: t("toast.aborted", { emailed }) });
        }),
    },
    authorize: {
      confirm: () => ensureCan(ctx.ability, "confirm", subject(), message("inspections", "errors.cannotConfirm")),
      reschedule: () => ensureCan(ctx.ability, "reschedule", subject(), message("inspections", "errors.cannotReschedule")),
      abort: () => ensureCan(ctx.ability, "abort", subject(), message("inspections", "errors.cannotAbort")),
    },
    extras: {},
  };
}
