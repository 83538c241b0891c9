// A corrective action's life, through the real route loaders and actions: the
// importer opens one (or drafts it from a rejected first article), the factory
// drafts its answer, is told what its plan lacks, submits it; the importer
// returns it with a note, the factory revises and resubmits, the importer
// accepts; the factory reports it done with evidence, the importer downloads
// the evidence, verifies and closes it. Each step emails the other side's
// owners and quality leads and is audited in both orgs. Then reopening, two
// reviewers at once, and the list that tells each side what waits for it.
import { beforeAll, describe, expect, it } from "vitest";
import type { CaActionData } from "~/features/corrective-actions/actions.server.ts";
import { dayIn } from "~/features/corrective-actions/due.ts";
import { messagesOf } from "~/lib/action-data.ts";
import { prisma } from "~/lib/db.server.ts";
import * as caRoute from "~/routes/$org.corrective-actions.$caId._index.tsx";
import * as listRoute from "~/routes/$org.corrective-actions._index.tsx";
import * as newRoute from "~/routes/$org.corrective-actions.new.tsx";
import * as filesRoute from "~/routes/$org.files.$attachmentId.tsx";
import {
  createCorrectiveAction,
  createCorrectiveActionEvidence,
  createFirstArticle,
  createPartnership,
  createSpec,
  createSpecShare,
  unique,
} from "../support/factories.ts";
import { call, formErrors, inEnglish, type Outcome, signedInMember, type SignedInMember, signedInTeam } from "../support/routes.ts";

const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64");
const CONFLICT = "This corrective action changed since you opened it. Reload to see where it stands.";

const isoDate = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
const endOfDay = (iso: string) => `${iso}T23:59:59.000Z`;
const DAY = 86_400_000;

const caUrl = (who: SignedInMember, caId: string) => `/${who.org.slug}/corrective-actions/${caId}`;
const caAction = (who: SignedInMember, caId: string, form: Record<string, string>) =>
  call(caRoute.action, caUrl(who, caId), { cookie: who.cookie, params: { org: who.org.slug, caId }, form });
const caLoader = (who: SignedInMember, caId: string) => call(caRoute.loader, caUrl(who, caId), { cookie: who.cookie, params: { org: who.org.slug, caId } });
const newLoader = (who: SignedInMember, query = "") =>
  call(newRoute.loader, `/${who.org.slug}/corrective-actions/new${query}`, { cookie: who.cookie, params: { org: who.org.slug } });
const newAction = (who: SignedInMember, form: Record<string, string>) =>
  call(newRoute.action, `/${who.org.slug}/corrective-actions/new`, { cookie: who.cookie, params: { org: who.org.slug }, form });
const download = (who: SignedInMember, attachmentId: string) =>
  call(filesRoute.loader, `/${who.org.slug}/files/${attachmentId}`, { cookie: who.cookie, params: { org: who.org.slug, attachmentId } });
function uploadEvidence(who: SignedInMember, caId: string, files: File[]) {
  const body = new FormData();
  for (const file of files) body.append("evidence", file);
  return call(caRoute.action, `${caUrl(who, caId)}?upload=evidence`, { cookie: who.cookie, params: { org: who.org.slug, caId }, body });
}

/** A plan's action rows as the page posts them: `items[<n>].action`, `.owner` and `.dueAt`. */
const actionRows = (rows: { action: string; owner: string; dueAt: string }[]) =>
  Object.fromEntries(
    rows.flatMap((row, n) => [
      [`items[${n}].action`, row.action],
      [`items[${n}].owner`, row.owner],
      [`items[${n}].dueAt`, row.dueAt],
    ]),
  );

const actionData = (out: Outcome) => out.data as CaActionData;
type CaPage = {
  ca: Record<string, unknown> & { status: string; items: { action: string; owner: string; dueAt: string }[] };
  evidence: { id: string; name: string }[];
  can: Record<string, boolean>;
};
const pageData = (out: Outcome) => out.data as CaPage;

/** The corrective action as stored, with its action rows in order. */
const storedCa = (caId: string) => prisma.correctiveAction.findUniqueOrThrow({ where: { id: caId }, include: { items: { orderBy: { position: "asc" } } } });
/** The "corrective-action-update" emails of one event, as [to, orgId]. */
async function updateEmails(caId: string, event: string) {
  const rows = await prisma.outboxEmail.findMany({ where: { idempotencyKey: { startsWith: `ca:${caId}:${event}:` } }, orderBy: { to: "asc" } });
  for (const row of rows) expect(row.template).toBe("corrective-action-update");
  return rows;
}
const recipients = (rows: { to: string }[]) => rows.map((r) => r.to).sort();
const audited = (caId: string, action: string) => prisma.auditEvent.findMany({ where: { subjectType: "CorrectiveAction", subjectId: caId, action } });

