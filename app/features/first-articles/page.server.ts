import { characteristicColumns, toCharacteristicSnapshot } from "~/features/specs/characteristic-rows.server.ts";
import { listComments } from "~/features/threads/comments.server.ts";
import { threadOn } from "~/features/threads/thread.ts";
import { asSubject } from "~/lib/ability.ts";
import { accessible } from "~/lib/authorize.server.ts";
import { prisma } from "~/lib/db.server.ts";
import type { TenantContext } from "~/lib/tenant.server.ts";
import type { Prisma } from "~/generated/prisma/client.ts";
import { headerOf, readingsOf, type LoadedFirstArticle } from "./first-articles.server.ts";
import { filesOn, mergeFiles } from "./pair-files.server.ts";
import { currentVersionFor, measureAgainIn, nextRoundFrom } from "./resubmission.server.ts";

/** One thread per series: every round of a first article shares it. */
export const faThread = (fa: Pick<LoadedFirstArticle, "seriesId" | "importerId" | "factoryId">) => threadOn("FirstArticle", fa.seriesId, fa);

export const measuredAgainst = {
  id: true,
  number: true,
  // What a first article is judged against: the characteristics of its version,
  // nothing else of the version (no files, materials or defect photos).
  characteristics: { orderBy: { position: "asc" }, select: characteristicColumns },
} satisfies Prisma.SpecVersionSelect;

const specSelect = { id: true, title: true, productCode: true, currentVersionId: true } satisfies Prisma.SpecSelect;

/**
 * The spec and version a first article was measured against, with the
 * characteristics, in one statement. No permission check: the first article
 * was authorized itself, and its version is readable through it.
 */
export async function loadMeasuredVersion(fa: Pick<LoadedFirstArticle, "versionId">) {
  const { spec, characteristics, ...version } = await prisma.specVersion.findUniqueOrThrow({
    where: { id: fa.versionId },
    select: { ...measuredAgainst, spec: { select: specSelect } },
  });
  return { spec, version, characteristics: characteristics.map(toCharacteristicSnapshot) };
}

/** The characteristics a first article was measured against (it was authorized itself). */
export async function characteristicsOf(fa: Pick<LoadedFirstArticle, "versionId">) {
  return (await loadMeasuredVersion(fa)).characteristics;
}

/** `memberships` args for an org: those of these users, with their names. */
export const membersAmong = (userIds: string[]) =>
  ({ where: { userId: { in: userIds } }, select: { user: { select: { id: true, name: true } } } }) satisfies Prisma.Organization$membershipsArgs;

/** Names of the people a first article names, from their memberships; someone who has since left both orgs is looked up by id. */
export async function namesOf(peopleIds: string[], members: { user: { id: string; name: string } }[]) {
  const names = new Map(members.map((m) => [m.user.id, m.user.name]));
  const gone = peopleIds.filter((id) => !names.has(id));
  if (gone.length) for (const u of await prisma.user.findMany({ where: { id: { in: gone } }, select: { id: true, name: true } })) names.set(u.id, u.name);
  return names;
}

/** When it was submitted and decided, and by whom (names from `namesOf`). */
export function signOffsOf(fa: Pick<LoadedFirstArticle, "submittedAt" | "submittedById" | "decidedAt" | "decidedById">, names: Map<string, string>) {
  const nameOf = (id: string | null) => (id ? (names.get(id) ?? null) : null);
  return {
    submittedAt: fa.submittedAt?.toISOString() ?? null,
    submittedBy: nameOf(fa.submittedById),
    decidedAt: fa.decidedAt?.toISOString() ?? null,
    decidedBy: nameOf(fa.decidedById),
  };
}

/**
 * Everything around a loaded first article in one statement, reached through
 * the partnership it was made under (which names the tenant pair): the rounds
 * of its series the user may read (a next round is made under the same
 * partnership), the importer's spec and version it was measured against, its
 * files (uploaded by either side of the pair), and the names of the people who
 * submitted and decided it, as members of either org.
 */
function loadSurroundings(ctx: TenantContext, fa: LoadedFirstArticle, peopleIds: string[]) {
  const people = membersAmong(peopleIds);
  return prisma.partnership.findUniqueOrThrow({
    where: { id: fa.partnershipId },
    select: {
      firstArticles: {
        where: { AND: [accessible(ctx.ability, "read", "FirstArticle"), { seriesId: fa.seriesId }] },
        orderBy: { round: "asc" },
        select: { id: true, round: true, status: true },
      },
      importer: {
        select: {
          specs: {
            where: { id: fa.specId },
            select: { ...specSelect, versions: { where: { id: fa.versionId }, select: measuredAgainst }, currentVersion: currentVersionFor(fa.factoryId) },
          },
          attachments: filesOn("FirstArticle", fa.id),
          memberships: people,
        },
      },
      factory: { select: { attachments: filesOn("FirstArticle", fa.id), memberships: people } },
    },
  });
}

/** Everything the first-article page shows, for either side. */
export async function loadFirstArticlePage(ctx: TenantContext, fa: LoadedFirstArticle, url: URL) {
  const subject = asSubject("FirstArticle", fa);
  const peopleIds = [...new Set([fa.submittedById, fa.decidedById].filter((id): id is string => !!id))];
  const [around, thread, measureAgain] = await Promise.all([
    loadSurroundings(ctx, fa, peopleIds),
    listComments(ctx, faThread(fa), { before: url.searchParams.get("before") }),
    fa.status === "DRAFT" ? measureAgainIn(fa) : null,
  ]);
  const [specRow] = around.importer.specs;
  if (!specRow?.versions[0]) throw new Error(`First article ${fa.id} points at a version its importer does not have.`);
  const {
    versions: [versionRow],
    currentVersion,
    ...spec
  } = specRow;
  const names = await namesOf(peopleIds, [...around.importer.memberships, ...(around.factory?.memberships ?? [])]);
  const rounds = around.firstArticles;
  // Only the factory starts rounds; it reads every round of its series, so the later ones counted here are all there are.
  const next = ctx.org.kind === "FACTORY" ? nextRoundFrom(ctx, fa, currentVersion, rounds.filter((r) => r.round > fa.round).length) : null;
  return {
    fa: {
      id: fa.id,
      round: fa.round,
      status: fa.status,
      revision: fa.revision,
      ...headerOf(fa),
      ...signOffsOf(fa, names),
      decisionNote: fa.decisionNote,
      findings: (fa.findings ?? {}) as Record<string, string>,
    },
    spec,
    version: { id: versionRow.id, number: versionRow.number, isCurrent: spec.currentVersionId === versionRow.id },
    characteristics: versionRow.characteristics.map(toCharacteristicSnapshot),
    readings: readingsOf(fa),
    rounds,
    nextRound: next,
    measureAgain,
    files: mergeFiles(around.importer.attachments, around.factory?.attachments),
    thread,
    can: {
      edit: ctx.ability.can("update", subject, "measurements"),
      submit: ctx.ability.can("submit", subject),
      decide: ctx.ability.can("decide", subject, "status"),
      nextRound: Boolean(next?.startable) && ctx.ability.can("create", subject) && (fa.status !== "DRAFT" || ctx.ability.can("withdraw", subject)),
      withdraw: fa.status === "DRAFT" && next?.sameVersion === false && ctx.ability.can("withdraw", subject),
      openCorrectiveAction: ctx.ability.can("create", asSubject("CorrectiveAction", { importerId: fa.importerId, factoryId: fa.factoryId, status: "OPEN" })),
    },
  };
}
