// A page's thread forms: posting a comment and editing one, dispatched by the page's action
// beside its own intents, each returning to the page's thread.
import type { z } from "zod";
import { stageUploads } from "~/features/attachments/uploads.server.ts";
import { dispatchIntents } from "~/lib/actions.server.ts";
import type { TenantContext } from "~/lib/tenant.server.ts";
import { redirectWithToast } from "~/lib/toast.server.ts";
import { addComment, editComment, ensureMayComment, type AddCommentOptions } from "./comments.server.ts";
import { MAX_ATTACHMENTS_PER_COMMENT, THREAD_INTENT_SCHEMAS, type ThreadIntentName, type ThreadRef } from "./thread.ts";
import { accountTranslator } from "~/lib/i18n/translate.server.ts";

/** Where a page's thread lives: the thread, the page a comment returns to (its `#thread`), and how emails name it. */
export interface ThreadPage extends AddCommentOptions {
  thread: ThreadRef;
  /** The page's path (with its query, if the thread depends on one). */
  path: string;
}

/**
 * The thread's two intents ("comment", "edit-comment") for a page's dispatchIntents: spread
 * `handlers` and `authorize` beside the page's own. `resolve` names the page's thread; it runs
 * once, and only for a thread form, so a page may look the thread up (and 404) lazily. Who may
 * write is checked before the form is parsed; each intent returns to the page's thread.
 */
export function threadIntents(ctx: TenantContext, resolve: () => ThreadPage | Promise<ThreadPage>) {
  let resolved: Promise<ThreadPage> | undefined;
  const page = () => (resolved ??= Promise.resolve(resolve()));
  const mayWrite = async () => ensureMayComment(ctx, (await page()).thread);
  type Input<K extends ThreadIntentName> = z.output<(typeof THREAD_INTENT_SCHEMAS)[K]>;
  return {
    authorize: { comment: mayWrite, "edit-comment": mayWrite },
    handlers: {
      comment: async (input: Input<"comment">) => {
        const { thread, path, ...options } = await page();
        await addComment(ctx, thread, input, { ...options, attachmentIds: [...(options.attachmentIds ?? []), ...(input.attachmentIds ?? [])] });
        return redirectWithToast(`${path}#thread`, { message: accountTranslator(ctx.user, "threads")("toast.posted") });
      },
      "edit-comment": async (input: Input<"edit-comment">) => {
        const { thread, path } = await page();
        await editComment(ctx, thread, input.commentId, input.body);
        return redirectWithToast(`${path}#thread`, { message: accountTranslator(ctx.user, "threads")("toast.updated") });
      },
    },
  };
}

/** Answers a form that is only the thread's (no other intent of the page can arrive with it). */
export function answerThread(ctx: TenantContext, formData: FormData, page: ThreadPage) {
  const { authorize, handlers } = threadIntents(ctx, () => page);
  return dispatchIntents(formData, THREAD_INTENT_SCHEMAS, handlers, { authorize });
}

/**
 * A comment sent with files (a multipart form). Who may write is checked before a byte is
 * stored; the files are saved in the comment's own transaction and removed again unless a
 * comment was posted with them.
 */
export async function answerThreadWithFiles(request: Request, ctx: TenantContext, page: ThreadPage) {
  ensureMayComment(ctx, page.thread);
  const staged = await stageUploads(request, ctx, { fields: ["files"], maxFiles: MAX_ATTACHMENTS_PER_COMMENT });
  let kept = false;
  try {
    const { handlers } = threadIntents(ctx, () => ({ ...page, uploads: staged }));
    return await dispatchIntents(
      staged.form,
      THREAD_INTENT_SCHEMAS,
      {
        ...handlers,
        comment: async (input) => {
          const answer = await handlers.comment(input);
          kept = true;
          return answer;
        },
      },
      // Who may write was checked before the files were stored.
    );
  } finally {
    if (!kept) await staged.discard();
  }
}
