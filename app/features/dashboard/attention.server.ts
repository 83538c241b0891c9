// "Needs my attention": what waits for the active org, grouped by the action
// it takes, each item linking to the page where that action is taken. Every
// query goes through the ability, so a role sees only what it may read (a
// VIEWER sees the same items as its colleagues and opens them read-only).
// Each group shows at most ATTENTION_LIMIT items, overdue ones first, with
// its total and a link to the full list.
import { overdueWhere } from "~/features/corrective-actions/due.ts";
import { versionPath } from "~/features/specs/paths.ts";
import { accessible } from "~/lib/authorize.server.ts";
import { prisma } from "~/lib/db.server.ts";
import type { TenantContext } from "~/lib/tenant.server.ts";
import type { Prisma, Severity } from "~/generated/prisma/client.ts";

export const ATTENTION_LIMIT = 10;
/** How far back "Recent acknowledgements" looks. */
export const RECENT_ACK_DAYS = 7;
/** Upper bound on the candidate ids a raw pre-selection may return (it only narrows what the ability then filters). */
const CANDIDATE_LIMIT = 2000;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface AttentionItem {
  id: string;
  label: string;
  detail: string;
  href: string;
  overdue: boolean;
  /** ISO date the item is ordered by: when it is or was due, or when it arrived. */
  at: string;
}

export type FactoryGroupKey = "specs-to-acknowledge" | "first-articles-to-finish" | "first-articles-to-start" | "corrective-actions-to-answer" | "actions-to-carry-out";
export type ImporterGroupKey = "factory-questions" | "recent-acknowledgements" | "first-articles-to-review" | "plans-to-review" | "actions-to-verify" | "overdue-partners";

export interface AttentionGroup {
  key: FactoryGroupKey | ImporterGroupKey;
  title: string;
  items: AttentionItem[];
  /** Every matching record, of which `items` are the first ATTENTION_LIMIT. */
  total: number;
  /** "See all": the list page that shows every one of them. */
  href: string;
}

export interface Attention {
  groups: AttentionGroup[];
}

/** The dashboard of the active org: a factory's or an importer's groups, in the order they are shown. */
export async function needsAttention(ctx: TenantContext, now: Date = new Date()): Promise<Attention> {
  // One after the other: a page's worth of small queries, and the embedded database runs them one at a time anyway.
  const builders = ctx.org.kind === "FACTORY" ? factoryGroups : importerGroups;
  const groups: AttentionGroup[] = [];
  for (const build of builders) groups.push(await build(ctx, now));
  return { groups };
}

type GroupBuilder = (ctx: TenantContext, now: Date) => Promise<AttentionGroup>;

// ---- Helpers ----

const dateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
/** "4 Mar 2025": the same on the server and in the browser, whatever their time zones. */
const day = (date: Date | null | undefined) => (date ? dateFormat.format(date) : "");
const iso = (date: Date | null | undefined, fallback: Date) => (date ?? fallback).toISOString();

function truncate(text: string, max = 140) {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat;
}

const SEVERITY_LABELS: Record<Severity, string> = { CRITICAL: "Critical", MAJOR: "Major", MINOR: "Minor" };

const specLabel = (spec: { title: string; productCode: string } | null | undefined) => (spec ? `${spec.title} (${spec.productCode})` : "Specification");

/**
 * Counts each segment and fetches the first ATTENTION_LIMIT rows across them
 * in order, so that overdue rows (the first segment) come before the rest.
 */
async function overdueFirst<Where, Row>(segments: { where: Where; overdue: boolean }[], count: (where: Where) => Promise<number>, fetch: (where: Where, take: number) => Promise<Row[]>) {
  const counts: number[] = [];
  for (const segment of segments) counts.push(await count(segment.where));
  const rows: { row: Row; overdue: boolean }[] = [];
  for (const [i, segment] of segments.entries()) {
    const room = ATTENTION_LIMIT - rows.length;
    if (room <= 0 || !counts[i]) continue;
    for (const row of await fetch(segment.where, room)) rows.push({ row, overdue: segment.overdue });
  }
  return { rows, total: counts.reduce((a, b) => a + b, 0) };
}

// ---- Factory ----