/** An importer and a factory with people in every role, sharing a spec (so partners). */
async function world() {
  const importer = await signedInTeam("IMPORTER", ["OWNER", "QUALITY", "MEMBER", "VIEWER"]);
  const factory = await signedInTeam("FACTORY", ["OWNER", "QUALITY", "MEMBER", "VIEWER"]);
  const { spec, version } = await createSpec(importer.OWNER.org.id, { title: `Kettle lid ${unique("t")}` });
  await createSpecShare(spec.id, importer.OWNER.org.id, factory.OWNER.org.id);
  return {
    owner: importer.OWNER,
    quality: importer.QUALITY,
    importerMember: importer.MEMBER,
    importerViewer: importer.VIEWER,
    factoryOwner: factory.OWNER,
    factory: factory.QUALITY,
    factoryMember: factory.MEMBER,
    factoryViewer: factory.VIEWER,
    spec,
    version,
    importerLeads: [importer.OWNER.user.email, importer.QUALITY.user.email].sort(),
    factoryLeads: [factory.OWNER.user.email, factory.QUALITY.user.email].sort(),
  };
}
type World = Awaited<ReturnType<typeof world>>;

const openForm = (w: World, overrides: Record<string, string> = {}) => ({
  factoryId: w.factory.org.id,
  title: "Glaze cracks near the handle",
  problem: "3 of 20 samples from PO 4500-881 show glaze cracks within 5 mm of the handle.",
  severity: "CRITICAL",
  planDueAt: isoDate(7),
  ...overrides,
});

