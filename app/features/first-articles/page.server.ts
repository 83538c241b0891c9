import { listAttachments } from "~/features/attachments/attachments.server.ts";
import { loadVersionUnchecked, toSnapshot } from "~/features/specs/versions.server.ts";
import { listComments } from "~/features/threads/comments.server.ts";
import type { ThreadRef } from "~/features/threads/thread.ts";
import { asSubject } from "~/lib/ability.ts";
import { prisma } from "~/lib/db.server.ts";
import type { TenantContext } from "~/lib/tenant.server.ts";
import { listRounds, readingsOf, type LoadedFirstArticle } from "./first-articles.server.ts";

export const faThread = (fa: Pick<LoadedFirstArticle, "seriesId" | "importerId" | "factoryId">): ThreadRef => ({
  type: "FirstArticle",
  id: fa.seriesId,
  importerId: fa.importerId,
  factoryId: fa.factoryId,
});

/** The characteristics a first article was measured against (it was authorized itself). */
export async function characteristicsOf(fa: LoadedFirstArticle) {
  return (await toSnapshot(await loadVersionUnchecked(fa.versionId))).characteristics;
}

/** Everything the first-article page shows, for either side. */
export async function loadFirstArticlePage(ctx: TenantContext, fa: LoadedFirstArticle, url: URL) {
  const subject = asSubject("FirstArticle", fa);
  const [version, spec, rounds, files, thread, people] = await Promise.all([
    loadVersionUnchecked(fa.versionId).then(toSnapshot),
    prisma.spec.findUniqueOrThrow({ where: { id: fa.specId }, select: { id: true, title: true, productCode: true, currentVersionId: true } }),
    listRounds(ctx, fa.seriesId),
    listAttachments("FirstArticle", fa.id),
    listComments(ctx, faThread(fa), { before: url.searchParams.get("before") }),
    prisma.user.findMany({ where: { id: { in: [fa.submittedById, fa.decidedById].filter((id): id is string => !!id) } }, select: { id: true, name: true } }),
  ]);
  const names = new Map(people.map((p) => [p.id, p.name]));
  const latestRound = rounds.at(-1);
  return {
    fa: {
      id: fa.id,
      round: fa.round,
      status: fa.status,
      revision: fa.revision,
      poNumber: fa.poNumber,
      lotNumber: fa.lotNumber,
      quantityProduced: fa.quantityProduced,
      sampleCount: fa.sampleCount,
      inspectedOn: fa.inspectedOn.toISOString().slice(0, 10),
      notes: fa.notes,
      submittedAt: fa.submittedAt?.toISOString() ?? null,
      submittedBy: fa.submittedById ? (names.get(fa.submittedById) ?? null) : null,
      decidedAt: fa.decidedAt?.toISOString() ?? null,
      decidedBy: fa.decidedById ? (names.get(fa.decidedById) ?? null) : null,
      decisionNote: fa.decisionNote,
      findings: (fa.findings ?? {}) as Record<string, string>,
    },
    spec,
    version: { id: version.id, number: version.number, isCurrent: spec.currentVersionId === version.id },
    characteristics: version.characteristics,
    readings: readingsOf(fa),
    rounds: rounds.map((r) => ({ id: r.id, round: r.round, status: r.status })),
    files,
    thread,
    can: {
      edit: ctx.ability.can("update", subject, "measurements"),
      submit: ctx.ability.can("submit", subject),
      decide: ctx.ability.can("decide", subject, "status"),
      nextRound: fa.status === "REJECTED" && latestRound?.id === fa.id && ctx.ability.can("create", subject),
      openCorrectiveAction: ctx.ability.can("create", asSubject("CorrectiveAction", { importerId: fa.importerId, factoryId: fa.factoryId, status: "OPEN" } as never)),
    },
  };
}
