// The first-article and corrective-action lists page through one ordered set
// (what waits for the reader first) with one SQL pre-selection that states the
// read rules itself. Checked here against the same lists worked out from the
// ability (`accessible`) in Prisma: the same rows in the same order on every
// page at every size, the same counts, and the same number of statements
// whatever the page and size.
import { beforeAll, describe, expect, it } from "vitest";
import { isOverdue } from "~/features/corrective-actions/due.ts";
import { listCorrectiveActions } from "~/features/corrective-actions/lists.server.ts";
import { listFirstArticles } from "~/features/first-articles/lists.server.ts";
import type { CorrectiveActionStatus, FirstArticleStatus, OrgKind, Role } from "~/generated/prisma/client.ts";
import { defineAbility } from "~/lib/ability.ts";
import { accessible } from "~/lib/authorize.server.ts";
import { prisma } from "~/lib/db.server.ts";
import type { TenantContext } from "~/lib/tenant.server.ts";
import * as caListRoute from "~/routes/$org.corrective-actions._index.tsx";
import * as faListRoute from "~/routes/$org.first-articles._index.tsx";
import { createCorrectiveAction, createFirstArticle, createPartnership, createSpec, createSpecShare } from "../support/factories.ts";
import { call, signedInMember, type SignedInMember } from "../support/routes.ts";
import { countStatements } from "../support/statements.ts";

const DAY = 86_400_000;
const NOW = new Date();

type Org = { id: string; slug: string; name: string; kind: OrgKind };
const contextOf = ({ id, slug, name, kind }: Org, role: Role = "VIEWER") =>
  ({
    org: { id, slug, name, kind, locale: "en" },
    ability: defineAbility({ userId: "test-user", orgId: id, orgKind: kind, role }),
  }) as unknown as TenantContext;

async function world() {
  const importer = await signedInMember("IMPORTER", "QUALITY");
  const factory = await signedInMember("FACTORY", "QUALITY");
  const otherFactory = await signedInMember("FACTORY", "OWNER");
  const otherImporter = await signedInMember("IMPORTER", "OWNER");
  const I = importer.org;
  const F = factory.org;
  // An ended partnership of the same pair, older than the active one: the importer keeps its records, the factory no longer sees them.
  const ended = await createPartnership(I.id, F.id, "ENDED");
  const { spec, version } = await createSpec(I.id);
  await createSpecShare(spec.id, I.id, F.id);
  const { spec: spec2, version: version2 } = await createSpec(I.id);
  await createSpecShare(spec2.id, I.id, F.id);
  await createSpecShare(spec.id, I.id, otherFactory.org.id);
  const { spec: otherSpec, version: otherVersion } = await createSpec(otherImporter.org.id);
  await createSpecShare(otherSpec.id, otherImporter.org.id, F.id);

  // Distinct update times, so that the order is fully decided by the rules.
  let minute = 0;
  const updatedAt = () => new Date(NOW.getTime() - ++minute * 60_000);
  const fa = (
    imp: { id: string },
    fac: { id: string },
    s: { id: string },
    v: { id: string },
    status: FirstArticleStatus,
    extra: { seriesId?: string; round?: number; partnershipId?: string } = {},
  ) => createFirstArticle(imp, fac, s, v, { status, updatedAt: updatedAt(), ...extra });
  const statuses: FirstArticleStatus[] = ["DRAFT", "SUBMITTED", "APPROVED", "CONDITIONALLY_APPROVED", "REJECTED"];
  for (let i = 0; i < 30; i++) await fa(I, F, i % 3 ? spec : spec2, i % 3 ? version : version2, statuses[i % 5]!);
  // Rejections answered with a next round wait for nothing; the next round (a draft, or resubmitted) does.
  for (let i = 0; i < 4; i++) {
    const first = await fa(I, F, spec, version, "REJECTED");
    await fa(I, F, spec, version, i % 2 ? "DRAFT" : "SUBMITTED", { seriesId: first.seriesId, round: 2 });
  }
  for (const status of ["SUBMITTED", "DRAFT", "REJECTED", "APPROVED"] as const) await fa(I, F, spec, version, status, { partnershipId: ended.id });
  for (const status of ["SUBMITTED", "DRAFT"] as const) await fa(I, otherFactory.org, spec, version, status);
  for (const status of ["SUBMITTED", "DRAFT", "REJECTED"] as const) await fa(otherImporter.org, F, otherSpec, otherVersion, status);

  // Distinct plan due dates, some past; accepted plans with a late or a future item.
  let step = 0;
  const due = () => new Date(NOW.getTime() + (++step % 2 ? -1 : 1) * step * DAY);
  const caStatuses: CorrectiveActionStatus[] = ["OPEN", "PLAN_SUBMITTED", "PLAN_ACCEPTED", "IMPLEMENTED", "CLOSED"];
  for (let i = 0; i < 30; i++) {
    const status = caStatuses[i % 5]!;
    await createCorrectiveAction(I, F, {
      status,
      planDueAt: due(),
      items: status === "PLAN_ACCEPTED" ? [{ dueAt: new Date(NOW.getTime() + (i % 2 ? -2 : 2) * DAY) }] : [],
    });
  }
  for (const status of ["OPEN", "PLAN_SUBMITTED", "IMPLEMENTED"] as const)
    await createCorrectiveAction(I, F, { status, planDueAt: due(), partnershipId: ended.id });
  for (const status of ["OPEN", "PLAN_SUBMITTED"] as const) await createCorrectiveAction(I, otherFactory.org, { status, planDueAt: due() });
  for (const status of ["OPEN", "PLAN_ACCEPTED"] as const) await createCorrectiveAction(otherImporter.org, F, { status, planDueAt: due() });
  return { importer, factory, otherFactory, otherImporter, spec };
}

