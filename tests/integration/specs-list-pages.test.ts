// The spec list pages over the "awaiting acknowledgement first" boundary, the
// cases that decide whether a spec awaits, and the statement budget of the
// spec list, the version page and a thread.
import { beforeAll, describe, expect, it } from "vitest";
import { specVersionHistory } from "~/features/history/history.server.ts";
import { listComments } from "~/features/threads/comments.server.ts";
import type { ThreadRef } from "~/features/threads/thread.ts";
import { prisma } from "~/lib/db.server.ts";
import { withRequestScope } from "~/lib/request-scope.server.ts";
import { requireMembership } from "~/lib/tenant.server.ts";
import * as rootRoute from "~/root.tsx";
import * as orgRoute from "~/routes/$org.tsx";
import * as versionRoute from "~/routes/$org.specs.$specId.v.$number._index.tsx";
import * as listRoute from "~/routes/$org.specs._index.tsx";
import { createPartnership, createSpec, createSpecShare, createSpecVersion, createUser, unique } from "../support/factories.ts";
import { buildRequest, call, signedInMember } from "../support/routes.ts";
import { countStatements } from "../support/statements.ts";

type Member = Awaited<ReturnType<typeof signedInMember>>;
type ListData = { specs: { items: { id: string; awaiting: boolean }[]; total: number; page: number; pageCount: number; awaitingCount: number } };

const listOf = async (who: Member, query = "") => {
  const out = await call(listRoute.loader, `/${who.org.slug}/specs${query}`, { cookie: who.cookie, params: { org: who.org.slug } });
  expect(out.status).toBe(200);
  return (out.data as ListData).specs;
};

const minutesAgo = (n: number) => new Date(Date.now() - n * 60_000);

describe("the spec list pages over the awaiting-first boundary", () => {
  let importer: Member;
  let factory: Member;
  const awaitingIds: string[] = [];
  const restIds: string[] = [];

  beforeAll(async () => {
    importer = await signedInMember("IMPORTER", "QUALITY");
    factory = await signedInMember("FACTORY", "MEMBER");
    await createPartnership(importer.org.id, factory.org.id, "ACTIVE");
    // 7 specs await the factory, 6 do not; dates interleave so that date order alone would mix them.
    for (let i = 0; i < 13; i++) {
      const { spec, version } = await createSpec(importer.org.id);
      await createSpecShare(spec.id, importer.org.id, factory.org.id);
      const awaits = i % 2 === 0;
      if (!awaits)
        await prisma.acknowledgement.create({
          data: { versionId: version.id, importerId: importer.org.id, factoryId: factory.org.id, status: "ACKNOWLEDGED" },
        });
      await prisma.spec.update({ where: { id: spec.id }, data: { updatedAt: minutesAgo(i) } });
      (awaits ? awaitingIds : restIds).push(spec.id);
    }
  });

  for (const who of ["importer", "factory"] as const) {
    it(`${who}: pages of 10 give the awaiting specs newest first, then the rest, with the same counts on every page`, async () => {
      const member = who === "importer" ? importer : factory;
      const first = await listOf(member, "?size=10");
      const second = await listOf(member, "?size=10&page=2");
      expect([...first.items, ...second.items].map((s) => s.id)).toEqual([...awaitingIds, ...restIds]);
      expect(first.items.map((s) => s.awaiting)).toEqual([...Array(7).fill(true), false, false, false]);
      for (const page of [first, second]) expect(page).toMatchObject({ total: 13, awaitingCount: 7, pageCount: 2 });
      const beyond = await listOf(member, "?size=10&page=3");
      expect(beyond).toMatchObject({ items: [], total: 13, awaitingCount: 7, page: 3 });
      const needsAck = await listOf(member, "?filter=needs-ack&size=10");
      expect(needsAck.items.map((s) => s.id)).toEqual(awaitingIds);
      expect(needsAck).toMatchObject({ total: 7, awaitingCount: 7 });
    });
  }
});

