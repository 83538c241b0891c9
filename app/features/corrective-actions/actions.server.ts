import { data } from "@remix-run/node";
import { stageUploads } from "~/features/attachments/uploads.server.ts";
import { handleThreadIntent } from "~/features/threads/comments.server.ts";
import { isThreadIntent, type ThreadRef } from "~/features/threads/thread.ts";
import { asSubject } from "~/lib/ability.ts";
import { ensureCan } from "~/lib/authorize.server.ts";
import { UserError } from "~/lib/errors.ts";
import { parseSubmission, readForm } from "~/lib/forms.server.ts";
import type { TenantContext } from "~/lib/tenant.server.ts";
import { redirectWithToast } from "~/lib/toast.server.ts";
import { type LoadedCorrectiveAction, markImplemented, reopen, reviewPlan, saveAnswer, verifyAndClose } from "./corrective-actions.server.ts";
import { AnswerSchema, CloseSchema, ReopenSchema, ReviewSchema } from "./schemas.ts";
import { correctiveActionPath } from "./paths.ts";

export const caThread = (ca: Pick<LoadedCorrectiveAction, "id" | "importerId" | "factoryId">): ThreadRef => ({
  type: "CorrectiveAction",
  id: ca.id,
  importerId: ca.importerId,
  factoryId: ca.factoryId,
});

/** `values`: what was typed in the review, close or reopen form, so a refused post without JavaScript keeps it. */
export type CaActionData = {
  intent: string;
  errors: string[];
  result?: unknown;
  problems?: { path: string; message: string }[];
  thread?: unknown;
  values?: Record<string, string>;
};
const refuse = (body: CaActionData, status: number) => data(body, { status });

/** The corrective-action page's actions, one per intent. */
export async function handleCorrectiveActionAction(request: Request, ctx: TenantContext, ca: LoadedCorrectiveAction) {
  const here = correctiveActionPath(ctx.org.slug, ca.id);
  let values: Record<string, string> | undefined;
  try {
    // Evidence comes as a multipart form, named in the URL since the body is read once.
    if (new URL(request.url).searchParams.get("upload") === "evidence") {
      ensureCan(
        ctx.ability,
        "implement",
        asSubject("CorrectiveAction", ca),
        ca.status === "PLAN_ACCEPTED" ? "Only owners and quality leads mark the actions done." : "Only an accepted plan can be marked implemented.",
      );
      const staged = await stageUploads(request, ctx, { fields: ["evidence"], maxFiles: 20 });
      let kept = false;
      try {
        await markImplemented(ctx, ca, (tx) => staged.save(tx, { ownerType: "CorrectiveAction", ownerId: ca.id }));
        kept = true;
      } finally {
        if (!kept) await staged.discard();
      }
      return redirectWithToast(here, { message: "Marked implemented. The importer has been asked to verify." });
    }
    const form = await readForm(request, 256 * 1024);
    const intent = String(form.get("intent") ?? "");
    if (isThreadIntent(form)) {
      const outcome = await handleThreadIntent(ctx, caThread(ca), form, {
        link: (org) => correctiveActionPath(org.slug, ca.id, { thread: true }),
        title: `corrective action “${ca.title}”`,
      });
      if (!outcome.ok) return refuse({ intent, errors: [], thread: outcome }, outcome.status);
      return redirectWithToast(correctiveActionPath(ctx.org.slug, ca.id, { thread: true }), {
        message: outcome.intent === "comment" ? "Comment posted." : "Comment updated.",
      });
    }
    const subject = asSubject("CorrectiveAction", ca);
    // The role and the state decide first: a forbidden write is a 403 whatever the fields hold.
    if (intent === "save-answer" || intent === "submit-plan") {
      ensureCan(
        ctx.ability,
        "update",
        subject,
        ca.status === "OPEN" ? "Your role cannot answer corrective actions." : "The plan is with the importer now and cannot change.",
        "rootCause",
      );
      if (intent === "submit-plan") ensureCan(ctx.ability, "submit", subject, "Only owners and quality leads submit the plan.");
      const submission = parseSubmission(form, AnswerSchema, { extraFields: ["intent"] });
      // Add and remove rows without JavaScript: conform answers with the changed form.
      if (submission.status !== "success") return refuse({ intent, errors: [], result: submission.reply() }, submission.status === "error" ? 400 : 200);
      const outcome = await saveAnswer(ctx, ca, submission.value, intent === "submit-plan");
      if (!outcome.ok) {
        const fieldErrors = Object.fromEntries(outcome.problems.map((p) => [p.path, [p.message]]));
        return refuse(
          {
            intent,
            errors: ["The plan is not complete yet. Your answer was not sent."],
            problems: outcome.problems,
            result: submission.reply({ fieldErrors }),
          },
          422,
        );
      }
      return redirectWithToast(here, { message: intent === "submit-plan" ? "Plan sent to the importer." : "Answer saved as a draft." });
    }
    const schema = intent === "review" ? ReviewSchema : intent === "close" ? CloseSchema : intent === "reopen" ? ReopenSchema : null;
    if (!schema) return refuse({ intent, errors: ["Unknown action."] }, 400);
    const action = intent === "review" ? "review" : intent === "close" ? "verify" : "reopen";
    ensureCan(ctx.ability, action, subject, "Your role cannot do that, or this corrective action is not at that step.");
    values = typedValues(form, ["intent", "note", "decision"]);
    const submission = parseSubmission(form, schema);
    if (submission.status !== "success") return refuse({ intent, errors: Object.values(submission.reply().error ?? {}).flat() as string[], values }, 400);
    const value = submission.value;
    if (value.intent === "review") await reviewPlan(ctx, ca, value);
    else if (value.intent === "close") await verifyAndClose(ctx, ca, value.note);
    else await reopen(ctx, ca, value.note);
    const messages = {
      review: value.intent === "review" && value.decision === "accept" ? "Plan accepted." : "Plan returned to the factory.",
      close: "Verified and closed.",
      reopen: "Reopened. The factory has been asked for a new plan.",
    };
    return redirectWithToast(here, { message: messages[value.intent] });
  } catch (error) {
    // A conflict (someone else moved it on) keeps the typed note too.
    if (error instanceof UserError) return refuse({ intent: "", errors: [error.message], ...(values ? { values } : {}) }, error.status);
    throw error;
  }
}

/** The named text fields as submitted (strings only; files and absent fields are left out). */
function typedValues(form: FormData, names: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of names) {
    const v = form.get(name);
    if (typeof v === "string") out[name] = v;
  }
  return out;
}
