// The thread behind spec versions, first articles and corrective actions.
// The caller has loaded and authorized the parent record and passes a
// ThreadRef; this module decides which comments of that thread the user sees
// and may write, and who hears about a new one.
import type { CommentSubject } from "../../../emails/comment-added.tsx";
import { Prisma, type Comment, type OrgKind } from "~/generated/prisma/client.ts";
import type { AttachmentContext } from "~/features/attachments/attachments.server.ts";
import { enqueueEmails, type EmailToEnqueue } from "~/features/notifications/outbox.server.ts";
import { asSubject } from "~/lib/ability.ts";
import { memberAction, recordAudit } from "~/lib/audit.server.ts";
import { accessible, ensureCan } from "~/lib/authorize.server.ts";
import { prisma, type Tx } from "~/lib/db.server.ts";
import { getEnv } from "~/lib/env.server.ts";
import { readableCommentsSql } from "~/lib/read-conditions.server.ts";
import { UserError } from "~/lib/errors.ts";
import { notFound } from "~/lib/http.server.ts";
import { message } from "~/lib/i18n/message.ts";
import { accountTranslator } from "~/lib/i18n/translate.server.ts";
import type { TenantContext } from "~/lib/tenant.server.ts";
import {
  commentBodySchema,
  draftComment,
  EDIT_WINDOW_MESSAGE,
  EDIT_WINDOW_MS,
  MAX_ATTACHMENTS_PER_COMMENT,
  THREAD_PAGE_SIZE,
  type ThreadComment,
  type ThreadFile,
  type ThreadRef,
  type ThreadType,
  type ThreadView,
  type Visibility,
} from "./thread.ts";

const threadWhere = (thread: ThreadRef) => ({
  threadType: thread.type,
  threadId: thread.id,
  importerId: thread.importerId,
  factoryId: thread.factoryId,
});

// The cursor names the oldest comment shown, as "<epoch ms>_<id>", so the
// next page needs no lookup and a forged cursor can only move the window.
const encodeCursor = (comment: Pick<Comment, "createdAt" | "id">) => `${comment.createdAt.getTime()}_${comment.id}`;

function decodeCursor(cursor: string | null | undefined) {
  // 13 digits reach the year 2286; more would overflow the database's timestamp.
  const match = /^(\d{1,13})_([A-Za-z0-9-]{1,64})$/.exec(cursor ?? "");
  if (!match) return null;
  return { createdAt: new Date(Number(match[1])), id: match[2]! };
}

function withinEditWindow(comment: Pick<Comment, "createdAt">, now = Date.now()) {
  return now - comment.createdAt.getTime() < EDIT_WINDOW_MS;
}

/** Validates a body for callers that skip the form schema; a bad one is the user's to fix. */
function checkBody(body: string) {
  const parsed = commentBodySchema.safeParse(body);
  if (!parsed.success) throw new UserError(parsed.error.issues[0]?.message ?? message("threads", "validation.bodyRequired"), 400);
  return parsed.data;
}

interface CommentRow extends Comment {
  authorName: string | null;
  orgName: string | null;
  orgKind: OrgKind | null;
  files: ThreadFile[] | string;
}

/**
 * The latest page of a thread the user may read, oldest first ("newest
 * last"), with each comment's author, org and files: ONE statement, whatever
 * the page size. INTERNAL comments of the other org never leave the database.
 *
 * Comment has no relations in the schema, so the names and files come from
 * joins in SQL. The WHERE takes the Comment read rule from
 * lib/read-conditions.server.ts, and every row is checked against the ability
 * again before it is shown.
 */
