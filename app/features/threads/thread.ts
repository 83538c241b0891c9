// Threads are shared by spec versions, first articles, corrective actions and inspections.
// Isomorphic: the server module and the Thread component use the same types,
// limits and form schemas, so the browser validates exactly what the server does.
import { z } from "zod";
import type { Comment, OrgKind } from "~/generated/prisma/client.ts";
import type { ActionData } from "~/lib/action-data.ts";
import { message } from "~/lib/i18n/message.ts";

export const THREAD_TYPES = ["SpecVersion", "FirstArticle", "CorrectiveAction", "Inspection"] as const;
export type ThreadType = (typeof THREAD_TYPES)[number];

/**
 * Names one thread. A thread belongs to one importer and one factory: two
 * factories on the same spec version have two threads, never one.
 */
export interface ThreadRef {
  type: ThreadType;
  id: string;
  importerId: string;
  factoryId: string;
}

/** The thread on one record (of `type`, named by `id`) between its importer and its factory. */
export const threadOn = (type: ThreadType, id: string, { importerId, factoryId }: { importerId: string; factoryId: string }): ThreadRef => ({
  type,
  id,
  importerId,
  factoryId,
});

export const EDIT_WINDOW_MS = 15 * 60 * 1000;
export const EDIT_WINDOW_MESSAGE = message("threads", "errors.editWindowOver", { minutes: EDIT_WINDOW_MS / 60_000 });
export const COMMENT_MAX_LENGTH = 5000;
/** How many comments a page of a thread shows (the latest ones). */
export const THREAD_PAGE_SIZE = 100;
/** The search parameter that carries the "earlier comments" cursor. */
export const THREAD_CURSOR_PARAM = "before";
export const MAX_ATTACHMENTS_PER_COMMENT = 10;

export const VISIBILITIES = ["SHARED", "INTERNAL"] as const;
export type Visibility = (typeof VISIBILITIES)[number];

// conform turns an empty field into "missing", so "required" and "too short"
// must say the same thing.
const EMPTY_BODY = message("threads", "validation.bodyRequired");
export const commentBodySchema = z
  .string({ required_error: EMPTY_BODY, invalid_type_error: EMPTY_BODY })
  .trim()
  .min(1, EMPTY_BODY)
  .max(COMMENT_MAX_LENGTH, message("threads", "validation.bodyTooLong", { max: COMMENT_MAX_LENGTH }));

const visibilitySchema = z.enum(VISIBILITIES, { errorMap: () => ({ message: message("threads", "validation.visibilityRequired") }) }).default("SHARED");

const idSchema = z.string().trim().min(1).max(64);

export const CommentSchema = z.object({
  intent: z.literal("comment"),
  body: commentBodySchema,
  visibility: visibilitySchema,
  // Files uploaded ahead of the comment (as drafts of this user) to attach to it.
  attachmentIds: z
    .array(idSchema)
    .max(MAX_ATTACHMENTS_PER_COMMENT, message("threads", "validation.tooManyFiles", { max: MAX_ATTACHMENTS_PER_COMMENT }))
    .optional(),
});

export const EditCommentSchema = z.object({
  intent: z.literal("edit-comment"),
  commentId: idSchema,
  body: commentBodySchema,
});

/** The thread's intents, for the dispatchIntents of every page that has a thread. */
export const THREAD_INTENT_SCHEMAS = { comment: CommentSchema, "edit-comment": EditCommentSchema } as const;

export const THREAD_INTENTS = ["comment", "edit-comment"] as const;
export type ThreadIntentName = (typeof THREAD_INTENTS)[number];

/** True when a posted form is meant for the thread. */
export function isThreadIntent(intent: unknown): intent is ThreadIntentName {
  return typeof intent === "string" && (THREAD_INTENTS as readonly string[]).includes(intent);
}

/**
 * The comment a user would write, before it exists: the "may I create it?"
 * check runs against the same rules on the server and in the UI.
 */
export function draftComment(thread: ThreadRef, author: { orgId: string; userId: string }, visibility: Visibility = "SHARED", body = ""): Comment {
  return {
    id: "",
    threadType: thread.type,
    threadId: thread.id,
    importerId: thread.importerId,
    factoryId: thread.factoryId,
    orgId: author.orgId,
    authorId: author.userId,
    visibility,
    body,
    createdAt: new Date(),
    editedAt: null,
  };
}

export interface ThreadFile {
  id: string;
  name: string;
  contentType: string;
  size: number;
  sha256: string;
}

/** A comment as the thread shows it; dates are ISO strings so server and browser render the same text. */
export interface ThreadComment {
  id: string;
  body: string;
  visibility: Visibility;
  createdAt: string;
  editedAt: string | null;
  /** Null when the author's account was deleted. */
  author: { id: string; name: string } | null;
  /** The author's org: which side wrote it. */
  org: { id: string; name: string; kind: OrgKind };
  canEdit: boolean;
  files: ThreadFile[];
}

/** What listComments returns; spread it into <Thread>. */
export interface ThreadView {
  comments: ThreadComment[];
  /** Cursor for the page of comments before the first one shown; null when there are none. */
  earlierCursor: string | null;
  /** True when this page is not the latest one (a cursor was followed). */
  showingEarlier: boolean;
  canComment: boolean;
  viewerOrgKind: OrgKind;
  viewerOrgName: string;
}

/** A refused thread form: the page's action data, answering a thread intent. */
export type ThreadReply = ActionData<ThreadIntentName>;

/** The thread's reply in whatever a page's action answered, if it answers a thread form. */
export function threadReplyFrom(actionData: unknown): ThreadReply | undefined {
  if (typeof actionData !== "object" || actionData === null) return undefined;
  const { intent, result } = actionData as Partial<Record<keyof ThreadReply, unknown>>;
  return isThreadIntent(intent) && typeof result === "object" && result !== null ? { intent, result: result as ThreadReply["result"] } : undefined;
}

/** The comment an edit form was refused for, so the message shows next to that comment's form. */
export function editedCommentId(reply: ThreadReply | undefined): string | undefined {
  const id = reply?.intent === "edit-comment" ? reply.result.initialValue?.commentId : undefined;
  return typeof id === "string" ? id : undefined;
}
