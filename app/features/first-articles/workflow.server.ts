import type { CharacteristicSnapshot } from "~/features/specs/snapshot.ts";
import { asSubject } from "~/lib/ability.ts";
import { memberAction, recordAudit } from "~/lib/audit.server.ts";
import { ensureCan } from "~/lib/authorize.server.ts";
import { prisma, type Tx } from "~/lib/db.server.ts";
import { UserError } from "~/lib/errors.ts";
import type { TenantContext } from "~/lib/tenant.server.ts";
import type { Prisma } from "~/generated/prisma/client.ts";
import type { FirstArticleHeader, LoadedFirstArticle } from "./first-articles.server.ts";
import { completenessProblems, judgeCell } from "./judge.ts";
import { notifyDecided, notifySubmitted } from "./notifications.server.ts";
import type { Decision } from "./schemas.ts";
import { message } from "~/lib/i18n/message.ts";

const subjectOf = (fa: LoadedFirstArticle) => asSubject("FirstArticle", fa);

// Every write bumps the revision; a write made on an outdated page, or after the
// status moved on, matches no row and is refused instead of overwriting.
async function advance(
  tx: Tx,
  fa: LoadedFirstArticle,
  from: LoadedFirstArticle["status"],
  data: Prisma.FirstArticleUpdateManyMutationInput,
  revision = fa.revision,
) {
  const { count } = await tx.firstArticle.updateMany({ where: { id: fa.id, status: from, revision }, data: { ...data, revision: { increment: 1 } } });
  return count === 1;
}

/** Saves the factory's readings (and header) on a draft, judged again here against the tolerances. */
export async function saveReadings(
  ctx: TenantContext,
  fa: LoadedFirstArticle,
  characteristics: CharacteristicSnapshot[],
  readings: Record<string, string[]>,
  header?: FirstArticleHeader,
) {
  ensureCan(
    ctx.ability,
    "update",
    subjectOf(fa),
    fa.status === "DRAFT" ? message("firstArticles", "errors.roleCannotRecord") : message("firstArticles", "errors.submittedNoChange"),
    "measurements",
  );
  const sampleCount = header?.sampleCount ?? fa.sampleCount;
  const rows = characteristics.flatMap((c) =>
    Array.from({ length: sampleCount }, (_, i) => i).flatMap((i) => {
      const raw = (readings[c.key]?.[i] ?? "").trim();
      if (!raw) return [];
      const judged = judgeCell(c, raw);
      return [{ firstArticleId: fa.id, characteristicKey: c.key, sample: i + 1, raw, value: judged.value, passed: judged.passed }];
    }),
  );
  await prisma.$transaction(async (tx) => {
    const headerData = header
      ? {
          poNumber: header.poNumber,
          lotNumber: header.lotNumber,
          quantityProduced: header.quantityProduced,
          sampleCount: header.sampleCount,
          inspectedOn: new Date(`${header.inspectedOn}T00:00:00Z`),
          notes: header.notes,
        }
      : {};
    if (!(await advance(tx, fa, "DRAFT", headerData, fa.revision))) {
      throw new UserError(message("firstArticles", "errors.changedSinceSave"), 409);
    }
    await tx.measurement.deleteMany({ where: { firstArticleId: fa.id } });
    await tx.measurement.createMany({ data: rows });
    await recordAudit(tx, {
      ...memberAction(ctx, "firstArticle.update", "FirstArticle", fa.id),
      before: { readings: fa.measurements.length, sampleCount: fa.sampleCount },
      after: { readings: rows.length, sampleCount },
    });
  });
}

export type SubmitProblem = { message: string; cellId?: string };

/**
 * Submits a draft for the importer's review, unless something is missing:
 * then every problem is returned (each linked to its cell) and nothing changes.
 */