/** Current published versions of specs shared with the factory that it has not acknowledged (queried ones included). */
const specsToAcknowledge: GroupBuilder = async (ctx) => {
  const me = ctx.org.id;
  const where: Prisma.SpecWhereInput = {
    AND: [
      accessible(ctx.ability, "read", "Spec"),
      { currentVersion: { is: { AND: [accessible(ctx.ability, "read", "SpecVersion"), { acknowledgements: { none: { factoryId: me, status: "ACKNOWLEDGED" } } }] } } },
    ],
  };
  const [total, specs] = await Promise.all([
    prisma.spec.count({ where }),
    prisma.spec.findMany({
      where,
      orderBy: [{ currentVersion: { publishedAt: "asc" } }, { id: "asc" }],
      take: ATTENTION_LIMIT,
      select: {
        id: true,
        title: true,
        productCode: true,
        org: { select: { name: true } },
        currentVersion: {
          select: {
            number: true,
            publishedAt: true,
            createdAt: true,
            acknowledgements: { where: { AND: [accessible(ctx.ability, "read", "Acknowledgement"), { factoryId: me }] }, select: { status: true, updatedAt: true }, take: 1 },
          },
        },
      },
    }),
  ]);
  const items = specs.flatMap((spec): AttentionItem[] => {
    const version = spec.currentVersion;
    if (!version) return [];
    const ack = version.acknowledgements[0];
    return [
      {
        id: spec.id,
        label: `${specLabel(spec)} — version ${version.number}`,
        detail:
          ack?.status === "QUERIED"
            ? `You asked a question on ${day(ack.updatedAt)} — waiting for the importer's answer.`
            : `From ${spec.org.name} · published ${day(version.publishedAt)}. Read it, then acknowledge or ask a question.`,
        href: versionPath(ctx.org.slug, spec.id, version.number),
        overdue: false,
        at: iso(version.publishedAt, version.createdAt),
      },
    ];
  });
  return { key: "specs-to-acknowledge", title: "Specifications to acknowledge", items, total, href: `/${ctx.org.slug}/specs?filter=needs-ack` };
};

/** Titles of the specs first articles were made against, read through the ability. */
async function specTitles(ctx: TenantContext, specIds: string[]) {
  if (!specIds.length) return new Map<string, { title: string; productCode: string }>();
  const specs = await prisma.spec.findMany({
    where: { AND: [accessible(ctx.ability, "read", "Spec"), { id: { in: [...new Set(specIds)] } }] },
    select: { id: true, title: true, productCode: true },
  });
  return new Map(specs.map((s) => [s.id, s]));
}

/** The factory's drafts, and its rejected rounds that no later round answers yet (the FA page offers "Start round N"). */
const firstArticlesToFinish: GroupBuilder = async (ctx) => {
  const me = ctx.org.id;
  const unanswered = await prisma.$queryRaw<{ id: string }[]>`
    SELECT f.id FROM "FirstArticle" f
    WHERE f."factoryId" = ${me} AND f.status = 'REJECTED'
      AND NOT EXISTS (SELECT 1 FROM "FirstArticle" n WHERE n."seriesId" = f."seriesId" AND n.round > f.round)
    LIMIT ${CANDIDATE_LIMIT}`;
  const where: Prisma.FirstArticleWhereInput = {
    AND: [accessible(ctx.ability, "read", "FirstArticle"), { factoryId: me }, { OR: [{ status: "DRAFT" }, { status: "REJECTED", id: { in: unanswered.map((r) => r.id) } }] }],
  };
  const [total, rows] = await Promise.all([
    prisma.firstArticle.count({ where }),
    prisma.firstArticle.findMany({
      where,
      orderBy: [{ updatedAt: "asc" }, { id: "asc" }],
      take: ATTENTION_LIMIT,
      select: { id: true, round: true, status: true, poNumber: true, specId: true, updatedAt: true, decidedAt: true, partnership: { select: { importer: { select: { name: true } } } } },
    }),
  ]);
  const specs = await specTitles(ctx, rows.map((r) => r.specId));
  const items = rows.map(
    (fa): AttentionItem => ({
      id: fa.id,
      label: `${specLabel(specs.get(fa.specId))} · PO ${fa.poNumber}`,
      detail:
        fa.status === "REJECTED"
          ? `Rejected${fa.decidedAt ? ` on ${day(fa.decidedAt)}` : ""} by ${fa.partnership.importer.name} — start round ${fa.round + 1}.`
          : `Draft, round ${fa.round}, for ${fa.partnership.importer.name} — finish the readings and submit.`,
      href: `/${ctx.org.slug}/first-articles/${fa.id}`,
      overdue: false,
      at: fa.updatedAt.toISOString(),
    }),
  );
  return { key: "first-articles-to-finish", title: "First articles to finish or resubmit", items, total, href: `/${ctx.org.slug}/first-articles` };
};

