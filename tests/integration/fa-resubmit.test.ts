// A rejected first article resubmitted after the spec moved on to version 2:
// the next round waits for the factory to acknowledge version 2, then carries
// the lot, the photos and the readings of unchanged characteristics, and
// leaves the changed and new ones empty, marked to measure again. A draft left
// on version 1 can be withdrawn (by its factory only) and leaves the dashboard.
import { beforeAll, describe, expect, it } from "vitest";
import type { getDashboard } from "~/features/dashboard/attention.server.ts";
import { prisma } from "~/lib/db.server.ts";
import { getStorage } from "~/lib/storage.server.ts";
import * as overviewRoute from "~/routes/$org._index.tsx";
import * as faRoute from "~/routes/$org.first-articles.$faId._index.tsx";
import * as versionRoute from "~/routes/$org.specs.$specId.v.$number._index.tsx";
import { createAcknowledgement, createFirstArticle, createFirstArticlePhoto, createSpec, createSpecShare, unique } from "../support/factories.ts";
import { call, formErrors, type SignedInMember, signedInMember, signedInTeam } from "../support/routes.ts";
import { translateMessage } from "~/lib/i18n/translate.server.ts";

/** Messages as an English reader reads them (the server sends them as catalogue keys with values). */
const inEnglish = (messages: readonly string[]) => messages.map((text) => translateMessage("en", text));

const faUrl = (who: SignedInMember, faId: string) => `/${who.org.slug}/first-articles/${faId}`;
const faAction = (who: SignedInMember, faId: string, form: Record<string, string>) =>
  call(faRoute.action, faUrl(who, faId), { cookie: who.cookie, params: { org: who.org.slug, faId }, form });
const faLoader = (who: SignedInMember, faId: string) => call(faRoute.loader, faUrl(who, faId), { cookie: who.cookie, params: { org: who.org.slug, faId } });
type FaPage = {
  nextRound: { version: { id: string; number: number }; sameVersion: boolean; acknowledged: boolean; startable: boolean } | null;
  measureAgain: { number: number; keys: string[] } | null;
  can: { nextRound: boolean; withdraw: boolean };
};
const pageOf = async (who: SignedInMember, faId: string) => (await faLoader(who, faId)).data as FaPage;
const attention = async (who: SignedInMember) =>
  (
    (await call(overviewRoute.loader, `/${who.org.slug}`, { cookie: who.cookie, params: { org: who.org.slug } })).data as Awaited<
      ReturnType<typeof getDashboard>
    >
  ).attention;
const finishItems = async (who: SignedInMember) => (await attention(who)).groups.find((g) => g.key === "first-articles-to-finish")!.items;

/**
 * A spec whose version 1 has 1 Height (95 ± 0.5), 2 Finish (visual) and 3 Width (40 ± 0.2); version 2
 * keeps Height and Finish (Finish renumbered), tightens Width and adds 4 Depth. Version 2 is current.
 */
async function world() {
  const importer = await signedInTeam("IMPORTER", ["OWNER", "QUALITY"]);
  const factory = await signedInTeam("FACTORY", ["QUALITY", "MEMBER", "VIEWER"]);
  const { spec, version: v1 } = await createSpec(importer.OWNER.org.id, { title: `Teapot ${unique("t")}` });
  const height = await prisma.characteristic.findFirstOrThrow({ where: { versionId: v1.id } });
  const [F, W, D] = [unique("f"), unique("w"), unique("d")];
  await prisma.characteristic.createMany({
    data: [
      { versionId: v1.id, position: 1, key: F, number: "2", name: "Finish", kind: "ATTRIBUTE", class: "MINOR" },
      { versionId: v1.id, position: 2, key: W, number: "3", name: "Width", nominal: "40", lowerTol: "-0.2", upperTol: "0.2", unit: "mm" },
    ],
  });
  await createSpecShare(spec.id, importer.OWNER.org.id, factory.QUALITY.org.id);
  await createAcknowledgement(v1, factory.QUALITY.org.id);
  const readings = [
    ...[1, 2].map((sample) => ({ key: height.key, sample, raw: `95.${sample}`, value: `95.${sample}`, passed: true })),
    ...[1, 2].map((sample) => ({ key: F, sample, raw: "PASS", passed: true })),
    ...[1, 2].map((sample) => ({ key: W, sample, raw: "40.3", value: "40.3", passed: false })),
  ];
  const publishV2 = async () => {
    const v2 = await prisma.specVersion.create({
      data: {
        specId: spec.id,
        orgId: importer.OWNER.org.id,
        number: 2,
        status: "PUBLISHED",
        publishedAt: new Date(),
        characteristics: {
          create: [
            { position: 0, key: height.key, number: "1", name: "Height", nominal: "95", lowerTol: "-0.5", upperTol: "0.5", unit: "mm" },
            { position: 1, key: F, number: "2a", name: "Finish", kind: "ATTRIBUTE", class: "MINOR" },
            { position: 2, key: W, number: "3", name: "Width", nominal: "40", lowerTol: "-0.1", upperTol: "0.1", unit: "mm" },
            { position: 3, key: D, number: "4", name: "Depth", nominal: "12", lowerTol: "-0.3", upperTol: "0.3", unit: "mm" },
          ],
        },
      },
    });
    await prisma.specVersion.update({ where: { id: v1.id }, data: { status: "SUPERSEDED" } });
    await prisma.spec.update({ where: { id: spec.id }, data: { currentVersionId: v2.id } });
    return v2;
  };
  return { importer, factory, spec, v1, H: height.key, F, W, D, readings, publishV2 };
}

