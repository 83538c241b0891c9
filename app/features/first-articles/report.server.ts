// The printable first-article inspection report: every round of a series the
// user may read, laid out after AS9102 Form 3 (characteristic accountability,
// verification and compatibility evaluation). Plain, serializable data only:
// dates as ISO strings, decimals as strings.

import { limitsText, requirementText } from "~/features/specs/characteristic.ts";
import type { CharacteristicClass, CharacteristicKind, CharacteristicSnapshot } from "~/features/specs/snapshot.ts";
import { accessible } from "~/lib/authorize.server.ts";
import { prisma } from "~/lib/db.server.ts";
import { accountLanguage, accountTranslator } from "~/lib/i18n/translate.server.ts";
import type { Translate } from "~/lib/i18n/translate.ts";
import type { TenantContext } from "~/lib/tenant.server.ts";
import { firstArticleInclude, headerOf, loadFirstArticle, readingsOf, type FirstArticleHeader, type LoadedFirstArticle } from "./first-articles.server.ts";
import { toCharacteristicSnapshot } from "~/features/specs/characteristic-rows.server.ts";
import { measuredAgainst, membersAmong, namesOf, signOffsOf } from "./page.server.ts";
import { judgeCell, summarizeRow, type CellVerdict, type RowVerdict } from "./judge.ts";
import type { FirstArticleStatus } from "./schemas.ts";

export type { FirstArticleStatus };

export interface ReportReading {
  /** 1-based. */
  sample: number;
  /** As typed ("" when nothing was entered). */
  raw: string;
  verdict: CellVerdict;
}

export interface ReportRow {
  key: string;
  number: string;
  name: string;
  kind: CharacteristicKind;
  class: CharacteristicClass;
  /** "95 ± 0.5 mm", as on the spec page. */
  requirement: string;
  /** "94.5 – 95.5 mm": the acceptance limits the readings are judged against. */
  limits: string;
  method: string;
  readings: ReportReading[];
  /** Variable rows only; null when no reading is a number. */
  min: string | null;
  max: string | null;
  mean: string | null;
  /** The page writes it in the words of an inspection report (report.rowVerdict.<verdict>). */
  verdict: RowVerdict;
  /** The importer's reason for this characteristic, when the decision gave one. */
  finding: string | null;
}

export interface ReportFinding {
  characteristicKey: string;
  /** Null when the key is not a characteristic of the round's version. */
  number: string | null;
  name: string | null;
  reason: string;
}

export interface ReportRound extends FirstArticleHeader {
  id: string;
  round: number;
  status: FirstArticleStatus;
  versionNumber: number;
  submittedAt: string | null;
  submittedBy: string | null;
  decidedAt: string | null;
  decidedBy: string | null;
  decisionNote: string | null;
  findings: ReportFinding[];
  rows: ReportRow[];
  counts: Record<RowVerdict, number>;
}

export interface FirstArticleReport {
  /** The first article the report was opened from. */
  id: string;
  seriesId: string;
  header: {
    specId: string;
    title: string;
    productCode: string;
    versionNumber: number;
    importer: string;
    factory: string;
    poNumber: string;
    lotNumber: string;
    quantityProduced: number;
    sampleCount: number;
    inspectedOn: string;
    round: number;
    status: FirstArticleStatus;
    submittedAt: string | null;
    submittedBy: string | null;
    decidedAt: string | null;
    decidedBy: string | null;
  };
  /** Every round the user may read, oldest first (an importer never sees a draft round). */
  rounds: ReportRound[];
}

/** Findings as stored ({ [characteristicKey]: reason }), keeping only non-empty text. */
function findingsOf(value: unknown): Map<string, string> {
  const findings = new Map<string, string>();
  if (!value || typeof value !== "object" || Array.isArray(value)) return findings;
  for (const [key, reason] of Object.entries(value as Record<string, unknown>)) {
    if (typeof reason === "string" && reason.trim()) findings.set(key, reason.trim());
  }
  return findings;
}

function rowOf(c: CharacteristicSnapshot, raws: string[], finding: string | null, specs: SpecWords): ReportRow {
  const summary = summarizeRow(c, raws);
  return {
    key: c.key,
    number: c.number,
    name: c.name,
    kind: c.kind,
    class: c.class,
    requirement: requirementText(c, specs.t, specs.locale),
    limits: limitsText(c, specs.t, specs.locale),
    method: c.method,
    readings: raws.map((raw, i) => ({ sample: i + 1, raw, verdict: judgeCell(c, raw).verdict })),
    min: c.kind === "ATTRIBUTE" ? null : summary.min,
    max: c.kind === "ATTRIBUTE" ? null : summary.max,
    mean: c.kind === "ATTRIBUTE" ? null : summary.mean,
    verdict: summary.verdict,
    finding,
  };
}

/** How the reader's requirements and limits are written: their words and their locale's numbers. */
type SpecWords = { t: Translate<"specs">; locale: string };

