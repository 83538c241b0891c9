// "Needs my attention": what waits for the active org, grouped by the action
// it takes, each item linking to the page where that action is taken. A role
// sees only what it may read (a VIEWER sees the same items as its colleagues
// and opens them read-only). Each group shows at most ATTENTION_LIMIT items,
// overdue ones first, with its total and a link to the full list.
//
// One statement counts every group and picks the records it shows
// (attention-sql.server.ts); then one query per table reads those records
// through the ability, whatever the number of groups drawing on it.
import { selectDashboard, type Shown, type Selection, type FactoryGroupKey, type ImporterGroupKey } from "./attention-sql.server.ts";
import type { OrgOverview } from "~/features/partners/overview.server.ts";
import { correctiveActionPath, correctiveActionsPath } from "~/features/corrective-actions/paths.ts";
import { firstArticlePath, firstArticlesPath, newFirstArticlePath } from "~/features/first-articles/paths.ts";
import { specsPath, versionPath } from "~/features/specs/paths.ts";
import { accessible } from "~/lib/authorize.server.ts";
import { prisma } from "~/lib/db.server.ts";
import type { TenantContext } from "~/lib/tenant.server.ts";
import type { Prisma } from "~/generated/prisma/client.ts";
import { accountTranslator } from "~/lib/i18n/translate.server.ts";
import type { Translate } from "~/lib/i18n/translate.ts";
import { formatterFor } from "~/lib/format.ts";
import { inspectionGroupHref, inspectionItems, type InspectionGroupKey } from "./inspection-groups.server.ts";

export interface AttentionItem {
  id: string;
  label: string;
  detail: string;
  href: string;
  overdue: boolean;
  /** ISO date the item is ordered by: when it is or was due, or when it arrived. */
  at: string;
}

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

type GroupKey = FactoryGroupKey | ImporterGroupKey;
type SelectionOf = (key: GroupKey) => Selection;

/** A group as the dashboard lists it (its title is `attention.group.<key>`) and the list page that shows every one of its records. */
interface GroupHeading<K extends GroupKey> {
  key: K;
  href: (slug: string) => string;
}

// The factory's groups, in the order shown.
const FACTORY_GROUPS: GroupHeading<FactoryGroupKey>[] = [
  // Current published versions shared with the factory that it has not acknowledged (queried ones included).
  { key: "specs-to-acknowledge", href: (slug) => specsPath(slug, { filter: "needs-ack" }) },
  // Its drafts, and its rejected rounds that no later round answers yet (the FA page offers "Start round N").
  { key: "first-articles-to-finish", href: (slug) => firstArticlesPath(slug) },
  // Current versions it acknowledged and has no first article for (in any status, any round).
  { key: "first-articles-to-start", href: (slug) => newFirstArticlePath(slug) },
  // OPEN: it owes containment, root cause and a plan; late once the plan due date has passed.
  { key: "corrective-actions-to-answer", href: (slug) => correctiveActionsPath(slug, { status: "OPEN" }) },
  // PLAN_ACCEPTED: it carries out the plan's actions; late once one of them is past its date.
  { key: "actions-to-carry-out", href: (slug) => correctiveActionsPath(slug, { status: "PLAN_ACCEPTED" }) },
  // BOOKED on the importer's proposal, for those who may confirm it; CONFIRMED for a day of this week (the org's zone).
  { key: "inspections-to-confirm", href: inspectionGroupHref["inspections-to-confirm"] },
  { key: "inspections-this-week", href: inspectionGroupHref["inspections-this-week"] },
];