describe("which specs await an acknowledgement", () => {
  it("importer: a query or an older version's acknowledgement still awaits; a share through an ended partnership does not", async () => {
    const importer = await signedInMember("IMPORTER", "QUALITY");
    const queried = await signedInMember("FACTORY", "QUALITY");
    const ended = await signedInMember("FACTORY", "QUALITY");
    await createPartnership(importer.org.id, queried.org.id, "ACTIVE");
    const endedPartnership = await createPartnership(importer.org.id, ended.org.id, "ENDED");

    const onlyQueried = await createSpec(importer.org.id);
    await createSpecShare(onlyQueried.spec.id, importer.org.id, queried.org.id);
    await prisma.acknowledgement.create({
      data: { versionId: onlyQueried.version.id, importerId: importer.org.id, factoryId: queried.org.id, status: "QUERIED", question: "Which glaze?" },
    });

    const newVersion = await createSpec(importer.org.id);
    await createSpecShare(newVersion.spec.id, importer.org.id, queried.org.id);
    await prisma.acknowledgement.create({
      data: { versionId: newVersion.version.id, importerId: importer.org.id, factoryId: queried.org.id, status: "ACKNOWLEDGED" },
    });
    const v2 = await createSpecVersion(newVersion.spec.id, importer.org.id, 2, "PUBLISHED");
    await prisma.spec.update({ where: { id: newVersion.spec.id }, data: { currentVersionId: v2.id } });

    const endedOnly = await createSpec(importer.org.id);
    await prisma.specShare.create({
      data: { specId: endedOnly.spec.id, importerId: importer.org.id, factoryId: ended.org.id, partnershipId: endedPartnership.id },
    });

    const list = await listOf(importer);
    const awaiting = Object.fromEntries(list.items.map((s) => [s.id, s.awaiting]));
    expect(awaiting).toEqual({ [onlyQueried.spec.id]: true, [newVersion.spec.id]: true, [endedOnly.spec.id]: false });
    expect(list.awaitingCount).toBe(2);
    // The factory of the ended partnership no longer sees the spec at all.
    expect((await listOf(ended)).items).toEqual([]);
  });

  it("factory: another factory's acknowledgement does not count, and the partner filter names the importer", async () => {
    const importer = await signedInMember("IMPORTER", "QUALITY");
    const otherImporter = await signedInMember("IMPORTER", "QUALITY");
    const factory = await signedInMember("FACTORY", "MEMBER");
    const other = await signedInMember("FACTORY", "MEMBER");
    await createPartnership(importer.org.id, factory.org.id, "ACTIVE");
    await createPartnership(importer.org.id, other.org.id, "ACTIVE");
    await createPartnership(otherImporter.org.id, factory.org.id, "ACTIVE");
    const mine = await createSpec(importer.org.id);
    const elsewhere = await createSpec(otherImporter.org.id);
    await createSpecShare(mine.spec.id, importer.org.id, factory.org.id);
    await createSpecShare(mine.spec.id, importer.org.id, other.org.id);
    await createSpecShare(elsewhere.spec.id, otherImporter.org.id, factory.org.id);
    await prisma.acknowledgement.create({ data: { versionId: mine.version.id, importerId: importer.org.id, factoryId: other.org.id, status: "ACKNOWLEDGED" } });

    const list = await listOf(factory);
    expect(list.items.map((s) => s.awaiting)).toEqual([true, true]);
    expect((await listOf(factory, `?partner=${importer.org.id}`)).items.map((s) => s.id)).toEqual([mine.spec.id]);
    expect((await listOf(other)).items.map((s) => [s.id, s.awaiting])).toEqual([[mine.spec.id, false]]);
  });
});