export async function listComments(ctx: TenantContext, thread: ThreadRef, options: { before?: string | null; limit?: number } = {}): Promise<ThreadView> {
  const limit = Math.min(Math.max(Math.trunc(options.limit ?? THREAD_PAGE_SIZE), 1), THREAD_PAGE_SIZE);
  const cursor = decodeCursor(options.before);
  // A row comparison, so that the (…, createdAt, id) index starts right at the cursor.
  const before = cursor ? Prisma.sql`AND (c."createdAt", c.id) < (${cursor.createdAt.toISOString()}::timestamp(3), ${cursor.id})` : Prisma.empty;
  const rows = await prisma.$queryRaw<CommentRow[]>`
    SELECT c.id, c."threadType", c."threadId", c."importerId", c."factoryId", c."orgId", c."authorId",
      c.visibility::text AS visibility, c.body, c."createdAt", c."editedAt",
      u.name AS "authorName", o.name AS "orgName", o.kind::text AS "orgKind",
      COALESCE((
        SELECT json_agg(json_build_object('id', a.id, 'name', a.name, 'contentType', a."contentType", 'size', a.size, 'sha256', a.sha256) ORDER BY a."createdAt", a.id)
        FROM "Attachment" a WHERE a."ownerType" = 'Comment' AND a."ownerId" = c.id
      ), '[]'::json) AS files
    FROM (
      SELECT * FROM "Comment" c
      WHERE c."threadType" = ${thread.type} AND c."threadId" = ${thread.id}
        AND c."importerId" = ${thread.importerId} AND c."factoryId" = ${thread.factoryId}
        AND ${readableCommentsSql(ctx, "c")}
        ${before}
      ORDER BY c."createdAt" DESC, c.id DESC
      LIMIT ${limit + 1}
    ) c
    LEFT JOIN "User" u ON u.id = c."authorId"
    LEFT JOIN "Organization" o ON o.id = c."orgId"
    ORDER BY c."createdAt" DESC, c.id DESC`;
  const page = rows.slice(0, limit).reverse();
  const now = Date.now();
  const comments: ThreadComment[] = [];
  for (const row of page) {
    const { authorName, orgName, orgKind, files, ...c } = row;
    if (!ctx.ability.can("read", asSubject("Comment", c))) continue;
    comments.push({
      id: c.id,
      body: c.body,
      visibility: c.visibility,
      createdAt: c.createdAt.toISOString(),
      editedAt: c.editedAt?.toISOString() ?? null,
      author: c.authorId && authorName !== null ? { id: c.authorId, name: authorName } : null,
      org: {
        id: c.orgId,
        name: orgName ?? accountTranslator(ctx.user, "threads")("unknownOrg"),
        kind: orgKind ?? (c.orgId === thread.importerId ? "IMPORTER" : "FACTORY"),
      },
      canEdit: withinEditWindow(c, now) && ctx.ability.can("update", asSubject("Comment", c)),
      files: (typeof files === "string" ? (JSON.parse(files) as ThreadFile[]) : files).map((f) => ({ ...f, size: Number(f.size) })),
    });
  }
  return {
    comments,
    earlierCursor: rows.length > limit && page[0] ? encodeCursor(page[0]) : null,
    showingEarlier: cursor !== null,
    canComment: ctx.ability.can("create", asSubject("Comment", draftComment(thread, { orgId: ctx.org.id, userId: ctx.user.id }))),
    viewerOrgKind: ctx.org.kind,
    viewerOrgName: ctx.org.name,
  };
}

/** The org a recipient reads the thread in; links carry its slug. */
export interface RecipientOrg {
  id: string;
  slug: string;
  kind: OrgKind;
}

export interface AddCommentOptions {
  /**
   * Where the email's button leads: a path ("/acme/specs/…") or an absolute
   * URL, or a function of the recipient's org, since each side reads the
   * record under its own slug.
   */
  link: string | ((org: RecipientOrg) => string);
  /** What was commented on: each recipient's email names it in their language ("Mug 350 ml, version 3"). */
  about: CommentSubject;
  /** Users to notify besides the thread's participants (e.g. the record's owner). */
  watchers?: string[];
  /** Files this user uploaded as drafts ("CommentDraft") to attach to the comment. */
  attachmentIds?: string[];
  /**
   * Files received with the form (`stageUploads(...)` from attachments):
   * saved in the comment's own transaction, so a comment and its files
   * exist together or not at all. The route discards them if this fails.
   */
  uploads?: { save(tx: Tx, owner: { ownerType: string; ownerId: string }): Promise<unknown> };
}

