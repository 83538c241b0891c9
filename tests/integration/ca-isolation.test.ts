// Who may see and change corrective actions, through every corrective-action
// route and the download of an evidence file: outsiders get 404 and learn
// nothing, an ended partnership closes everything to the factory, and within
// the two orgs each role may make only its own moves, each only in the state
// that allows it (403 otherwise, with nothing changed).
import { beforeAll, describe, expect, it } from "vitest";
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
import { call, type Outcome, type SignedInMember, signedInMember } from "../support/routes.ts";
import {
  expectAllNotFound,
  expectNotListed,
  expectOutsiderSeesNothing,
  outsiderCases,
  partiesAndOutsiders,
  serializeOutcome,
  type Probe,
  tenantList,
} from "../support/isolation.ts";
import { TINY_PNG } from "../support/files.ts";

const caUrl = (slug: string, caId: string) => `/${slug}/corrective-actions/${caId}`;
const caParams = (slug: string, caId: string) => ({ org: slug, caId });
const isoDate = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

/** A complete answer as the page posts it: containment, root cause, two action rows. */
const answer = (text = "Planted answer") => ({
  containment: `${text}: sorted all stock`,
  rootCauseCategory: "SKIPPED_CHECK",
  rootCause: `${text}: the glaze check was skipped on night shift`,
  preventive: `${text}: checklist`,
  "items[0].action": `${text}: add the check to the traveller`,
  "items[0].owner": "Line supervisor",
  "items[0].dueAt": isoDate(10),
  "items[1].action": `${text}: train the night shift`,
  "items[1].owner": "QA lead",
  "items[1].dueAt": isoDate(20),
});

function evidenceBody() {
  const form = new FormData();
  form.append("evidence", new File([new Uint8Array(TINY_PNG)], "planted-evidence.png", { type: "image/png" }));
  return form;
}

// ---- Probes: one request each, against one loader or action ----

interface Target {
  caId: string;
  evidenceId: string;
}

/** Every loader and action (each intent) of one corrective action, and the download of its evidence. */
function caProbes(t: Target): Probe[] {
  const post = (label: string, form: () => Record<string, string>): Probe => ({
    label: `action ${label}`,
    run: (slug, cookie) => call(caRoute.action, caUrl(slug, t.caId), { cookie, params: caParams(slug, t.caId), form: form() }),
  });
  return [
    { label: "page loader", run: (slug, cookie) => call(caRoute.loader, caUrl(slug, t.caId), { cookie, params: caParams(slug, t.caId) }) },
    post("save-answer", () => ({ intent: "save-answer", ...answer() })),
    post("submit-plan", () => ({ intent: "submit-plan", ...answer() })),
    post("review accept", () => ({ intent: "review", decision: "accept", note: "" })),
    post("review return", () => ({ intent: "review", decision: "return", note: "Planted return" })),
    post("close", () => ({ intent: "close", note: "Planted close" })),
    post("reopen", () => ({ intent: "reopen", note: "Planted reopen" })),
    post("comment", () => ({ intent: "comment", body: "Hello from outside", visibility: "SHARED" })),
    {
      label: "action evidence upload",
      run: (slug, cookie) => call(caRoute.action, `${caUrl(slug, t.caId)}?upload=evidence`, { cookie, params: caParams(slug, t.caId), body: evidenceBody() }),
    },
    {
      label: "evidence download",
      run: (slug, cookie) => call(filesRoute.loader, `/${slug}/files/${t.evidenceId}`, { cookie, params: { org: slug, attachmentId: t.evidenceId } }),
    },
  ];
}
const probe = (t: Target, label: string) => caProbes(t).find((p) => p.label === label)!;

