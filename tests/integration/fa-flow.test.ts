// A first article's life, through the real route loaders and actions: a
// factory starts one against an acknowledged spec version, records readings
// (kept exactly as typed, judged on the server), is told precisely what keeps
// it from being submitted, submits it; the importer rejects it with a reason
// per characteristic and the factory starts round 2 from the same readings.
// Then the lists that tell each side what waits for it, and the CSV round trip.
import { beforeAll, describe, expect, it } from "vitest";
import type { FaActionData } from "~/features/first-articles/actions.server.ts";
import { messagesOf } from "~/lib/action-data.ts";
import { prisma } from "~/lib/db.server.ts";
import * as faRoute from "~/routes/$org.first-articles.$faId._index.tsx";
import * as csvRoute from "~/routes/$org.first-articles.$faId.csv.ts";
import * as listRoute from "~/routes/$org.first-articles._index.tsx";
import * as newRoute from "~/routes/$org.first-articles.new.tsx";
import * as versionRoute from "~/routes/$org.specs.$specId.v.$number._index.tsx";
import {
  createAcknowledgement,
  createFirstArticle,
  createFirstArticlePhoto,
  createSpec,
  createSpecShare,
  createSpecVersion,
  unique,
} from "../support/factories.ts";
import { call, formErrors, type Outcome, type SignedInMember, signedInTeam } from "../support/routes.ts";
import { translateMessage } from "~/lib/i18n/translate.server.ts";

/** Messages as an English reader reads them (the server sends them as catalogue keys with values). */
const inEnglish = (messages: readonly string[]) => messages.map((text) => translateMessage("en", text));

const faUrl = (who: SignedInMember, faId: string) => `/${who.org.slug}/first-articles/${faId}`;
const faAction = (who: SignedInMember, faId: string, form: Record<string, string>) =>
  call(faRoute.action, faUrl(who, faId), { cookie: who.cookie, params: { org: who.org.slug, faId }, form });
const faLoader = (who: SignedInMember, faId: string) => call(faRoute.loader, faUrl(who, faId), { cookie: who.cookie, params: { org: who.org.slug, faId } });
const newAction = (who: SignedInMember, form: Record<string, string>) =>
  call(newRoute.action, `/${who.org.slug}/first-articles/new`, { cookie: who.cookie, params: { org: who.org.slug }, form });

const isoDate = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
const header = (overrides: Record<string, string> = {}) => ({
  poNumber: "4500-881",
  lotNumber: "L-2025-03",
  quantityProduced: "1200",
  sampleCount: "3",
  inspectedOn: isoDate(-1),
  notes: "",
  ...overrides,
});

/** The grid as the page posts it: `m.<characteristic key>.<sample>`, 1-based. */
function grid(rows: Record<string, string[]>) {
  const form: Record<string, string> = {};
  for (const [key, values] of Object.entries(rows)) values.forEach((v, i) => (form[`m.${key}.${i + 1}`] = v));
  return form;
}

/** Stored readings as [key, sample, raw, value, passed], in grid order. */
async function storedReadings(faId: string) {
  const rows = await prisma.measurement.findMany({ where: { firstArticleId: faId }, orderBy: [{ characteristicKey: "asc" }, { sample: "asc" }] });
  return rows.map((m) => [m.characteristicKey, m.sample, m.raw, m.value === null ? null : m.value.toString(), m.passed] as const);
}

const actionData = (out: Outcome) => out.data as FaActionData;

/**
 * An importer (owner, quality lead, member, viewer) and a factory (quality
 * lead, member) sharing a spec with two characteristics: 1 Height 95 ± 0.5 mm
 * and 2 Surface finish, pass/fail. Acknowledged only when asked.
 */
async function world(options: { acknowledged?: boolean } = {}) {
  const importer = await signedInTeam("IMPORTER", ["OWNER", "QUALITY", "MEMBER", "VIEWER"]);
  const factory = await signedInTeam("FACTORY", ["QUALITY", "MEMBER"]);
  const { spec, version } = await createSpec(importer.OWNER.org.id, { title: `Kettle lid ${unique("t")}` });
  const height = await prisma.characteristic.findFirstOrThrow({ where: { versionId: version.id } });
  const finish = await prisma.characteristic.create({
    data: { versionId: version.id, position: 1, key: unique("c"), number: "2", name: "Surface finish", kind: "ATTRIBUTE", class: "MINOR" },
  });
  await createSpecShare(spec.id, importer.OWNER.org.id, factory.QUALITY.org.id);
  if (options.acknowledged) await createAcknowledgement(version, factory.QUALITY.org.id);
  return {
    owner: importer.OWNER,
    quality: importer.QUALITY,
    importerMember: importer.MEMBER,
    importerViewer: importer.VIEWER,
    factory: factory.QUALITY,
    factoryMember: factory.MEMBER,
    spec,
    version,
    H: height.key,
    F: finish.key,
  };
}
type World = Awaited<ReturnType<typeof world>>;