describe("paging a thread", () => {
  it("comments posted in the same millisecond are each shown once, newest last, across pages", async () => {
    const importer = await signedInMember("IMPORTER", "QUALITY");
    const factory = await signedInMember("FACTORY", "QUALITY");
    await createPartnership(importer.org.id, factory.org.id, "ACTIVE");
    const { version } = await createSpec(importer.org.id);
    const thread: ThreadRef = { type: "SpecVersion", id: version.id, importerId: importer.org.id, factoryId: factory.org.id };
    const at = new Date(Date.UTC(2030, 5, 1, 8, 0, 0, 123));
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const c = await prisma.comment.create({
        data: {
          threadType: thread.type,
          threadId: thread.id,
          importerId: thread.importerId,
          factoryId: thread.factoryId,
          orgId: importer.org.id,
          authorId: importer.user.id,
          body: `Same time ${i}`,
          createdAt: at,
        },
      });
      ids.push(c.id);
    }
    ids.sort();
    const ctx = await requireMembership(buildRequest("/", { cookie: importer.cookie }), importer.org.slug);
    const seen: string[][] = [];
    let before: string | null = null;
    do {
      const page = await listComments(ctx, thread, { limit: 2, before });
      seen.unshift(page.comments.map((c) => c.id));
      before = page.earlierCursor;
    } while (before);
    expect(seen.flat()).toEqual(ids);
  });
});