// The importer's groups, in the order shown.
const IMPORTER_GROUPS: GroupHeading<ImporterGroupKey>[] = [
  // Queries on the current version of a spec still shared with that factory through an active partnership.
  { key: "factory-questions", href: (slug) => specsPath(slug, { filter: "needs-ack" }) },
  // Acknowledgements of the last RECENT_ACK_DAYS days, newest first: to read, never overdue.
  { key: "recent-acknowledgements", href: (slug) => specsPath(slug) },
  // Submitted first articles waiting for a decision, oldest submission first.
  { key: "first-articles-to-review", href: (slug) => firstArticlesPath(slug, { status: "SUBMITTED" }) },
  // The importer's turn on a corrective action: a plan to accept or return, or an implementation to verify.
  { key: "plans-to-review", href: (slug) => correctiveActionsPath(slug, { status: "PLAN_SUBMITTED" }) },
  { key: "actions-to-verify", href: (slug) => correctiveActionsPath(slug, { status: "IMPLEMENTED" }) },
  // Factories with an overdue corrective action, most overdue actions first (all read in the statement).
  { key: "overdue-partners", href: (slug) => correctiveActionsPath(slug, { overdue: true }) },
  // Submitted inspection results, for those who decide the lot, oldest first.
  { key: "results-to-decide", href: inspectionGroupHref["results-to-decide"] },
  // BOOKED on the factory's proposal, for those who may confirm it; CONFIRMED for a day of this week (the org's zone).
  { key: "inspections-to-confirm", href: inspectionGroupHref["inspections-to-confirm"] },
  { key: "inspections-this-week", href: inspectionGroupHref["inspections-this-week"] },
];

/** The groups under their headings, each with the total of its selection and the items built for it. */
function groupsOf<K extends GroupKey>(ctx: TenantContext, headings: GroupHeading<K>[], selection: SelectionOf, items: Record<K, AttentionItem[]>) {
  const t = accountTranslator(ctx.user, "dashboard");
  return headings.map(({ key, href }): AttentionGroup => ({
    key,
    title: t(`attention.group.${key}`),
    items: items[key],
    total: selection(key).total,
    href: href(ctx.org.slug),
  }));
}

/** The dashboard of the active org: its groups, in the order they are shown, and the org's counts. */
export async function getDashboard(ctx: TenantContext, now: Date = new Date()): Promise<{ attention: Attention; overview: OrgOverview }> {
  const { selection, overview } = await selectDashboard(ctx, now);
  const groups =
    ctx.org.kind === "FACTORY"
      ? groupsOf(ctx, FACTORY_GROUPS, selection, await factoryItems(ctx, selection))
      : groupsOf(ctx, IMPORTER_GROUPS, selection, await importerItems(ctx, now, selection));
  return { attention: { groups }, overview };
}

// ---- Helpers ----

/** Dates in the reader's language and zone; a due date as the calendar day it is. */
function datesFor(user: { locale: string; timeZone: string }) {
  const f = formatterFor(user.locale, user.timeZone);
  return { day: (date: Date | null | undefined) => (date ? f.day(date) : ""), dueDay: (date: Date) => f.calendarDay(date) };
}
const iso = (date: Date | null | undefined, fallback: Date) => (date ?? fallback).toISOString();

function truncate(text: string, max = 140) {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat;
}

type T = Translate<"dashboard">;
const specLabel = (t: T, spec: { title: string; productCode: string } | null | undefined) =>
  spec ? t("attention.spec", { title: spec.title, code: spec.productCode }) : t("attention.specFallback");
/** What the factory can do next with a rejected or replaced round: one of three, told whole in each language. */
type NextStep = "ackFirst" | "newer" | "same";

const idsOf = (...selections: Selection[]) => selections.flatMap((s) => s.shown.map((p) => p.id));
const specIdsOf = (selection: Selection) => [...new Set(selection.shown.flatMap((p) => (p.specId ? [p.specId] : [])))];

/** The shown records of one table, by id; no ids, no query. */
async function read<Row extends { id: string }>(ids: string[], find: (ids: string[]) => Promise<Row[]>) {
  return new Map((ids.length ? await find(ids) : []).map((row) => [row.id, row]));
}

/** A group's items in the order shown; a record the ability did not let through is left out. */
function itemsOf<Row>(selection: Selection, rows: Map<string, Row>, item: (row: Row, shown: Shown) => AttentionItem | null): AttentionItem[] {
  return selection.shown.flatMap((shown) => {
    const row = rows.get(shown.id);
    const built = row ? item(row, shown) : null;
    return built ? [built] : [];
  });
}

const faSelect = {
  id: true,
  round: true,
  status: true,
  poNumber: true,
  specId: true,
  versionId: true,
  submittedAt: true,
  updatedAt: true,
  decidedAt: true,
  partnership: { select: { importer: { select: { name: true } }, factory: { select: { name: true } } } },
} satisfies Prisma.FirstArticleSelect;

