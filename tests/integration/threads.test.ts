import { registerFileOwners } from "~/features/attachments/owners.server.ts";
// The comment thread against a real database, with tenant contexts built the
// way a route builds them (session cookie → requireMembership).
import { describe, expect, it } from "vitest";
import { renderEmail } from "../../emails/index.ts";
import type { OrgKind, Role } from "~/generated/prisma/client.ts";
import { getAttachmentForDownload } from "~/features/attachments/attachments.server.ts";
import { addComment, editComment, listComments, type AddCommentOptions } from "~/features/threads/comments.server.ts";
import { answerThread } from "~/features/threads/intents.server.ts";
import { EDIT_WINDOW_MESSAGE, EDIT_WINDOW_MS, editedCommentId, type ThreadRef, type ThreadReply } from "~/features/threads/thread.ts";
import { prisma } from "~/lib/db.server.ts";
import { UserError } from "~/lib/errors.ts";
import { requireMembership, type TenantContext } from "~/lib/tenant.server.ts";
import { createMember, createPartnership, unique, createSpec, createSpecShare } from "../support/factories.ts";
import { translateMessage } from "~/lib/i18n/translate.server.ts";
import { buildRequest, cookieFor, inEnglish, toOutcome, type Outcome } from "../support/routes.ts";

type Org = Awaited<ReturnType<typeof createMember>>["org"];

async function contextOf(user: { id: string }, org: { slug: string }) {
  return requireMembership(buildRequest(`/${org.slug}`, { cookie: await cookieFor(user.id) }), org.slug);
}

async function member(kind: OrgKind, role: Role, org?: Org) {
  const { user, org: theOrg } = await createMember(kind, role, org);
  return { user, org: theOrg, ctx: await contextOf(user, theOrg) };
}

/** An importer and a partner factory, a quality lead on each side, and a fresh thread between them. */
async function scene() {
  const importer = await member("IMPORTER", "QUALITY");
  const factory = await member("FACTORY", "QUALITY");
  await createPartnership(importer.org.id, factory.org.id, "ACTIVE");
  const thread: ThreadRef = { type: "SpecVersion", id: unique("version"), importerId: importer.org.id, factoryId: factory.org.id };
  return { importer, factory, thread };
}

const options = { link: "/specs/sample", about: { kind: "specVersion", title: "Mug 350 ml", number: 3 } } as const;
const say = (ctx: TenantContext, thread: ThreadRef, body: string, visibility: "SHARED" | "INTERNAL" = "SHARED", extra: Partial<AddCommentOptions> = {}) =>
  addComment(ctx, thread, { body, visibility }, { ...options, ...extra });

/** The HTTP status a domain call ends with: a UserError's, or a thrown response's. */
async function statusOf(promise: Promise<unknown>) {
  try {
    await promise;
    return 200;
  } catch (error) {
    if (error instanceof UserError) return error.status;
    const thrown = error as { type?: string; init?: { status?: number } };
    if (thrown?.type === "DataWithResponseInit") return thrown.init?.status;
    throw error;
  }
}

function form(fields: Record<string, string | string[]>) {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) for (const v of Array.isArray(value) ? value : [value]) data.append(key, v);
  return data;
}

/** A thread form posted to a page at PAGE, as its action answers it. */
const PAGE = "/page-with-thread";
const post = (ctx: TenantContext, thread: ThreadRef, fields: Record<string, string | string[]>, extra: Partial<AddCommentOptions> = {}) =>
  answerThread(ctx, form(fields), { thread, path: PAGE, ...options, ...extra });
const reply = (out: Outcome) => out.data as ThreadReply;

const outboxFor = (commentId: string) => prisma.outboxEmail.findMany({ where: { idempotencyKey: { startsWith: `comment:${commentId}:` } } });

