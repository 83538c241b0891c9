// The read rules of ability.ts as SQL conditions, one function per subject,
// for the statements that count, rank or join in the database and so cannot
// take `accessibleBy(...)`: the dashboard, the spec, first-article and
// corrective-action lists, the scorecard, the org overview and the threads.
// A raw statement takes its tenant condition from here and states none of its
// own; what it adds (a status, a date, a partner) is its own business.
//
// It lives in lib, next to the rules it mirrors, rather than with each
// feature: the rules are one module for every subject, their mirror is too,
// and a reviewer reads both side by side. Every function is in READ_CONDITIONS,
// which tests/integration/raw-read-conditions.test.ts walks for every org kind
// and role, comparing the ids each condition selects with those
// `accessibleBy(ability, "read")` selects; a function outside the table fails it.
//
// The read rules do not depend on the role (the test shows it), so a reader
// is its org.
import { Prisma, type OrgKind } from "~/generated/prisma/client.ts";
import type { SubjectName } from "./ability.ts";

export interface Reader {
  org: { id: string; kind: OrgKind };
}

// The alias is spliced into the SQL: it must be a plain identifier, and not one
// of the aliases the subqueries below use for themselves.
const OWN_ALIASES = new Set(["read_share", "read_partnership"]);

function table(alias: string) {
  if (!/^[a-z_][a-z0-9_]*$/.test(alias) || OWN_ALIASES.has(alias)) throw new Error(`Not a usable table alias: ${alias}`);
  return (column: string) => Prisma.raw(`${alias}."${column}"`);
}

/** The record's partnership (its `partnershipId`) is active. */
const partnershipActive = (column: (name: string) => Prisma.Sql) =>
  Prisma.sql`EXISTS (SELECT 1 FROM "Partnership" read_partnership WHERE read_partnership.id = ${column("partnershipId")} AND read_partnership.status = 'ACTIVE')`;

/** The spec is shared with this factory through an active partnership (specRules' `sharedWithMe`). */
const sharedWithFactory = (factoryId: string, specId: Prisma.Sql) => Prisma.sql`EXISTS (
    SELECT 1 FROM "SpecShare" read_share JOIN "Partnership" read_partnership ON read_partnership.id = read_share."partnershipId"
    WHERE read_share."specId" = ${specId} AND read_share."factoryId" = ${factoryId} AND read_partnership.status = 'ACTIVE')`;

/** ability.ts, specRules, can("read", "Spec"): an importer its own; a factory a published spec shared with it through an active partnership. */
export function readableSpecsSql(reader: Reader, alias: string) {
  const col = table(alias);
  if (reader.org.kind === "IMPORTER") return Prisma.sql`${col("orgId")} = ${reader.org.id}`;
  return Prisma.sql`${col("currentVersionId")} IS NOT NULL AND ${sharedWithFactory(reader.org.id, col("id"))}`;
}

/** ability.ts, specRules, can("read", "SpecVersion"): an importer its own; a factory the published and superseded versions of a spec shared with it. */
export function readableSpecVersionsSql(reader: Reader, alias: string) {
  const col = table(alias);
  if (reader.org.kind === "IMPORTER") return Prisma.sql`${col("orgId")} = ${reader.org.id}`;
  return Prisma.sql`${col("status")} IN ('PUBLISHED', 'SUPERSEDED') AND ${sharedWithFactory(reader.org.id, col("specId"))}`;
}

/** ability.ts, specRules, can("read", "SpecShare"): the shares the org is a side of. */
export function readableSpecSharesSql(reader: Reader, alias: string) {
  const col = table(alias);
  return Prisma.sql`${col(reader.org.kind === "IMPORTER" ? "importerId" : "factoryId")} = ${reader.org.id}`;
}

/** ability.ts, specRules, can("read", "Acknowledgement"): the acknowledgements the org is a side of (a factory's even after its partnership ended). */
export function readableAcknowledgementsSql(reader: Reader, alias: string) {
  const col = table(alias);
  return Prisma.sql`${col(reader.org.kind === "IMPORTER" ? "importerId" : "factoryId")} = ${reader.org.id}`;
}

/** ability.ts, firstArticleRules, can("read", "FirstArticle"): an importer its own but a factory's drafts (withdrawn ones too); a factory its own while their partnership is active. */
export function readableFirstArticlesSql(reader: Reader, alias: string) {
  const col = table(alias);
  if (reader.org.kind === "IMPORTER") return Prisma.sql`${col("importerId")} = ${reader.org.id} AND ${col("status")} NOT IN ('DRAFT', 'WITHDRAWN')`;
  return Prisma.sql`${col("factoryId")} = ${reader.org.id} AND ${partnershipActive(col)}`;
}

/** ability.ts, correctiveActionRules, can("read", "CorrectiveAction"): an importer its own; a factory its own while their partnership is active. */
export function readableCorrectiveActionsSql(reader: Reader, alias: string) {
  const col = table(alias);
  if (reader.org.kind === "IMPORTER") return Prisma.sql`${col("importerId")} = ${reader.org.id}`;
  return Prisma.sql`${col("factoryId")} = ${reader.org.id} AND ${partnershipActive(col)}`;
}

/** ability.ts, inspectionRules, can("read", "Inspection"): an importer its own; a factory its own while their partnership is active. */
export function readableInspectionsSql(reader: Reader, alias: string) {
  const col = table(alias);
  if (reader.org.kind === "IMPORTER") return Prisma.sql`${col("importerId")} = ${reader.org.id}`;
  return Prisma.sql`${col("factoryId")} = ${reader.org.id} AND ${partnershipActive(col)}`;
}

/** ability.ts, threadRules, can("read", "Comment"): a party to the thread reads its SHARED comments and its own org's INTERNAL ones. */
export function readableCommentsSql(reader: Reader, alias: string) {
  const col = table(alias);
  const org = reader.org.id;
  return Prisma.sql`(${col("importerId")} = ${org} OR ${col("factoryId")} = ${org}) AND (${col("visibility")} = 'SHARED' OR ${col("orgId")} = ${org})`;
}

/** ability.ts, partnershipRules, can("read", "Partnership"): an importer those it made; a factory those it belongs to (so never an INVITED one). */
export function readablePartnershipsSql(reader: Reader, alias: string) {
  const col = table(alias);
  return Prisma.sql`${col(reader.org.kind === "IMPORTER" ? "importerId" : "factoryId")} = ${reader.org.id}`;
}

/** ability.ts, membershipRules, can("read", "Membership"): the org's own memberships. */
export function readableMembershipsSql(reader: Reader, alias: string) {
  return Prisma.sql`${table(alias)("orgId")} = ${reader.org.id}`;
}

/** Every read condition by the subject whose rule it mirrors (and whose table it reads). */
export const READ_CONDITIONS = {
  Spec: readableSpecsSql,
  SpecVersion: readableSpecVersionsSql,
  SpecShare: readableSpecSharesSql,
  Acknowledgement: readableAcknowledgementsSql,
  FirstArticle: readableFirstArticlesSql,
  CorrectiveAction: readableCorrectiveActionsSql,
  Inspection: readableInspectionsSql,
  Comment: readableCommentsSql,
  Partnership: readablePartnershipsSql,
  Membership: readableMembershipsSql,
} as const satisfies Partial<Record<SubjectName, (reader: Reader, alias: string) => Prisma.Sql>>;