describe("a corrective action from opening to closing", () => {
  let w: World;
  let caId: string;
  const due = isoDate(7);
  const firstRows = { action: "Add the glaze check to the traveller", owner: "Line supervisor", dueAt: isoDate(14) };
  const secondRows = { action: "Train the night shift on the glaze check", owner: "QA lead", dueAt: isoDate(21) };
  /** The factory's first complete answer, before its action rows. */
  const plan = {
    containment: "Sorted all 1,200 pieces in stock; 41 held.",
    rootCauseCategory: "SKIPPED_CHECK",
    rootCause: "The glaze check after firing was skipped on the night shift: the checklist did not list it.",
    preventive: "Checklist reviewed for every kiln line.",
  };

  beforeAll(async () => {
    w = await world();
  });

  it("refuses an opening form with a past due date, a too-short problem or an unknown severity (400) and makes nothing", async () => {
    const cases: [Record<string, string>, string][] = [
      [{ planDueAt: isoDate(-2) }, "The plan due date cannot be in the past"],
      [{ planDueAt: "next week" }, "Enter the date as YYYY-MM-DD"],
      [{ problem: "Cracks" }, "Describe the problem: what, where, how many, since when"],
      [{ severity: "APOCALYPTIC" }, "Choose critical, major or minor"],
      [{ title: "  " }, "Give the problem a short title"],
    ];
    for (const [overrides, message] of cases) {
      const out = await newAction(w.quality, openForm(w, overrides));
      expect(out.status, JSON.stringify(overrides)).toBe(400);
      expect(inEnglish(formErrors(out)), JSON.stringify(overrides)).toContain(message);
    }
    expect(await prisma.correctiveAction.count({ where: { importerId: w.owner.org.id } })).toBe(0);
  });

  it("takes the due day's end in the factory's zone: a day over there is refused, the factory's today is not", async () => {
    const isoOf = (day: Date) => day.toISOString().slice(0, 10);
    const count = () => prisma.correctiveAction.count({ where: { importerId: w.owner.org.id } });
    try {
      // Fourteen hours ahead of UTC: its yesterday can still be today in UTC, yet it is over there.
      await prisma.organization.update({ where: { id: w.factory.org.id }, data: { timeZone: "Pacific/Kiritimati" } });
      const before = await count();
      const over = await newAction(w.quality, openForm(w, { planDueAt: isoOf(new Date(dayIn("Pacific/Kiritimati").getTime() - 86_400_000)) }));
      expect(over.status).toBe(400);
      expect(inEnglish(formErrors(over))).toContain("The plan due date cannot be in the past");
      expect(await count()).toBe(before);
      // Eleven hours behind: its today can be yesterday in UTC, and is still open there.
      await prisma.organization.update({ where: { id: w.factory.org.id }, data: { timeZone: "Pacific/Pago_Pago" } });
      const open = await newAction(w.quality, openForm(w, { planDueAt: isoOf(dayIn("Pacific/Pago_Pago")) }));
      expect(open.status, JSON.stringify(open.data)).toBe(302);
    } finally {
      await prisma.organization.update({ where: { id: w.factory.org.id }, data: { timeZone: "UTC" } });
      await prisma.correctiveAction.deleteMany({ where: { importerId: w.owner.org.id } });
    }
  });

  it("opens: OPEN, due at the end of the chosen day, audited in both orgs, and the factory's owners and quality leads are emailed", async () => {
    const start = await newLoader(w.quality);
    expect(start.status).toBe(200);
    expect((start.data as { factories: { id: string }[] }).factories.map((f) => f.id)).toEqual([w.factory.org.id]);

    const out = await newAction(w.quality, openForm(w, { planDueAt: due }));
    expect(out.status).toBe(302);
    const ca = await prisma.correctiveAction.findFirstOrThrow({ where: { importerId: w.owner.org.id } });
    caId = ca.id;
    expect(out.location).toBe(`/${w.owner.org.slug}/corrective-actions/${ca.id}`);
    expect(ca).toMatchObject({
      status: "OPEN",
      factoryId: w.factory.org.id,
      title: "Glaze cracks near the handle",
      severity: "CRITICAL",
      openedById: w.quality.user.id,
      firstArticleId: null,
      containment: "",
      rootCauseCategory: null,
    });
    expect(ca.planDueAt.toISOString()).toBe(endOfDay(due));
    const partnership = await prisma.partnership.findFirstOrThrow({ where: { importerId: w.owner.org.id, factoryId: w.factory.org.id, status: "ACTIVE" } });
    expect(ca.partnershipId).toBe(partnership.id);

    const audits = await audited(ca.id, "correctiveAction.open");
    expect(audits.map((a) => a.orgId).sort()).toEqual([w.owner.org.id, w.factory.org.id].sort());
    expect(audits.every((a) => a.actorId === w.quality.user.id)).toBe(true);

    const emails = await updateEmails(ca.id, "opened");
    expect(recipients(emails)).toEqual(w.factoryLeads);
    expect(emails.every((e) => e.orgId === w.factory.org.id)).toBe(true);
    expect(emails[0]!.data).toMatchObject({
      event: "opened",
      orgName: w.owner.org.name,
      title: "Glaze cracks near the handle",
      planDueAt: endOfDay(due),
      link: `http://portal.test/${w.factory.org.slug}/corrective-actions/${ca.id}`,
    });
    // Nobody else: not the factory's member or viewer, not the importer.
    expect(await prisma.outboxEmail.count({ where: { idempotencyKey: { startsWith: `ca:${ca.id}:` } } })).toBe(2);

    const page = await caLoader(w.factory, ca.id);
    expect(page.status).toBe(200);
    expect(pageData(page).ca).toMatchObject({ status: "OPEN", overdue: false, planOverdue: false });
    expect(pageData(page).can).toMatchObject({ answer: true, submit: true, review: false, implement: false, verify: false, reopen: false });
  });

  it("the factory saves a draft answer: kept, still OPEN, nothing sent", async () => {
    const out = await caAction(w.factoryMember, caId, {
      intent: "save-answer",
      containment: "  Sorted all 1,200 pieces in stock; 41 held.  ",
      rootCauseCategory: "",
      rootCause: "",
      preventive: "",
      ...actionRows([firstRows]),
    });
    expect(out.status).toBe(302);
    expect(out.location).toBe(caUrl(w.factoryMember, caId));
    const ca = await storedCa(caId);
    expect(ca).toMatchObject({ status: "OPEN", containment: "Sorted all 1,200 pieces in stock; 41 held.", rootCauseCategory: null, planSubmittedAt: null });
    expect(ca.items.map((i) => [i.action, i.owner, i.dueAt.toISOString()])).toEqual([[firstRows.action, firstRows.owner, endOfDay(firstRows.dueAt)]]);
    // A draft is the factory's own business: audited there only, and nobody is emailed.
    expect((await audited(caId, "correctiveAction.save-answer")).map((a) => a.orgId)).toEqual([w.factory.org.id]);
    expect(await prisma.outboxEmail.count({ where: { idempotencyKey: { startsWith: `ca:${caId}:` } } })).toBe(2);
    const page = await caLoader(w.factory, caId);
    expect(pageData(page).ca).toMatchObject({ containment: "Sorted all 1,200 pieces in stock; 41 held." });
  });

  it("refuses an incomplete plan (422) listing what is missing, and sends nothing", async () => {
    const before = await storedCa(caId);
    const out = await caAction(w.factory, caId, {
      intent: "submit-plan",
      containment: "Sorted all stock.",
      rootCauseCategory: "",
      rootCause: "  ",
      preventive: "",
    });
    expect(out.status).toBe(422);
    expect(inEnglish(actionData(out).result.error?.[""])).toEqual(["The plan is not complete yet. Your answer was not sent."]);
    expect(actionData(out).problems!.map((p) => p.path)).toEqual(["rootCauseCategory", "rootCause", "items"]);
    expect(inEnglish(actionData(out).problems!.map((p) => p.message))).toEqual([
      "Choose where the problem came from",
      "Explain the root cause (ask “why?” until you reach the process step)",
      "Add at least one corrective action with an owner and a due date",
    ]);
    const after = await storedCa(caId);
    expect(after).toEqual(before);
    expect(await updateEmails(caId, "plan-submitted")).toEqual([]);
    expect(await audited(caId, "correctiveAction.submit-plan")).toEqual([]);

    // A row without its owner and date is a form error (400), named per field.
    const halfRow = await caAction(w.factory, caId, {
      intent: "submit-plan",
      containment: "Sorted",
      rootCauseCategory: "SKIPPED_CHECK",
      rootCause: "Skipped",
      "items[0].action": "Do it",
    });
    expect(halfRow.status).toBe(400);
    expect(Object.keys((actionData(halfRow).result as { error: Record<string, string[]> }).error)).toEqual(
      expect.arrayContaining(["items[0].owner", "items[0].dueAt"]),
    );
    expect((await storedCa(caId)).status).toBe("OPEN");
  });

  it("submits a complete plan (skipped check, two actions): PLAN_SUBMITTED, audited in both orgs, the importer's owners and quality leads emailed", async () => {
    const out = await caAction(w.factory, caId, {
      intent: "submit-plan",
      ...plan,
      ...actionRows([firstRows, secondRows]),
    });
    expect(out.status).toBe(302);
    const ca = await storedCa(caId);
    expect(ca).toMatchObject({ status: "PLAN_SUBMITTED", rootCauseCategory: "SKIPPED_CHECK", preventive: "Checklist reviewed for every kiln line." });
    expect(ca.planSubmittedAt).toBeInstanceOf(Date);
    expect(ca.items.map((i) => [i.position, i.action, i.owner, i.dueAt.toISOString()])).toEqual([
      [0, firstRows.action, firstRows.owner, endOfDay(firstRows.dueAt)],
      [1, secondRows.action, secondRows.owner, endOfDay(secondRows.dueAt)],
    ]);
    expect((await audited(caId, "correctiveAction.submit-plan")).map((a) => a.orgId).sort()).toEqual([w.owner.org.id, w.factory.org.id].sort());
    const emails = await updateEmails(caId, "plan-submitted");
    expect(recipients(emails)).toEqual(w.importerLeads);
    expect(emails.every((e) => e.orgId === w.owner.org.id && (e.data as { event: string }).event === "plan-submitted")).toBe(true);
    expect((emails[0]!.data as { link: string }).link).toBe(`http://portal.test/${w.owner.org.slug}/corrective-actions/${caId}`);

    const factoryPage = await caLoader(w.factory, caId);
    expect(pageData(factoryPage).can).toMatchObject({ answer: false, submit: false });
    const importerPage = await caLoader(w.quality, caId);
    expect(pageData(importerPage).can).toMatchObject({ review: true, verify: false });
    expect(pageData(importerPage).ca.items.map((i) => i.action)).toEqual([firstRows.action, secondRows.action]);
  });

  it("the importer returns it with a note: OPEN again with the note, the factory's leads emailed; a return without a note is refused (400)", async () => {
    const bare = await caAction(w.quality, caId, { intent: "review", decision: "return", note: "  " });
    expect(bare.status).toBe(400);
    expect(inEnglish(messagesOf(actionData(bare).result))).toContain("Say what the factory should change");
    expect(actionData(bare).values).toEqual({ intent: "review", decision: "return", note: "  " });
    // A stray huge revision field is ignored, never a 500 (no corrective-action form posts a revision).
    const huge = await caAction(w.quality, caId, { intent: "review", decision: "return", note: "", revision: "99999999999" });
    expect(huge.status).toBe(400);
    expect((await storedCa(caId)).status).toBe("PLAN_SUBMITTED");

    const note = "Training alone will not hold: make the check impossible to skip (a sign-off on the kiln log).";
    const out = await caAction(w.quality, caId, { intent: "review", decision: "return", note });
    expect(out.status).toBe(302);
    const ca = await storedCa(caId);
    expect(ca).toMatchObject({ status: "OPEN", reviewNote: note, planAcceptedAt: null });
    expect((await audited(caId, "correctiveAction.return-plan")).map((a) => a.orgId).sort()).toEqual([w.owner.org.id, w.factory.org.id].sort());
    const emails = await updateEmails(caId, "plan-returned");
    expect(recipients(emails)).toEqual(w.factoryLeads);
    expect(emails.every((e) => e.orgId === w.factory.org.id && (e.data as { note: string }).note === note)).toBe(true);
    const page = await caLoader(w.factory, caId);
    expect(pageData(page).ca).toMatchObject({ status: "OPEN", reviewNote: note });
    expect(pageData(page).can).toMatchObject({ answer: true, submit: true });
  });

  it("both sides talk in the thread: the factory asks, the importer answers, the factory is emailed", async () => {
    const question = `Is a sign-off per kiln load enough, or per shift? ${unique("q")}`;
    expect((await caAction(w.factory, caId, { intent: "comment", body: question, visibility: "SHARED" })).status).toBe(302);
    const answerBody = `Per kiln load, please. ${unique("a")}`;
    expect((await caAction(w.quality, caId, { intent: "comment", body: answerBody, visibility: "SHARED" })).status).toBe(302);
    const comments = await prisma.comment.findMany({ where: { threadType: "CorrectiveAction", threadId: caId }, orderBy: { createdAt: "asc" } });
    expect(comments.map((c) => [c.body, c.orgId])).toEqual([
      [question, w.factory.org.id],
      [answerBody, w.owner.org.id],
    ]);
    const reply = comments[1]!;
    const emails = await prisma.outboxEmail.findMany({ where: { idempotencyKey: { startsWith: `comment:${reply.id}:` } } });
    expect(emails.map((e) => [e.to, e.template])).toEqual([[w.factory.user.email, "comment-added"]]);
    const page = await caLoader(w.importerViewer, caId);
    expect(JSON.stringify(pageData(page))).toContain(question);
  });

  it("the factory revises and resubmits: PLAN_SUBMITTED with the revised actions only, a second email to the importer's leads", async () => {
    const revised = { action: "Kiln log sign-off per load by the shift lead", owner: "Shift lead", dueAt: isoDate(10) };
    const saved = await caAction(w.factory, caId, {
      intent: "save-answer",
      ...plan,
      rootCause: "The glaze check after firing was skipped on the night shift: nothing made it mandatory.",
      preventive: "",
      ...actionRows([revised, secondRows]),
    });
    expect(saved.status).toBe(302);
    const current = await storedCa(caId);
    const out = await caAction(w.factory, caId, {
      intent: "submit-plan",
      containment: current.containment,
      rootCauseCategory: current.rootCauseCategory!,
      rootCause: current.rootCause,
      preventive: "Checklists of every line list the checks that cannot be skipped.",
      ...actionRows(current.items.map((i) => ({ ...i, dueAt: i.dueAt.toISOString().slice(0, 10) }))),
    });
    expect(out.status).toBe(302);
    const ca = await storedCa(caId);
    expect(ca.status).toBe("PLAN_SUBMITTED");
    expect(ca.items.map((i) => i.action)).toEqual([revised.action, secondRows.action]);
    expect(await prisma.correctiveActionItem.count({ where: { correctiveActionId: caId } })).toBe(2);
    const emails = await updateEmails(caId, "plan-submitted");
    expect(recipients(emails)).toEqual([...w.importerLeads, ...w.importerLeads].sort());
    expect(new Set(emails.map((e) => e.idempotencyKey)).size).toBe(4);
  });

  it("the importer accepts: PLAN_ACCEPTED, the factory's leads emailed", async () => {
    const out = await caAction(w.quality, caId, { intent: "review", decision: "accept", note: "" });
    expect(out.status).toBe(302);
    const ca = await storedCa(caId);
    expect(ca.status).toBe("PLAN_ACCEPTED");
    expect(ca.planAcceptedAt).toBeInstanceOf(Date);
    expect((await audited(caId, "correctiveAction.accept-plan")).map((a) => a.orgId).sort()).toEqual([w.owner.org.id, w.factory.org.id].sort());
    expect(recipients(await updateEmails(caId, "plan-accepted"))).toEqual(w.factoryLeads);
    expect(pageData(await caLoader(w.factory, caId)).can).toMatchObject({ implement: true, answer: false });
  });

  it("marking it implemented needs evidence: without a file 400 and nothing changes", async () => {
    const before = await storedCa(caId);
    // A file input left empty, as a browser sends it.
    const out = await uploadEvidence(w.factory, caId, [new File([], "", { type: "application/octet-stream" })]);
    expect(out.status).toBe(400);
    expect(inEnglish(actionData(out).result.error?.[""])).toEqual(["Attach evidence: a photo or document showing the actions were done."]);
    expect(await storedCa(caId)).toEqual(before);
    expect(await prisma.attachment.count({ where: { ownerType: "CorrectiveAction", ownerId: caId } })).toBe(0);
    expect(await updateEmails(caId, "implemented")).toEqual([]);
  });

  let evidenceId: string;
  it("the factory marks it implemented with a photo: IMPLEMENTED, the evidence stored, the importer's leads emailed", async () => {
    const out = await uploadEvidence(w.factory, caId, [new File([new Uint8Array(PNG)], "kiln-log-signoff.png", { type: "image/png" })]);
    expect(out.status).toBe(302);
    expect(out.location).toBe(caUrl(w.factory, caId));
    const ca = await storedCa(caId);
    expect(ca.status).toBe("IMPLEMENTED");
    expect(ca.implementedAt).toBeInstanceOf(Date);
    const files = await prisma.attachment.findMany({ where: { ownerType: "CorrectiveAction", ownerId: caId } });
    expect(files).toHaveLength(1);
    expect(files[0]).toMatchObject({ orgId: w.factory.org.id, name: "kiln-log-signoff.png", contentType: "image/png", size: PNG.length });
    evidenceId = files[0]!.id;
    expect((await audited(caId, "correctiveAction.implement")).map((a) => a.orgId).sort()).toEqual([w.owner.org.id, w.factory.org.id].sort());
    expect(recipients(await updateEmails(caId, "implemented"))).toEqual(w.importerLeads);
    const page = await caLoader(w.quality, caId);
    expect(pageData(page).evidence.map((e) => e.id)).toEqual([evidenceId]);
    expect(pageData(page).can).toMatchObject({ verify: true, reopen: true });
  });

  it("the importer (and the factory) download the evidence: 200, the same PNG", async () => {
    const { createHash } = await import("node:crypto");
    for (const who of [w.quality, w.importerViewer, w.factory, w.factoryViewer]) {
      const out = await download(who, evidenceId);
      expect(out.status, `download as ${who.org.kind} ${who.membership.role}`).toBe(200);
      expect(out.headers.get("Content-Type")).toBe("image/png");
      expect(out.headers.get("ETag")).toBe(`"${createHash("sha256").update(PNG).digest("hex")}"`);
      expect(out.headers.get("Content-Length")).toBe(String(PNG.length));
    }
  });

  it("verifies and closes with an effectiveness note: CLOSED, the factory's leads emailed; a close without a note is refused (400)", async () => {
    const bare = await caAction(w.quality, caId, { intent: "close", note: "" });
    expect(bare.status).toBe(400);
    expect(actionData(bare).values).toMatchObject({ intent: "close", note: "" });
    expect((await storedCa(caId)).status).toBe("IMPLEMENTED");

    const note = "Two following lots (PO 4500-902, 4500-917) inspected: 0 of 40 cracked. Sign-off present on every kiln load.";
    const out = await caAction(w.quality, caId, { intent: "close", note });
    expect(out.status).toBe(302);
    const ca = await storedCa(caId);
    expect(ca).toMatchObject({ status: "CLOSED", effectivenessNote: note });
    expect(ca.closedAt).toBeInstanceOf(Date);
    expect((await audited(caId, "correctiveAction.verify-close")).map((a) => a.orgId).sort()).toEqual([w.owner.org.id, w.factory.org.id].sort());
    const emails = await updateEmails(caId, "closed");
    expect(recipients(emails)).toEqual(w.factoryLeads);
    expect((emails[0]!.data as { note: string }).note).toBe(note);
    const page = await caLoader(w.factory, caId);
    expect(Object.values(pageData(page).can).every((v) => v === false)).toBe(true);
    // Over the whole life: every email went to a lead of the other side, never to a member or viewer.
    const all = await prisma.outboxEmail.findMany({ where: { idempotencyKey: { startsWith: `ca:${caId}:` } } });
    const outsiders = [w.importerMember, w.importerViewer, w.factoryMember, w.factoryViewer].map((m) => m.user.email);
    expect(all.filter((e) => outsiders.includes(e.to))).toEqual([]);
  });
});

