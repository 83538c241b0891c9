// The grid's autosave through the real readings route: only the changed cells are sent, each
// with the value the typist's page last saw. A cell someone else saved in between is not
// overwritten (it comes back as a conflict with their value); a reader who may not record
// readings is refused before anything is read, and a form no grid could send is a 4xx.
import { describe, expect, it } from "vitest";
import type { SaveReadingsAnswer } from "~/features/first-articles/autosave.ts";
import { messagesOf } from "~/lib/action-data.ts";
import { prisma } from "~/lib/db.server.ts";
import * as readingsRoute from "~/routes/$org.first-articles.$faId.readings.ts";
import { createAcknowledgement, createFirstArticle, createMember, createSpec, createSpecShare } from "../support/factories.ts";
import { call, cookieFor } from "../support/routes.ts";
import { translateMessage } from "~/lib/i18n/translate.server.ts";

/** Messages as an English reader reads them (the server sends them as catalogue keys with values). */
const inEnglish = (messages: readonly string[]) => messages.map((text) => translateMessage("en", text));

async function scene() {
  const importer = await createMember("IMPORTER", "QUALITY");
  const factory = await createMember("FACTORY", "QUALITY");
  const colleague = await createMember("FACTORY", "MEMBER", factory.org);
  const viewer = await createMember("FACTORY", "VIEWER", factory.org);
  const stranger = await createMember("FACTORY", "OWNER");
  const { spec, version } = await createSpec(importer.org.id);
  await createSpecShare(spec.id, importer.org.id, factory.org.id);
  await createAcknowledgement(version, factory.org.id);
  const key = (await prisma.characteristic.findFirstOrThrow({ where: { versionId: version.id } })).key;
  const fa = await createFirstArticle(importer.org, factory.org, spec, version, {
    readings: [{ key, sample: 1, raw: "95.0", value: "95.0", passed: true }],
  });
  const who = async (m: typeof importer) => ({ ...m, cookie: await cookieFor(m.user.id) });
  return {
    key,
    fa,
    importer: await who(importer),
    factory: await who(factory),
    colleague: await who(colleague),
    viewer: await who(viewer),
    stranger: await who(stranger),
  };
}
type Who = Awaited<ReturnType<typeof scene>>["factory"];

const autosave = (who: Who, faId: string, form: Record<string, string | string[]>) =>
  call(readingsRoute.action, `/${who.org.slug}/first-articles/${faId}/readings`, {
    cookie: who.cookie,
    params: { org: who.org.slug, faId },
    form: { intent: "save-readings", ...form },
  });

async function stored(faId: string) {
  const rows = await prisma.measurement.findMany({ where: { firstArticleId: faId }, orderBy: { sample: "asc" } });
  return rows.map((m) => [m.sample, m.raw, m.passed]);
}

