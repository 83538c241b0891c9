// The version page tells the truth: publishing names who will be emailed and the toast
// counts what was queued; a draft can be deleted by those who may, and by no one else;
// a version's "what changed and why" reaches the changes page and the email; a question
// shows as answered once the importer replies.
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/lib/db.server.ts";
import { getToast } from "~/lib/toast.server.ts";
import * as diffRoute from "~/routes/$org.specs.$specId.diff.tsx";
import * as editRoute from "~/routes/$org.specs.$specId.v.$number.edit.tsx";
import * as versionRoute from "~/routes/$org.specs.$specId.v.$number._index.tsx";
import { createPartnership, createSpec, createSpecShare, createSpecVersion } from "../support/factories.ts";
import { call, type Outcome, signedInMember, type SignedInMember } from "../support/routes.ts";

const url = (who: SignedInMember, specId: string, n: number) => `/${who.org.slug}/specs/${specId}/v/${n}`;
const params = (who: SignedInMember, specId: string, n: number) => ({ org: who.org.slug, specId, number: String(n) });
const post = (who: SignedInMember, specId: string, n: number, form: Record<string, string>) =>
  call(versionRoute.action, url(who, specId, n), { cookie: who.cookie, params: params(who, specId, n), form });
const page = (who: SignedInMember, specId: string, n: number) =>
  call(versionRoute.loader, url(who, specId, n), { cookie: who.cookie, params: params(who, specId, n) });

async function toastOf(out: Outcome) {
  const cookie = (out.headers.get("Set-Cookie") ?? "").split(";")[0]!;
  return (await getToast(new Request("http://portal.test/", { headers: { Cookie: cookie } }))).toast?.message;
}