describe("opening from a rejected first article", () => {
  it("drafts the problem from the failing characteristic and its readings, and opens the corrective action linked to the first article and its spec", async () => {
    const w = await world();
    const key = (await prisma.characteristic.findFirstOrThrow({ where: { versionId: w.version.id } })).key;
    const poNumber = unique("PO");
    const fa = await createFirstArticle(w.owner.org, w.factory.org, w.spec, w.version, {
      status: "REJECTED",
      poNumber,
      readings: [
        { key, sample: 1, raw: "95.1", value: "95.1", passed: true },
        { key, sample: 2, raw: "95.9", value: "95.9", passed: false },
        { key, sample: 3, raw: "94.2", value: "94.2", passed: false },
      ],
    });
    const out = await newLoader(w.quality, `?firstArticle=${fa.id}`);
    expect(out.status).toBe(200);
    const { defaults, prefill } = out.data as { defaults: Record<string, string>; prefill: { problem: string } | null };
    expect(prefill).not.toBeNull();
    expect(defaults).toMatchObject({ factoryId: w.factory.org.id, firstArticleId: fa.id, title: `${w.spec.title}: out of tolerance at first article` });
    expect(defaults.problem).toContain(`First article for ${w.spec.title} (${w.spec.productCode}), PO ${poNumber}`);
    expect(defaults.problem).toContain("Out of tolerance:");
    const line = defaults.problem!.split("\n").find((l) => l.startsWith("- 1 Height"));
    expect(line).toBeDefined();
    expect(line).toContain("sample 2: 95.9 is above 95.5 mm");
    expect(line).toContain("sample 3: 94.2 is below 94.5 mm");
    expect(line).not.toContain("sample 1");
    expect(defaults.problem).toContain("Decision note: Out of tolerance.");
    // Drafted in the words of whoever opens it: a Chinese-reading quality lead gets it in Chinese.
    const zhReader = await signedInMember("IMPORTER", "QUALITY", w.owner.org);
    await prisma.user.update({ where: { id: zhReader.user.id }, data: { locale: "zh-CN" } });
    const zh = (await newLoader(zhReader, `?firstArticle=${fa.id}`)).data as { defaults: Record<string, string> };
    expect(zh.defaults.title).toBe(`${w.spec.title}：首件检验超出公差`);
    expect(zh.defaults.problem).toContain(`${w.spec.title}（${w.spec.productCode}）的首件检验，采购单 ${poNumber}`);
    expect(zh.defaults.problem).toContain("超出公差：");

    const opened = await newAction(w.quality, {
      factoryId: defaults.factoryId!,
      firstArticleId: defaults.firstArticleId!,
      title: defaults.title!,
      problem: defaults.problem!,
      severity: "MAJOR",
      planDueAt: isoDate(5),
    });
    expect(opened.status).toBe(302);
    const ca = await prisma.correctiveAction.findFirstOrThrow({ where: { importerId: w.owner.org.id } });
    expect(ca).toMatchObject({ firstArticleId: fa.id, specId: w.spec.id, factoryId: w.factory.org.id, problem: defaults.problem });
    expect(recipients(await updateEmails(ca.id, "opened"))).toEqual(w.factoryLeads);
  });

  it("ignores a malformed first-article parameter (200, no draft) and answers 404 for one the importer cannot read", async () => {
    const w = await world();
    const plain = await newLoader(w.quality, "?firstArticle=%3Cscript%3E");
    expect(plain.status).toBe(200);
    expect((plain.data as { prefill: unknown }).prefill).toBeNull();
    const draft = await createFirstArticle(w.owner.org, w.factory.org, w.spec, w.version, { status: "DRAFT" });
    expect((await newLoader(w.quality, `?firstArticle=${draft.id}`)).status).toBe(404);
    expect((await newLoader(w.quality, "?firstArticle=cl0000000000000000000000")).status).toBe(404);
  });
});