/** Current versions the factory acknowledged and has no first article for (in any status, any round). */
const firstArticlesToStart: GroupBuilder = async (ctx) => {
  const me = ctx.org.id;
  // FirstArticle has no relation to its version in the schema, so "none for this version" is one SQL query.
  const candidates = await prisma.$queryRaw<{ id: string }[]>`
    SELECT s.id FROM "Spec" s
    JOIN "Acknowledgement" a ON a."versionId" = s."currentVersionId" AND a."factoryId" = ${me} AND a.status = 'ACKNOWLEDGED'
    WHERE NOT EXISTS (SELECT 1 FROM "FirstArticle" f WHERE f."versionId" = s."currentVersionId" AND f."factoryId" = ${me})
    LIMIT ${CANDIDATE_LIMIT}`;
  const acknowledgedByMe = { AND: [accessible(ctx.ability, "read", "Acknowledgement"), { factoryId: me, status: "ACKNOWLEDGED" as const }] };
  const where: Prisma.SpecWhereInput = {
    AND: [
      accessible(ctx.ability, "read", "Spec"),
      { id: { in: candidates.map((c) => c.id) } },
      { currentVersion: { is: { AND: [accessible(ctx.ability, "read", "SpecVersion"), { acknowledgements: { some: acknowledgedByMe } }] } } },
    ],
  };
  const [total, specs] = await Promise.all([
    prisma.spec.count({ where }),
    prisma.spec.findMany({
      where,
      orderBy: [{ currentVersion: { publishedAt: "asc" } }, { id: "asc" }],
      take: ATTENTION_LIMIT,
      select: {
        id: true,
        title: true,
        productCode: true,
        org: { select: { name: true } },
        currentVersion: { select: { id: true, number: true, acknowledgements: { where: acknowledgedByMe, select: { updatedAt: true }, take: 1 } } },
      },
    }),
  ]);
  const items = specs.flatMap((spec): AttentionItem[] => {
    const version = spec.currentVersion;
    const ack = version?.acknowledgements[0];
    if (!version || !ack) return [];
    return [
      {
        id: spec.id,
        label: `${specLabel(spec)} — version ${version.number}`,
        detail: `For ${spec.org.name} · acknowledged ${day(ack.updatedAt)}, no first article yet.`,
        href: `/${ctx.org.slug}/first-articles/new?version=${encodeURIComponent(version.id)}`,
        overdue: false,
        at: ack.updatedAt.toISOString(),
      },
    ];
  });
  return { key: "first-articles-to-start", title: "First articles to start", items, total, href: `/${ctx.org.slug}/first-articles/new` };
};

const caSelect = {
  id: true,
  title: true,
  severity: true,
  planDueAt: true,
  reviewNote: true,
  planSubmittedAt: true,
  planAcceptedAt: true,
  implementedAt: true,
  updatedAt: true,
  partnership: { select: { importer: { select: { name: true } }, factory: { select: { name: true } } } },
} satisfies Prisma.CorrectiveActionSelect;

const caHref = (ctx: TenantContext, id: string) => `/${ctx.org.slug}/corrective-actions/${id}`;

function caGroup<S extends Prisma.CorrectiveActionSelect>(segments: { where: Prisma.CorrectiveActionWhereInput; overdue: boolean }[], select: S, orderBy: Prisma.CorrectiveActionOrderByWithRelationInput[]) {
  return overdueFirst(
    segments,
    (where) => prisma.correctiveAction.count({ where }),
    (where, take) => prisma.correctiveAction.findMany({ where, select, orderBy: [...orderBy, { id: "asc" }], take }) as Promise<Prisma.CorrectiveActionGetPayload<{ select: S }>[]>,
  );
}