describe("a next round after a rejection, once the spec has version 2", () => {
  let w: Awaited<ReturnType<typeof world>>;
  let round1: Awaited<ReturnType<typeof createFirstArticle>>;
  let v2: { id: string };
  beforeAll(async () => {
    w = await world();
    round1 = await createFirstArticle(w.importer.OWNER.org, w.factory.QUALITY.org, w.spec, w.v1, {
      status: "REJECTED",
      sampleCount: 2,
      lotNumber: "LOT-7",
      readings: w.readings,
    });
    await createFirstArticlePhoto(round1);
    v2 = await w.publishV2();
  });

  it("is refused (409) until the factory acknowledges version 2, and the page links to the version to acknowledge", async () => {
    const page = await pageOf(w.factory.QUALITY, round1.id);
    expect(page.nextRound).toMatchObject({ version: { id: v2.id, number: 2 }, sameVersion: false, acknowledged: false, startable: true });
    expect(page.can.nextRound).toBe(true);
    const out = await faAction(w.factory.QUALITY, round1.id, { intent: "next-round" });
    expect(out.status).toBe(409);
    expect(inEnglish(formErrors(out))).toEqual(["Acknowledge version 2 of the specification first: the next round is measured against it."]);
    expect(await prisma.firstArticle.count({ where: { seriesId: round1.seriesId } })).toBe(1);
    // The dashboard item says the step that comes first, and leads to it.
    const item = (await finishItems(w.factory.QUALITY)).find((i) => i.id === round1.id)!;
    expect(item.detail).toContain("acknowledge version 2, then start round 2 against it");
    expect(item.href).toBe(`/${w.factory.QUALITY.org.slug}/specs/${w.spec.id}/v/2`);
  });

  it("acknowledging version 2 leads to the rejected round, at its next step", async () => {
    const out = await call(versionRoute.action, `/${w.factory.QUALITY.org.slug}/specs/${w.spec.id}/v/2`, {
      cookie: w.factory.QUALITY.cookie,
      params: { org: w.factory.QUALITY.org.slug, specId: w.spec.id, number: "2" },
      form: { intent: "acknowledge" },
    });
    expect(out.status).toBe(302);
    expect(out.location).toBe(`/${w.factory.QUALITY.org.slug}/first-articles/${round1.id}#next-round`);
  });

  it("round 2 is on version 2 with the lot, the photo and the unchanged readings; the changed and new characteristics are empty and marked", async () => {
    const out = await faAction(w.factory.MEMBER, round1.id, { intent: "next-round" });
    expect(out.status).toBe(302);
    const round2 = await prisma.firstArticle.findFirstOrThrow({ where: { seriesId: round1.seriesId, round: 2 }, include: { measurements: true } });
    expect(out.location).toBe(`/${w.factory.QUALITY.org.slug}/first-articles/${round2.id}`);
    expect(round2).toMatchObject({
      status: "DRAFT",
      versionId: v2.id,
      poNumber: round1.poNumber,
      lotNumber: "LOT-7",
      quantityProduced: round1.quantityProduced,
      sampleCount: 2,
    });
    const stored = round2.measurements.map((m) => [m.characteristicKey, m.sample, m.raw]).sort();
    expect(stored).toEqual(
      [
        [w.H, 1, "95.1"],
        [w.H, 2, "95.2"],
        [w.F, 1, "PASS"],
        [w.F, 2, "PASS"],
      ].sort(),
    );
    const [photo1] = await prisma.attachment.findMany({ where: { ownerType: "FirstArticle", ownerId: round1.id } });
    const [photo2, ...more] = await prisma.attachment.findMany({ where: { ownerType: "FirstArticle", ownerId: round2.id } });
    expect(more).toEqual([]);
    expect(photo2).toMatchObject({ name: photo1!.name, sha256: photo1!.sha256, size: photo1!.size, orgId: w.factory.QUALITY.org.id });
    expect(photo2!.storageKey).not.toBe(photo1!.storageKey);
    expect(await getStorage().get(photo2!.storageKey)).not.toBeNull();

    const page = await pageOf(w.factory.QUALITY, round2.id);
    expect(page.measureAgain).toEqual({ number: 2, keys: [w.W, w.D] });
    // Round 1 stays as it was, and nothing on the dashboard points at it any more.
    expect((await prisma.firstArticle.findUniqueOrThrow({ where: { id: round1.id } })).status).toBe("REJECTED");
    expect((await finishItems(w.factory.QUALITY)).map((i) => i.id)).not.toContain(round1.id);
  });
});

