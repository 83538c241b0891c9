// The spec version page's forms: publish (importer), acknowledge or ask a question (factory),
// and the thread between the importer and each factory.
import { z } from "zod";
import { nextStepAfterAcknowledging } from "~/features/first-articles/resubmission.server.ts";
import { addComment } from "~/features/threads/comments.server.ts";
import { answerThreadWithFiles, threadIntents, type ThreadPage } from "~/features/threads/intents.server.ts";
import { THREAD_INTENT_SCHEMAS } from "~/features/threads/thread.ts";
import { dispatchIntents } from "~/lib/actions.server.ts";
import { readForm } from "~/lib/forms.server.ts";
import { notFound } from "~/lib/http.server.ts";
import { redirectWithToast } from "~/lib/toast.server.ts";
import { listAckStatus, respondToVersion } from "./acknowledgements.server.ts";
import { specPath, versionPath } from "./paths.ts";
import { AcknowledgeSchema, QuerySchema, ShareSchema } from "./schemas.ts";
import { shareSpec } from "./sharing.server.ts";
import { emailedSentence } from "~/features/notifications/emailed.ts";
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
  if (version.status === "DRAFT") notFound("Drafts have no thread.");
  const shared = (await listAckStatus(ctx, spec, version.id)).map((a) => a.factory.id);
  const requested = new URL(request.url).searchParams.get("factory");
  // The page may fall back to the first factory; a comment must go exactly where it was meant to.
  if (ctx.org.kind === "IMPORTER" && requested && !shared.includes(requested)) notFound("That factory does not share this specification any more.");
  const factoryId = threadFactoryFor(ctx, requested, shared);
  if (!factoryId) notFound("Share this specification with a factory to discuss it.");
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
  return dispatchIntents(
    formData,
    VERSION_INTENTS,
    {
      ...thread.handlers,
      publish: async () => {
        const { emailed } = await publishVersion(ctx, spec, version);
        const none = "No one was emailed: it is not shared with an active partner factory yet.";
        return redirectWithToast(here, { message: `Version ${version.number} is published. ${emailedSentence(emailed, none)}` });
      },
      "delete-draft": async () => {
        await deleteDraft(ctx, version);
        return redirectWithToast(specPath(ctx.org.slug, spec.id), { message: `Draft version ${version.number} was deleted.` });
      },
      share: async ({ factoryIds }) => {
        const { emailed } = await shareSpec(ctx, spec, factoryIds);
        const none = version.status === "DRAFT" ? "They are emailed when a version is published." : "No one was emailed.";
        return redirectWithToast(here, { message: `Shared. ${emailedSentence(emailed, none)}` });
      },
      acknowledge: async () => {
        await respondToVersion(ctx, spec, version, { status: "ACKNOWLEDGED" });
        // On to what the acknowledgement made possible, rather than back to the top of a long page.
        const next = await nextStepAfterAcknowledging(ctx, spec.id, version.id);
        return redirectWithToast(next ?? `${here}#fai`, {
          message: `You acknowledged version ${version.number}.${next ? " Now start the next round against it." : ""}`,
        });
      },
      query: async ({ question }) => {
        await respondToVersion(ctx, spec, version, { status: "QUERIED", question });
        // The question opens the conversation, so the importer answers it in the thread.
        const { thread: ref, ...links } = versionThreadPage(ctx.org, spec, version, ctx.org.id);
        await addComment(ctx, ref, { body: `Question: ${question}`, visibility: "SHARED" }, links);
        return redirectWithToast(here, { message: "Your question was sent to the importer." });
      },
    },
    { authorize: thread.authorize },
  );
}