const findFirstArticles = (ctx: TenantContext) => (ids: string[]) =>
  prisma.firstArticle.findMany({ where: { AND: [accessible(ctx.ability, "read", "FirstArticle"), { id: { in: ids } }] }, select: faSelect });

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

/** The next action of an accepted plan: the earliest date, so a late one if there is one. */
const caWithNextItemSelect = {
  ...caSelect,
  items: { orderBy: [{ dueAt: "asc" as const }, { position: "asc" as const }], take: 1, select: { action: true, dueAt: true } },
} satisfies Prisma.CorrectiveActionSelect;

const findCorrectiveActions =
  <S extends Prisma.CorrectiveActionSelect>(ctx: TenantContext, select: S) =>
  (ids: string[]) =>
    prisma.correctiveAction.findMany({ where: { AND: [accessible(ctx.ability, "read", "CorrectiveAction"), { id: { in: ids } }] }, select }) as Promise<
      Prisma.CorrectiveActionGetPayload<{ select: S }>[]
    >;

const caHref = (ctx: TenantContext, id: string) => correctiveActionPath(ctx.org.slug, id);

// ---- Factory ----

/** The specs of the factory's groups with their current version and its acknowledgement, and the specs first articles were made against (titles only). */
function findFactorySpecs(ctx: TenantContext, groupIds: string[], titleIds: string[]) {
  return read([...groupIds, ...titleIds], () =>
    prisma.spec.findMany({
      where: {
        AND: [
          accessible(ctx.ability, "read", "Spec"),
          { OR: [{ id: { in: groupIds }, currentVersion: { is: accessible(ctx.ability, "read", "SpecVersion") } }, { id: { in: titleIds } }] },
        ],
      },
      select: {
        id: true,
        title: true,
        productCode: true,
        org: { select: { name: true } },
        currentVersion: {
          select: {
            id: true,
            number: true,
            publishedAt: true,
            createdAt: true,
            // One per version and factory.
            acknowledgements: {
              where: { AND: [accessible(ctx.ability, "read", "Acknowledgement"), { factoryId: ctx.org.id }] },
              select: { status: true, updatedAt: true },
              take: 1,
            },
          },
        },
      },
    }),
  );
}