describe("a draft left on a replaced version", () => {
  let w: Awaited<ReturnType<typeof world>>;
  let draft: Awaited<ReturnType<typeof createFirstArticle>>;
  beforeAll(async () => {
    w = await world();
    draft = await createFirstArticle(w.importer.OWNER.org, w.factory.QUALITY.org, w.spec, w.v1, { status: "DRAFT", sampleCount: 2, readings: w.readings });
  });

  it("cannot be withdrawn while its version is current (409)", async () => {
    const out = await faAction(w.factory.QUALITY, draft.id, { intent: "withdraw" });
    expect(out.status).toBe(409);
    expect(inEnglish(formErrors(out))).toEqual(["This draft is on the current version: finish and submit it."]);
    expect((await pageOf(w.factory.QUALITY, draft.id)).can.withdraw).toBe(false);
  });

  it("shows on the factory's dashboard as 'withdraw or start against version 2' once version 2 is published", async () => {
    await w.publishV2();
    const item = (await finishItems(w.factory.QUALITY)).find((i) => i.id === draft.id)!;
    expect(item.detail).toBe("Draft, round 1, on a replaced version — withdraw it or acknowledge version 2, then start round 2 against it.");
    expect((await pageOf(w.factory.QUALITY, draft.id)).can).toMatchObject({ withdraw: true, nextRound: true });
  });

  it("is not withdrawn by a viewer (403), by the importer or by another factory (404)", async () => {
    const stranger = await signedInMember("FACTORY", "OWNER");
    const refusals = [
      [w.factory.VIEWER, 403],
      [w.importer.OWNER, 404],
      [w.importer.QUALITY, 404],
      [stranger, 404],
    ] as const;
    for (const [who, status] of refusals) {
      const out = await faAction(who, draft.id, { intent: "withdraw" });
      expect(out.status, `${who.org.kind} ${who.membership.role}`).toBe(status);
    }
    expect((await pageOf(w.factory.VIEWER, draft.id)).can.withdraw).toBe(false);
    expect((await prisma.firstArticle.findUniqueOrThrow({ where: { id: draft.id } })).status).toBe("DRAFT");
  });

  it("is withdrawn by its factory: it leaves the dashboard and the importer never sees it", async () => {
    const out = await faAction(w.factory.MEMBER, draft.id, { intent: "withdraw" });
    expect(out.status).toBe(302);
    expect((await prisma.firstArticle.findUniqueOrThrow({ where: { id: draft.id } })).status).toBe("WITHDRAWN");
    expect(await prisma.auditEvent.count({ where: { subjectId: draft.id, action: "firstArticle.withdraw", orgId: w.factory.QUALITY.org.id } })).toBe(1);
    expect((await finishItems(w.factory.QUALITY)).map((i) => i.id)).not.toContain(draft.id);
    expect((await faLoader(w.importer.OWNER, draft.id)).status).toBe(404);
    expect((await faAction(w.factory.QUALITY, draft.id, { intent: "withdraw" })).status).toBe(403);
  });

  it("a withdrawn draft can still be taken up as round 2 against version 2 once acknowledged", async () => {
    const v2 = await prisma.spec.findUniqueOrThrow({ where: { id: w.spec.id }, select: { currentVersion: true } });
    await createAcknowledgement(v2.currentVersion!, w.factory.QUALITY.org.id);
    const out = await faAction(w.factory.QUALITY, draft.id, { intent: "next-round" });
    expect(out.status).toBe(302);
    const round2 = await prisma.firstArticle.findFirstOrThrow({ where: { seriesId: draft.seriesId, round: 2 } });
    expect(round2).toMatchObject({ status: "DRAFT", versionId: v2.currentVersion!.id });
  });
});

describe("starting against version 2 from a draft on version 1", () => {
  it("replaces the draft: it is withdrawn and round 2 carries its readings", async () => {
    const w = await world();
    const draft = await createFirstArticle(w.importer.OWNER.org, w.factory.QUALITY.org, w.spec, w.v1, {
      status: "DRAFT",
      sampleCount: 2,
      readings: w.readings,
    });
    const v2 = await w.publishV2();
    await createAcknowledgement(v2, w.factory.QUALITY.org.id);
    const out = await faAction(w.factory.QUALITY, draft.id, { intent: "next-round" });
    expect(out.status).toBe(302);
    expect((await prisma.firstArticle.findUniqueOrThrow({ where: { id: draft.id } })).status).toBe("WITHDRAWN");
    const round2 = await prisma.firstArticle.findFirstOrThrow({ where: { seriesId: draft.seriesId, round: 2 }, include: { measurements: true } });
    expect(round2.versionId).toBe(v2.id);
    expect(new Set(round2.measurements.map((m) => m.characteristicKey))).toEqual(new Set([w.H, w.F]));
    // Again (another tab): the same round 2, nothing more.
    expect((await faAction(w.factory.QUALITY, draft.id, { intent: "next-round" })).location).toBe(`/${w.factory.QUALITY.org.slug}/first-articles/${round2.id}`);
  });
});
