import { data, redirect, type TypedResponse } from "@remix-run/node";
import { z } from "zod";
import { receiveUploads } from "~/features/attachments/uploads.server.ts";
import { threadIntents } from "~/features/threads/intents.server.ts";
import { THREAD_INTENT_SCHEMAS } from "~/features/threads/thread.ts";
import { asSubject } from "~/lib/ability.ts";
import type { ActionData } from "~/lib/action-data.ts";
import { dispatchIntents, refusal, typedValues, type IntentForm, type Refusal } from "~/lib/actions.server.ts";
import { ensureCan } from "~/lib/authorize.server.ts";
import { readForm } from "~/lib/forms.server.ts";
import { UserError } from "~/lib/errors.ts";
import type { TenantContext } from "~/lib/tenant.server.ts";
import { redirectWithToast } from "~/lib/toast.server.ts";
import { parseCsv } from "./csv.ts";
import type { LoadedFirstArticle } from "./first-articles.server.ts";
import { readingsOf } from "./first-articles.server.ts";
import { readingsFromForm } from "./judge.ts";
import { characteristicsOf, faThread } from "./page.server.ts";
import { DecideSchema, FirstArticleHeaderSchema } from "./schemas.ts";
import { startNextRound, withdrawFirstArticle } from "./resubmission.server.ts";
import { decideFirstArticle, saveReadings, submitFirstArticle } from "./workflow.server.ts";
import { firstArticlePath } from "./paths.ts";
import { accountTranslator, requestTranslator, translatorFor } from "~/lib/i18n/translate.server.ts";
import { message } from "~/lib/i18n/message.ts";

const CSV_LIMIT = 1024 * 1024;

const FA_INTENTS = {
  save: FirstArticleHeaderSchema,
  submit: FirstArticleHeaderSchema,
  decide: DecideSchema,
  "next-round": z.object({ intent: z.literal("next-round") }),
  withdraw: z.object({ intent: z.literal("withdraw") }),
  ...THREAD_INTENT_SCHEMAS,
};

/**
 * What the page shows again besides the reply: the readings as typed (so nothing is lost), for
 * a refused submission each problem with the cell it points at, and a refused decision's note,
 * decision and `finding.*` reasons as typed.
 */
export type FaActionData = ActionData<FaIntent | "upload" | "csv", FaExtra>;
type FaIntent = keyof typeof FA_INTENTS;
type FaAnswer = TypedResponse<never> | Refusal<FaActionData["intent"], FaExtra>;
type FaExtra = {
  readings?: Record<string, string[]>;
  problems?: { message: string; cellId?: string }[];
  values?: Record<string, string>;
};

/** The first-article page's actions, one per intent; files and the CSV import come as multipart forms named in the URL. */
export async function handleFirstArticleAction(request: Request, ctx: TenantContext, fa: LoadedFirstArticle): Promise<FaAnswer> {
  const upload = new URL(request.url).searchParams.get("upload");
  if (upload === "files") return uploadFiles(request, ctx, fa);
  if (upload === "csv") return importCsv(request, ctx, fa);
  const here = firstArticlePath(ctx.org.slug, fa.id);
  const t = accountTranslator(ctx.user, "firstArticles");
  const form = await readForm(request, 512 * 1024);
  const characteristics = await characteristicsOf(fa);
  // The role and the state decide first: a forbidden write is a 403 whatever the fields hold.
  const mayRecord = () =>
    ensureCan(
      ctx.ability,
      "update",
      asSubject("FirstArticle", fa),
      fa.status === "DRAFT" ? message("firstArticles", "errors.roleCannotRecord") : message("firstArticles", "errors.submittedNoChange"),
      "measurements",
    );
  const readings = () => readingsFromForm(form, characteristics, fa.sampleCount);
  const record = async (header: z.output<typeof FirstArticleHeaderSchema>, { intent, refuse }: IntentForm<FaIntent>) => {
    const typed = readings();
    if (header.sampleCount < fa.sampleCount && characteristics.some((c) => (typed[c.key] ?? []).slice(header.sampleCount).some(Boolean))) {
      return refuse(400, { formErrors: [message("firstArticles", "errors.fewerSamplesDropReadings")] });
    }
    await saveReadings(ctx, fa, characteristics, typed, header);
    if (intent !== "submit") return redirectWithToast(here, { message: t("toast.saved") });
    // Submitting after the save: a refused submission keeps everything just saved.
    const outcome = await submitFirstArticle(ctx, { ...fa, sampleCount: header.sampleCount, revision: fa.revision + 1 }, characteristics, typed);
    if (!outcome.ok) {
      const count = outcome.problems.length;
      return refuse(422, { formErrors: [message("firstArticles", "errors.notSubmitted", { count })] }, { problems: outcome.problems });
    }
    return redirectWithToast(here, { message: t("toast.submitted", { emailed: outcome.emailed }) });
  };
  const thread = threadIntents(ctx, () => ({
    thread: faThread(fa),
    path: here,
    link: (org) => firstArticlePath(org.slug, fa.id, { thread: true }),
    about: { kind: "firstArticle", po: fa.poNumber, round: fa.round },
  }));
  return dispatchIntents(
    form,
    FA_INTENTS,
    {
      ...thread.handlers,
      save: record,
      submit: record,
      decide: async (decision) => {
        const emailed = await decideFirstArticle(ctx, fa, characteristics, decision);
        return redirectWithToast(here, { message: t("toast.decided", { emailed }) });
      },
      "next-round": async () => {
        const next = await startNextRound(ctx, fa);
        throw redirect(firstArticlePath(ctx.org.slug, next.id));
      },
      withdraw: async () => {
        await withdrawFirstArticle(ctx, fa);
        return redirectWithToast(here, { message: t("toast.withdrawn") });
      },
    },
    {
      authorize: {
        ...thread.authorize,
        save: mayRecord,
        submit: () => {
          mayRecord();
          ensureCan(ctx.ability, "submit", asSubject("FirstArticle", fa), message("firstArticles", "errors.onlyLeadsSubmit"));
        },
        decide: () =>
          ensureCan(
            ctx.ability,
            "decide",
            asSubject("FirstArticle", fa),
            fa.status === "SUBMITTED" ? message("firstArticles", "errors.onlyLeadsDecide") : message("firstArticles", "errors.alreadyDecided"),
            "status",
          ),
        withdraw: () =>
          ensureCan(
            ctx.ability,
            "withdraw",
            asSubject("FirstArticle", fa),
            fa.status === "DRAFT" ? message("firstArticles", "errors.roleCannotWithdraw") : message("firstArticles", "errors.onlyDraftWithdrawn"),
          ),
      },
      extraFields: { save: ["m.*"], submit: ["m.*"] },
      extras: {
        save: () => ({ readings: readings() }),
        submit: () => ({ readings: readings() }),
        decide: () => ({ values: typedValues(form, (name) => name === "note" || name === "decision" || name.startsWith("finding.")) }),
      },
    },
  );
}