describe("thread visibility", () => {
  it("importer and factory both comment: both see both, newest last, each marked with its side", async () => {
    const { importer, factory, thread } = await scene();
    const first = await say(importer.ctx, thread, "Please confirm the glaze colour code.");
    const second = await say(factory.ctx, thread, "Confirmed: Pantone 7541 C.");
    // Same millisecond or not, "newest last" must hold.
    await prisma.comment.update({ where: { id: first.id }, data: { createdAt: new Date(Date.now() - 60_000) } });

    for (const viewer of [importer, factory]) {
      const view = await listComments(viewer.ctx, thread);
      expect(view.comments.map((c) => c.id)).toEqual([first.id, second.id]);
      const [a, b] = view.comments;
      expect(a).toMatchObject({
        body: "Please confirm the glaze colour code.",
        visibility: "SHARED",
        author: { id: importer.user.id, name: importer.user.name },
      });
      expect(a!.org).toEqual({ id: importer.org.id, name: importer.org.name, kind: "IMPORTER" });
      expect(b!.org).toEqual({ id: factory.org.id, name: factory.org.name, kind: "FACTORY" });
      expect(view.canComment).toBe(true);
      expect(view.viewerOrgKind).toBe(viewer.org.kind);
      // Only the author may edit, and only their own.
      expect(view.comments.map((c) => c.canEdit)).toEqual([viewer === importer, viewer === factory]);
    }
  });

  it("an INTERNAL importer comment is invisible to the factory, visible to the importer's colleagues", async () => {
    const { importer, factory, thread } = await scene();
    const colleague = await member("IMPORTER", "VIEWER", importer.org);
    await say(importer.ctx, thread, "Shared note");
    const internal = await say(importer.ctx, thread, "Internal: their last lot failed AQL.", "INTERNAL");

    const factoryView = await listComments(factory.ctx, thread);
    expect(factoryView.comments.map((c) => c.body)).toEqual(["Shared note"]);
    expect(JSON.stringify(factoryView)).not.toContain("AQL");

    const colleagueView = await listComments(colleague.ctx, thread);
    expect(colleagueView.comments.map((c) => c.id)).toContain(internal.id);
    expect(colleagueView.comments.find((c) => c.id === internal.id)!.visibility).toBe("INTERNAL");
  });

  it("a second factory on the same spec version sees none of the first factory's thread", async () => {
    const { importer, factory, thread } = await scene();
    const other = await member("FACTORY", "OWNER");
    await createPartnership(importer.org.id, other.org.id, "ACTIVE");
    await say(importer.ctx, thread, "For factory one only");
    await say(factory.ctx, thread, "Factory one answers");

    const ownThread: ThreadRef = { ...thread, factoryId: other.org.id };
    expect((await listComments(other.ctx, ownThread)).comments).toEqual([]);
    // Even naming the first factory's thread outright shows nothing.
    expect((await listComments(other.ctx, thread)).comments).toEqual([]);
    expect(await statusOf(say(other.ctx, thread, "Let me in"))).toBe(403);
  });

  it("pages the latest comments with an 'earlier comments' cursor", async () => {
    const { importer, thread } = await scene();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const c = await say(importer.ctx, thread, `Comment ${i}`);
      await prisma.comment.update({ where: { id: c.id }, data: { createdAt: new Date(Date.UTC(2030, 0, 1, 12, i)) } });
      ids.push(c.id);
    }
    const latest = await listComments(importer.ctx, thread, { limit: 2 });
    expect(latest.comments.map((c) => c.id)).toEqual(ids.slice(3));
    expect(latest.showingEarlier).toBe(false);
    expect(latest.earlierCursor).toBeTruthy();
    const middle = await listComments(importer.ctx, thread, { limit: 2, before: latest.earlierCursor });
    expect(middle.comments.map((c) => c.id)).toEqual(ids.slice(1, 3));
    expect(middle.showingEarlier).toBe(true);
    const oldest = await listComments(importer.ctx, thread, { limit: 2, before: middle.earlierCursor });
    expect(oldest.comments.map((c) => c.id)).toEqual(ids.slice(0, 1));
    expect(oldest.earlierCursor).toBeNull();
    // A garbled cursor, or one dated past what the database can hold, is ignored rather than an error.
    expect((await listComments(importer.ctx, thread, { limit: 2, before: "nonsense" })).comments.map((c) => c.id)).toEqual(ids.slice(3));
    expect((await listComments(importer.ctx, thread, { limit: 2, before: `999999999999999_${ids[0]}` })).comments.map((c) => c.id)).toEqual(ids.slice(3));
  });
});

