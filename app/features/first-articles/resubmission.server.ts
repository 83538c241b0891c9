// A first article's next round, and the drafts the spec left behind. A next
// round is measured against the spec's current version, once the factory has
// acknowledged it; it starts from the latest round of its series when that
// round was rejected, withdrawn, or is a draft on a replaced version (which
// it then replaces). It takes over the lot, the photos and the readings of
// every characteristic that did not change (carry-over.ts decides which).
import { stageCopies } from "~/features/attachments/copies.server.ts";
import { versionPath } from "~/features/specs/paths.ts";
import { asSubject } from "~/lib/ability.ts";
import { memberAction, recordAudit } from "~/lib/audit.server.ts";
import { accessible, ensureCan } from "~/lib/authorize.server.ts";
import { prisma, type Tx } from "~/lib/db.server.ts";
import { UserError } from "~/lib/errors.ts";
import type { TenantContext } from "~/lib/tenant.server.ts";
import { carriedReadings, keysToMeasureAgain } from "./carry-over.ts";
import { firstArticleToStart } from "./first-articles.server.ts";
import { readingsOf, type LoadedFirstArticle } from "./first-articles.server.ts";
import { firstArticlePath } from "./paths.ts";
import { judgedMeasurements } from "./judge.ts";
import { loadMeasuredVersion } from "./page.server.ts";
import { message } from "~/lib/i18n/message.ts";

type Round = Pick<LoadedFirstArticle, "id" | "seriesId" | "round" | "status" | "specId" | "versionId" | "factoryId">;

export interface NextRound {
  /** The spec's current version, which a next round is measured against. */
  version: { id: string; number: number };
  /** False when that version has replaced this round's: a draft on it can no longer be submitted. */
  sameVersion: boolean;
  /** Whether the factory has acknowledged that version: no next round before it has. */
  acknowledged: boolean;
  /** Whether a next round may start from this round at all (it is the latest, and done with). */
  startable: boolean;
  /** Where the factory acknowledges the version. */
  versionHref: string;
}

type CurrentVersion = { id: string; number: number; acknowledgements: { status: string }[] } | null;

/** The spec's current version with the factory's acknowledgement of it: what `nextRoundFrom` needs (a select, so the page loads it with the rest). */
export const currentVersionFor = (factoryId: string) =>
  ({ select: { id: true, number: true, acknowledgements: { where: { factoryId }, select: { status: true } } } }) as const;

/** What a next round from this round would be measured against, and whether it may start, given the spec's current version and how many rounds follow it. */
export function nextRoundFrom(ctx: TenantContext, fa: Round, current: CurrentVersion, laterRounds: number): NextRound | null {
  if (!current) return null;
  const sameVersion = current.id === fa.versionId;
  const doneWith = fa.status === "REJECTED" || fa.status === "WITHDRAWN" || (fa.status === "DRAFT" && !sameVersion);
  return {
    version: { id: current.id, number: current.number },
    sameVersion,
    acknowledged: current.acknowledgements[0]?.status === "ACKNOWLEDGED",
    startable: laterRounds === 0 && doneWith,
    versionHref: versionPath(ctx.org.slug, fa.specId, current.number),
  };
}

/** `nextRoundFrom`, reading what it needs. */
export async function nextRoundOf(ctx: TenantContext, fa: Round): Promise<NextRound | null> {
  const [spec, later] = await Promise.all([
    prisma.spec.findUniqueOrThrow({ where: { id: fa.specId }, select: { currentVersion: currentVersionFor(fa.factoryId) } }),
    prisma.firstArticle.count({ where: { seriesId: fa.seriesId, round: { gt: fa.round } } }),
  ]);
  return nextRoundFrom(ctx, fa, spec.currentVersion, later);
}

/** The keys of this round's characteristics that changed since the round it was started from, with that version's number. */
export async function measureAgainIn(fa: Pick<LoadedFirstArticle, "seriesId" | "round" | "versionId">) {
  if (fa.round === 1) return null;
  const previous = await prisma.firstArticle.findUnique({
    where: { seriesId_round: { seriesId: fa.seriesId, round: fa.round - 1 } },
    select: { versionId: true },
  });
  if (!previous || previous.versionId === fa.versionId) return null;
  const [before, now] = await Promise.all([loadMeasuredVersion(previous), loadMeasuredVersion(fa)]);
  return { number: now.version.number, keys: keysToMeasureAgain(before.characteristics, now.characteristics) };
}

