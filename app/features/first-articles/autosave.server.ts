import { data } from "@remix-run/node";
import { z } from "zod";
import { asSubject } from "~/lib/ability.ts";
import { dispatchIntents } from "~/lib/actions.server.ts";
import { ensureCan } from "~/lib/authorize.server.ts";
import { readForm } from "~/lib/forms.server.ts";
import type { TenantContext } from "~/lib/tenant.server.ts";
import { SAVE_READINGS_INTENT } from "./autosave.ts";
import { changedCellsFromForm, saveChangedCells } from "./cell-saves.server.ts";
import type { LoadedFirstArticle } from "./first-articles.server.ts";
import { characteristicsOf } from "./page.server.ts";
import { message } from "~/lib/i18n/message.ts";

// Only the changed cells, as `m.*` with the `was.*` each replaces.
const SCHEMAS = { [SAVE_READINGS_INTENT]: z.object({ intent: z.literal(SAVE_READINGS_INTENT) }) };

/** The grid's autosave: the changed cells stored, the ones someone else changed meanwhile answered as conflicts (409). */
export async function saveReadingsAsTyped(request: Request, ctx: TenantContext, fa: LoadedFirstArticle) {
  const form = await readForm(request, 512 * 1024);
  const characteristics = await characteristicsOf(fa);
  return dispatchIntents(
    form,
    SCHEMAS,
    {
      [SAVE_READINGS_INTENT]: async (_input, { formData }) => {
        const changes = changedCellsFromForm(formData, characteristics, fa.sampleCount);
        const { saved, conflicts } = await saveChangedCells(ctx, fa, characteristics, changes);
        const answer = { intent: SAVE_READINGS_INTENT, result: { status: "success" as const }, saved, conflicts, savedAt: new Date().toISOString() };
        return data(answer, conflicts.length ? 409 : 200);
      },
    },
    {
      // The role only: a draft submitted meanwhile is answered in the page (409), where the grid keeps what was typed.
      authorize: {
        [SAVE_READINGS_INTENT]: () =>
          ensureCan(
            ctx.ability,
            "update",
            asSubject("FirstArticle", { ...fa, status: "DRAFT" }),
            message("firstArticles", "errors.roleCannotRecord"),
            "measurements",
          ),
      },
      extraFields: { [SAVE_READINGS_INTENT]: ["m.*", "was.*"] },
    },
  );
}