describe("statements per page request", () => {
  const BUDGET = 6;
  let importer: Member;
  let factory: Member;
  let specId = "";
  let thread: ThreadRef;

  /** A document request: the root, org layout and page loaders, in one request scope, counted. */
  const statementsFor = async (page: { loader: unknown }, who: Member, path: string, params: Record<string, string>) =>
    (
      await withRequestScope(() =>
        countStatements(async () => {
          const request = buildRequest(path, { cookie: who.cookie });
          const args = { request, params, context: { clientAddress: "203.0.113.7" } };
          const outcomes = await Promise.allSettled(
            [rootRoute.loader, orgRoute.loader, page.loader].map((loader) => (loader as (a: typeof args) => unknown)(args)),
          );
          expect(outcomes.map((o) => o.status)).toEqual(["fulfilled", "fulfilled", "fulfilled"]);
        }),
      )
    ).statements;

  beforeAll(async () => {
    importer = await signedInMember("IMPORTER", "QUALITY");
    factory = await signedInMember("FACTORY", "QUALITY");
    const second = await signedInMember("FACTORY", "QUALITY");
    await createPartnership(importer.org.id, factory.org.id, "ACTIVE");
    await createPartnership(importer.org.id, second.org.id, "ACTIVE");
    for (let i = 0; i < 60; i++) {
      const { spec, version } = await createSpec(importer.org.id);
      await createSpecShare(spec.id, importer.org.id, factory.org.id);
      await createSpecShare(spec.id, importer.org.id, second.org.id);
      for (const [who, every] of [
        [factory, 3],
        [second, 4],
      ] as const) {
        if (i % every === 0)
          await prisma.acknowledgement.create({
            data: { versionId: version.id, importerId: importer.org.id, factoryId: who.org.id, status: "ACKNOWLEDGED", userId: who.user.id },
          });
      }
      if (i === 0) specId = spec.id;
    }
    // v1 acknowledged by the factory, v2 current: the factory's page shows what changed.
    const v2 = await createSpecVersion(specId, importer.org.id, 2, "PUBLISHED");
    await prisma.spec.update({ where: { id: specId }, data: { currentVersionId: v2.id } });
    await prisma.acknowledgement.create({
      data: { versionId: v2.id, importerId: importer.org.id, factoryId: second.org.id, status: "QUERIED", question: "Which clay?", userId: second.user.id },
    });
    thread = { type: "SpecVersion", id: v2.id, importerId: importer.org.id, factoryId: factory.org.id };
    // 120 comments by 6 authors of both sides, some INTERNAL, some with a file.
    const authors = [importer.user, factory.user, ...(await Promise.all([0, 1, 2, 3].map(() => createUser())))];
    for (let i = 0; i < 120; i++) {
      const author = authors[i % authors.length]!;
      const orgId = i % 2 === 0 ? importer.org.id : factory.org.id;
      const comment = await prisma.comment.create({
        data: {
          threadType: "SpecVersion",
          threadId: v2.id,
          importerId: importer.org.id,
          factoryId: factory.org.id,
          orgId,
          authorId: author.id,
          visibility: i % 7 === 0 ? "INTERNAL" : "SHARED",
          body: `Comment ${i}`,
          createdAt: minutesAgo(200 - i),
        },
      });
      if (i % 10 === 0) {
        await prisma.attachment.create({
          data: {
            orgId,
            ownerType: "Comment",
            ownerId: comment.id,
            name: "photo.jpg",
            contentType: "image/jpeg",
            size: 10,
            sha256: "0".repeat(64),
            storageKey: unique("key"),
          },
        });
      }
    }
  });

  it(`the spec list: at most ${BUDGET} at size 10 and 50, on every page, for both sides`, async () => {
    const counts: Record<string, number> = {};
    // 41 of the 60 specs await the factory, 56 await the importer (some factory): pages 5 and 6 of 10,
    // and page 2 of 50 for the importer, straddle the boundary.
    for (const query of [
      "?size=10",
      "?size=10&page=5",
      "?size=10&page=6",
      "?size=10&page=99",
      "?size=50",
      "?size=50&page=2",
      "?filter=needs-ack&size=50",
      "?filter=draft&q=SKU&size=10",
    ]) {
      for (const who of [importer, factory]) {
        counts[`${who === importer ? "importer" : "factory"} ${query}`] = await statementsFor(listRoute, who, `/${who.org.slug}/specs${query}`, {
          org: who.org.slug,
        });
      }
    }
    for (const [label, count] of Object.entries(counts)) expect(count, label).toBeLessThanOrEqual(BUDGET);
    // The count never depends on the page.
    expect(counts["importer ?size=10&page=6"]).toBe(counts["importer ?size=10"]);
    expect(counts["factory ?size=10&page=5"]).toBe(counts["factory ?size=10"]);
    expect(counts["factory ?size=50&page=2"]).toBe(counts["factory ?size=10"]);
  });

  it(`the version page with a thread of 120 comments: at most ${BUDGET} for the importer (?factory=) and the factory`, async () => {
    const params = (who: Member) => ({ org: who.org.slug, specId, number: "2" });
    const path = (who: Member, query = "") => `/${who.org.slug}/specs/${specId}/v/2${query}`;
    const importerCount = await statementsFor(versionRoute, importer, path(importer, `?factory=${factory.org.id}`), params(importer));
    const factoryCount = await statementsFor(versionRoute, factory, path(factory), params(factory));
    // The page's history is counted apart, as the thread's page is: one statement, names and orgs included.
    const history = async (who: Member) => {
      const ctx = await requireMembership(buildRequest("/", { cookie: who.cookie }), who.org.slug);
      return (await countStatements(() => specVersionHistory(ctx, thread.id))).statements;
    };
    const [importerHistory, factoryHistory] = [await history(importer), await history(factory)];
    expect(importerHistory).toBe(1);
    expect(factoryHistory).toBe(1);
    expect(importerCount - importerHistory).toBeLessThanOrEqual(BUDGET);
    expect(factoryCount - factoryHistory).toBeLessThanOrEqual(BUDGET);
    // And the page shows what it should: the thread's latest 100, the factory's changes since v1.
    const seen = await call(versionRoute.loader, path(factory), { cookie: factory.cookie, params: params(factory) });
    const data = seen.data as { thread: { comments: { files: unknown[] }[]; earlierCursor: string | null }; changes: { from: number } | null };
    expect(data.thread.comments).toHaveLength(100);
    expect(data.thread.earlierCursor).not.toBeNull();
    expect(data.changes?.from).toBe(1);
  });

  it("a page of a thread is one statement, authors, orgs and files included", async () => {
    const ctx = await requireMembership(buildRequest("/", { cookie: importer.cookie }), importer.org.slug);
    const { statements: count, result: view } = await countStatements(() => listComments(ctx, thread));
    expect(count).toBe(1);
    expect(view.comments).toHaveLength(100);
    expect(view.comments.filter((c) => c.files.length > 0).length).toBeGreaterThan(0);
    expect(view.comments.every((c) => c.author !== null && c.org.name)).toBe(true);
  });
});