/** Starts the next round from this one (see the top of the file); a second start (another tab) leads to the round already made. */
export async function startNextRound(ctx: TenantContext, fa: LoadedFirstArticle) {
  ensureCan(ctx.ability, "create", asSubject("FirstArticle", fa), message("firstArticles", "errors.roleCannotStart"));
  const replacesDraft = fa.status === "DRAFT";
  if (replacesDraft) ensureCan(ctx.ability, "withdraw", asSubject("FirstArticle", fa), message("firstArticles", "errors.roleCannotWithdrawDraft"));
  const next = await nextRoundOf(ctx, fa);
  if (!next?.startable) {
    const latest = await prisma.firstArticle.findFirst({ where: { seriesId: fa.seriesId, round: { gt: fa.round } }, orderBy: { round: "desc" } });
    if (latest) return latest;
    throw new UserError(
      fa.status === "DRAFT" ? message("firstArticles", "errors.draftIsCurrent") : message("firstArticles", "errors.newRoundAfterRejection"),
      409,
    );
  }
  if (!next.acknowledged) {
    throw new UserError(message("firstArticles", "errors.acknowledgeVersionFirst", { number: next.version.number }), 409);
  }
  const [before, after] = await Promise.all([loadMeasuredVersion(fa), loadMeasuredVersion({ versionId: next.version.id })]);
  const readings = carriedReadings(before.characteristics, after.characteristics, readingsOf(fa));
  const files = await stageCopies(fa.factoryId, { ownerType: "FirstArticle", ownerId: fa.id });
  try {
    return await prisma.$transaction(async (tx) => {
      if (replacesDraft) await markWithdrawn(tx, ctx, fa);
      const round = await tx.firstArticle.create({
        data: {
          seriesId: fa.seriesId,
          round: fa.round + 1,
          importerId: fa.importerId,
          factoryId: fa.factoryId,
          partnershipId: fa.partnershipId,
          specId: fa.specId,
          versionId: next.version.id,
          poNumber: fa.poNumber,
          lotNumber: fa.lotNumber,
          quantityProduced: fa.quantityProduced,
          sampleCount: fa.sampleCount,
          inspectedOn: new Date(),
          notes: fa.notes,
          createdById: ctx.user.id,
          measurements: { createMany: { data: judgedMeasurements(after.characteristics, readings, fa.sampleCount) } },
        },
      });
      await tx.attachment.createMany({ data: files.rows(round.id) });
      await recordAudit(tx, {
        ...memberAction(ctx, "firstArticle.create", "FirstArticle", round.id),
        after: { round: round.round, previous: fa.id, versionId: round.versionId },
      });
      return round;
    });
  } catch (error) {
    await files.discard();
    // Two tabs at once: the unique (series, round) lets one through; the other goes to its round.
    const made = await prisma.firstArticle.findUnique({ where: { seriesId_round: { seriesId: fa.seriesId, round: fa.round + 1 } } });
    if (made) return made;
    throw error;
  }
}

/** Withdraws a draft that can no longer be submitted (its version was replaced): it leaves every list of things to do. */
export async function withdrawFirstArticle(ctx: TenantContext, fa: LoadedFirstArticle) {
  ensureCan(
    ctx.ability,
    "withdraw",
    asSubject("FirstArticle", fa),
    fa.status === "DRAFT" ? message("firstArticles", "errors.roleCannotWithdraw") : message("firstArticles", "errors.onlyDraftWithdrawn"),
  );
  const next = await nextRoundOf(ctx, fa);
  if (!next || next.sameVersion) throw new UserError(message("firstArticles", "errors.draftIsCurrent"), 409);
  await prisma.$transaction((tx) => markWithdrawn(tx, ctx, fa));
}

/** The draft as the page saw it becomes WITHDRAWN, or nothing does (another tab changed it first). */
async function markWithdrawn(tx: Tx, ctx: TenantContext, fa: Pick<LoadedFirstArticle, "id" | "revision">) {
  const { count } = await tx.firstArticle.updateMany({
    where: { id: fa.id, status: "DRAFT", revision: fa.revision },
    data: { status: "WITHDRAWN", revision: { increment: 1 } },
  });
  if (count !== 1) throw new UserError(message("firstArticles", "errors.draftChanged"), 409);
  // The importer never saw the draft: the event is the factory's alone.
  await recordAudit(tx, {
    ...memberAction(ctx, "firstArticle.withdraw", "FirstArticle", fa.id),
    before: { status: "DRAFT" },
    after: { status: "WITHDRAWN" },
  });
}

/**
 * Where a factory goes once it has acknowledged a version: to the round that
 * waits for it (a rejection, or a draft on a replaced version, now answerable
 * with a round against this version); null when there is none (the version
 * page's own call to start a first article is then the next step).
 */
export async function nextStepAfterAcknowledging(ctx: TenantContext, specId: string, versionId: string) {
  if (!ctx.ability.can("create", firstArticleToStart(ctx))) return null;
  const open = await prisma.firstArticle.findMany({
    where: {
      AND: [accessible(ctx.ability, "read", "FirstArticle"), { specId, OR: [{ status: "REJECTED" }, { status: "DRAFT", versionId: { not: versionId } }] }],
    },
    orderBy: { updatedAt: "desc" },
    select: { id: true, seriesId: true, round: true },
    take: 20,
  });
  for (const fa of open) {
    const later = await prisma.firstArticle.count({ where: { seriesId: fa.seriesId, round: { gt: fa.round } } });
    if (later === 0) return `${firstArticlePath(ctx.org.slug, fa.id)}#next-round`;
  }
  return null;
}