export async function submitFirstArticle(
  ctx: TenantContext,
  fa: LoadedFirstArticle,
  characteristics: CharacteristicSnapshot[],
  readings: Record<string, string[]>,
): Promise<{ ok: true; emailed: number } | { ok: false; problems: SubmitProblem[]; newerVersion: { number: number; versionId: string } | null }> {
  ensureCan(
    ctx.ability,
    "submit",
    subjectOf(fa),
    fa.status === "DRAFT" ? message("firstArticles", "errors.onlyLeadsSubmit") : message("firstArticles", "errors.alreadySubmitted"),
  );
  const problems: SubmitProblem[] = completenessProblems(characteristics, readings, fa.sampleCount).map((p) => ({ message: p.message, cellId: p.cellId }));
  const spec = await prisma.spec.findUniqueOrThrow({ where: { id: fa.specId }, select: { currentVersion: { select: { id: true, number: true } } } });
  const newerVersion =
    spec.currentVersion && spec.currentVersion.id !== fa.versionId ? { number: spec.currentVersion.number, versionId: spec.currentVersion.id } : null;
  if (newerVersion) {
    problems.unshift({
      message: message("firstArticles", "errors.versionReplaced", { number: newerVersion.number }),
    });
  }
  const photos = await prisma.attachment.count({ where: { ownerType: "FirstArticle", ownerId: fa.id, contentType: { startsWith: "image/" } } });
  if (photos === 0) problems.push({ message: message("firstArticles", "errors.photoRequired") });
  if (problems.length) return { ok: false, problems, newerVersion };
  const emailed = await prisma.$transaction(async (tx) => {
    if (!(await advance(tx, fa, "DRAFT", { status: "SUBMITTED", submittedAt: new Date(), submittedById: ctx.user.id }))) {
      throw new UserError(message("firstArticles", "errors.changedSinceOpened"), 409);
    }
    for (const orgId of [ctx.org.id, fa.importerId]) {
      await recordAudit(tx, {
        ...memberAction(ctx, "firstArticle.submit", "FirstArticle", fa.id, orgId),
        before: { status: "DRAFT" },
        after: { status: "SUBMITTED" },
      });
    }
    return notifySubmitted(tx, fa, ctx.org.name);
  });
  return { ok: true, emailed };
}

/**
 * The importer's decision, final for this round. Two reviewers deciding at
 * once: the first write moves the status on, the second matches no row and
 * is told so (one audit event, one set of emails).
 */
export async function decideFirstArticle(ctx: TenantContext, fa: LoadedFirstArticle, characteristics: CharacteristicSnapshot[], input: Decision) {
  ensureCan(
    ctx.ability,
    "decide",
    subjectOf(fa),
    fa.status === "SUBMITTED" ? message("firstArticles", "errors.onlyLeadsDecide") : message("firstArticles", "errors.alreadyDecided"),
    "status",
  );
  const known = new Set(characteristics.map((c) => c.key));
  const findings = Object.fromEntries(Object.entries(input.findings).filter(([key, reason]) => known.has(key) && reason));
  // How many were emailed, for the page to say so.
  return prisma.$transaction(async (tx) => {
    const decided = await advance(
      tx,
      fa,
      "SUBMITTED",
      {
        status: input.decision,
        decidedAt: new Date(),
        decidedById: ctx.user.id,
        decisionNote: input.note || null,
        findings: Object.keys(findings).length ? findings : undefined,
      },
      input.revision,
    );
    if (!decided) throw new UserError(message("firstArticles", "errors.decidedMeanwhile"), 409);
    for (const orgId of [fa.importerId, fa.factoryId]) {
      await recordAudit(tx, {
        ...memberAction(ctx, "firstArticle.decide", "FirstArticle", fa.id, orgId),
        before: { status: "SUBMITTED" },
        after: { status: input.decision, decisionNote: input.note || null, findings: Object.keys(findings).length ? findings : null },
      });
    }
    return notifyDecided(tx, fa, { decision: input.decision, note: input.note || null, importerName: ctx.org.name });
  });
}
