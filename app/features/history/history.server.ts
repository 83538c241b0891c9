// A record's history, read from the audit trail. Each query reaches the events through the record
// itself, filtered by the record's read condition, so a reader who may not read the record reads
// none of its history; and of the events, only those logged on the reader's own side.
//
// What happens between partners is logged on both sides (lib/audit.server.ts), so "the reader's
// org's log" is already the reader's side: a factory reads its own work and what the importer did
// to it, never the importer's internal events nor another factory's. The importer publishes and
// shares in its log alone; a factory is shown those of them that concern it.
import { prisma } from "~/lib/db.server.ts";
import { readableCorrectiveActionsSql, readableInspectionsSql, readableFirstArticlesSql, readableSpecVersionsSql } from "~/lib/read-conditions.server.ts";
import type { TenantContext } from "~/lib/tenant.server.ts";
import { Prisma } from "~/generated/prisma/client.ts";
import { sentenceOf, TIMELINE_ACTIONS, type EventRow, type Sentence } from "./sentences.ts";

export interface TimelineEntry extends Sentence {
  id: string;
  at: string;
}

// A record's history is a few dozen steps; the newest are kept if some event source ever floods it.
const MAX_EVENTS = 200;

type Row = EventRow & { id: string; createdAt: Date };

const timelineActions = Prisma.join(TIMELINE_ACTIONS);

function toEntries(rows: Row[]): TimelineEntry[] {
  return rows.reverse().flatMap((row) => {
    const sentence = sentenceOf(row);
    return sentence ? [{ id: row.id, at: row.createdAt.toISOString(), ...sentence }] : [];
  });
}

/** A first article's round: started, submitted, decided (with the reason). One statement. */
export async function firstArticleHistory(ctx: TenantContext, firstArticleId: string) {
  const rows = await prisma.$queryRaw<Row[]>`
    SELECT e.id, e.action, e.changes, e."createdAt", u.name AS "actorName", imp.name AS "importerName", fac.name AS "factoryName"
    FROM "FirstArticle" x
    JOIN "AuditEvent" e ON e."subjectType" = 'FirstArticle' AND e."subjectId" = x.id
    JOIN "Organization" imp ON imp.id = x."importerId"
    JOIN "Organization" fac ON fac.id = x."factoryId"
    LEFT JOIN "User" u ON u.id = e."actorId"
    WHERE x.id = ${firstArticleId} AND ${readableFirstArticlesSql(ctx, "x")}
      AND e."orgId" = ${ctx.org.id} AND e.action IN (${timelineActions})
    ORDER BY e."createdAt" DESC, e.id DESC
    LIMIT ${MAX_EVENTS}`;
  return toEntries(rows);
}

/** A corrective action: opened, plan submitted, returned or accepted (with the comment), implemented, verified, reopened. One statement. */
export async function correctiveActionHistory(ctx: TenantContext, correctiveActionId: string) {
  const rows = await prisma.$queryRaw<Row[]>`
    SELECT e.id, e.action, e.changes, e."createdAt", u.name AS "actorName", imp.name AS "importerName", fac.name AS "factoryName"
    FROM "CorrectiveAction" x
    JOIN "AuditEvent" e ON e."subjectType" = 'CorrectiveAction' AND e."subjectId" = x.id
    JOIN "Organization" imp ON imp.id = x."importerId"
    JOIN "Organization" fac ON fac.id = x."factoryId"
    LEFT JOIN "User" u ON u.id = e."actorId"
    WHERE x.id = ${correctiveActionId} AND ${readableCorrectiveActionsSql(ctx, "x")}
      AND e."orgId" = ${ctx.org.id} AND e.action IN (${timelineActions})
    ORDER BY e."createdAt" DESC, e.id DESC
    LIMIT ${MAX_EVENTS}`;
  return toEntries(rows);
}

/** An inspection: booked, confirmed or rescheduled, aborted, result submitted, lot decided, severity switched. One statement. */
export async function inspectionHistory(ctx: TenantContext, inspectionId: string) {
  const rows = await prisma.$queryRaw<Row[]>`
    SELECT e.id, e.action, e.changes, e."createdAt", u.name AS "actorName", imp.name AS "importerName", fac.name AS "factoryName"
    FROM "Inspection" x
    JOIN "AuditEvent" e ON e."subjectType" = 'Inspection' AND e."subjectId" = x.id
    JOIN "Organization" imp ON imp.id = x."importerId"
    JOIN "Organization" fac ON fac.id = x."factoryId"
    LEFT JOIN "User" u ON u.id = e."actorId"
    WHERE x.id = ${inspectionId} AND ${readableInspectionsSql(ctx, "x")}
      AND e."orgId" = ${ctx.org.id} AND e.action IN (${timelineActions})
    ORDER BY e."createdAt" DESC, e.id DESC
    LIMIT ${MAX_EVENTS}`;
  return toEntries(rows);
}

/**
 * A spec version: started and published, the spec's shares, and each factory's acknowledgement or
 * question. The factory the event concerns is named from the event (a share, an answer). One statement.
 */
export async function specVersionHistory(ctx: TenantContext, versionId: string) {
  const rows = await prisma.$queryRaw<Row[]>`
    SELECT e.id, e.action, e.changes, e."createdAt", u.name AS "actorName", imp.name AS "importerName", fac.name AS "factoryName"
    FROM "SpecVersion" x
    JOIN "AuditEvent" e ON (e."subjectType" = 'SpecVersion' AND e."subjectId" = x.id)
      OR (e."subjectType" = 'Spec' AND e."subjectId" = x."specId" AND e.action IN ('spec.share', 'spec.unshare'))
    JOIN "Organization" imp ON imp.id = x."orgId"
    LEFT JOIN "Organization" fac ON fac.id = COALESCE(e.changes->'factoryId'->>'to', e.changes->'factoryId'->>'from')
    LEFT JOIN "User" u ON u.id = e."actorId"
    WHERE x.id = ${versionId} AND ${readableSpecVersionsSql(ctx, "x")} AND e.action IN (${timelineActions})
      AND (e."orgId" = ${ctx.org.id}
        OR (e."orgId" = x."orgId" AND (e.action = 'specVersion.publish' OR (e.action IN ('spec.share', 'spec.unshare') AND fac.id = ${ctx.org.id}))))
    ORDER BY e."createdAt" DESC, e.id DESC
    LIMIT ${MAX_EVENTS}`;
  return toEntries(rows);
}
