// What the first-article, corrective-action and scorecard pages read, and how
// many statements it takes: a whole grid of readings, every round, the files
// and the people's names come in a fixed number of statements however big the
// first article is. The comment thread and the record's history are counted
// apart (listComments belongs to the threads module, the history queries to the
// history module, each with its own count): each page's own budget is what is left.
import { beforeAll, describe, expect, it } from "vitest";
import { caThread } from "~/features/corrective-actions/actions.server.ts";
import { faThread } from "~/features/first-articles/page.server.ts";
import { correctiveActionHistory, firstArticleHistory } from "~/features/history/history.server.ts";
import { listComments } from "~/features/threads/comments.server.ts";
import type { ThreadRef } from "~/features/threads/thread.ts";
import { prisma } from "~/lib/db.server.ts";
import { requireMembership } from "~/lib/tenant.server.ts";
import * as caRoute from "~/routes/$org.corrective-actions.$caId._index.tsx";
import * as faRoute from "~/routes/$org.first-articles.$faId._index.tsx";
import * as reportRoute from "~/routes/$org.first-articles.$faId.report.tsx";
import * as scorecardRoute from "~/routes/$org.scorecards.$partnerId.tsx";
import {
  createCorrectiveAction,
  createCorrectiveActionEvidence,
  createFirstArticle,
  createFirstArticlePhoto,
  createSpec,
  createSpecShare,
  createUser,
  unique,
} from "../support/factories.ts";
import { buildRequest, call, signedInMember } from "../support/routes.ts";
import { countStatements } from "../support/statements.ts";

type Member = Awaited<ReturnType<typeof signedInMember>>;

type TenantContext = Awaited<ReturnType<typeof requireMembership>>;

/** Statements of a page loader, and of the thread and the history it shows when each is loaded on its own. */
async function measure(
  who: Member,
  handler: unknown,
  path: string,
  params: Record<string, string>,
  thread?: ThreadRef,
  history?: (ctx: TenantContext) => Promise<unknown>,
) {
  const page = await countStatements(() => call(handler, path, { cookie: who.cookie, params }));
  expect(page.result.status).toBe(200);
  const ctx = await requireMembership(buildRequest(path, { cookie: who.cookie }), who.org.slug);
  const threadStatements = thread ? (await countStatements(() => listComments(ctx, thread))).statements : 0;
  const historyStatements = history ? (await countStatements(() => history(ctx))).statements : 0;
  return {
    data: page.result.data as Record<string, unknown>,
    statements: page.statements,
    own: page.statements - threadStatements - historyStatements,
    thread: threadStatements,
    history: historyStatements,
  };
}

async function comment(thread: ThreadRef, author: Member, body: string, at: number) {
  const row = await prisma.comment.create({
    data: {
      threadType: thread.type,
      threadId: thread.id,
      importerId: thread.importerId,
      factoryId: thread.factoryId,
      orgId: author.org.id,
      authorId: author.user.id,
      body,
      createdAt: new Date(at),
    },
  });
  await prisma.attachment.create({
    data: {
      orgId: author.org.id,
      ownerType: "Comment",
      ownerId: row.id,
      name: `${unique("c")}.png`,
      contentType: "image/png",
      size: 1,
      sha256: "x",
      storageKey: unique("key"),
    },
  });
}

async function world() {
  const importer = await signedInMember("IMPORTER", "QUALITY");
  const factory = await signedInMember("FACTORY", "QUALITY");
  const { spec, version } = await createSpec(importer.org.id);
  await createSpecShare(spec.id, importer.org.id, factory.org.id);
  // A version with 20 characteristics, measured on 5 samples.
  const keys = Array.from({ length: 20 }, (_, i) => `k${i + 1}`);
  await prisma.characteristic.createMany({
    data: keys.map((key, i) => ({
      versionId: version.id,
      position: i + 1,
      key,
      number: String(i + 2),
      name: `Dimension ${i + 2}`,
      nominal: "10",
      lowerTol: "-0.05",
      upperTol: "0.05",
      unit: "mm",
    })),
  });
  const readings = keys.flatMap((key) => [1, 2, 3, 4, 5].map((sample) => ({ key, sample, raw: `10.0${sample}` })));
  // Round 1 rejected, decided by someone who has since left the importer; round 2 submitted.
  const gone = await createUser({ name: "Former Quality Lead" });
  const round1 = await createFirstArticle(importer.org, factory.org, spec, version, { status: "REJECTED", sampleCount: 5, readings });
  await prisma.firstArticle.update({ where: { id: round1.id }, data: { submittedById: factory.user.id, decidedById: gone.id } });
  const round2 = await createFirstArticle(importer.org, factory.org, spec, version, {
    status: "SUBMITTED",
    sampleCount: 5,
    readings,
    seriesId: round1.seriesId,
    round: 2,
  });
  await prisma.firstArticle.update({ where: { id: round2.id }, data: { submittedById: factory.user.id } });
  const photos = [await createFirstArticlePhoto(round2), await createFirstArticlePhoto(round2)];
  // A small first article: one characteristic, one sample.
  const small = await createFirstArticle(importer.org, factory.org, spec, version, {
    status: "SUBMITTED",
    sampleCount: 1,
    readings: [{ key: keys[0]!, sample: 1, raw: "10" }],
  });
  await prisma.firstArticle.update({ where: { id: small.id }, data: { submittedById: factory.user.id } });

  const ca = await createCorrectiveAction(importer.org, factory.org, {
    status: "PLAN_ACCEPTED",
    items: [{ dueAt: new Date(Date.now() - 86_400_000) }, { dueAt: new Date(Date.now() + 86_400_000) }],
  });
  const evidence = await createCorrectiveActionEvidence(ca);

  for (const [thread, n] of [
    [faThread(round2), 6],
    [caThread(ca), 4],
  ] as const) {
    for (let i = 0; i < n; i++) await comment(thread, i % 2 ? factory : importer, `Comment ${i}`, Date.UTC(2030, 0, 1, 12, i));
  }
  return { importer, factory, spec, version, round1, round2, small, photos, ca, evidence, gone };
}