const resolveLink = (link: AddCommentOptions["link"], org: RecipientOrg) =>
  new URL(typeof link === "function" ? link(org) : link, `${getEnv().APP_URL}/`).toString();

/** Moves the author's own draft uploads onto the comment; anything else named is ignored. */
async function attachDrafts(tx: Tx, ctx: TenantContext, commentId: string, ids: string[] = []) {
  const wanted = [...new Set(ids)].slice(0, MAX_ATTACHMENTS_PER_COMMENT);
  if (wanted.length === 0) return [];
  const drafts = await tx.attachment.findMany({
    where: { id: { in: wanted }, orgId: ctx.org.id, ownerType: "CommentDraft", ownerId: ctx.user.id },
    select: { id: true },
  });
  const attached = drafts.map((d) => d.id);
  if (attached.length) await tx.attachment.updateMany({ where: { id: { in: attached } }, data: { ownerType: "Comment", ownerId: commentId } });
  return attached;
}

/**
 * Who hears about a comment: the thread's earlier authors and the watchers,
 * while still members of an org that can read it, never the author. The
 * other side only while the partnership is active: ending it cuts access.
 */
async function findRecipients(tx: Tx, ctx: TenantContext, thread: ThreadRef, comment: Comment, watchers: string[] = []) {
  const earlier = await tx.comment.findMany({
    where: { ...threadWhere(thread), id: { not: comment.id }, authorId: { not: null } },
    distinct: ["authorId"],
    select: { authorId: true },
  });
  const candidates = [...new Set([...earlier.flatMap((c) => (c.authorId ? [c.authorId] : [])), ...watchers])].filter((id) => id !== ctx.user.id);
  if (candidates.length === 0) return [];
  const orgIds = [ctx.org.id];
  if (comment.visibility === "SHARED") {
    const otherOrgId = ctx.org.id === thread.importerId ? thread.factoryId : thread.importerId;
    const active = await tx.partnership.findFirst({
      where: { importerId: thread.importerId, factoryId: thread.factoryId, status: "ACTIVE" },
      select: { id: true },
    });
    if (active) orgIds.push(otherOrgId);
  }
  const memberships = await tx.membership.findMany({
    where: { orgId: { in: orgIds }, userId: { in: candidates } },
    select: { org: { select: { id: true, slug: true, kind: true } }, user: { select: { id: true, email: true, locale: true } } },
  });
  // Someone in both orgs gets one email, linked through the author's org.
  memberships.sort((a, b) => Number(b.org.id === ctx.org.id) - Number(a.org.id === ctx.org.id));
  const byUser = new Map<string, (typeof memberships)[number]>();
  for (const m of memberships) if (!byUser.has(m.user.id)) byUser.set(m.user.id, m);
  return [...byUser.values()];
}

/**
 * Posts a comment, links its files, records it and queues one email per
 * recipient in the recipient's language, all in one transaction.
 */
/** Whether the user may write in this thread (a comment of `visibility`): a 403 otherwise. */
export function ensureMayComment(ctx: TenantContext, thread: ThreadRef, visibility: Visibility = "SHARED", body = "") {
  const draft = draftComment(thread, { orgId: ctx.org.id, userId: ctx.user.id }, visibility, body);
  ensureCan(ctx.ability, "create", asSubject("Comment", draft), message("threads", "errors.viewerCannotComment"));
}