describe("writing comments", () => {
  it("a VIEWER gets 403 on add, and nothing is written", async () => {
    const { importer, thread } = await scene();
    const viewer = await member("IMPORTER", "VIEWER", importer.org);
    expect(await statusOf(say(viewer.ctx, thread, "I only read"))).toBe(403);
    expect(await statusOf(post(viewer.ctx, thread, { intent: "comment", body: "I only read" }))).toBe(403);
    expect(await prisma.comment.count({ where: { threadId: thread.id } })).toBe(0);
    expect((await listComments(viewer.ctx, thread)).canComment).toBe(false);
  });

  it("writes an audit event and links only the author's own draft uploads", async () => {
    const { importer, factory, thread } = await scene();
    const file = (orgId: string, ownerType: string, ownerId: string, name: string) =>
      prisma.attachment.create({
        data: { orgId, ownerType, ownerId, name, contentType: "image/png", size: 1234, sha256: "a".repeat(64), storageKey: unique("key") },
      });
    const mine = await file(importer.org.id, "CommentDraft", importer.user.id, "glaze.png");
    const theirs = await file(factory.org.id, "CommentDraft", factory.user.id, "theirs.png");
    const notDraft = await file(importer.org.id, "SpecVersion", thread.id, "drawing.png");

    const out = await toOutcome(
      await post(
        importer.ctx,
        thread,
        { intent: "comment", body: "  See the photo.  ", attachmentIds: [mine.id, theirs.id] },
        { attachmentIds: [notDraft.id] },
      ),
    );
    expect(out).toMatchObject({ status: 302, location: `${PAGE}#thread` });
    const { id: commentId } = await prisma.comment.findFirstOrThrow({ where: { threadId: thread.id } });
    const comment = await prisma.comment.findUniqueOrThrow({ where: { id: commentId } });
    expect(comment).toMatchObject({
      body: "See the photo.",
      visibility: "SHARED",
      orgId: importer.org.id,
      authorId: importer.user.id,
      factoryId: factory.org.id,
    });

    expect(await prisma.attachment.findUniqueOrThrow({ where: { id: mine.id } })).toMatchObject({ ownerType: "Comment", ownerId: commentId });
    expect(await prisma.attachment.findUniqueOrThrow({ where: { id: theirs.id } })).toMatchObject({ ownerType: "CommentDraft", ownerId: factory.user.id });
    expect(await prisma.attachment.findUniqueOrThrow({ where: { id: notDraft.id } })).toMatchObject({ ownerType: "SpecVersion" });

    const listed = (await listComments(factory.ctx, thread)).comments[0]!;
    expect(listed.files).toEqual([{ id: mine.id, name: "glaze.png", contentType: "image/png", size: 1234, sha256: "a".repeat(64) }]);

    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { subjectType: "Comment", subjectId: commentId, action: "comment.create" } });
    expect(audit.orgId).toBe(importer.org.id);
    expect(audit.actorId).toBe(importer.user.id);
    expect(audit.changes).toMatchObject({ body: { to: "See the photo." }, visibility: { to: "SHARED" }, attachmentIds: { to: [mine.id] } });
  });

  it("files on a comment download for whoever reads the comment, while the partnership is active", async () => {
    registerFileOwners(); // as the download route does
    const { importer, factory } = await scene();
    // A real spec version shared with the factory: the thread's parent must be readable too.
    const { spec, version } = await createSpec(importer.org.id);
    await createSpecShare(spec.id, importer.org.id, factory.org.id);
    const thread: ThreadRef = { type: "SpecVersion", id: version.id, importerId: importer.org.id, factoryId: factory.org.id };
    const other = await member("FACTORY", "OWNER");
    await createPartnership(importer.org.id, other.org.id, "ACTIVE");
    // Saved through `uploads`, inside the comment's transaction.
    const shared = await say(importer.ctx, thread, "Photo of the golden sample", "SHARED", {
      uploads: {
        save: (tx, owner) =>
          tx.attachment.create({
            data: {
              orgId: importer.org.id,
              ...owner,
              name: "sample.jpg",
              contentType: "image/jpeg",
              size: 10,
              sha256: "b".repeat(64),
              storageKey: unique("key"),
            },
          }),
      },
    });
    const [file] = (await listComments(factory.ctx, thread)).comments[0]!.files;
    expect(file).toMatchObject({ name: "sample.jpg" });
    const internal = await say(importer.ctx, thread, "Our own note", "INTERNAL");
    const hidden = await prisma.attachment.create({
      data: {
        orgId: importer.org.id,
        ownerType: "Comment",
        ownerId: internal.id,
        name: "private.pdf",
        contentType: "application/pdf",
        size: 10,
        sha256: "c".repeat(64),
        storageKey: unique("key"),
      },
    });

    expect((await getAttachmentForDownload(factory.ctx, file!.id)).id).toBe(file!.id);
    expect(await statusOf(getAttachmentForDownload(other.ctx, file!.id))).toBe(404);
    expect(await statusOf(getAttachmentForDownload(factory.ctx, hidden.id))).toBe(404);
    await prisma.partnership.updateMany({ where: { importerId: importer.org.id, factoryId: factory.org.id }, data: { status: "ENDED", endedAt: new Date() } });
    expect(await statusOf(getAttachmentForDownload(factory.ctx, file!.id))).toBe(404);
    expect((await getAttachmentForDownload(importer.ctx, file!.id)).id).toBe(file!.id);
    void shared;
  });

  it("an empty body or one over 5000 characters answers 400 with a message, and nothing is written", async () => {
    const { factory, thread } = await scene();
    for (const body of ["", "   ", "x".repeat(5001)]) {
      const out = await toOutcome(await post(factory.ctx, thread, { intent: "comment", body, visibility: "SHARED" }));
      expect(out.status).toBe(400);
      expect(reply(out).intent).toBe("comment");
      expect(inEnglish(reply(out).result.error?.body)[0]).toMatch(body.length > 5000 ? /5,000 characters/ : /Write a comment/);
      // What was typed comes back so the form can show it again.
      if (body.length > 5000) expect(reply(out).result.initialValue?.body).toBe(body);
    }
    expect(await statusOf(say(factory.ctx, thread, "x".repeat(5001)))).toBe(400);
    expect(await statusOf(say(factory.ctx, thread, " \n "))).toBe(400);
    const bad = await toOutcome(await post(factory.ctx, thread, { intent: "comment", body: "ok", visibility: "PUBLIC" }));
    expect(bad.status).toBe(400);
    expect(inEnglish(reply(bad).result.error?.visibility)[0]).toMatch(/Choose who can see/);
    expect(await prisma.comment.count({ where: { threadId: thread.id } })).toBe(0);
    // Exactly 5000 is allowed.
    expect(await statusOf(say(factory.ctx, thread, "y".repeat(5000)))).toBe(200);
  });
});