const newProbes = (factoryId: string, firstArticleId: string): Probe[] => [
  { label: "new loader", run: (slug, cookie) => call(newRoute.loader, `/${slug}/corrective-actions/new`, { cookie, params: { org: slug } }) },
  {
    label: "new loader from a first article",
    run: (slug, cookie) => call(newRoute.loader, `/${slug}/corrective-actions/new?firstArticle=${firstArticleId}`, { cookie, params: { org: slug } }),
  },
  {
    label: "new action",
    run: (slug, cookie) =>
      call(newRoute.action, `/${slug}/corrective-actions/new`, {
        cookie,
        params: { org: slug },
        form: { factoryId, title: "Planted CA", problem: "Planted problem, long enough to pass.", severity: "MAJOR", planDueAt: isoDate(7), firstArticleId },
      }),
  },
];

const list = tenantList(listRoute.loader, "corrective-actions");

/** Everything a denied request could have changed about these corrective actions (and any the org opened), to compare before and after. */
async function stateOf(importerId: string) {
  const cas = await prisma.correctiveAction.findMany({ where: { importerId }, orderBy: { id: "asc" }, include: { items: { orderBy: { position: "asc" } } } });
  const ids = cas.map((c) => c.id);
  const [attachments, comments, audits, emails] = await Promise.all([
    prisma.attachment.findMany({ where: { ownerType: "CorrectiveAction", ownerId: { in: ids } }, orderBy: { id: "asc" } }),
    prisma.comment.findMany({ where: { threadType: "CorrectiveAction", threadId: { in: ids } }, orderBy: { id: "asc" } }),
    prisma.auditEvent.count({ where: { subjectType: "CorrectiveAction", subjectId: { in: ids } } }),
    ids.length ? prisma.outboxEmail.count({ where: { OR: ids.map((id) => ({ idempotencyKey: { contains: id } })) } }) : 0,
  ]);
  return JSON.stringify({ cas, attachments, comments, audits, emails });
}

/** One corrective action of the importer and factory, in `status`, with a plan, secret texts and an evidence file. */
async function targetCa(importer: { id: string }, factory: { id: string }, status: "OPEN" | "PLAN_SUBMITTED" | "PLAN_ACCEPTED" | "IMPLEMENTED" | "CLOSED") {
  const title = `Cracked glaze ${unique("title")}`;
  const problem = `Secret problem ${unique("problem")}: 3 of 20 samples cracked.`;
  const containment = `Secret containment ${unique("containment")}`;
  const items = status === "OPEN" ? [] : [{ action: `Secret action ${unique("action")}`, dueAt: new Date(Date.now() + 10 * 86_400_000) }];
  const created = await createCorrectiveAction(importer, factory, { status, title, items });
  const ca = await prisma.correctiveAction.update({
    where: { id: created.id },
    data: { problem, containment, rootCause: status === "OPEN" ? "" : "Skipped check", rootCauseCategory: status === "OPEN" ? null : "SKIPPED_CHECK" },
  });
  const evidence = await createCorrectiveActionEvidence(ca, { name: `${unique("secret-evidence")}.png` });
  return {
    ca,
    evidence,
    target: { caId: ca.id, evidenceId: evidence.id } satisfies Target,
    secrets: [title, problem, containment, evidence.name, ...items.map((i) => i.action)],
  };
}

/**
 * An importer (quality lead, member, viewer) and its factory (quality lead,
 * member, viewer) with a rejected first article and corrective actions in
 * every state. Around them: a second partner factory of the same importer, a
 * factory that is no partner, and an unrelated importer.
 */