describe("saving readings as they are typed", () => {
  it("stores only the changed cells, judged on the server, and leaves every other reading as it was", async () => {
    const s = await scene();
    const before = (await prisma.firstArticle.findUniqueOrThrow({ where: { id: s.fa.id } })).revision;

    const out = await autosave(s.factory, s.fa.id, { [`m.${s.key}.2`]: " 96.0 ", [`was.${s.key}.2`]: "" });

    expect(out.status).toBe(200);
    expect(out.data).toMatchObject({ intent: "save-readings", saved: [{ key: s.key, sample: 2, raw: "96.0" }], conflicts: [] });
    expect(await stored(s.fa.id)).toEqual([
      [1, "95.0", true],
      [2, "96.0", false],
    ]);
    // A decision or submission made on a page older than this save is refused, as after a Save.
    expect((await prisma.firstArticle.findUniqueOrThrow({ where: { id: s.fa.id } })).revision).toBe(before + 1);

    // Clearing a cell removes its reading; the others stay.
    const cleared = await autosave(s.factory, s.fa.id, { [`m.${s.key}.1`]: "", [`was.${s.key}.1`]: "95.0" });
    expect(cleared.status).toBe(200);
    expect(await stored(s.fa.id)).toEqual([[2, "96.0", false]]);
    const audits = await prisma.auditEvent.count({ where: { subjectId: s.fa.id, action: "firstArticle.update" } });
    expect(audits).toBe(2);
  });

  it("does not overwrite a reading someone else saved since the page loaded: that cell is a 409 conflict with their value, the rest is saved", async () => {
    const s = await scene();
    const first = await autosave(s.colleague, s.fa.id, { [`m.${s.key}.2`]: "95.2", [`was.${s.key}.2`]: "" });
    expect(first.status).toBe(200);

    // The other page still thinks cell 2 is empty and cell 1 holds 95.0.
    const second = await autosave(s.factory, s.fa.id, {
      [`m.${s.key}.2`]: "95.4",
      [`was.${s.key}.2`]: "",
      [`m.${s.key}.3`]: "95.1",
      [`was.${s.key}.3`]: "",
    });

    expect(second.status).toBe(409);
    const data = second.data as SaveReadingsAnswer;
    expect(data.conflicts).toEqual([{ key: s.key, sample: 2, theirs: "95.2" }]);
    expect(data.saved).toEqual([{ key: s.key, sample: 3, raw: "95.1" }]);
    expect((await stored(s.fa.id)).map(([sample, raw]) => [sample, raw])).toEqual([
      [1, "95.0"],
      [2, "95.2"],
      [3, "95.1"],
    ]);

    // Choosing to keep one's own reading sends it against their value: then it is saved.
    const kept = await autosave(s.factory, s.fa.id, { [`m.${s.key}.2`]: "95.4", [`was.${s.key}.2`]: "95.2" });
    expect(kept.status).toBe(200);
    expect((await stored(s.fa.id))[1]).toEqual([2, "95.4", true]);
  });

  it("two saves of the same cell at once: one is stored, the other is told of the conflict (nothing is silently lost)", async () => {
    const s = await scene();
    const outcomes = await Promise.all([
      autosave(s.factory, s.fa.id, { [`m.${s.key}.3`]: "95.3", [`was.${s.key}.3`]: "" }),
      autosave(s.colleague, s.fa.id, { [`m.${s.key}.3`]: "94.9", [`was.${s.key}.3`]: "" }),
    ]);
    expect(outcomes.map((o) => o.status).sort()).toEqual([200, 409]);
    const winner = outcomes.findIndex((o) => o.status === 200);
    const raw = winner === 0 ? "95.3" : "94.9";
    expect((outcomes[1 - winner]!.data as SaveReadingsAnswer).conflicts).toEqual([{ key: s.key, sample: 3, theirs: raw }]);
    expect((await stored(s.fa.id)).at(-1)).toEqual([3, raw, true]);
  });

  it("refuses a viewer (403), and the importer (a draft is not theirs to see) and another factory (404), and changes nothing", async () => {
    const s = await scene();
    const form = { [`m.${s.key}.2`]: "95.0", [`was.${s.key}.2`]: "" };
    const importer = await autosave(s.importer, s.fa.id, form);
    const viewer = await autosave(s.viewer, s.fa.id, form);
    const stranger = await autosave(s.stranger, s.fa.id, form);
    expect([importer.status, viewer.status, stranger.status]).toEqual([404, 403, 404]);
    expect(JSON.stringify([importer.data, stranger.data])).not.toContain("95.0");
    expect(await stored(s.fa.id)).toEqual([[1, "95.0", true]]);
  });

  it("answers a submitted first article with a 409 the page can show, instead of saving", async () => {
    const s = await scene();
    await prisma.firstArticle.update({ where: { id: s.fa.id }, data: { status: "SUBMITTED", submittedAt: new Date() } });
    const out = await autosave(s.factory, s.fa.id, { [`m.${s.key}.2`]: "95.0", [`was.${s.key}.2`]: "" });
    expect(out.status).toBe(409);
    expect(inEnglish(messagesOf((out.data as SaveReadingsAnswer).result))).toEqual([
      "This first article was submitted and can no longer change. Reload the page to see it.",
    ]);
    // The refusal travels as a catalogue key: the typist's grid writes it in their language.
    const [refusal] = messagesOf((out.data as SaveReadingsAnswer).result);
    expect(translateMessage("zh-CN", refusal!)).toBe("此首件检验已提交，不能再修改。请刷新页面查看。");
    expect(translateMessage("en-XA", refusal!)).toMatch(/^⟦.*⟧$/);
    expect(await stored(s.fa.id)).toEqual([[1, "95.0", true]]);
  });

  it("refuses forms no grid sends with a 4xx and stores nothing", async () => {
    const s = await scene();
    const cases: [Record<string, string | string[]>, number, string | null][] = [
      [{}, 400, "No readings were sent."],
      [{ "m.no-such-key.1": "1", "was.no-such-key.1": "" }, 400, "A reading names a characteristic this first article does not have."],
      [{ [`m.${s.key}.9`]: "1", [`was.${s.key}.9`]: "" }, 409, "This first article now has 3 samples. Reload the page to see it."],
      [{ [`m.${s.key}.2`]: "1" }, 400, "Each changed reading is sent once, with the value it replaces."],
      // A repeated field is refused by the form's shape check, before the autosave reads it.
      [{ [`m.${s.key}.2`]: ["1", "2"], [`was.${s.key}.2`]: "" }, 400, null],
      [{ [`was.${s.key}.2`]: "" }, 400, "A previous value was sent without its reading."],
      [{ [`m.${s.key}.2`]: "9".repeat(41), [`was.${s.key}.2`]: "" }, 400, "A reading is at most 40 characters."],
      [{ [`m.${s.key}.2`]: "1", [`was.${s.key}.2`]: "", "<script>": "x" }, 400, null],
    ];
    for (const [form, status, message] of cases) {
      const out = await autosave(s.factory, s.fa.id, form);
      expect(out.status, JSON.stringify(form)).toBe(status);
      if (message) expect(inEnglish(messagesOf((out.data as SaveReadingsAnswer).result))).toEqual([message]);
    }
    const oversize = await autosave(s.factory, s.fa.id, { [`m.${s.key}.2`]: "1", [`was.${s.key}.2`]: "", notes: "x".repeat(600 * 1024) });
    expect(oversize.status).toBe(413);
    expect(await stored(s.fa.id)).toEqual([[1, "95.0", true]]);
  });
});
