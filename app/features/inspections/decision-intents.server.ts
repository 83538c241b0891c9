// The decision part's form: the importer's deciders release, reject or accept the lot with a
// deviation, on the revision they read. Who may decide is checked before the form is parsed.
import { typedValues } from "~/lib/actions.server.ts";
import { accountTranslator } from "~/lib/i18n/translate.server.ts";
import type { TenantContext } from "~/lib/tenant.server.ts";
import { redirectWithToast } from "~/lib/toast.server.ts";
import { DecideLotSchema, type DecideLotInput } from "./decision.ts";
import { decideLot, ensureMayDecide } from "./decision.server.ts";
import type { LoadedInspection } from "./inspections.server.ts";
import { inspectionPath } from "./paths.ts";

export const DECISION_INTENTS = { "decide-lot": DecideLotSchema };

export function decisionIntents(ctx: TenantContext, inspection: LoadedInspection, form: FormData) {
  return {
    handlers: {
      "decide-lot": async (input: DecideLotInput) => {
        const emailed = await decideLot(ctx, inspection, input);
        return redirectWithToast(inspectionPath(ctx.org.slug, inspection.id, { section: "decision" }), {
          message: accountTranslator(ctx.user, "lotDecisions")(`toast.${input.decision}`, { emailed }),
        });
      },
    },
    authorize: { "decide-lot": () => ensureMayDecide(ctx, inspection) },
    // A refused decision shows its choice and note again, so nothing typed is lost without JavaScript.
    extras: { "decide-lot": () => ({ decisionValues: typedValues(form, (name) => name === "note" || name === "decision") }) },
  };
}