export async function addComment(ctx: TenantContext, thread: ThreadRef, input: { body: string; visibility: Visibility }, options: AddCommentOptions) {
  const body = checkBody(input.body);
  ensureMayComment(ctx, thread, input.visibility, body);
  return prisma.$transaction(async (tx) => {
    const comment = await tx.comment.create({
      data: { ...threadWhere(thread), orgId: ctx.org.id, authorId: ctx.user.id, visibility: input.visibility, body },
    });
    await options.uploads?.save(tx, { ownerType: "Comment", ownerId: comment.id });
    const attachmentIds = await attachDrafts(tx, ctx, comment.id, options.attachmentIds);
    await recordAudit(tx, {
      ...memberAction(ctx, "comment.create", "Comment", comment.id),
      after: { threadType: thread.type, threadId: thread.id, factoryId: thread.factoryId, visibility: comment.visibility, body, attachmentIds },
    });
    const recipients = await findRecipients(tx, ctx, thread, comment, options.watchers);
    const emails: EmailToEnqueue[] = recipients.map((r) => ({
      orgId: r.org.id,
      to: r.user.email,
      locale: r.user.locale,
      idempotencyKey: `comment:${comment.id}:${r.user.id}`,
      template: "comment-added",
      data: {
        authorName: ctx.user.name,
        orgName: ctx.org.name,
        about: options.about,
        body,
        internal: comment.visibility === "INTERNAL",
        link: resolveLink(options.link, r.org),
      },
    }));
    await enqueueEmails(tx, emails);
    return comment;
  });
}

/** Changes the text of one's own comment within EDIT_WINDOW_MS of posting (server clock). */
export async function editComment(ctx: TenantContext, thread: ThreadRef, commentId: string, body: string) {
  const newBody = checkBody(body);
  return prisma.$transaction(async (tx) => {
    const comment = await tx.comment.findFirst({
      where: { AND: [accessible(ctx.ability, "read", "Comment"), threadWhere(thread), { id: commentId }] },
    });
    if (!comment) notFound(message("threads", "errors.commentNotFound"));
    if (!ctx.ability.can("update", asSubject("Comment", comment))) {
      throw new UserError(message("threads", comment.authorId === ctx.user.id ? "errors.roleCannotEdit" : "errors.notYourComment"), 403);
    }
    if (!withinEditWindow(comment)) throw new UserError(EDIT_WINDOW_MESSAGE, 403);
    if (comment.body === newBody) return comment;
    const updated = await tx.comment.update({ where: { id: comment.id }, data: { body: newBody, editedAt: new Date() } });
    await recordAudit(tx, {
      ...memberAction(ctx, "comment.edit", "Comment", comment.id),
      before: { body: comment.body },
      after: { body: updated.body },
    });
    return updated;
  });
}

// ---- Files on comments ----

/** Says whether the user may read the record a thread hangs on (a shared spec version, …). */
export type ThreadParentCheck = (ctx: AttachmentContext, thread: ThreadRef) => Promise<boolean>;
const parentChecks = new Map<ThreadType, ThreadParentCheck>();

/** Called once per thread type by the capability that owns the parent record, to guard downloads. */
export function registerThreadParent(type: ThreadType, canRead: ThreadParentCheck) {
  parentChecks.set(type, canRead);
}

/**
 * A file on a comment is readable by whoever may read the comment, while the
 * partnership behind the thread is active (the importer keeps its history),
 * and the parent record is readable when its capability says how to check.
 */
export async function canReadCommentFiles(ctx: AttachmentContext, commentId: string) {
  const comment = await prisma.comment.findFirst({ where: { AND: [accessible(ctx.ability, "read", "Comment"), { id: commentId }] } });
  if (!comment) return false;
  const thread: ThreadRef = { type: comment.threadType as ThreadType, id: comment.threadId, importerId: comment.importerId, factoryId: comment.factoryId };
  if (ctx.org.id !== thread.importerId) {
    const active = await prisma.partnership.count({ where: { importerId: thread.importerId, factoryId: thread.factoryId, status: "ACTIVE" } });
    if (active === 0) return false;
  }
  const parent = parentChecks.get(thread.type);
  return parent ? parent(ctx, thread) : true;
}
