// Picks who signs in and what each of them opens, from the seeded database:
// 50 users, one per organization, over both kinds, always including the
// largest tenants and the ones holding the long spec threads. Detail pages
// are records of active partnerships: an ended one is closed to its factory.
import type pg from "pg";

export interface BenchUser {
  email: string;
  orgId: string;
  slug: string;
  kind: "IMPORTER" | "FACTORY";
}

export interface PageTargets {
  users: BenchUser[];
  /** Per user email: path of each detail page that user can open (absent when the org has none). */
  paths: Record<string, Partial<Record<DetailPage, string>>>;
  specCounts: Record<string, number>;
  /** Fewest comments in the long spec threads the benchmark opens. */
  threadComments: number;
}

export type DetailPage = "specThread" | "firstArticle" | "correctiveAction" | "scorecard" | "inspection";

export async function findTargets(pool: pg.Pool, userCount = 50): Promise<PageTargets> {
  const q = async <T>(sql: string, params: unknown[] = []) => (await pool.query(sql, params)).rows as T[];

  const hotThreads = await q<{ versionId: string; specId: string; number: number; importerId: string; factoryId: string; comments: number }>(
    `SELECT c."threadId" AS "versionId", v."specId", v.number, c."importerId", c."factoryId", count(*)::int AS comments
       FROM "Comment" c JOIN "SpecVersion" v ON v.id = c."threadId"
      WHERE c."threadType" = 'SpecVersion' AND c.visibility = 'SHARED'
      GROUP BY 1, 2, 3, 4, 5 ORDER BY comments DESC LIMIT 12`,
  );
  const specCounts = await q<{ orgId: string; specs: number }>(
    `SELECT "orgId", count(*)::int AS specs FROM "Spec" GROUP BY 1
     UNION ALL
     SELECT s."factoryId", count(DISTINCT s."specId")::int FROM "SpecShare" s
       JOIN "Partnership" p ON p.id = s."partnershipId" AND p.status = 'ACTIVE' GROUP BY 1`,
  );
  const largest = [...specCounts]
    .sort((a, b) => b.specs - a.specs)
    .slice(0, 6)
    .map((r) => r.orgId);

  // Orgs in a stable pseudo-random order, with the must-haves first.
  const orgs = await q<{ id: string; slug: string; kind: "IMPORTER" | "FACTORY" }>(`SELECT id, slug, kind FROM "Organization" ORDER BY md5(id)`);
  const mustHave = new Set([...hotThreads.flatMap((t) => [t.importerId, t.factoryId]), ...largest]);
  const ordered = [...orgs.filter((o) => mustHave.has(o.id)), ...orgs.filter((o) => !mustHave.has(o.id))];
  // Alternate the kinds after the must-haves so both are well represented.
  const rest = ordered.slice(mustHave.size);
  const importers = rest.filter((o) => o.kind === "IMPORTER");
  const factories = rest.filter((o) => o.kind === "FACTORY");
  const picked = ordered.slice(0, mustHave.size);
  while (picked.length < userCount && (importers.length || factories.length)) {
    const next = (picked.length % 2 ? factories.shift() : importers.shift()) ?? importers.shift() ?? factories.shift();
    if (next) picked.push(next);
  }

  const members = await q<{ orgId: string; email: string }>(
    `SELECT DISTINCT ON (m."orgId") m."orgId", u.email FROM "Membership" m JOIN "User" u ON u.id = m."userId"
      WHERE m."orgId" = ANY($1) ORDER BY m."orgId", (m.role = 'QUALITY') DESC, u.email`,
    [picked.map((o) => o.id)],
  );
  const emailOf = new Map(members.map((m) => [m.orgId, m.email]));
  const users: BenchUser[] = picked
    .filter((o) => emailOf.has(o.id))
    .slice(0, userCount)
    .map((o) => ({ email: emailOf.get(o.id)!, orgId: o.id, slug: o.slug, kind: o.kind }));

  const paths: PageTargets["paths"] = {};
  for (const user of users) {
    const side = user.kind === "IMPORTER" ? `"importerId"` : `"factoryId"`;
    const mine = (paths[user.email] = {} as Partial<Record<DetailPage, string>>);
    const thread = hotThreads.find((t) => (user.kind === "IMPORTER" ? t.importerId : t.factoryId) === user.orgId);
    if (thread) mine.specThread = `/${user.slug}/specs/${thread.specId}/v/${thread.number}${user.kind === "IMPORTER" ? `?factory=${thread.factoryId}` : ""}`;
    const [fa] = await q<{ id: string }>(
      `SELECT f.id FROM "FirstArticle" f JOIN "Partnership" p ON p.id = f."partnershipId" AND p.status = 'ACTIVE'
        WHERE f.${side} = $1 AND f.status <> 'DRAFT' ORDER BY md5(f.id) LIMIT 1`,
      [user.orgId],
    );
    if (fa) mine.firstArticle = `/${user.slug}/first-articles/${fa.id}`;
    const [ca] = await q<{ id: string }>(
      `SELECT c.id FROM "CorrectiveAction" c JOIN "Partnership" p ON p.id = c."partnershipId" AND p.status = 'ACTIVE'
        WHERE c.${side} = $1 ORDER BY md5(c.id) LIMIT 1`,
      [user.orgId],
    );
    if (ca) mine.correctiveAction = `/${user.slug}/corrective-actions/${ca.id}`;
    // A decided inspection with its tallies: the page at its fullest.
    const [inspection] = await q<{ id: string }>(
      `SELECT i.id FROM "Inspection" i JOIN "Partnership" p ON p.id = i."partnershipId" AND p.status = 'ACTIVE'
        WHERE i.${side} = $1 AND i."submittedAt" IS NOT NULL ORDER BY md5(i.id) LIMIT 1`,
      [user.orgId],
    );
    if (inspection) mine.inspection = `/${user.slug}/inspections/${inspection.id}`;
    const [partner] = await q<{ partnerId: string }>(
      `SELECT ${user.kind === "IMPORTER" ? `"factoryId"` : `"importerId"`} AS "partnerId" FROM "Partnership"
        WHERE ${side} = $1 AND status = 'ACTIVE' AND "factoryId" IS NOT NULL ORDER BY md5(id) LIMIT 1`,
      [user.orgId],
    );
    if (partner) mine.scorecard = `/${user.slug}/scorecards/${partner.partnerId}`;
  }
  // Scale L has 20 threads of 100 or more comments; smaller scales use their longest.
  const threadComments = Math.min(...hotThreads.map((t) => t.comments));
  return { users, paths, specCounts: Object.fromEntries(specCounts.map((r) => [r.orgId, r.specs])), threadComments };
}