describe("reopening", () => {
  it("the importer reopens an implemented corrective action with a reason: OPEN, the factory's leads emailed and asked for a new plan", async () => {
    const w = await world();
    const ca = await createCorrectiveAction(w.owner.org, w.factory.org, { status: "IMPLEMENTED", items: [{ dueAt: new Date(Date.now() + 5 * DAY) }] });
    await createCorrectiveActionEvidence(ca);
    const bare = await caAction(w.quality, ca.id, { intent: "reopen", note: "" });
    expect(bare.status).toBe(400);
    expect((await storedCa(ca.id)).status).toBe("IMPLEMENTED");

    const note = "The next lot still shows cracks on 2 of 20 samples.";
    const out = await caAction(w.quality, ca.id, { intent: "reopen", note });
    expect(out.status).toBe(302);
    expect(await storedCa(ca.id)).toMatchObject({ status: "OPEN", reviewNote: note });
    expect((await audited(ca.id, "correctiveAction.reopen")).map((a) => a.orgId).sort()).toEqual([w.owner.org.id, w.factory.org.id].sort());
    const emails = await updateEmails(ca.id, "reopened");
    expect(recipients(emails)).toEqual(w.factoryLeads);
    expect((emails[0]!.data as { note: string }).note).toBe(note);
    expect(pageData(await caLoader(w.factory, ca.id)).can).toMatchObject({ answer: true, submit: true, implement: false });
    // Reopened, it cannot be closed until the factory has a new plan accepted and done.
    expect((await caAction(w.quality, ca.id, { intent: "close", note: "Checked" })).status).toBe(403);
  });
});