/** OPEN: the factory owes containment, root cause and a plan; overdue once the plan due date has passed. */
const correctiveActionsToAnswer: GroupBuilder = async (ctx, now) => {
  const base: Prisma.CorrectiveActionWhereInput = { AND: [accessible(ctx.ability, "read", "CorrectiveAction"), { status: "OPEN" }] };
  const result = await caGroup(
    [
      { where: { AND: [base, { planDueAt: { lt: now } }] }, overdue: true },
      { where: { AND: [base, { planDueAt: { gte: now } }] }, overdue: false },
    ],
    caSelect,
    [{ planDueAt: "asc" }],
  );
  const items = result.rows.map(
    ({ row: ca, overdue }): AttentionItem => ({
      id: ca.id,
      label: ca.title,
      detail: `${ca.partnership.importer.name} · ${SEVERITY_LABELS[ca.severity]} · ${ca.reviewNote ? "plan returned, " : ""}plan due ${day(ca.planDueAt)}`,
      href: caHref(ctx, ca.id),
      overdue,
      at: ca.planDueAt.toISOString(),
    }),
  );
  return { key: "corrective-actions-to-answer", title: "Corrective actions awaiting your answer", items, total: result.total, href: `/${ctx.org.slug}/corrective-actions?status=OPEN` };
};

const caWithItemsSelect = { ...caSelect, items: { orderBy: [{ dueAt: "asc" as const }, { position: "asc" as const }], take: 1, select: { action: true, dueAt: true } } } satisfies Prisma.CorrectiveActionSelect;

/** PLAN_ACCEPTED: the factory carries out the plan's actions; overdue once one of them is past its date. */
const actionsToCarryOut: GroupBuilder = async (ctx, now) => {
  const base: Prisma.CorrectiveActionWhereInput = { AND: [accessible(ctx.ability, "read", "CorrectiveAction"), { status: "PLAN_ACCEPTED" }] };
  const result = await caGroup(
    [
      { where: { AND: [base, { items: { some: { dueAt: { lt: now } } } }] }, overdue: true },
      { where: { AND: [base, { items: { none: { dueAt: { lt: now } } } }] }, overdue: false },
    ],
    caWithItemsSelect,
    [{ planAcceptedAt: "asc" }],
  );
  const items = result.rows
    .map(({ row: ca, overdue }): AttentionItem => {
      const next = ca.items[0];
      return {
        id: ca.id,
        label: ca.title,
        detail: next
          ? `${ca.partnership.importer.name} · “${truncate(next.action, 80)}” ${overdue ? "was due" : "due"} ${day(next.dueAt)}`
          : `${ca.partnership.importer.name} · plan accepted ${day(ca.planAcceptedAt)}`,
        href: caHref(ctx, ca.id),
        overdue,
        at: iso(next?.dueAt ?? ca.planAcceptedAt, ca.updatedAt),
      };
    })
    // Within each segment, the earliest date first (overdue ones stay ahead).
    .sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.at.localeCompare(b.at));
  return { key: "actions-to-carry-out", title: "Actions to carry out", items, total: result.total, href: `/${ctx.org.slug}/corrective-actions?status=PLAN_ACCEPTED` };
};

const factoryGroups: GroupBuilder[] = [specsToAcknowledge, firstArticlesToFinish, firstArticlesToStart, correctiveActionsToAnswer, actionsToCarryOut];

// ---- Importer ----

const ackSelect = {
  id: true,
  factoryId: true,
  question: true,
  updatedAt: true,
  factory: { select: { name: true } },
  version: { select: { number: true, specId: true, spec: { select: { title: true, productCode: true } } } },
} satisfies Prisma.AcknowledgementSelect;

type AckRow = Prisma.AcknowledgementGetPayload<{ select: typeof ackSelect }>;

/** The version page opened on this factory's thread. */
const ackHref = (ctx: TenantContext, ack: AckRow) => `${versionPath(ctx.org.slug, ack.version.specId, ack.version.number)}?factory=${encodeURIComponent(ack.factoryId)}`;

