-- What a benchmark run needs from a seeded database.
-- psql postgres://postgres@127.0.0.1:5432/supplier_portal_bench -f bench/seed/hints.sql
-- Every user's password is bench-password-2026.

-- (a) 50 users, 25 at importers and 25 at factories, one org each (so signing in
-- lands in that org), spread over as many tenants as the scale has, largest
-- tenants first. Size: specs owned (importer) or specs shared with it (factory).
WITH single AS (
  SELECT "userId" FROM "Membership" GROUP BY 1 HAVING count(*) = 1
), sized AS (
  SELECT o.id, o.kind, o.slug,
    CASE o.kind WHEN 'IMPORTER' THEN (SELECT count(*) FROM "Spec" s WHERE s."orgId" = o.id)
                ELSE (SELECT count(*) FROM "SpecShare" sh WHERE sh."factoryId" = o.id) END AS size
  FROM "Organization" o
), candidates AS (
  SELECT s.kind, s.slug, s.size, u.email, m.role,
    row_number() OVER (PARTITION BY s.id ORDER BY m.role, u.email) AS nth_in_org
  FROM sized s
  JOIN "Membership" m ON m."orgId" = s.id
  JOIN single ON single."userId" = m."userId"
  JOIN "User" u ON u.id = m."userId"
  WHERE m.role <> 'VIEWER'
), picked AS (
  SELECT *, row_number() OVER (PARTITION BY kind ORDER BY nth_in_org, size DESC, slug) AS nth_in_kind FROM candidates
)
SELECT kind, slug AS org, email, role, size
FROM picked WHERE nth_in_kind <= 25
ORDER BY kind, size DESC, email;

-- (b) The spec threads with at least 100 comments, with the version page that
-- shows each one on either side.
SELECT count(*) AS comments, imp.slug AS importer, fac.slug AS factory,
  '/' || imp.slug || '/specs/' || v."specId" || '/v/' || v.number || '?factory=' || c."factoryId" AS importer_url,
  '/' || fac.slug || '/specs/' || v."specId" || '/v/' || v.number AS factory_url
FROM "Comment" c
JOIN "SpecVersion" v ON v.id = c."threadId"
JOIN "Organization" imp ON imp.id = c."importerId"
JOIN "Organization" fac ON fac.id = c."factoryId"
WHERE c."threadType" = 'SpecVersion'
GROUP BY imp.slug, fac.slug, v."specId", v.number, c."factoryId"
HAVING count(*) >= 100
ORDER BY comments DESC, importer_url;