async function scene() {
  const people = await partiesAndOutsiders();
  const { importer, factory } = people;
  const { spec, version } = await createSpec(importer.org.id, { title: `Enamel kettle ${unique("spec")}` });
  await createSpecShare(spec.id, importer.org.id, factory.org.id);
  const key = (await prisma.characteristic.findFirstOrThrow({ where: { versionId: version.id } })).key;
  const fa = await createFirstArticle(importer.org, factory.org, spec, version, {
    status: "REJECTED",
    poNumber: unique("PO-secret"),
    readings: [
      { key, sample: 1, raw: "95.1", value: "95.1", passed: true },
      { key, sample: 2, raw: "95.9", value: "95.9", passed: false },
      { key, sample: 3, raw: "95.0", value: "95.0", passed: true },
    ],
  });

  const open = await targetCa(importer.org, factory.org, "OPEN");
  const implemented = await targetCa(importer.org, factory.org, "IMPLEMENTED");
  const secrets = [...open.secrets, ...implemented.secrets, fa.poNumber];
  return { ...people, spec, version, fa, open, implemented, secrets };
}
type Scene = Awaited<ReturnType<typeof scene>>;

describe("outsiders see nothing of a corrective action", () => {
  let s: Scene;
  let before: string;
  beforeAll(async () => {
    s = await scene();
    before = await stateOf(s.importer.org.id);
  });

  // Checked first, so that the 404s below are about the people, not broken data.
  it("both parties open the page and find it in their list", async () => {
    for (const who of [s.importer, s.factory]) {
      for (const t of [s.open.target, s.implemented.target]) expect((await probe(t, "page loader").run(who.org.slug, who.cookie)).status).toBe(200);
      expect(await list.ids(who)).toEqual(expect.arrayContaining([s.open.ca.id, s.implemented.ca.id]));
    }
    expect((await newProbes(s.factory.org.id, s.fa.id)[1]!.run(s.importer.org.slug, s.importer.cookie)).status).toBe(200);
  });

  for (const [who, key] of outsiderCases("a partner factory of the same importer that is not the corrective action's factory")) {
    it(`${who} gets 404 and no data from every corrective-action loader, action and evidence file, through its own org and the two parties'`, async () => {
      await expectOutsiderSeesNothing(s[key], {
        probes: [...caProbes(s.open.target), ...caProbes(s.implemented.target)],
        orgProbes: [list.probe, ...newProbes(s.factory.org.id, s.fa.id)],
        parties: [s.importer, s.factory],
        secrets: s.secrets,
      });
      expect(await stateOf(s.importer.org.id)).toBe(before);
    });

    it(`${who} finds neither corrective action in its own list, whatever the filter`, async () => {
      await expectNotListed(list, s[key], {
        queries: ["", "?status=OPEN", "?status=IMPLEMENTED", "?overdue=1", `?partner=${s.importer.org.id}`, `?partner=${s.factory.org.id}`],
        hidden: [s.open.ca.id, s.implemented.ca.id],
        secrets: s.secrets,
      });
    });
  }

  it("an unrelated importer cannot draft one from the first article (404) nor open one against the factory (400, nothing made)", async () => {
    const [, fromFa, open] = newProbes(s.factory.org.id, s.fa.id);
    const drafted = await fromFa!.run(s.otherImporter.org.slug, s.otherImporter.cookie);
    expect(drafted.status).toBe(404);
    for (const secret of s.secrets) expect(serializeOutcome(drafted)).not.toContain(secret);
    const opened = await open!.run(s.otherImporter.org.slug, s.otherImporter.cookie);
    expect(opened.status).toBe(400);
    for (const secret of s.secrets) expect(serializeOutcome(opened)).not.toContain(secret);
    expect(await prisma.correctiveAction.count({ where: { importerId: s.otherImporter.org.id } })).toBe(0);
    expect(await stateOf(s.importer.org.id)).toBe(before);
  });

  it("a made-up or malformed evidence id answers 404 (not 500) to both parties", async () => {
    const statuses: Record<string, number | string> = {};
    for (const who of [s.importer, s.factory]) {
      for (const id of ["cl0000000000000000000000", "x".repeat(65), "\u0000", "%00", "../etc/passwd"]) {
        const label = `${who.org.kind} ${JSON.stringify(id.slice(0, 20))}`;
        try {
          statuses[label] = (
            await call(filesRoute.loader, `/${who.org.slug}/files/${encodeURIComponent(id)}`, {
              cookie: who.cookie,
              params: { org: who.org.slug, attachmentId: id },
            })
          ).status;
        } catch (error) {
          statuses[label] = `threw ${String(error).slice(0, 120)}`;
        }
      }
    }
    expect(statuses).toEqual(Object.fromEntries(Object.keys(statuses).map((label) => [label, 404])));
  });

  it("the importer cannot open one against a partner factory with another factory's first article (400, nothing made)", async () => {
    const out = await newProbes(s.partner.org.id, s.fa.id)[2]!.run(s.importer.org.slug, s.importer.cookie);
    expect(out.status).toBe(400);
    expect(await prisma.correctiveAction.count({ where: { factoryId: s.partner.org.id } })).toBe(0);
  });
});

