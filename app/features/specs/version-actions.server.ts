// The spec version page's forms: publish (importer), acknowledge or ask a question (factory),
// and the thread between the importer and each factory.
import { z } from "zod";
import { nextStepAfterAcknowledging } from "~/features/first-articles/resubmission.server.ts";
import { addComment } from "~/features/threads/comments.server.ts";
import { answerThreadWithFiles, threadIntents, type ThreadPage } from "~/features/threads/intents.server.ts";
import { THREAD_INTENT_SCHEMAS } from "~/features/threads/thread.ts";
import { dispatchIntents } from "~/lib/actions.server.ts";
import { readForm } from "~/lib/forms.server.ts";
import { accountTranslator } from "~/lib/i18n/translate.server.ts";
import { notFound } from "~/lib/http.server.ts";
import { redirectWithToast } from "~/lib/toast.server.ts";
import { listAckStatus, respondToVersion } from "./acknowledgements.server.ts";
import { specPath, versionPath } from "./paths.ts";
import { AcknowledgeSchema, QuerySchema, ShareSchema } from "./schemas.ts";
import { shareSpec } from "./sharing.server.ts";
import { versionThreadPage, versionThreadWatchers } from "./threads.server.ts";
import { threadFactoryFor } from "./version-page.server.ts";
import { deleteDraft, publishVersion, type LoadedVersionRoute } from "./versions.server.ts";

const VERSION_INTENTS = {
  publish: z.object({ intent: z.literal("publish") }),
  "delete-draft": z.object({ intent: z.literal("delete-draft") }),
  share: ShareSchema,
  acknowledge: AcknowledgeSchema,
  query: QuerySchema,
  ...THREAD_INTENT_SCHEMAS,
};

/** The thread this post is for: the factory's own, or for an importer the factory named in the URL. */
async function threadPageOf(request: Request, { ctx, spec, version }: LoadedVersionRoute): Promise<ThreadPage> {
  if (version.status === "DRAFT") notFound(accountTranslator(ctx.user, "specs")("refusal.draftHasNoThread"));
  const shared = (await listAckStatus(ctx, spec, version.id)).map((a) => a.factory.id);
  const requested = new URL(request.url).searchParams.get("factory");
  // The page may fall back to the first factory; a comment must go exactly where it was meant to.
  if (ctx.org.kind === "IMPORTER" && requested && !shared.includes(requested)) notFound(accountTranslator(ctx.user, "specs")("refusal.factoryStoppedSharing"));
  const factoryId = threadFactoryFor(ctx, requested, shared);
  if (!factoryId) notFound(accountTranslator(ctx.user, "specs")("refusal.shareToDiscuss"));
  const page = versionThreadPage(ctx.org, spec, version, factoryId);
  return { ...page, watchers: await versionThreadWatchers(page.thread) };
}

/** Answers a form posted to the version page. Only the comment form sends files (multipart). */
export async function answerVersionPage(request: Request, loaded: LoadedVersionRoute) {
  const { ctx, spec, version } = loaded;
  if ((request.headers.get("content-type") ?? "").startsWith("multipart/form-data")) {
    return answerThreadWithFiles(request, ctx, await threadPageOf(request, loaded));
  }
  const formData = await readForm(request);
  const here = versionPath(ctx.org.slug, spec.id, version.number);
  const thread = threadIntents(ctx, () => threadPageOf(request, loaded));
  const t = accountTranslator(ctx.user, "specs");
  return dispatchIntents(
    formData,
    VERSION_INTENTS,
    {
      ...thread.handlers,
      publish: async () => {
        const { emailed } = await publishVersion(ctx, spec, version);
        return redirectWithToast(here, { message: t("toast.published", { number: version.number, emailed }) });
      },
      "delete-draft": async () => {
        await deleteDraft(ctx, version);
        return redirectWithToast(specPath(ctx.org.slug, spec.id), { message: t("toast.draftDeleted", { number: version.number }) });
      },
      share: async ({ factoryIds }) => {
        const { emailed } = await shareSpec(ctx, spec, factoryIds);
        return redirectWithToast(here, { message: t(version.status === "DRAFT" ? "toast.sharedDraft" : "toast.shared", { emailed }) });
      },
      acknowledge: async () => {
        await respondToVersion(ctx, spec, version, { status: "ACKNOWLEDGED" });
        // On to what the acknowledgement made possible, rather than back to the top of a long page.
        const next = await nextStepAfterAcknowledging(ctx, spec.id, version.id);
        return redirectWithToast(next ?? `${here}#fai`, {
          message: t(next ? "toast.acknowledgedNextRound" : "toast.acknowledged", { number: version.number }),
        });
      },
      query: async ({ question }) => {
        await respondToVersion(ctx, spec, version, { status: "QUERIED", question });
        // The question opens the conversation, so the importer answers it in the thread.
        const { thread: ref, ...links } = versionThreadPage(ctx.org, spec, version, ctx.org.id);
        await addComment(ctx, ref, { body: `Question: ${question}`, visibility: "SHARED" }, links);
        return redirectWithToast(here, { message: t("toast.questionSent") });
      },
    },
    { authorize: thread.authorize },
  );
}