let w: Awaited<ReturnType<typeof world>>;
beforeAll(async () => {
  w = await world();
});

const faPage = (who: Member, fa: { id: string; seriesId: string; importerId: string; factoryId: string }) =>
  measure(who, faRoute.loader, `/${who.org.slug}/first-articles/${fa.id}`, { org: who.org.slug, faId: fa.id }, faThread(fa), (ctx) =>
    firstArticleHistory(ctx, fa.id),
  );

describe("the first-article page", () => {
  it("shows the whole grid, every round, the files and the names, for both sides", async () => {
    for (const who of [w.importer, w.factory]) {
      const { data } = await faPage(who, w.round2);
      const d = data as {
        spec: { id: string; title: string };
        version: { id: string; isCurrent: boolean };
        characteristics: { key: string; lowerTol: string | null }[];
        readings: Record<string, string[]>;
        rounds: { id: string; round: number; status: string }[];
        files: { id: string }[];
        fa: { submittedBy: string | null };
        thread: { comments: unknown[] };
      };
      expect(d.spec).toMatchObject({ id: w.spec.id, title: w.spec.title });
      expect(d.version).toMatchObject({ id: w.version.id, isCurrent: true });
      expect(d.characteristics).toHaveLength(21);
      expect(d.characteristics[1]).toMatchObject({ key: "k1", lowerTol: "-0.05" });
      expect(Object.keys(d.readings)).toHaveLength(20);
      expect(d.readings.k20).toEqual(["10.01", "10.02", "10.03", "10.04", "10.05"]);
      expect(d.rounds).toEqual([
        { id: w.round1.id, round: 1, status: "REJECTED" },
        { id: w.round2.id, round: 2, status: "SUBMITTED" },
      ]);
      expect(d.files.map((f) => f.id)).toEqual(w.photos.map((p) => p.id));
      expect(d.fa.submittedBy).toBe(w.factory.user.name);
      expect(d.thread.comments).toHaveLength(6);
    }
  });

  it("names a decider who has left the org", async () => {
    const { data } = await faPage(w.importer, w.round1);
    expect((data as { fa: { decidedBy: string | null } }).fa.decidedBy).toBe("Former Quality Lead");
  });

  it("takes the same few statements besides its thread, whatever the size of the grid", async () => {
    for (const who of [w.importer, w.factory]) {
      const big = await faPage(who, w.round2);
      const small = await faPage(who, w.small);
      // The session, the first article with its readings, and everything around it in one more.
      expect(big.own).toBeLessThanOrEqual(3);
      expect(big.own).toBe(small.own);
      expect(big.thread).toBeGreaterThan(0);
      // The history, names and orgs included, in one.
      expect(big.history).toBe(1);
    }
  });
});

describe("the first-article report", () => {
  it("reads every round in a fixed number of statements", async () => {
    const path = `/${w.importer.org.slug}/first-articles/${w.round2.id}/report`;
    const { result, statements } = await countStatements(() =>
      call(reportRoute.loader, path, { cookie: w.importer.cookie, params: { org: w.importer.org.slug, faId: w.round2.id } }),
    );
    expect(result.status).toBe(200);
    const report = (result.data as { report: { rounds: { id: string; decidedBy: string | null; rows: unknown[] }[]; header: { factory: string } } }).report;
    expect(report.rounds.map((r) => r.id)).toEqual([w.round1.id, w.round2.id]);
    expect(report.rounds[0]!.decidedBy).toBe("Former Quality Lead");
    expect(report.rounds[1]!.rows).toHaveLength(21);
    expect(report.header.factory).toBe(w.factory.org.name);
    // The session, the first article, its rounds, the spec with versions and names, and the one who left.
    expect(statements).toBeLessThanOrEqual(5);
  });
});

describe("the corrective-action page", () => {
  it("shows the plan, the evidence and the thread in a few statements besides the thread's", async () => {
    for (const who of [w.importer, w.factory]) {
      const page = await measure(
        who,
        caRoute.loader,
        `/${who.org.slug}/corrective-actions/${w.ca.id}`,
        { org: who.org.slug, caId: w.ca.id },
        caThread(w.ca),
        (ctx) => correctiveActionHistory(ctx, w.ca.id),
      );
      const d = page.data as {
        ca: { items: unknown[]; overdue: boolean; importer: string; factory: string };
        evidence: { id: string }[];
        thread: { comments: unknown[] };
      };
      expect(d.ca.items).toHaveLength(2);
      expect(d.ca.overdue).toBe(true);
      expect(d.ca).toMatchObject({ importer: w.importer.org.name, factory: w.factory.org.name });
      expect(d.evidence.map((f) => f.id)).toEqual([w.evidence.id]);
      expect(d.thread.comments).toHaveLength(4);
      // The session and the corrective action with its items, names and evidence.
      expect(page.own).toBeLessThanOrEqual(2);
      expect(page.history).toBe(1);
    }
  });
});

describe("the scorecard", () => {
  it("takes three statements for either side", async () => {
    for (const [who, partner] of [
      [w.importer, w.factory],
      [w.factory, w.importer],
    ] as const) {
      const page = await measure(who, scorecardRoute.loader, `/${who.org.slug}/scorecards/${partner.org.id}`, { org: who.org.slug, partnerId: partner.org.id });
      // The session, the pair's partnerships, and every figure in one.
      expect(page.statements).toBeLessThanOrEqual(3);
    }
  });
});