/** Queries on the current version of a spec still shared with that factory through an active partnership. */
const factoryQuestions: GroupBuilder = async (ctx) => {
  // "Still shared with the factory that asked" compares two relations of the row: one SQL query narrows the ids.
  const open = await prisma.$queryRaw<{ id: string }[]>`
    SELECT a.id FROM "Acknowledgement" a
    JOIN "Spec" s ON s."currentVersionId" = a."versionId"
    JOIN "SpecShare" sh ON sh."specId" = s.id AND sh."factoryId" = a."factoryId"
    JOIN "Partnership" p ON p.id = sh."partnershipId" AND p.status = 'ACTIVE'
    WHERE a."importerId" = ${ctx.org.id} AND a.status = 'QUERIED'
    LIMIT ${CANDIDATE_LIMIT}`;
  const where: Prisma.AcknowledgementWhereInput = {
    AND: [accessible(ctx.ability, "read", "Acknowledgement"), { status: "QUERIED", id: { in: open.map((r) => r.id) } }, { version: { is: accessible(ctx.ability, "read", "SpecVersion") } }],
  };
  const [total, rows] = await Promise.all([
    prisma.acknowledgement.count({ where }),
    prisma.acknowledgement.findMany({ where, orderBy: [{ updatedAt: "asc" }, { id: "asc" }], take: ATTENTION_LIMIT, select: ackSelect }),
  ]);
  const items = rows.map(
    (ack): AttentionItem => ({
      id: ack.id,
      label: `${specLabel(ack.version.spec)} — version ${ack.version.number}`,
      detail: `${ack.factory.name} asked on ${day(ack.updatedAt)}: “${truncate(ack.question ?? "")}”`,
      href: ackHref(ctx, ack),
      overdue: false,
      at: ack.updatedAt.toISOString(),
    }),
  );
  return { key: "factory-questions", title: "Questions from factories", items, total, href: `/${ctx.org.slug}/specs?filter=needs-ack` };
};

/** Acknowledgements of the last RECENT_ACK_DAYS days, newest first: to read, never overdue. */
const recentAcknowledgements: GroupBuilder = async (ctx, now) => {
  const since = new Date(now.getTime() - RECENT_ACK_DAYS * DAY_MS);
  const where: Prisma.AcknowledgementWhereInput = {
    AND: [accessible(ctx.ability, "read", "Acknowledgement"), { status: "ACKNOWLEDGED", updatedAt: { gte: since } }, { version: { is: accessible(ctx.ability, "read", "SpecVersion") } }],
  };
  const [total, rows] = await Promise.all([
    prisma.acknowledgement.count({ where }),
    prisma.acknowledgement.findMany({ where, orderBy: [{ updatedAt: "desc" }, { id: "asc" }], take: ATTENTION_LIMIT, select: ackSelect }),
  ]);
  const items = rows.map(
    (ack): AttentionItem => ({
      id: ack.id,
      label: `${specLabel(ack.version.spec)} — version ${ack.version.number}`,
      detail: `Acknowledged by ${ack.factory.name} on ${day(ack.updatedAt)}`,
      href: ackHref(ctx, ack),
      overdue: false,
      at: ack.updatedAt.toISOString(),
    }),
  );
  return { key: "recent-acknowledgements", title: "Recent acknowledgements", items, total, href: `/${ctx.org.slug}/specs` };
};

/** Submitted first articles waiting for a decision, oldest submission first. */
const firstArticlesToReview: GroupBuilder = async (ctx) => {
  const where: Prisma.FirstArticleWhereInput = { AND: [accessible(ctx.ability, "read", "FirstArticle"), { status: "SUBMITTED" }] };
  const [total, rows] = await Promise.all([
    prisma.firstArticle.count({ where }),
    prisma.firstArticle.findMany({
      where,
      orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
      take: ATTENTION_LIMIT,
      select: { id: true, round: true, poNumber: true, specId: true, submittedAt: true, updatedAt: true, partnership: { select: { factory: { select: { name: true } } } } },
    }),
  ]);
  const specs = await specTitles(ctx, rows.map((r) => r.specId));
  const items = rows.map(
    (fa): AttentionItem => ({
      id: fa.id,
      label: `${specLabel(specs.get(fa.specId))} · PO ${fa.poNumber}`,
      detail: `${fa.partnership.factory?.name ?? "Factory"} · round ${fa.round} · submitted ${day(fa.submittedAt ?? fa.updatedAt)}`,
      href: `/${ctx.org.slug}/first-articles/${fa.id}`,
      overdue: false,
      at: iso(fa.submittedAt, fa.updatedAt),
    }),
  );
  return { key: "first-articles-to-review", title: "First articles to review", items, total, href: `/${ctx.org.slug}/first-articles?status=SUBMITTED` };
};