describe("a partnership that ends", () => {
  /** An importer and factory with an OPEN and an IMPLEMENTED corrective action (with evidence), then the partnership ends. */
  async function endedScene() {
    const importer = await signedInMember("IMPORTER", "OWNER");
    const factory = await signedInMember("FACTORY", "QUALITY");
    await createPartnership(importer.org.id, factory.org.id, "ACTIVE");
    const open = await targetCa(importer.org, factory.org, "OPEN");
    const implemented = await targetCa(importer.org, factory.org, "IMPLEMENTED");
    for (const t of [open.target, implemented.target]) expect((await probe(t, "page loader").run(factory.org.slug, factory.cookie)).status).toBe(200);
    expect(await list.ids(factory)).toHaveLength(2);
    await prisma.partnership.updateMany({ where: { importerId: importer.org.id, factoryId: factory.org.id }, data: { status: "ENDED", endedAt: new Date() } });
    return { importer, factory, open, implemented };
  }

  it("closes the factory's corrective actions to it: 404 on the page, every action and the evidence, and gone from its list", async () => {
    const { importer, factory, open, implemented } = await endedScene();
    const before = await stateOf(importer.org.id);
    for (const t of [open, implemented]) await expectAllNotFound(caProbes(t.target), factory.org.slug, factory.cookie, t.secrets);
    for (const query of ["", "?status=OPEN", "?overdue=1"]) expect(await list.ids(factory, query)).toEqual([]);
    expect(await stateOf(importer.org.id)).toBe(before);
    // The importer keeps the history.
    for (const t of [open, implemented]) expect((await probe(t.target, "page loader").run(importer.org.slug, importer.cookie)).status).toBe(200);
    expect(await list.ids(importer)).toEqual(expect.arrayContaining([open.ca.id, implemented.ca.id]));
  });

  it("the importer keeps the evidence of an ended partnership (download 200)", async () => {
    const { importer, implemented } = await endedScene();
    const out = await probe(implemented.target, "evidence download").run(importer.org.slug, importer.cookie);
    expect(out.status).toBe(200);
    expect(out.headers.get("Content-Type")).toBe("image/png");
  });

  it("the importer cannot open a new one against the ended factory (400, nothing made)", async () => {
    const { importer, factory } = await endedScene();
    const count = await prisma.correctiveAction.count({ where: { importerId: importer.org.id } });
    const out = await call(newRoute.action, `/${importer.org.slug}/corrective-actions/new`, {
      cookie: importer.cookie,
      params: { org: importer.org.slug },
      form: { factoryId: factory.org.id, title: "After the end", problem: "A problem after the partnership ended.", severity: "MINOR", planDueAt: isoDate(7) },
    });
    expect(out.status).toBe(400);
    expect(await prisma.correctiveAction.count({ where: { importerId: importer.org.id } })).toBe(count);
  });
});