describe("two reviewers accepting at once", () => {
  it("records one acceptance: one 302, one 409 with the conflict message, one audit event per org and one set of emails", async () => {
    const w = await world();
    const ca = await createCorrectiveAction(w.owner.org, w.factory.org, { status: "PLAN_SUBMITTED", items: [{ dueAt: new Date(Date.now() + 5 * DAY) }] });
    const accept = (who: SignedInMember) => caAction(who, ca.id, { intent: "review", decision: "accept", note: "" });
    const outcomes = await Promise.all([accept(w.owner), accept(w.quality)]);
    expect(outcomes.map((o) => o.status).sort()).toEqual([302, 409]);
    const loser = outcomes.find((o) => o.status === 409)!;
    expect(inEnglish(actionData(loser).result.error?.[""])).toEqual([CONFLICT]);
    const stored = await storedCa(ca.id);
    expect(stored).toMatchObject({ status: "PLAN_ACCEPTED", revision: ca.revision + 1 });
    const winner = outcomes[0]!.status === 302 ? w.owner : w.quality;
    const audits = await audited(ca.id, "correctiveAction.accept-plan");
    expect(audits.map((a) => a.orgId).sort()).toEqual([w.owner.org.id, w.factory.org.id].sort());
    expect(audits.every((a) => a.actorId === winner.user.id)).toBe(true);
    expect(recipients(await updateEmails(ca.id, "plan-accepted"))).toEqual(w.factoryLeads);
  });
});