describe("editing comments", () => {
  it("the author edits within the window: body changes, editedAt is set, the audit keeps before and after", async () => {
    const { factory, importer, thread } = await scene();
    const comment = await say(factory.ctx, thread, "Lead time is 30 days.");
    expect((await listComments(factory.ctx, thread)).comments[0]!.canEdit).toBe(true);

    const out = await toOutcome(await post(factory.ctx, thread, { intent: "edit-comment", commentId: comment.id, body: "Lead time is 35 days." }));
    expect(out).toMatchObject({ status: 302, location: `${PAGE}#thread` });
    const stored = await prisma.comment.findUniqueOrThrow({ where: { id: comment.id } });
    expect(stored.body).toBe("Lead time is 35 days.");
    expect(stored.editedAt).toBeInstanceOf(Date);

    const seen = (await listComments(importer.ctx, thread)).comments[0]!;
    expect(seen.editedAt).toBe(stored.editedAt!.toISOString());
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { subjectId: comment.id, action: "comment.edit" } });
    expect(audit.changes).toEqual({ body: { from: "Lead time is 30 days.", to: "Lead time is 35 days." } });
  });

  it("editing after 15 minutes answers 403 with a clear message", async () => {
    const { factory, thread } = await scene();
    const comment = await say(factory.ctx, thread, "Old news");
    await prisma.comment.update({ where: { id: comment.id }, data: { createdAt: new Date(Date.now() - EDIT_WINDOW_MS - 1000) } });

    const out = await toOutcome(await post(factory.ctx, thread, { intent: "edit-comment", commentId: comment.id, body: "Rewritten history" }));
    expect(out.status).toBe(403);
    expect(editedCommentId(reply(out))).toBe(comment.id);
    expect(inEnglish(Object.values(reply(out).result.error ?? {}).flat())).toContain("Comments can be edited for 15 minutes after posting.");
    expect(translateMessage("zh-CN", EDIT_WINDOW_MESSAGE)).toBe("评论发布后 15 分钟内可以编辑。");
    expect(reply(out).result.initialValue?.body).toBe("Rewritten history");
    expect((await prisma.comment.findUniqueOrThrow({ where: { id: comment.id } })).body).toBe("Old news");
    expect((await listComments(factory.ctx, thread)).comments[0]!.canEdit).toBe(false);
  });

  it("editing someone else's comment: 403 when visible, 404 when not", async () => {
    const { importer, factory, thread } = await scene();
    const colleague = await member("FACTORY", "MEMBER", factory.org);
    const shared = await say(factory.ctx, thread, "Mine, shared");
    const internal = await say(importer.ctx, thread, "Importer only", "INTERNAL");

    expect(await statusOf(editComment(colleague.ctx, thread, shared.id, "Hijacked"))).toBe(403);
    expect(await statusOf(editComment(importer.ctx, thread, shared.id, "Hijacked"))).toBe(403);
    expect(await statusOf(editComment(factory.ctx, thread, internal.id, "Hijacked"))).toBe(404);
    // A comment of another thread is not found through this one.
    expect(await statusOf(editComment(factory.ctx, { ...thread, id: unique("other") }, shared.id, "Moved"))).toBe(404);
    expect((await prisma.comment.findUniqueOrThrow({ where: { id: shared.id } })).body).toBe("Mine, shared");
  });
});