describe("each side makes only its own moves, each in its state", () => {
  let s: Scene;
  beforeAll(async () => {
    s = await scene();
  });

  const post = (who: SignedInMember, caId: string, form: Record<string, string>) =>
    call(caRoute.action, caUrl(who.org.slug, caId), { cookie: who.cookie, params: caParams(who.org.slug, caId), form });
  const upload = (who: SignedInMember, caId: string, body: FormData = evidenceBody()) =>
    call(caRoute.action, `${caUrl(who.org.slug, caId)}?upload=evidence`, { cookie: who.cookie, params: caParams(who.org.slug, caId), body });
  const page = (who: SignedInMember, caId: string) =>
    call(caRoute.loader, caUrl(who.org.slug, caId), { cookie: who.cookie, params: caParams(who.org.slug, caId) });
  const open = (who: SignedInMember, overrides: Record<string, string> = {}) =>
    call(newRoute.action, `/${who.org.slug}/corrective-actions/new`, {
      cookie: who.cookie,
      params: { org: who.org.slug },
      form: {
        factoryId: s.factory.org.id,
        title: `Opened ${unique("t")}`,
        problem: "Handles come loose after 3 dishwasher cycles.",
        severity: "MAJOR",
        planDueAt: isoDate(7),
        ...overrides,
      },
    });
  /** The row, its items, its files, comments, audit events and emails: everything a refused request must leave alone. */
  const snapshot = async (caId: string) =>
    JSON.stringify({
      ca: await prisma.correctiveAction.findUniqueOrThrow({ where: { id: caId }, include: { items: { orderBy: { position: "asc" } } } }),
      files: await prisma.attachment.findMany({ where: { ownerType: "CorrectiveAction", ownerId: caId }, orderBy: { id: "asc" } }),
      comments: await prisma.comment.count({ where: { threadType: "CorrectiveAction", threadId: caId } }),
      audits: await prisma.auditEvent.count({ where: { subjectType: "CorrectiveAction", subjectId: caId } }),
      emails: await prisma.outboxEmail.count({ where: { idempotencyKey: { contains: caId } } }),
    });
  const fresh = async (status: "OPEN" | "PLAN_SUBMITTED" | "PLAN_ACCEPTED" | "IMPLEMENTED" | "CLOSED") =>
    (await targetCa(s.importer.org, s.factory.org, status)).ca;

  it("a factory lead posting review, close or reopen gets 403 and nothing changes", async () => {
    const submitted = await fresh("PLAN_SUBMITTED");
    const implemented = await fresh("IMPLEMENTED");
    const owner = await signedInMember("FACTORY", "OWNER", s.factory.org);
    const before = [await snapshot(submitted.id), await snapshot(implemented.id)];
    for (const who of [s.factory, owner]) {
      for (const decision of ["accept", "return"]) {
        expect(
          (await post(who, submitted.id, { intent: "review", decision, note: "We accept our own plan" })).status,
          `review ${decision} as factory ${who.membership.role}`,
        ).toBe(403);
      }
      expect((await post(who, implemented.id, { intent: "close", note: "Works for us" })).status, `close as factory ${who.membership.role}`).toBe(403);
      expect((await post(who, implemented.id, { intent: "reopen", note: "Try again" })).status, `reopen as factory ${who.membership.role}`).toBe(403);
    }
    expect([await snapshot(submitted.id), await snapshot(implemented.id)]).toEqual(before);
  });

  it("an importer posting the answer, the plan or evidence gets 403 and nothing changes", async () => {
    const openCa = await fresh("OPEN");
    const accepted = await fresh("PLAN_ACCEPTED");
    const before = [await snapshot(openCa.id), await snapshot(accepted.id)];
    for (const who of [s.importer, s.importerMember, s.importerViewer]) {
      for (const intent of ["save-answer", "submit-plan"]) {
        expect((await post(who, openCa.id, { intent, ...answer("Importer's answer") })).status, `${intent} as importer ${who.membership.role}`).toBe(403);
      }
      expect((await upload(who, accepted.id)).status, `evidence as importer ${who.membership.role}`).toBe(403);
    }
    expect([await snapshot(openCa.id), await snapshot(accepted.id)]).toEqual(before);
  });

  it("a factory member saves the answer but cannot submit the plan or mark it implemented (403)", async () => {
    const openCa = await fresh("OPEN");
    const saved = await post(s.factoryMember, openCa.id, { intent: "save-answer", ...answer("Member draft") });
    expect(saved.status).toBe(302);
    const stored = await prisma.correctiveAction.findUniqueOrThrow({ where: { id: openCa.id }, include: { items: { orderBy: { position: "asc" } } } });
    expect(stored).toMatchObject({ status: "OPEN", containment: "Member draft: sorted all stock", rootCauseCategory: "SKIPPED_CHECK" });
    expect(stored.items.map((i) => i.action)).toEqual(["Member draft: add the check to the traveller", "Member draft: train the night shift"]);

    const before = await snapshot(openCa.id);
    expect((await post(s.factoryMember, openCa.id, { intent: "submit-plan", ...answer("Member draft") })).status).toBe(403);
    expect(await snapshot(openCa.id)).toBe(before);
    expect(await prisma.auditEvent.count({ where: { subjectId: openCa.id, action: "correctiveAction.submit-plan" } })).toBe(0);

    const accepted = await fresh("PLAN_ACCEPTED");
    const acceptedBefore = await snapshot(accepted.id);
    expect((await upload(s.factoryMember, accepted.id)).status).toBe(403);
    expect(await snapshot(accepted.id)).toBe(acceptedBefore);
    const view = await page(s.factoryMember, accepted.id);
    expect((view.data as { can: Record<string, boolean> }).can).toMatchObject({ answer: false, submit: false, implement: false, review: false });
  });

  it("viewers of both sides read a corrective action but cannot write anything (403)", async () => {
    const openCa = await fresh("OPEN");
    const submitted = await fresh("PLAN_SUBMITTED");
    const accepted = await fresh("PLAN_ACCEPTED");
    const implemented = await fresh("IMPLEMENTED");
    const all = [openCa, submitted, accepted, implemented];
    const before = await Promise.all(all.map((c) => snapshot(c.id)));
    const importerCount = await prisma.correctiveAction.count({ where: { importerId: s.importer.org.id } });

    for (const [who, ca] of [
      [s.importerViewer, openCa],
      [s.factoryViewer, accepted],
    ] as const) {
      const view = await page(who, ca.id);
      expect(view.status).toBe(200);
      expect(
        Object.values((view.data as { can: Record<string, boolean> }).can).every((v) => v === false),
        `can as ${who.org.kind} viewer`,
      ).toBe(true);
      expect((await post(who, ca.id, { intent: "comment", body: "A viewer's remark", visibility: "SHARED" })).status, `comment as ${who.org.kind} viewer`).toBe(
        403,
      );
    }
    // The importer's viewer: no opening, review, verification or reopening.
    expect(
      (
        await call(newRoute.loader, `/${s.importerViewer.org.slug}/corrective-actions/new`, {
          cookie: s.importerViewer.cookie,
          params: { org: s.importerViewer.org.slug },
        })
      ).status,
    ).toBe(403);
    expect((await open(s.importerViewer)).status).toBe(403);
    expect((await post(s.importerViewer, submitted.id, { intent: "review", decision: "accept", note: "" })).status).toBe(403);
    expect((await post(s.importerViewer, submitted.id, { intent: "review", decision: "return", note: "No" })).status).toBe(403);
    expect((await post(s.importerViewer, implemented.id, { intent: "close", note: "Checked" })).status).toBe(403);
    expect((await post(s.importerViewer, implemented.id, { intent: "reopen", note: "Not solved" })).status).toBe(403);
    // The factory's viewer: no answer, plan or evidence.
    expect((await post(s.factoryViewer, openCa.id, { intent: "save-answer", ...answer("Viewer") })).status).toBe(403);
    expect((await post(s.factoryViewer, openCa.id, { intent: "submit-plan", ...answer("Viewer") })).status).toBe(403);
    expect((await upload(s.factoryViewer, accepted.id)).status).toBe(403);

    expect(await Promise.all(all.map((c) => snapshot(c.id)))).toEqual(before);
    expect(await prisma.correctiveAction.count({ where: { importerId: s.importer.org.id } })).toBe(importerCount);
  });

  it("the importer's member opens a corrective action and comments, but cannot review, verify or reopen (403)", async () => {
    const opened = await open(s.importerMember);
    expect(opened.status).toBe(302);
    const made = await prisma.correctiveAction.findFirstOrThrow({ where: { importerId: s.importer.org.id, openedById: s.importerMember.user.id } });
    expect(opened.location).toBe(caUrl(s.importer.org.slug, made.id));
    expect(made).toMatchObject({ status: "OPEN", factoryId: s.factory.org.id });

    const submitted = await fresh("PLAN_SUBMITTED");
    const implemented = await fresh("IMPLEMENTED");
    const view = await page(s.importerMember, submitted.id);
    expect((view.data as { can: Record<string, boolean> }).can).toMatchObject({ review: false, verify: false, reopen: false, answer: false });
    const before = [await snapshot(submitted.id), await snapshot(implemented.id)];
    expect((await post(s.importerMember, submitted.id, { intent: "review", decision: "accept", note: "" })).status).toBe(403);
    expect((await post(s.importerMember, submitted.id, { intent: "review", decision: "return", note: "Redo it" })).status).toBe(403);
    expect((await post(s.importerMember, implemented.id, { intent: "close", note: "Checked" })).status).toBe(403);
    expect((await post(s.importerMember, implemented.id, { intent: "reopen", note: "Not solved" })).status).toBe(403);
    expect([await snapshot(submitted.id), await snapshot(implemented.id)]).toEqual(before);

    const body = `Please include photos of the fixture ${unique("c")}`;
    expect((await post(s.importerMember, submitted.id, { intent: "comment", body, visibility: "SHARED" })).status).toBe(302);
    expect(await prisma.comment.findFirstOrThrow({ where: { threadType: "CorrectiveAction", threadId: submitted.id, body } })).toMatchObject({
      authorId: s.importerMember.user.id,
      orgId: s.importer.org.id,
      factoryId: s.factory.org.id,
    });
  });

  it("a move in the wrong state is refused (403) and changes nothing", async () => {
    const openCa = await fresh("OPEN");
    const submitted = await fresh("PLAN_SUBMITTED");
    const accepted = await fresh("PLAN_ACCEPTED");
    const implemented = await fresh("IMPLEMENTED");
    const closed = await fresh("CLOSED");
    const all = [openCa, submitted, accepted, implemented, closed];
    const before = await Promise.all(all.map((c) => snapshot(c.id)));
    const cases: [string, SignedInMember, string, Record<string, string> | "evidence"][] = [
      ["review accept when OPEN", s.importer, openCa.id, { intent: "review", decision: "accept", note: "" }],
      ["review return when OPEN", s.importer, openCa.id, { intent: "review", decision: "return", note: "Redo" }],
      ["review when PLAN_ACCEPTED", s.importer, accepted.id, { intent: "review", decision: "accept", note: "" }],
      ["review when IMPLEMENTED", s.importer, implemented.id, { intent: "review", decision: "return", note: "Redo" }],
      ["close when OPEN", s.importer, openCa.id, { intent: "close", note: "Checked" }],
      ["close when PLAN_ACCEPTED", s.importer, accepted.id, { intent: "close", note: "Checked" }],
      ["close when CLOSED", s.importer, closed.id, { intent: "close", note: "Checked again" }],
      ["reopen when PLAN_SUBMITTED", s.importer, submitted.id, { intent: "reopen", note: "Not solved" }],
      ["reopen when CLOSED", s.importer, closed.id, { intent: "reopen", note: "Not solved" }],
      ["submit-plan when PLAN_SUBMITTED", s.factory, submitted.id, { intent: "submit-plan", ...answer("Late change") }],
      ["save-answer when PLAN_SUBMITTED", s.factory, submitted.id, { intent: "save-answer", ...answer("Late change") }],
      ["save-answer when PLAN_ACCEPTED", s.factory, accepted.id, { intent: "save-answer", ...answer("Late change") }],
      ["save-answer when CLOSED", s.factory, closed.id, { intent: "save-answer", ...answer("Late change") }],
      ["evidence when OPEN", s.factory, openCa.id, "evidence"],
      ["evidence when PLAN_SUBMITTED", s.factory, submitted.id, "evidence"],
      ["evidence when IMPLEMENTED", s.factory, implemented.id, "evidence"],
      ["evidence when CLOSED", s.factory, closed.id, "evidence"],
    ];
    for (const [label, who, caId, form] of cases) {
      const out = form === "evidence" ? await upload(who, caId) : await post(who, caId, form);
      expect(out.status, label).toBe(403);
    }
    expect(await Promise.all(all.map((c) => snapshot(c.id)))).toEqual(before);
  });

  it("a factory posting to the open form is refused as forbidden (403) like its page, and nothing is made", async () => {
    for (const who of [s.factory, s.factoryMember]) {
      const start = await call(newRoute.loader, `/${who.org.slug}/corrective-actions/new`, { cookie: who.cookie, params: { org: who.org.slug } });
      expect(start.status, `new loader as factory ${who.membership.role}`).toBe(403);
      const out = await call(newRoute.action, `/${who.org.slug}/corrective-actions/new`, {
        cookie: who.cookie,
        params: { org: who.org.slug },
        form: { factoryId: s.factory.org.id, title: "Self-opened", problem: "We open one against ourselves.", severity: "MINOR", planDueAt: isoDate(7) },
      });
      expect(out.status, `new action as factory ${who.membership.role}`).toBe(403);
    }
    expect(
      await prisma.correctiveAction.count({ where: { OR: [{ importerId: s.factory.org.id }, { factoryId: s.factory.org.id, title: "Self-opened" }] } }),
    ).toBe(0);
  });

  it("a write the role may not make is refused as forbidden (403) before its fields are checked, however incomplete the form", async () => {
    const openCa = await fresh("OPEN");
    const submitted = await fresh("PLAN_SUBMITTED");
    const implemented = await fresh("IMPLEMENTED");
    const before = await Promise.all([openCa, submitted, implemented].map((c) => snapshot(c.id)));
    const cases: [string, () => Promise<Outcome>][] = [
      // An action row without owner or date, from the importer.
      ["importer save-answer with a half row", () => post(s.importer, openCa.id, { intent: "save-answer", "items[0].action": "Importer writes the plan" })],
      ["importer submit-plan with an unknown category", () => post(s.importer, openCa.id, { intent: "submit-plan", rootCauseCategory: "BAD_LUCK" })],
      // A review without a decision, a close or reopen without a note, from the factory.
      ["factory review without a decision", () => post(s.factory, submitted.id, { intent: "review" })],
      ["factory close without a note", () => post(s.factory, implemented.id, { intent: "close" })],
      ["factory reopen without a note", () => post(s.factory, implemented.id, { intent: "reopen" })],
      ["importer viewer opening without a title", () => open(s.importerViewer, { title: "" })],
    ];
    const statuses: Record<string, number> = {};
    for (const [label, run] of cases) statuses[label] = (await run()).status;
    expect(statuses).toEqual(Object.fromEntries(cases.map(([label]) => [label, 403])));
    expect(await Promise.all([openCa, submitted, implemented].map((c) => snapshot(c.id)))).toEqual(before);
  });
});