describe("the corrective-action list", () => {
  /**
   * One corrective action in each situation, with plan due dates chosen so
   * that by date alone what waits for each side would not come first.
   */
  async function listWorld() {
    const importer = await signedInMember("IMPORTER", "QUALITY");
    const factory = await signedInMember("FACTORY", "QUALITY");
    const otherFactory = await signedInMember("FACTORY", "QUALITY");
    await createPartnership(importer.org.id, factory.org.id, "ACTIVE");
    await createPartnership(importer.org.id, otherFactory.org.id, "ACTIVE");
    const at = (days: number) => new Date(Date.now() + days * DAY);
    const make = (status: "OPEN" | "PLAN_SUBMITTED" | "PLAN_ACCEPTED" | "IMPLEMENTED" | "CLOSED", planDueIn: number, itemDueIn?: number, f = factory) =>
      createCorrectiveAction(importer.org, f.org, { status, planDueAt: at(planDueIn), items: itemDueIn === undefined ? [] : [{ dueAt: at(itemDueIn) }] });
    const cas = {
      closed: await make("CLOSED", -40, -35),
      acceptedOnTime: await make("PLAN_ACCEPTED", -30, 10),
      acceptedLate: await make("PLAN_ACCEPTED", -20, -1),
      implemented: await make("IMPLEMENTED", -15, -12),
      submitted: await make("PLAN_SUBMITTED", -10, 5),
      openLate: await make("OPEN", -2),
      openOnTime: await make("OPEN", 5),
      otherFactoryOpen: await make("OPEN", 3, undefined, otherFactory),
    };
    return { importer, factory, otherFactory, cas };
  }
  type Row = { id: string; overdue: boolean; status: string; partnerName: string };
  type ListData = { list: { items: Row[]; total: number; myTurnCount: number; page: number } };
  const list = async (who: SignedInMember, query = "") => {
    const out = await call(listRoute.loader, `/${who.org.slug}/corrective-actions${query}`, { cookie: who.cookie, params: { org: who.org.slug } });
    expect(out.status, query).toBe(200);
    return (out.data as ListData).list;
  };

  let l: Awaited<ReturnType<typeof listWorld>>;
  beforeAll(async () => {
    l = await listWorld();
  });

  it("shows the importer what waits for its review or verification first, and marks a late plan and a late action overdue", async () => {
    const { cas } = l;
    const out = await list(l.importer);
    expect(out.myTurnCount).toBe(2);
    expect(out.items.map((i) => i.id)).toEqual([
      cas.implemented.id,
      cas.submitted.id,
      cas.closed.id,
      cas.acceptedOnTime.id,
      cas.acceptedLate.id,
      cas.openLate.id,
      cas.otherFactoryOpen.id,
      cas.openOnTime.id,
    ]);
    const overdue = Object.fromEntries(out.items.map((i) => [i.id, i.overdue]));
    expect(overdue).toEqual({
      [cas.implemented.id]: false,
      [cas.submitted.id]: false,
      [cas.closed.id]: false,
      [cas.acceptedOnTime.id]: false,
      [cas.acceptedLate.id]: true,
      [cas.openLate.id]: true,
      [cas.otherFactoryOpen.id]: false,
      [cas.openOnTime.id]: false,
    });
    expect(out.items.find((i) => i.id === cas.openLate.id)!.partnerName).toBe(l.factory.org.name);
  });

  it("shows the factory its plans to write and actions to carry out first, then the rest", async () => {
    const { cas } = l;
    const out = await list(l.factory);
    expect(out.myTurnCount).toBe(4);
    const ids = out.items.map((i) => i.id);
    expect(ids).toHaveLength(7);
    expect(new Set(ids.slice(0, 4))).toEqual(new Set([cas.acceptedOnTime.id, cas.acceptedLate.id, cas.openLate.id, cas.openOnTime.id]));
    expect(ids.slice(4)).toEqual([cas.closed.id, cas.implemented.id, cas.submitted.id]);
    expect(
      out.items
        .filter((i) => i.overdue)
        .map((i) => i.id)
        .sort(),
    ).toEqual([cas.acceptedLate.id, cas.openLate.id].sort());
    expect(out.items.every((i) => i.partnerName === l.importer.org.name)).toBe(true);
  });

  it("puts the overdue ones first within what waits for the factory", async () => {
    const { cas } = l;
    const out = await list(l.factory);
    expect(out.items.slice(0, 4).map((i) => i.id)).toEqual([cas.acceptedLate.id, cas.openLate.id, cas.acceptedOnTime.id, cas.openOnTime.id]);
  });

  it("?overdue=1 keeps only the late ones, for both sides; status and partner filters narrow", async () => {
    const { cas } = l;
    for (const who of [l.importer, l.factory]) {
      const out = await list(who, "?overdue=1");
      expect(out.items.map((i) => i.id).sort()).toEqual([cas.acceptedLate.id, cas.openLate.id].sort());
      expect(out.items.every((i) => i.overdue)).toBe(true);
    }
    expect((await list(l.importer, "?status=OPEN")).items.map((i) => i.id)).toEqual([cas.openLate.id, cas.otherFactoryOpen.id, cas.openOnTime.id]);
    expect((await list(l.importer, `?status=OPEN&partner=${l.factory.org.id}`)).items.map((i) => i.id)).toEqual([cas.openLate.id, cas.openOnTime.id]);
    expect((await list(l.importer, `?partner=${l.otherFactory.org.id}`)).items.map((i) => i.id)).toEqual([cas.otherFactoryOpen.id]);
    expect((await list(l.importer, "?status=PLAN_ACCEPTED&overdue=1")).items.map((i) => i.id)).toEqual([cas.acceptedLate.id]);
    expect((await list(l.otherFactory)).items.map((i) => i.id)).toEqual([cas.otherFactoryOpen.id]);
  });

  it("answers odd query parameters with a list, not an error", async () => {
    const all = (await list(l.importer)).items.map((i) => i.id);
    const queries = [
      "?status=BOGUS",
      "?status=open",
      "?overdue=yes",
      "?overdue=",
      "?page=abc",
      "?page=-3",
      "?page=0",
      "?page=1e3",
      "?status=OPEN&status=CLOSED",
      `?partner=${"x".repeat(500)}`,
      "?partner=%00",
      "?partner=%C0",
    ];
    const statuses: Record<string, number | string> = {};
    for (const who of [l.importer, l.factory]) {
      for (const query of queries) {
        const label = `${who.org.kind} ${query.slice(0, 40)}`;
        try {
          statuses[label] = (
            await call(listRoute.loader, `/${who.org.slug}/corrective-actions${query}`, { cookie: who.cookie, params: { org: who.org.slug } })
          ).status;
        } catch (error) {
          statuses[label] = `threw ${String(error).slice(0, 120)}`;
        }
      }
    }
    expect(statuses).toEqual(Object.fromEntries(Object.keys(statuses).map((label) => [label, 200])));
    expect((await list(l.importer, "?status=BOGUS")).items.map((i) => i.id)).toEqual(all);
    expect((await list(l.importer, "?page=abc")).items.map((i) => i.id)).toEqual(all);
    expect((await list(l.importer, "?overdue=yes")).items.map((i) => i.id)).toEqual(all);
    const far = await list(l.importer, "?page=999999999");
    expect(far.items).toEqual([]);
    expect(far.total).toBe(8);
  });
});