/** A draft of the world's factory with a sample photo, ready to be filled in and submitted. */
async function draftWithPhoto(w: World) {
  const fa = await createFirstArticle(w.owner.org, w.factory.org, w.spec, w.version, { status: "DRAFT", sampleCount: 3, createdById: w.factory.user.id });
  await createFirstArticlePhoto(fa);
  return fa;
}

const revisionOf = async (faId: string) => String((await prisma.firstArticle.findUniqueOrThrow({ where: { id: faId } })).revision);

describe("a first article from start to round 2", () => {
  let w: World;
  let faId: string;
  let round2Id: string;
  beforeAll(async () => {
    w = await world();
  });

  it("cannot be started on a version the factory has not acknowledged: 409 says why, and nothing is made", async () => {
    const start = await call(newRoute.loader, `/${w.factory.org.slug}/first-articles/new`, { cookie: w.factory.cookie, params: { org: w.factory.org.slug } });
    expect((start.data as { versions: { versionId: string; acknowledged: boolean }[] }).versions).toEqual([
      expect.objectContaining({ versionId: w.version.id, acknowledged: false }),
    ]);
    const out = await newAction(w.factory, { versionId: w.version.id, ...header() });
    expect(out.status).toBe(409);
    expect(inEnglish(formErrors(out))).toEqual([
      `Acknowledge ${w.spec.title} version 1 first: a first article is checked against a version you have read and accepted.`,
    ]);
    expect(await prisma.firstArticle.count({ where: { factoryId: w.factory.org.id } })).toBe(0);
  });

  it("cannot be started on a version that is not shared with the factory (400)", async () => {
    const notShared = await createSpec(w.owner.org.id);
    for (const versionId of [notShared.version.id, "made-up-version-id"]) {
      const out = await newAction(w.factory, { versionId, ...header() });
      expect(out.status).toBe(400);
      expect(inEnglish(formErrors(out))).toEqual(["Choose the current version of a specification shared with you."]);
    }
    expect(await prisma.firstArticle.count({ where: { factoryId: w.factory.org.id } })).toBe(0);
  });

  it("checks the lot header once the version is acknowledged: sample count 0 or 33, a future date, a missing PO answer 400 with messages", async () => {
    const ack = await call(versionRoute.action, `/${w.factory.org.slug}/specs/${w.spec.id}/v/1`, {
      cookie: w.factory.cookie,
      params: { org: w.factory.org.slug, specId: w.spec.id, number: "1" },
      form: { intent: "acknowledge" },
    });
    expect(ack.status).toBe(302);
    const cases: [Record<string, string>, string][] = [
      [{ sampleCount: "0" }, "The number of samples must be at least 1"],
      [{ sampleCount: "33" }, "The number of samples must be at most 32"],
      [{ inspectedOn: isoDate(3) }, "The inspection date cannot be in the future"],
      [{ poNumber: "" }, "Enter the PO number"],
      [{ poNumber: "   " }, "Enter the PO number"],
    ];
    for (const [overrides, message] of cases) {
      const out = await newAction(w.factory, { versionId: w.version.id, ...header(overrides) });
      expect(out.status, JSON.stringify(overrides)).toBe(400);
      expect(inEnglish(formErrors(out)), JSON.stringify(overrides)).toContain(message);
    }
    // Each message is a whole sentence of the catalogue, written in the reader's language.
    const tooMany = formErrors(await newAction(w.factory, { versionId: w.version.id, ...header({ sampleCount: "33" }) }));
    expect(tooMany.map((text) => translateMessage("zh-CN", text))).toContain("样品数量最多为 32");
    expect(tooMany.map((text) => translateMessage("en-XA", text)).every((text) => /^⟦.*⟧$/.test(text))).toBe(true);
    expect(await prisma.firstArticle.count({ where: { factoryId: w.factory.org.id } })).toBe(0);
  });

  it("starts round 1 as a draft of the factory, audited", async () => {
    const out = await newAction(w.factory, { versionId: w.version.id, ...header({ poNumber: " 4500-881 ", inspectedOn: "2025-03-04" }) });
    expect(out.status).toBe(302);
    const fa = await prisma.firstArticle.findFirstOrThrow({ where: { factoryId: w.factory.org.id } });
    faId = fa.id;
    expect(out.location).toBe(`/${w.factory.org.slug}/first-articles/${fa.id}`);
    expect(fa).toMatchObject({
      round: 1,
      status: "DRAFT",
      importerId: w.owner.org.id,
      specId: w.spec.id,
      versionId: w.version.id,
      poNumber: "4500-881",
      sampleCount: 3,
      quantityProduced: 1200,
      createdById: w.factory.user.id,
    });
    expect(fa.inspectedOn.toISOString()).toBe("2025-03-04T00:00:00.000Z");
    expect(await prisma.auditEvent.count({ where: { orgId: w.factory.org.id, subjectId: fa.id, action: "firstArticle.create" } })).toBe(1);
  });

  it("rejects a header error on save too (400 with the field's message) and changes nothing", async () => {
    const out = await faAction(w.factory, faId, { intent: "save", ...header({ sampleCount: "33" }), ...grid({ [w.H]: ["95.1", "", ""] }) });
    expect(out.status).toBe(400);
    expect(inEnglish(actionData(out).result.error?.sampleCount ?? [])).toEqual(["The number of samples must be at most 32"]);
    expect(await storedReadings(faId)).toEqual([]);
  });

  it('stores readings exactly as typed, judged on the server: 95.500001 is kept and fails, 95.5 passes, "OK" is kept with no value', async () => {
    const readings = grid({ [w.H]: ["95.500001", "95.5", "OK"], [w.F]: ["pass", "", ""] });
    // A verdict claimed by the browser is a field the form does not have: refused, nothing stored.
    const before = await storedReadings(faId);
    const claimed = await faAction(w.factory, faId, { intent: "save", ...header(), ...readings, [`passed.${w.H}.1`]: "true" });
    expect(claimed.status).toBe(400);
    expect(await storedReadings(faId)).toEqual(before);
    const out = await faAction(w.factory, faId, { intent: "save", ...header(), ...readings });
    expect(out.status).toBe(302);
    expect(out.location).toBe(faUrl(w.factory, faId));
    const expected = [
      [w.H, 1, "95.500001", "95.500001", false],
      [w.H, 2, "95.5", "95.5", true],
      [w.H, 3, "OK", null, null],
      [w.F, 1, "pass", null, true],
    ].sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    expect(await storedReadings(faId)).toEqual(expected);
    const page = await faLoader(w.factory, faId);
    expect((page.data as { readings: Record<string, string[]> }).readings).toEqual({ [w.H]: ["95.500001", "95.5", "OK"], [w.F]: ["pass", "", ""] });
  });

  it('refuses a submission with an empty cell and "OK" in a measured one (422), each problem linked to its cell, and keeps the readings just posted', async () => {
    await createFirstArticlePhoto({ id: faId, factoryId: w.factory.org.id });
    const posted = { [w.H]: ["95.1", "", "OK"], [w.F]: ["PASS", "FAIL", "PASS"] };
    const out = await faAction(w.factory, faId, { intent: "submit", ...header(), ...grid(posted) });
    expect(out.status).toBe(422);
    expect(inEnglish(messagesOf(actionData(out).result))).toEqual(["Not submitted: 2 things to fix."]);
    expect(actionData(out).problems?.map((p) => ({ ...p, message: translateMessage("en", p.message) }))).toEqual([
      { message: "1 Height, sample 2: empty", cellId: "cell-1-2" },
      { message: '1 Height, sample 3: "OK" is not a number', cellId: "cell-1-3" },
    ]);
    expect(actionData(out).readings).toEqual(posted);
    // Nothing typed is lost: the readings of the refused submission are saved.
    const saved = await storedReadings(faId);
    expect(saved.map(([key, sample, raw]) => [key, sample, raw])).toEqual(
      [
        [w.H, 1, "95.1"],
        [w.H, 3, "OK"],
        [w.F, 1, "PASS"],
        [w.F, 2, "FAIL"],
        [w.F, 3, "PASS"],
      ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
    const fa = await prisma.firstArticle.findUniqueOrThrow({ where: { id: faId } });
    expect(fa).toMatchObject({ status: "DRAFT", submittedAt: null });
    expect(await prisma.outboxEmail.count({ where: { idempotencyKey: { startsWith: `fa-submitted:${faId}:` } } })).toBe(0);
  });

  it("submits a complete first article: SUBMITTED, audited on both sides, and only the importer's owners and quality leads are emailed", async () => {
    // A reading out of tolerance does not block a submission: judging it is the importer's decision.
    const out = await faAction(w.factory, faId, {
      intent: "submit",
      ...header(),
      ...grid({ [w.H]: ["95.1", "95.6", "94.9"], [w.F]: ["PASS", "PASS", "FAIL"] }),
    });
    expect(out.status).toBe(302);
    const fa = await prisma.firstArticle.findUniqueOrThrow({ where: { id: faId } });
    expect(fa).toMatchObject({ status: "SUBMITTED", submittedById: w.factory.user.id });
    expect(fa.submittedAt).toBeInstanceOf(Date);
    for (const orgId of [w.owner.org.id, w.factory.org.id]) {
      expect(await prisma.auditEvent.count({ where: { orgId, subjectId: faId, action: "firstArticle.submit", actorId: w.factory.user.id } })).toBe(1);
    }
    const emails = await prisma.outboxEmail.findMany({ where: { idempotencyKey: { startsWith: `fa-submitted:${faId}:` } } });
    expect(emails.every((e) => e.template === "first-article-submitted" && e.orgId === w.owner.org.id)).toBe(true);
    expect(emails.map((e) => e.to).sort()).toEqual([w.owner.user.email, w.quality.user.email].sort());
    expect(emails.map((e) => e.idempotencyKey).sort()).toEqual([w.owner.user.id, w.quality.user.id].map((id) => `fa-submitted:${faId}:${id}`).sort());
    expect(
      await prisma.outboxEmail.count({
        where: {
          template: "first-article-submitted",
          to: { in: [w.importerMember.user.email, w.importerViewer.user.email, w.factory.user.email, w.factoryMember.user.email] },
        },
      }),
    ).toBe(0);
    // The importer now sees it, with the readings as judged.
    const page = await faLoader(w.quality, faId);
    expect(page.status).toBe(200);
    expect((page.data as { can: { decide: boolean } }).can.decide).toBe(true);
  });

  it("refuses an approval with conditions that names none (400), and a rejection with no reason at all (400)", async () => {
    const revision = await revisionOf(faId);
    const conditional = await faAction(w.quality, faId, { intent: "decide", decision: "CONDITIONALLY_APPROVED", note: "  ", revision });
    expect(conditional.status).toBe(400);
    expect(inEnglish(messagesOf(actionData(conditional).result))).toContain("Write the conditions of this approval");
    // What was typed comes back, so the form shows it again without JavaScript.
    const reason = "Sample 2 over the upper limit";
    const typed = await faAction(w.quality, faId, { intent: "decide", decision: "CONDITIONALLY_APPROVED", note: "", revision, [`finding.${w.H}`]: reason });
    expect(typed.status).toBe(400);
    expect(actionData(typed).values).toEqual({ decision: "CONDITIONALLY_APPROVED", note: "", [`finding.${w.H}`]: reason });
    // A revision beyond the Int column is refused (400), not a 500.
    const huge = await faAction(w.quality, faId, { intent: "decide", decision: "APPROVED", note: "", revision: "99999999999" });
    expect(huge.status).toBe(400);
    const rejected = await faAction(w.quality, faId, { intent: "decide", decision: "REJECTED", note: "", revision, [`finding.${w.H}`]: " " });
    expect(rejected.status).toBe(400);
    expect(inEnglish(messagesOf(actionData(rejected).result))).toContain("Give a reason for rejecting: overall, or for each failing characteristic");
    expect(await prisma.firstArticle.findUniqueOrThrow({ where: { id: faId } })).toMatchObject({ status: "SUBMITTED", decidedAt: null });
  });

  it("accepts a rejection whose only reason is a finding on one characteristic, stored in findings; the factory's members are emailed", async () => {
    const reason = "Sample 2 is 0.1 mm above the upper limit: check the press stop.";
    const out = await faAction(w.quality, faId, {
      intent: "decide",
      decision: "REJECTED",
      note: "",
      revision: await revisionOf(faId),
      [`finding.${w.H}`]: reason,
      [`finding.${w.F}`]: "",
      "finding.not-a-characteristic": "Planted",
    });
    expect(out.status).toBe(302);
    const fa = await prisma.firstArticle.findUniqueOrThrow({ where: { id: faId } });
    expect(fa).toMatchObject({ status: "REJECTED", decisionNote: null, decidedById: w.quality.user.id, findings: { [w.H]: reason } });
    for (const orgId of [w.owner.org.id, w.factory.org.id]) {
      expect(await prisma.auditEvent.count({ where: { orgId, subjectId: faId, action: "firstArticle.decide" } })).toBe(1);
    }
    const emails = await prisma.outboxEmail.findMany({ where: { idempotencyKey: { startsWith: `fa-decided:${faId}:` } } });
    expect(emails.map((e) => e.to).sort()).toEqual([w.factory.user.email, w.factoryMember.user.email].sort());
  });

  it("after the rejection the factory starts round 2: a draft in the same series, readings copied", async () => {
    const round1 = await prisma.firstArticle.findUniqueOrThrow({ where: { id: faId } });
    const page = await faLoader(w.factory, faId);
    expect((page.data as { can: { nextRound: boolean } }).can.nextRound).toBe(true);
    const out = await faAction(w.factory, faId, { intent: "next-round" });
    expect(out.status).toBe(302);
    const round2 = await prisma.firstArticle.findFirstOrThrow({ where: { seriesId: round1.seriesId, round: 2 } });
    round2Id = round2.id;
    expect(out.location).toBe(`/${w.factory.org.slug}/first-articles/${round2.id}`);
    expect(round2).toMatchObject({
      status: "DRAFT",
      seriesId: round1.seriesId,
      versionId: round1.versionId,
      poNumber: round1.poNumber,
      sampleCount: 3,
      decidedAt: null,
      submittedAt: null,
    });
    const copied = await storedReadings(round2.id);
    expect(copied).toHaveLength(6);
    expect(copied).toEqual(await storedReadings(faId));
    expect((await prisma.firstArticle.findUniqueOrThrow({ where: { id: faId } })).status).toBe("REJECTED");
  });

  it("starting round 2 again (another tab) leads to the same round 2", async () => {
    const again = await faAction(w.factory, faId, { intent: "next-round" });
    expect(again.status).toBe(302);
    expect(again.location).toBe(`/${w.factory.org.slug}/first-articles/${round2Id}`);
    const round1 = await prisma.firstArticle.findUniqueOrThrow({ where: { id: faId } });
    expect(await prisma.firstArticle.count({ where: { seriesId: round1.seriesId } })).toBe(2);
  });
});

describe("a submission against an outdated version", () => {
  it("is refused (422) naming the new version and the way on (next round or withdraw); the readings are kept", async () => {
    const w = await world({ acknowledged: true });
    const fa = await draftWithPhoto(w);
    const v2 = await createSpecVersion(w.spec.id, w.owner.org.id, 2, "PUBLISHED");
    await prisma.specVersion.update({ where: { id: w.version.id }, data: { status: "SUPERSEDED" } });
    await prisma.spec.update({ where: { id: w.spec.id }, data: { currentVersionId: v2.id } });
    const out = await faAction(w.factory, fa.id, {
      intent: "submit",
      ...header(),
      ...grid({ [w.H]: ["95.1", "95.0", "94.9"], [w.F]: ["PASS", "PASS", "PASS"] }),
    });
    expect(out.status).toBe(422);
    expect(actionData(out).problems?.map((p) => ({ ...p, message: translateMessage("en", p.message) }))).toEqual([
      {
        message: "Version 2 of the specification has replaced the version of this draft: start the next round against version 2, or withdraw this draft.",
      },
    ]);
    const page = (await faLoader(w.factory, fa.id)).data as {
      nextRound: { version: { id: string }; sameVersion: boolean };
      can: { nextRound: boolean; withdraw: boolean };
    };
    expect(page.nextRound).toMatchObject({ version: { id: v2.id }, sameVersion: false });
    expect(page.can).toMatchObject({ nextRound: true, withdraw: true });
    expect((await prisma.firstArticle.findUniqueOrThrow({ where: { id: fa.id } })).status).toBe("DRAFT");
    expect((await storedReadings(fa.id)).length).toBe(6);
  });
});

describe("the first-article list", () => {
  /**
   * One series of every kind, dated so that by date alone the ones waiting
   * for someone would NOT come first.
   */
  async function listWorld() {
    const w = await world({ acknowledged: true });
    const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000);
    const make = (status: "DRAFT" | "SUBMITTED" | "APPROVED" | "REJECTED", minutesAgo: number, extra: { seriesId?: string; round?: number } = {}) =>
      createFirstArticle(w.owner.org, w.factory.org, w.spec, w.version, { status, updatedAt: at(minutesAgo), ...extra });
    const approved = await make("APPROVED", 0);
    const answered = await make("REJECTED", 10);
    const submitted = await make("SUBMITTED", 60);
    const unanswered = await make("REJECTED", 120);
    const round2 = await make("DRAFT", 180, { seriesId: answered.seriesId, round: 2 });
    const draft = await make("DRAFT", 240);
    const submittedEarlier = await make("SUBMITTED", 300);
    return { w, approved, answered, submitted, unanswered, round2, draft, submittedEarlier };
  }
  type ListData = { list: { items: { id: string }[]; waitingCount: number; total: number } };
  const list = async (who: SignedInMember, query = "") => {
    const out = await call(listRoute.loader, `/${who.org.slug}/first-articles${query}`, { cookie: who.cookie, params: { org: who.org.slug } });
    expect(out.status).toBe(200);
    return (out.data as ListData).list;
  };

  it("shows the importer what awaits its review first (SUBMITTED, newest first), then the rest; never a draft", async () => {
    const l = await listWorld();
    const out = await list(l.w.quality);
    expect(out.items.map((i) => i.id)).toEqual([l.submitted.id, l.submittedEarlier.id, l.approved.id, l.answered.id, l.unanswered.id]);
    expect(out.waitingCount).toBe(2);
    expect((await list(l.w.quality, "?status=DRAFT")).items).toEqual([]);
  });

  it("shows the factory its drafts and unanswered rejections first, then the rest; a rejection already answered by round 2 waits for nothing", async () => {
    const l = await listWorld();
    const out = await list(l.w.factory);
    expect(out.items.map((i) => i.id)).toEqual([l.unanswered.id, l.round2.id, l.draft.id, l.approved.id, l.answered.id, l.submitted.id, l.submittedEarlier.id]);
    expect(out.waitingCount).toBe(3);
    expect((await list(l.w.factory, "?status=REJECTED")).items.map((i) => i.id)).toEqual([l.unanswered.id, l.answered.id]);
  });
});

describe("CSV export and import", () => {
  it("round-trips the readings: a first article's export, imported into another draft, gives the same readings", async () => {
    const w = await world({ acknowledged: true });
    const source = await draftWithPhoto(w);
    const readings = { [w.H]: ["95.500001", "94.5", "-0.25"], [w.F]: ["PASS", "FAIL", "PASS"] };
    expect((await faAction(w.factory, source.id, { intent: "save", ...header(), ...grid(readings) })).status).toBe(302);

    const exported = await call(csvRoute.loader, `${faUrl(w.factory, source.id)}/csv`, {
      cookie: w.factory.cookie,
      params: { org: w.factory.org.slug, faId: source.id },
    });
    expect(exported.status).toBe(200);
    expect(exported.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    const text = exported.data as string;
    expect(text).toContain("95.500001");
    expect(text).toMatch(/Sample 1,Sample 2,Sample 3/);

    const target = await draftWithPhoto(w);
    const body = new FormData();
    body.append("csv", new File([text], "readings.csv", { type: "text/csv" }));
    const imported = await call(faRoute.action, `${faUrl(w.factory, target.id)}?upload=csv`, {
      cookie: w.factory.cookie,
      params: { org: w.factory.org.slug, faId: target.id },
      body,
    });
    expect(imported.status).toBe(302);
    expect(await storedReadings(target.id)).toEqual(await storedReadings(source.id));
    const page = await faLoader(w.factory, target.id);
    expect((page.data as { readings: Record<string, string[]> }).readings).toEqual(readings);
  });
});