async function factoryItems(ctx: TenantContext, selection: SelectionOf): Promise<Record<FactoryGroupKey, AttentionItem[]>> {
  const slug = ctx.org.slug;
  const t = accountTranslator(ctx.user, "dashboard");
  const { day, dueDay } = datesFor(ctx.user);
  const [specs, firstArticles, correctiveActions] = await Promise.all([
    findFactorySpecs(ctx, idsOf(selection("specs-to-acknowledge"), selection("first-articles-to-start")), specIdsOf(selection("first-articles-to-finish"))),
    read(idsOf(selection("first-articles-to-finish")), findFirstArticles(ctx)),
    read(idsOf(selection("corrective-actions-to-answer"), selection("actions-to-carry-out")), findCorrectiveActions(ctx, caWithNextItemSelect)),
  ]);

  const acknowledgeItems = itemsOf(selection("specs-to-acknowledge"), specs, (spec) => {
    const version = spec.currentVersion;
    if (!version) return null;
    const ack = version.acknowledgements[0];
    return {
      id: spec.id,
      label: t("attention.specVersion", { spec: specLabel(t, spec), number: version.number }),
      detail:
        ack?.status === "QUERIED"
          ? t("attention.queried", { date: day(ack.updatedAt) })
          : t("attention.toAcknowledge", { importer: spec.org.name, date: day(version.publishedAt) }),
      href: versionPath(slug, spec.id, version.number),
      overdue: false,
      at: iso(version.publishedAt, version.createdAt),
    };
  });

  // Each item says the step that is possible now: a draft on a replaced version cannot be submitted, and a
  // next round on a version not yet acknowledged cannot start, so those say what comes first.
  const finishItems = itemsOf(selection("first-articles-to-finish"), firstArticles, (fa) => {
    const spec = specs.get(fa.specId);
    const current = spec?.currentVersion;
    const newer = current && current.id !== fa.versionId ? current : null;
    const acknowledged = newer?.acknowledgements[0]?.status === "ACKNOWLEDGED";
    const next = { next: (newer ? (acknowledged ? "newer" : "ackFirst") : "same") satisfies NextStep, round: fa.round + 1, version: newer?.number ?? 0 };
    const detail =
      fa.status === "REJECTED"
        ? t("attention.rejected", { ...next, decided: fa.decidedAt ? "yes" : "no", date: day(fa.decidedAt), importer: fa.partnership.importer.name })
        : newer
          ? t("attention.draftReplaced", { ...next, current: fa.round })
          : t("attention.draft", { round: fa.round, importer: fa.partnership.importer.name });
    return {
      id: fa.id,
      label: t("attention.faLabel", { spec: specLabel(t, spec), po: fa.poNumber }),
      detail,
      href: newer && !acknowledged && fa.status === "REJECTED" && spec ? versionPath(slug, spec.id, newer.number) : firstArticlePath(slug, fa.id),
      overdue: false,
      at: fa.updatedAt.toISOString(),
    };
  });

  const startItems = itemsOf(selection("first-articles-to-start"), specs, (spec) => {
    const version = spec.currentVersion;
    const ack = version?.acknowledgements[0];
    if (!version || ack?.status !== "ACKNOWLEDGED") return null;
    return {
      id: spec.id,
      label: t("attention.specVersion", { spec: specLabel(t, spec), number: version.number }),
      detail: t("attention.toStart", { importer: spec.org.name, date: day(ack.updatedAt) }),
      href: newFirstArticlePath(slug, version.id),
      overdue: false,
      at: ack.updatedAt.toISOString(),
    };
  });

  const answerItems = itemsOf(selection("corrective-actions-to-answer"), correctiveActions, (ca, shown) => ({
    id: ca.id,
    label: ca.title,
    detail: t("attention.toAnswer", {
      importer: ca.partnership.importer.name,
      severity: ca.severity,
      returned: ca.reviewNote ? "yes" : "no",
      date: dueDay(ca.planDueAt),
    }),
    href: caHref(ctx, ca.id),
    overdue: Boolean(shown.late),
    at: ca.planDueAt.toISOString(),
  }));

  const carryOutItems = itemsOf(selection("actions-to-carry-out"), correctiveActions, (ca, shown) => {
    const next = ca.items[0];
    const overdue = Boolean(shown.late);
    return {
      id: ca.id,
      label: ca.title,
      detail: next
        ? t("attention.toCarryOut", {
            importer: ca.partnership.importer.name,
            action: truncate(next.action, 80),
            overdue: overdue ? "yes" : "no",
            date: dueDay(next.dueAt),
          })
        : t("attention.planAccepted", { importer: ca.partnership.importer.name, date: day(ca.planAcceptedAt) }),
      href: caHref(ctx, ca.id),
      overdue,
      at: iso(next?.dueAt ?? ca.planAcceptedAt, ca.updatedAt),
    };
  })
    // Within each segment, the earliest date first (late ones stay ahead).
    .sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.at.localeCompare(b.at));

  return {
    "specs-to-acknowledge": acknowledgeItems,
    "first-articles-to-finish": finishItems,
    "first-articles-to-start": startItems,
    "corrective-actions-to-answer": answerItems,
    "actions-to-carry-out": carryOutItems,
    ...inspectionGroups(ctx, selection, ["inspections-to-confirm", "inspections-this-week"] as const),
  };
}

/** The inspection groups' items, from what their rows already read. */
function inspectionGroups<K extends InspectionGroupKey>(ctx: TenantContext, selection: SelectionOf, keys: readonly K[]): Record<K, AttentionItem[]> {
  const t = accountTranslator(ctx.user, "dashboard");
  return Object.fromEntries(keys.map((key) => [key, inspectionItems(key, selection(key).shown, { slug: ctx.org.slug, t, user: ctx.user })])) as Record<
    K,
    AttentionItem[]
  >;
}

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
const ackHref = (ctx: TenantContext, ack: AckRow) => versionPath(ctx.org.slug, ack.version.specId, ack.version.number, { factoryId: ack.factoryId });

const findAcknowledgements = (ctx: TenantContext) => (ids: string[]) =>
  prisma.acknowledgement.findMany({
    where: {
      AND: [accessible(ctx.ability, "read", "Acknowledgement"), { id: { in: ids } }, { version: { is: accessible(ctx.ability, "read", "SpecVersion") } }],
    },
    select: ackSelect,
  });