describe("comment emails", () => {
  async function participants() {
    const s = await scene();
    const importerColleague = await member("IMPORTER", "MEMBER", s.importer.org);
    const factoryColleague = await member("FACTORY", "MEMBER", s.factory.org);
    await prisma.user.update({ where: { id: factoryColleague.user.id }, data: { locale: "zh-CN" } });
    const bystander = await member("FACTORY", "MEMBER", s.factory.org); // never commented
    // Everyone but the bystander has written before; the colleague only internally.
    await say(s.importer.ctx, s.thread, "Opening question");
    await say(importerColleague.ctx, s.thread, "Internal aside", "INTERNAL");
    await say(s.factory.ctx, s.thread, "Factory answer");
    await say(factoryColleague.ctx, s.thread, "Factory detail");
    return { ...s, importerColleague, factoryColleague, bystander };
  }

  it("a SHARED comment emails the participants of both sides, each in their language, never the author", async () => {
    const { importer, importerColleague, factory, factoryColleague, bystander, thread } = await participants();
    const outsider = await member("FACTORY", "OWNER");
    const comment = await say(importer.ctx, thread, `Please use the new carton.\n${"Details. ".repeat(80)}`, "SHARED", {
      watchers: [bystander.user.id, outsider.user.id, importer.user.id],
      link: `/${importer.org.slug}/specs/sample`,
    });
    const rows = await outboxFor(comment.id);
    const byKey = new Map(rows.map((r) => [r.idempotencyKey, r]));
    const expected = [importerColleague, factory, factoryColleague, bystander];
    expect([...byKey.keys()].sort()).toEqual(expected.map((p) => `comment:${comment.id}:${p.user.id}`).sort());
    for (const p of expected) {
      const row = byKey.get(`comment:${comment.id}:${p.user.id}`)!;
      expect(row).toMatchObject({ to: p.user.email, template: "comment-added", orgId: p.org.id, status: "PENDING" });
    }
    expect(byKey.get(`comment:${comment.id}:${factoryColleague.user.id}`)!.locale).toBe("zh-CN");
    const data = rows[0]!.data as { authorName: string; orgName: string; about: unknown; internal: boolean; link: string };
    expect(data).toMatchObject({ authorName: importer.user.name, orgName: importer.org.name, about: options.about, internal: false });
    expect(data.link).toBe(`http://portal.test/${importer.org.slug}/specs/sample`);

    const email = await renderEmail("comment-added", "en", rows[0]!.data);
    expect(email.subject).toBe(`${importer.user.name} (${importer.org.name}) commented on Mug 350 ml, version 3`);
    expect(email.text).toContain("Please use the new carton.");
    expect(email.text).toContain("…"); // quoted, not the whole comment
    expect(email.text).not.toMatch(/Internal note/);
    expect(email.html).toContain(data.link);
  });

  it("an INTERNAL comment emails only the author's org's participants", async () => {
    const { factory, factoryColleague, thread } = await participants();
    const comment = await say(factory.ctx, thread, "Between us: line 2 is short of staff.", "INTERNAL");
    const rows = await outboxFor(comment.id);
    expect(rows.map((r) => r.idempotencyKey)).toEqual([`comment:${comment.id}:${factoryColleague.user.id}`]);
    expect(rows[0]!.data).toMatchObject({ internal: true });

    const email = await renderEmail("comment-added", rows[0]!.locale, rows[0]!.data);
    expect(email.subject).toMatch(/^内部备注: /);
    expect(email.text).toContain("内部备注：只有");
  });

  it("each side gets a link in its own org, and the other side hears nothing once the partnership ended", async () => {
    const { importer, factory, thread } = await participants();
    const link = (org: { slug: string }) => `/${org.slug}/threads/${thread.id}`;
    const comment = await say(importer.ctx, thread, "Links per side", "SHARED", { link });
    const rows = await outboxFor(comment.id);
    const toFactory = rows.find((r) => r.to === factory.user.email)!;
    expect((toFactory.data as { link: string }).link).toBe(`http://portal.test/${factory.org.slug}/threads/${thread.id}`);

    await prisma.partnership.updateMany({ where: { importerId: importer.org.id, factoryId: factory.org.id }, data: { status: "ENDED", endedAt: new Date() } });
    const after = await say(importer.ctx, thread, "Anyone there?");
    const orgs = new Set((await outboxFor(after.id)).map((r) => r.orgId));
    expect([...orgs]).toEqual([importer.org.id]);
  });

  it("a first comment with no participants queues nothing", async () => {
    const { importer, thread } = await scene();
    const comment = await say(importer.ctx, thread, "First!");
    expect(await outboxFor(comment.id)).toEqual([]);
  });
});