describe("small truths on a spec version", () => {
  let quality: SignedInMember;
  let viewer: SignedInMember;
  let factory: SignedInMember;
  let stranger: SignedInMember;

  beforeAll(async () => {
    quality = await signedInMember("IMPORTER", "QUALITY");
    viewer = await signedInMember("IMPORTER", "VIEWER", quality.org);
    factory = await signedInMember("FACTORY", "QUALITY");
    await signedInMember("FACTORY", "MEMBER", factory.org);
    stranger = await signedInMember("IMPORTER", "OWNER");
    await createPartnership(quality.org.id, factory.org.id, "ACTIVE");
  });

  it("the publish confirmation lists the factory's members who will be emailed, and the toast counts the emails queued", async () => {
    const { spec } = await createSpec(quality.org.id);
    await createSpecShare(spec.id, quality.org.id, factory.org.id);
    await createSpecVersion(spec.id, quality.org.id, 2, "DRAFT");
    const draft = await page(quality, spec.id, 2);
    expect((draft.data as { audience: unknown }).audience).toEqual([{ name: factory.org.name, people: 2 }]);

    const note = "Handle moved 5 mm lower after drop tests.";
    const form = { description: "", notes: "", packaging: "", changeNote: note };
    const v2 = await prisma.specVersion.findFirstOrThrow({ where: { specId: spec.id, number: 2 }, include: { characteristics: true } });
    const c = v2.characteristics[0]!;
    Object.assign(form, {
      "characteristics[0].key": c.key,
      "characteristics[0].number": "1",
      "characteristics[0].name": "Height",
      "characteristics[0].kind": "VARIABLE",
      "characteristics[0].nominal": "96",
      "characteristics[0].lowerTol": "-0.5",
      "characteristics[0].upperTol": "0.5",
      "characteristics[0].unit": "mm",
    });
    const saved = await call(editRoute.action, `${url(quality, spec.id, 2)}/edit`, { cookie: quality.cookie, params: params(quality, spec.id, 2), form });
    expect(saved.status).toBe(302);
    expect((await prisma.specVersion.findUniqueOrThrow({ where: { id: v2.id } })).changeNote).toBe(note);

    const published = await post(quality, spec.id, 2, { intent: "publish" });
    expect(published.status).toBe(302);
    expect(await toastOf(published)).toBe("Version 2 is published. 2 people will be emailed.");
    const emails = await prisma.outboxEmail.findMany({
      where: { template: "spec-published", orgId: factory.org.id, idempotencyKey: { startsWith: `spec-published:${v2.id}` } },
    });
    expect(emails).toHaveLength(2);
    expect(emails.map((e) => (e.data as { changeNote?: string }).changeNote)).toEqual([note, note]);

    const diff = await call(diffRoute.loader, `/${factory.org.slug}/specs/${spec.id}/diff?from=1&to=2`, {
      cookie: factory.cookie,
      params: { org: factory.org.slug, specId: spec.id },
    });
    expect((diff.data as { changeNotes: unknown }).changeNotes).toEqual([{ number: 2, note }]);
  });

  it("publishing a spec shared with no one claims no email", async () => {
    const { spec } = await createSpec(quality.org.id, { draft: true });
    const out = await post(quality, spec.id, 1, { intent: "publish" });
    expect(await toastOf(out)).toBe("Version 1 is published. No one was emailed: it is not shared with an active partner factory yet.");
  });

  it("the toast is in the publisher's own language", async () => {
    const chinese = await signedInMember("IMPORTER", "QUALITY", quality.org);
    await prisma.user.update({ where: { id: chinese.user.id }, data: { locale: "zh-CN" } });
    const { spec } = await createSpec(quality.org.id, { draft: true });
    const out = await post(chinese, spec.id, 1, { intent: "publish" });
    expect(await toastOf(out)).toBe("版本 1 已发布。没有发送邮件：此规格书还没有共享给活跃的合作工厂。");
  });

  it("a quality manager deletes a draft with an audit entry; a viewer is refused, another tenant sees nothing, a published version stays", async () => {
    const { spec } = await createSpec(quality.org.id);
    const draft = await createSpecVersion(spec.id, quality.org.id, 2, "DRAFT");
    expect((await post(viewer, spec.id, 2, { intent: "delete-draft" })).status).toBe(403);
    expect((await post(stranger, spec.id, 2, { intent: "delete-draft" })).status).toBe(404);
    expect((await post(factory, spec.id, 2, { intent: "delete-draft" })).status).toBe(404);
    expect(await prisma.specVersion.count({ where: { id: draft.id } })).toBe(1);

    const out = await post(quality, spec.id, 2, { intent: "delete-draft" });
    expect(out.status).toBe(302);
    expect(out.location).toBe(`/${quality.org.slug}/specs/${spec.id}`);
    expect(await prisma.specVersion.count({ where: { id: draft.id } })).toBe(0);
    expect(await prisma.auditEvent.count({ where: { action: "specVersion.delete", subjectId: draft.id } })).toBe(1);

    expect((await post(quality, spec.id, 1, { intent: "delete-draft" })).status).toBe(403);
    expect(await prisma.specVersion.count({ where: { specId: spec.id, number: 1 } })).toBe(1);
  });

  it("a question shows as answered once the importer replies in the factory's thread", async () => {
    const { spec } = await createSpec(quality.org.id);
    await createSpecShare(spec.id, quality.org.id, factory.org.id);
    const asked = await post(factory, spec.id, 1, { intent: "query", question: "Is the height measured with the lid?" });
    expect(asked.status).toBe(302);
    const stateOf = async () => ((await page(quality, spec.id, 1)).data as { ackStatus: { state: string }[] }).ackStatus[0]!.state;
    expect(await stateOf()).toBe("queried");
    const reply = await post(quality, spec.id, 1, { intent: "comment", body: "Without the lid." });
    expect(reply.status).toBe(302);
    expect(await stateOf()).toBe("answered");
    const factoryView = (await page(factory, spec.id, 1)).data as { factoryAck: { answered: boolean } };
    expect(factoryView.factoryAck.answered).toBe(true);
  });
});