/** Photos and files of the samples, while the first article is a draft. */
async function uploadFiles(request: Request, ctx: TenantContext, fa: LoadedFirstArticle) {
  ensureCan(ctx.ability, "update", asSubject("FirstArticle", fa), message("firstArticles", "errors.filesOnlyDraft"), "attachments");
  const { attachments, refused } = await receiveUploads(request, ctx, {
    fields: ["files"],
    ownerType: "FirstArticle",
    ownerId: fa.id,
    maxFiles: 20,
    keepForm: true,
  });
  // Answered on the page, next to the file input, so the readings typed in the grid stay where they are.
  if (refused) return data<FaActionData>({ intent: "upload", result: { status: "error", error: refused.fieldErrors } }, refused.status);
  const count = Object.values(attachments).flat().length;
  if (!count) return refusal("upload", 400, [message("firstArticles", "errors.chooseFile")]);
  return redirectWithToast(firstArticlePath(ctx.org.slug, fa.id), { message: accountTranslator(ctx.user, "firstArticles")("toast.filesAdded", { count }) });
}

/** Readings from a spreadsheet: they fill the grid, and cells the file leaves empty keep what was there. */
async function importCsv(request: Request, ctx: TenantContext, fa: LoadedFirstArticle) {
  ensureCan(ctx.ability, "update", asSubject("FirstArticle", fa), message("firstArticles", "errors.importOnlyDraft"), "measurements");
  const form = await readForm(request, CSV_LIMIT + 64 * 1024);
  const file = form.get("csv");
  if (!(file instanceof File) || file.size === 0) return refusal("csv", 400, [message("firstArticles", "errors.chooseCsv")]);
  if (file.size > CSV_LIMIT) return refusal("csv", 413, [message("firstArticles", "errors.csvTooLarge")]);
  const characteristics = await characteristicsOf(fa);
  // Headers in English or in the importer's own language: an export made in either reads back.
  const languages = [translatorFor("en", "firstArticles"), requestTranslator(request, ctx.user, "firstArticles")];
  const parsed = parseCsv(await file.text(), characteristics, fa.sampleCount, languages);
  if (parsed.errors.length) return refusal("csv", 400, parsed.errors.slice(0, 20));
  const merged = readingsOf(fa);
  for (const [key, values] of Object.entries(parsed.readings)) {
    merged[key] = Array.from({ length: fa.sampleCount }, (_, i) => values[i] || merged[key]?.[i] || "");
  }
  try {
    await saveReadings(ctx, fa, characteristics, merged);
  } catch (error) {
    if (error instanceof UserError) return refusal("csv", error.status, [error.message]);
    throw error;
  }
  return redirectWithToast(firstArticlePath(ctx.org.slug, fa.id), {
    message: accountTranslator(ctx.user, "firstArticles")("toast.imported", { count: parsed.matched }),
  });
}