/** The importer's turn on a corrective action: a plan to accept or return, or an implementation to verify. */
function importerCaGroup(key: "plans-to-review" | "actions-to-verify"): GroupBuilder {
  const status = key === "plans-to-review" ? "PLAN_SUBMITTED" : "IMPLEMENTED";
  const dateField = key === "plans-to-review" ? "planSubmittedAt" : "implementedAt";
  return async (ctx) => {
    const where: Prisma.CorrectiveActionWhereInput = { AND: [accessible(ctx.ability, "read", "CorrectiveAction"), { status }] };
    const result = await caGroup([{ where, overdue: false }], caSelect, [{ [dateField]: "asc" }]);
    const items = result.rows.map(({ row: ca }): AttentionItem => {
      const at = ca[dateField] ?? ca.updatedAt;
      return {
        id: ca.id,
        label: ca.title,
        detail: `${ca.partnership.factory?.name ?? "Factory"} · ${SEVERITY_LABELS[ca.severity]} · ${key === "plans-to-review" ? "plan submitted" : "marked implemented"} ${day(at)}`,
        href: caHref(ctx, ca.id),
        overdue: false,
        at: at.toISOString(),
      };
    });
    return {
      key,
      title: key === "plans-to-review" ? "Plans to review" : "Actions to verify",
      items,
      total: result.total,
      href: `/${ctx.org.slug}/corrective-actions?status=${status}`,
    };
  };
}

/**
 * Factories with an overdue corrective action (an OPEN one past its plan due
 * date, or a PLAN_ACCEPTED one with an item past due — the rule the
 * corrective-action list's "overdue" filter applies), most overdue actions first.
 */
const overduePartners: GroupBuilder = async (ctx, now) => {
  const where: Prisma.CorrectiveActionWhereInput = { AND: [accessible(ctx.ability, "read", "CorrectiveAction"), overdueWhere(now)] };
  // One row per factory: bounded by the number of partners.
  const perFactory = await prisma.correctiveAction.groupBy({ by: ["factoryId"], where, _count: { _all: true }, orderBy: { factoryId: "asc" } });
  perFactory.sort((a, b) => b._count._all - a._count._all || a.factoryId.localeCompare(b.factoryId));
  const shown = perFactory.slice(0, ATTENTION_LIMIT);
  const ids = shown.map((f) => f.factoryId);
  const [partnerships, late] = ids.length
    ? await Promise.all([
        prisma.partnership.findMany({
          where: { AND: [accessible(ctx.ability, "read", "Partnership"), { factoryId: { in: ids } }] },
          orderBy: { createdAt: "desc" },
          select: { factoryId: true, factory: { select: { name: true } } },
        }),
        // The oldest missed date of each shown factory: the plan's, or the earliest late item's.
        prisma.correctiveAction.findMany({
          where: { AND: [where, { factoryId: { in: ids } }] },
          orderBy: [{ planDueAt: "asc" }, { id: "asc" }],
          take: 500,
          select: { factoryId: true, status: true, planDueAt: true, items: { where: { dueAt: { lt: now } }, orderBy: { dueAt: "asc" }, take: 1, select: { dueAt: true } } },
        }),
      ])
    : [[], []];
  const names = new Map<string, string>();
  for (const p of partnerships) if (p.factoryId && p.factory && !names.has(p.factoryId)) names.set(p.factoryId, p.factory.name);
  const oldest = new Map<string, Date>();
  for (const ca of late) {
    const missed = ca.status === "OPEN" ? ca.planDueAt : ca.items[0]?.dueAt;
    if (!missed) continue;
    const known = oldest.get(ca.factoryId);
    if (!known || missed < known) oldest.set(ca.factoryId, missed);
  }
  const items = shown.map((f): AttentionItem => {
    const count = f._count._all;
    const since = oldest.get(f.factoryId);
    return {
      id: f.factoryId,
      label: names.get(f.factoryId) ?? "Factory",
      detail: `${count} overdue corrective action${count === 1 ? "" : "s"}${since ? ` · oldest due ${day(since)}` : ""}`,
      href: `/${ctx.org.slug}/corrective-actions?partner=${encodeURIComponent(f.factoryId)}&overdue=1`,
      overdue: true,
      at: (since ?? now).toISOString(),
    };
  });
  return { key: "overdue-partners", title: "Overdue partners", items, total: perFactory.length, href: `/${ctx.org.slug}/corrective-actions?overdue=1` };
};

const importerGroups: GroupBuilder[] = [factoryQuestions, recentAcknowledgements, firstArticlesToReview, importerCaGroup("plans-to-review"), importerCaGroup("actions-to-verify"), overduePartners];
