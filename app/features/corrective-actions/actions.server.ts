import type { TypedResponse } from "@remix-run/node";
import { stageUploads } from "~/features/attachments/uploads.server.ts";
import { threadIntents } from "~/features/threads/intents.server.ts";
import { THREAD_INTENT_SCHEMAS, threadOn } from "~/features/threads/thread.ts";
import type { ActionData } from "~/lib/action-data.ts";
import { dispatchIntents, refusal, typedValues, type Refusal } from "~/lib/actions.server.ts";
import { UserError } from "~/lib/errors.ts";
import { readForm } from "~/lib/forms.server.ts";
import { message } from "~/lib/i18n/message.ts";
import type { TenantContext } from "~/lib/tenant.server.ts";
import { redirectWithToast } from "~/lib/toast.server.ts";
import { ensureCanTake, type LoadedCorrectiveAction, markImplemented, reopen, reviewPlan, saveAnswer, verifyAndClose } from "./corrective-actions.server.ts";
import { AnswerSchema, CloseSchema, ReopenSchema, ReviewSchema } from "./schemas.ts";
import { correctiveActionPath } from "./paths.ts";
import { accountTranslator } from "~/lib/i18n/translate.server.ts";

export const caThread = (ca: Pick<LoadedCorrectiveAction, "id" | "importerId" | "factoryId">) => threadOn("CorrectiveAction", ca.id, ca);

const CA_INTENTS = {
  "save-answer": AnswerSchema,
  "submit-plan": AnswerSchema,
  review: ReviewSchema,
  close: CloseSchema,
  reopen: ReopenSchema,
  ...THREAD_INTENT_SCHEMAS,
};

/**
 * Besides the reply: an incomplete plan's problems, and what was typed in the review, close or
 * reopen form (plain forms), so a refused post without JavaScript keeps it.
 */
export type CaActionData = ActionData<keyof typeof CA_INTENTS | "evidence", CaExtra>;
type CaExtra = { problems?: { path: string; message: string }[]; values?: Record<string, string> };

/** The corrective-action page's actions, one per intent; evidence comes as a multipart form named in the URL. */
export async function handleCorrectiveActionAction(
  request: Request,
  ctx: TenantContext,
  ca: LoadedCorrectiveAction,
): Promise<TypedResponse<never> | Refusal<CaActionData["intent"], CaExtra>> {
  const here = correctiveActionPath(ctx.org.slug, ca.id);
  if (new URL(request.url).searchParams.get("upload") === "evidence") return receiveEvidence(request, ctx, ca);
  const form = await readForm(request, 256 * 1024);
  const t = accountTranslator(ctx.user, "correctiveActions");
  const typed = () => ({ values: typedValues(form, (name) => name === "intent" || name === "note" || name === "decision") });
  const thread = threadIntents(ctx, () => ({
    thread: caThread(ca),
    path: here,
    link: (org) => correctiveActionPath(org.slug, ca.id, { thread: true }),
    // The record's own name only: the email is written in each recipient's language.
    about: { kind: "correctiveAction", title: ca.title },
  }));
  return dispatchIntents(
    form,
    CA_INTENTS,
    {
      ...thread.handlers,
      "save-answer": async (input) => {
        await saveAnswer(ctx, ca, input, false);
        return redirectWithToast(here, { message: t("toast.answerSaved") });
      },
      "submit-plan": async (input, { refuse }) => {
        const outcome = await saveAnswer(ctx, ca, input, true);
        if (!outcome.ok) {
          const fieldErrors = Object.fromEntries(outcome.problems.map((p) => [p.path, [p.message]]));
          return refuse(422, { formErrors: [message("correctiveActions", "errors.planIncomplete")], fieldErrors }, { problems: outcome.problems });
        }
        return redirectWithToast(here, { message: t("toast.planSent") });
      },
      review: async (input) => {
        await reviewPlan(ctx, ca, input);
        return redirectWithToast(here, { message: input.decision === "accept" ? t("toast.planAccepted") : t("toast.planReturned") });
      },
      close: async ({ note }) => {
        await verifyAndClose(ctx, ca, note);
        return redirectWithToast(here, { message: t("toast.closed") });
      },
      reopen: async ({ note }) => {
        await reopen(ctx, ca, note);
        return redirectWithToast(here, { message: t("toast.reopened") });
      },
    },
    {
      // The role and the state decide first: a forbidden write is a 403 whatever the fields hold.
      authorize: {
        ...thread.authorize,
        "save-answer": () => ensureCanTake(ctx, ca, "answer"),
        "submit-plan": () => {
          ensureCanTake(ctx, ca, "answer");
          ensureCanTake(ctx, ca, "submit-plan");
        },
        review: () => ensureCanTake(ctx, ca, "review"),
        close: () => ensureCanTake(ctx, ca, "verify"),
        reopen: () => ensureCanTake(ctx, ca, "reopen"),
      },
      // A conflict (someone else moved it on) keeps the typed note too.
      extras: { review: typed, close: typed, reopen: typed },
      // The answer's add and remove buttons (conform's, without JavaScript) post no intent of their own.
      defaultIntent: "save-answer",
    },
  );
}

/** The factory marks the plan done, with the evidence stored in the same transaction. */
async function receiveEvidence(request: Request, ctx: TenantContext, ca: LoadedCorrectiveAction) {
  ensureCanTake(ctx, ca, "implement");
  const staged = await stageUploads(request, ctx, { fields: ["evidence"], maxFiles: 20 });
  let kept = false;
  try {
    await markImplemented(ctx, ca, (tx) => staged.save(tx, { ownerType: "CorrectiveAction", ownerId: ca.id }));
    kept = true;
  } catch (error) {
    if (error instanceof UserError) return refusal("evidence", error.status, [error.message]);
    throw error;
  } finally {
    if (!kept) await staged.discard();
  }
  return redirectWithToast(correctiveActionPath(ctx.org.slug, ca.id), { message: accountTranslator(ctx.user, "correctiveActions")("toast.implemented") });
}