let w: Awaited<ReturnType<typeof world>>;
beforeAll(async () => {
  w = await world();
});

// ---- The same lists worked out from the ability, in Prisma and plain code ----

/** The filters both lists have, as a Prisma condition: the status, and the partner on the reader's other side. */
const statusAndPartner = <S extends string>(ctx: TenantContext, filters: { status?: S; partnerId?: string }) => ({
  ...(filters.status ? { status: filters.status } : {}),
  ...(filters.partnerId ? (ctx.org.kind === "IMPORTER" ? { factoryId: filters.partnerId } : { importerId: filters.partnerId }) : {}),
});

async function expectedFirstArticles(ctx: TenantContext, filters: { status?: FirstArticleStatus; partnerId?: string; specId?: string }) {
  const rows = await prisma.firstArticle.findMany({
    where: {
      AND: [accessible(ctx.ability, "read", "FirstArticle"), statusAndPartner(ctx, filters), filters.specId ? { specId: filters.specId } : {}],
    },
    select: { id: true, status: true, updatedAt: true, seriesId: true, round: true },
  });
  const series = await prisma.firstArticle.findMany({ where: { seriesId: { in: rows.map((r) => r.seriesId) } }, select: { seriesId: true, round: true } });
  const answered = (r: (typeof rows)[number]) => series.some((s) => s.seriesId === r.seriesId && s.round > r.round);
  const waiting = (r: (typeof rows)[number]) =>
    ctx.org.kind === "IMPORTER" ? r.status === "SUBMITTED" : r.status === "DRAFT" || (r.status === "REJECTED" && !answered(r));
  const sorted = rows
    .map((r) => ({ ...r, waiting: waiting(r) }))
    .sort((a, b) => Number(b.waiting) - Number(a.waiting) || b.updatedAt.getTime() - a.updatedAt.getTime() || (a.id < b.id ? -1 : 1));
  return { ids: sorted.map((r) => r.id), waiting: sorted.filter((r) => r.waiting).length };
}

// Due dates end with the day in the factory's zone (corrective-actions/due.ts).
const zoneOf = (r: { partnership: { factory: { timeZone: string } | null } }) => r.partnership.factory?.timeZone ?? "UTC";

async function expectedCorrectiveActions(ctx: TenantContext, filters: { status?: CorrectiveActionStatus; partnerId?: string; overdue?: boolean }) {
  const rows = await prisma.correctiveAction.findMany({
    where: {
      AND: [accessible(ctx.ability, "read", "CorrectiveAction"), statusAndPartner(ctx, filters)],
    },
    select: {
      id: true,
      status: true,
      planDueAt: true,
      items: { select: { dueAt: true } },
      partnership: { select: { factory: { select: { timeZone: true } } } },
    },
  });
  const mine: CorrectiveActionStatus[] = ctx.org.kind === "IMPORTER" ? ["PLAN_SUBMITTED", "IMPLEMENTED"] : ["OPEN", "PLAN_ACCEPTED"];
  const rank = (r: (typeof rows)[number]) => (mine.includes(r.status) ? (isOverdue(r, zoneOf(r), NOW) ? 0 : 1) : 2);
  const sorted = rows
    .filter((r) => !filters.overdue || isOverdue(r, zoneOf(r), NOW))
    .sort((a, b) => rank(a) - rank(b) || a.planDueAt.getTime() - b.planDueAt.getTime() || (a.id < b.id ? -1 : 1));
  return { ids: sorted.map((r) => r.id), myTurn: sorted.filter((r) => rank(r) < 2).length };
}

const SIZES = [10, 20, 50] as const;

/**
 * Pages through a list at every size, to one page past the end: each page holds the next slice of
 * `ids` (and passes `eachPage`), the total is always all of them, and the pages together hold them all.
 */
async function expectPagedExactly<L extends { total: number; items: { id: string }[] }>(
  ids: string[],
  load: (page: number, pageSize: number) => Promise<L>,
  eachPage: (list: L) => void,
) {
  for (const pageSize of SIZES) {
    const pages = Math.ceil(ids.length / pageSize) + 1;
    const seen: string[] = [];
    for (let page = 1; page <= pages; page++) {
      const list = await load(page, pageSize);
      expect(list.total).toBe(ids.length);
      eachPage(list);
      expect(list.items.map((i) => i.id)).toEqual(ids.slice((page - 1) * pageSize, page * pageSize));
      seen.push(...list.items.map((i) => i.id));
    }
    expect(seen).toEqual(ids);
  }
}