type MeasuredVersion = { number: number; characteristics: CharacteristicSnapshot[] };

function roundOf(fa: LoadedFirstArticle, version: MeasuredVersion, names: Map<string, string>, specs: SpecWords): ReportRound {
  const readings = readingsOf(fa);
  const stored = findingsOf(fa.findings);
  const rows = version.characteristics.map((c) =>
    rowOf(
      c,
      Array.from({ length: fa.sampleCount }, (_, i) => readings[c.key]?.[i] ?? ""),
      stored.get(c.key) ?? null,
      specs,
    ),
  );
  const byKey = new Map(version.characteristics.map((c) => [c.key, c]));
  // Characteristics in drawing order first; a reason for a key the version does not know is kept, not lost.
  const findings: ReportFinding[] = [
    ...version.characteristics.flatMap((c) => {
      const reason = stored.get(c.key);
      return reason ? [{ characteristicKey: c.key, number: c.number, name: c.name, reason }] : [];
    }),
    ...[...stored].filter(([key]) => !byKey.has(key)).map(([key, reason]) => ({ characteristicKey: key, number: null, name: null, reason })),
  ];
  const counts: Record<RowVerdict, number> = { pass: 0, fail: 0, incomplete: 0, unjudged: 0 };
  for (const row of rows) counts[row.verdict]++;
  return {
    id: fa.id,
    round: fa.round,
    status: fa.status,
    versionNumber: version.number,
    ...headerOf(fa),
    ...signOffsOf(fa, names),
    decisionNote: fa.decisionNote?.trim() ? fa.decisionNote : null,
    findings,
    rows,
    counts,
  };
}

/**
 * The report of a first article's whole series, as the user may read it: 404
 * unless the first article itself is readable; rounds the user may not read
 * (an importer and a factory's draft) are left out.
 */
export async function loadReport(ctx: TenantContext, faId: string): Promise<FirstArticleReport> {
  const fa = await loadFirstArticle(ctx, faId);
  // Every round through the same read rule as the page, with its readings, in one statement.
  const loaded = await prisma.firstArticle.findMany({
    where: { AND: [accessible(ctx.ability, "read", "FirstArticle"), { seriesId: fa.seriesId }] },
    orderBy: { round: "asc" },
    include: firstArticleInclude,
  });
  const rounds = loaded.some((r) => r.id === fa.id) ? loaded : [...loaded, fa].sort((a, b) => a.round - b.round);

  // The rest in one statement through the partnership the series was made
  // under: the importer's spec and each version measured against (loaded once
  // however many rounds used it; the rounds were authorized themselves, so
  // their versions are readable through them), both orgs' names, and the people
  // named on the rounds as members of either org.
  const versionIds = [...new Set(rounds.map((r) => r.versionId))];
  const userIds = [...new Set(rounds.flatMap((r) => [r.submittedById, r.decidedById]).filter((id): id is string => !!id))];
  const people = membersAmong(userIds);
  const pair = await prisma.partnership.findUniqueOrThrow({
    where: { id: fa.partnershipId },
    select: {
      importer: {
        select: {
          name: true,
          specs: {
            where: { id: fa.specId },
            select: { id: true, title: true, productCode: true, versions: { where: { id: { in: versionIds } }, select: measuredAgainst } },
          },
          memberships: people,
        },
      },
      factory: { select: { name: true, memberships: people } },
    },
  });
  const spec = pair.importer.specs[0];
  if (!spec) throw new Error(`First article ${fa.id} points at a spec its importer does not have.`);
  const versionById = new Map(spec.versions.map((v) => [v.id, { number: v.number, characteristics: v.characteristics.map(toCharacteristicSnapshot) }]));
  const names = await namesOf(userIds, [...pair.importer.memberships, ...(pair.factory?.memberships ?? [])]);

  const specs = { t: accountTranslator(ctx.user, "specs"), locale: accountLanguage(ctx.user) };
  const reportRounds = rounds.map((r) => roundOf(r, versionById.get(r.versionId)!, names, specs));
  const current = reportRounds.find((r) => r.id === fa.id)!;
  return {
    id: fa.id,
    seriesId: fa.seriesId,
    header: {
      specId: spec.id,
      title: spec.title,
      productCode: spec.productCode,
      versionNumber: current.versionNumber,
      importer: pair.importer.name,
      factory: pair.factory?.name ?? "",
      poNumber: current.poNumber,
      lotNumber: current.lotNumber,
      quantityProduced: current.quantityProduced,
      sampleCount: current.sampleCount,
      inspectedOn: current.inspectedOn,
      round: current.round,
      status: current.status,
      submittedAt: current.submittedAt,
      submittedBy: current.submittedBy,
      decidedAt: current.decidedAt,
      decidedBy: current.decidedBy,
    },
    rounds: reportRounds,
  };
}