/** Titles of the specs first articles were made against, read through the ability. */
const findSpecTitles = (ctx: TenantContext) => (ids: string[]) =>
  prisma.spec.findMany({
    where: { AND: [accessible(ctx.ability, "read", "Spec"), { id: { in: ids } }] },
    select: { id: true, title: true, productCode: true },
  });

async function importerItems(ctx: TenantContext, now: Date, selection: SelectionOf): Promise<Record<ImporterGroupKey, AttentionItem[]>> {
  const slug = ctx.org.slug;
  const t = accountTranslator(ctx.user, "dashboard");
  const { day, dueDay } = datesFor(ctx.user);
  const [acks, firstArticles, specs, correctiveActions] = await Promise.all([
    read(idsOf(selection("factory-questions"), selection("recent-acknowledgements")), findAcknowledgements(ctx)),
    read(idsOf(selection("first-articles-to-review")), findFirstArticles(ctx)),
    read(specIdsOf(selection("first-articles-to-review")), findSpecTitles(ctx)),
    read(idsOf(selection("plans-to-review"), selection("actions-to-verify")), findCorrectiveActions(ctx, caSelect)),
  ]);

  const questionItems = itemsOf(selection("factory-questions"), acks, (ack) => ({
    id: ack.id,
    label: t("attention.specVersion", { spec: specLabel(t, ack.version.spec), number: ack.version.number }),
    detail: t("attention.question", { factory: ack.factory.name, date: day(ack.updatedAt), question: truncate(ack.question ?? "") }),
    href: ackHref(ctx, ack),
    overdue: false,
    at: ack.updatedAt.toISOString(),
  }));

  const recentItems = itemsOf(selection("recent-acknowledgements"), acks, (ack) => ({
    id: ack.id,
    label: t("attention.specVersion", { spec: specLabel(t, ack.version.spec), number: ack.version.number }),
    detail: t("attention.acknowledged", { factory: ack.factory.name, date: day(ack.updatedAt) }),
    href: ackHref(ctx, ack),
    overdue: false,
    at: ack.updatedAt.toISOString(),
  }));

  const reviewItems = itemsOf(selection("first-articles-to-review"), firstArticles, (fa) => ({
    id: fa.id,
    label: t("attention.faLabel", { spec: specLabel(t, specs.get(fa.specId)), po: fa.poNumber }),
    detail: t("attention.toReview", {
      factory: fa.partnership.factory?.name ?? t("attention.factoryFallback"),
      round: fa.round,
      date: day(fa.submittedAt ?? fa.updatedAt),
    }),
    href: firstArticlePath(slug, fa.id),
    overdue: false,
    at: iso(fa.submittedAt, fa.updatedAt),
  }));

  const caItems = (turn: Selection, dateField: "planSubmittedAt" | "implementedAt", done: "planSubmitted" | "implemented") =>
    itemsOf(turn, correctiveActions, (ca) => {
      const at = ca[dateField] ?? ca.updatedAt;
      return {
        id: ca.id,
        label: ca.title,
        detail: t("attention.caStep", { factory: ca.partnership.factory?.name ?? t("attention.factoryFallback"), severity: ca.severity, done, date: day(at) }),
        href: caHref(ctx, ca.id),
        overdue: false,
        at: at.toISOString(),
      };
    });

  const partnerItems = selection("overdue-partners").shown.map((partner): AttentionItem => {
    const count = partner.count ?? 0;
    const since = partner.since == null ? null : new Date(partner.since);
    return {
      id: partner.id,
      label: partner.name ?? t("attention.factoryFallback"),
      detail: t("attention.overdue", { count, since: since ? "yes" : "no", date: since ? dueDay(since) : "" }),
      href: correctiveActionsPath(slug, { partner: partner.id, overdue: true }),
      overdue: true,
      at: (since ?? now).toISOString(),
    };
  });

  return {
    "factory-questions": questionItems,
    "recent-acknowledgements": recentItems,
    "first-articles-to-review": reviewItems,
    "plans-to-review": caItems(selection("plans-to-review"), "planSubmittedAt", "planSubmitted"),
    "actions-to-verify": caItems(selection("actions-to-verify"), "implementedAt", "implemented"),
    "overdue-partners": partnerItems,
    ...inspectionGroups(ctx, selection, ["results-to-decide", "inspections-to-confirm", "inspections-this-week"] as const),
  };
}