/**
 * The list page at `/<org>/<path>`, read as `who` at several sizes and pages, with `filter`, and one page
 * past the end, reads the same number of statements each time, within `range`.
 */
async function expectSameStatementsOnEveryPage(who: SignedInMember, loader: unknown, path: string, filter: string, range: { atLeast: number; atMost: number }) {
  const counts = new Set<number>();
  for (const query of ["size=10", "size=50", "size=10&page=2", "size=10&page=3", "size=20&page=2", filter, "size=10&page=999"]) {
    const { result, statements } = await countStatements(() =>
      call(loader, `/${who.org.slug}/${path}?${query}`, { cookie: who.cookie, params: { org: who.org.slug } }),
    );
    expect(result.status).toBe(200);
    // Every page has rows but the one past the end, which must read no fewer statements either.
    expect((result.data as { list: { items: unknown[] } }).list.items.length > 0).toBe(!query.includes("page=999"));
    counts.add(statements);
  }
  expect([...counts]).toHaveLength(1);
  expect([...counts][0]).toBeGreaterThanOrEqual(range.atLeast);
  expect([...counts][0]).toBeLessThanOrEqual(range.atMost);
}

describe("the first-article list", () => {
  it("shows each reader exactly what the ability lets it read, waiting first, on every page at every size", async () => {
    for (const reader of [w.importer.org, w.factory.org]) {
      const ctx = contextOf(reader);
      const partnerId = reader.kind === "IMPORTER" ? w.factory.org.id : w.importer.org.id;
      for (const filters of [{}, { status: "REJECTED" as const }, { status: "DRAFT" as const }, { partnerId }, { specId: w.spec.id }]) {
        const expected = await expectedFirstArticles(ctx, filters);
        // An importer never reads a draft: that list is empty, and must be.
        expect(expected.ids.length > 0).toBe(!(reader.kind === "IMPORTER" && "status" in filters && filters.status === "DRAFT"));
        await expectPagedExactly(
          expected.ids,
          (page, pageSize) => listFirstArticles(ctx, { ...filters, page, pageSize }),
          (list) => {
            expect(list.waitingCount).toBe(expected.waiting);
            for (const item of list.items) expect(item.spec?.id).toBe(item.specId);
          },
        );
      }
    }
  });

  it("never shows the factory what an ended partnership or another factory holds, nor the importer a draft", async () => {
    const forFactory = await listFirstArticles(contextOf(w.factory.org), { page: 1, pageSize: 100 });
    const forImporter = await listFirstArticles(contextOf(w.importer.org), { page: 1, pageSize: 100 });
    const rows = await prisma.firstArticle.findMany({
      where: { id: { in: [...forFactory.items, ...forImporter.items].map((i) => i.id) } },
      include: { partnership: true },
    });
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const item of forFactory.items) expect(byId.get(item.id)).toMatchObject({ factoryId: w.factory.org.id, partnership: { status: "ACTIVE" } });
    for (const item of forImporter.items)
      expect(byId.get(item.id)).toMatchObject({ importerId: w.importer.org.id, status: expect.not.stringMatching(/^DRAFT$/) });
    expect(forImporter.items.some((i) => byId.get(i.id)?.partnership.status === "ENDED")).toBe(true);
    expect(forFactory.items.length).toBeGreaterThan(0);
  });

  it("reads the same number of statements at every page size and on every page", async () => {
    for (const who of [w.importer, w.factory]) {
      // The session, the partners for the filter, the page's ids with the counts, its rows, their specs.
      await expectSameStatementsOnEveryPage(who, faListRoute.loader, "first-articles", "size=10&status=SUBMITTED", { atLeast: 3, atMost: 5 });
    }
  });
});

describe("the corrective-action list", () => {
  it("shows each reader exactly what the ability lets it read, its turn first and overdue first within it, on every page at every size", async () => {
    for (const reader of [w.importer.org, w.factory.org]) {
      const ctx = contextOf(reader);
      const partnerId = reader.kind === "IMPORTER" ? w.factory.org.id : w.importer.org.id;
      for (const filters of [{}, { overdue: true }, { status: "PLAN_ACCEPTED" as const }, { partnerId }, { status: "OPEN" as const, overdue: true }]) {
        const expected = await expectedCorrectiveActions(ctx, filters);
        expect(expected.ids.length).toBeGreaterThan(0);
        await expectPagedExactly(
          expected.ids,
          (page, pageSize) => listCorrectiveActions(ctx, { ...filters, page, pageSize }, NOW),
          (list) => expect(list.myTurnCount).toBe(expected.myTurn),
        );
      }
    }
  });

  it("reads the same number of statements at every page size and on every page", async () => {
    for (const who of [w.importer, w.factory]) {
      // The session, the partners for the filter, the page's ids with the counts, its rows.
      await expectSameStatementsOnEveryPage(who, caListRoute.loader, "corrective-actions", "size=10&overdue=1", { atLeast: 3, atMost: 4 });
    }
  });
});
