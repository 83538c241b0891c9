-- Invariants of a seeded benchmark database, one row per rule: `ok` is true
-- when the rule holds (no violations, or the wanted minimum is there).
-- psql postgres://postgres@127.0.0.1:5432/supplier_portal_bench -f bench/seed/checks.sql
WITH result(name, n) AS (
SELECT 'orgs without an owner', count(*) FROM "Organization" o
  WHERE NOT EXISTS (SELECT 1 FROM "Membership" m WHERE m."orgId" = o.id AND m.role = 'OWNER')
UNION ALL SELECT 'users in 2+ orgs (want > 0)', count(*) FROM (SELECT "userId" FROM "Membership" GROUP BY 1 HAVING count(*) > 1) x
UNION ALL SELECT 'specs whose current version is not their published one', count(*) FROM "Spec" s
  LEFT JOIN "SpecVersion" v ON v.id = s."currentVersionId"
  WHERE v.id IS NULL OR v."specId" <> s.id OR v.status <> 'PUBLISHED'
     OR (SELECT count(*) FROM "SpecVersion" x WHERE x."specId" = s.id AND x.status = 'PUBLISHED') <> 1
UNION ALL SELECT 'versions of another org than their spec', count(*) FROM "SpecVersion" v JOIN "Spec" s ON s.id = v."specId" WHERE v."orgId" <> s."orgId"
UNION ALL SELECT 'shares not through a partnership of that pair', count(*) FROM "SpecShare" sh
  JOIN "Partnership" p ON p.id = sh."partnershipId" JOIN "Spec" s ON s.id = sh."specId"
  WHERE p."importerId" <> sh."importerId" OR p."factoryId" IS DISTINCT FROM sh."factoryId" OR s."orgId" <> sh."importerId" OR p.status = 'INVITED'
UNION ALL SELECT 'acknowledgements of unshared or draft versions', count(*) FROM "Acknowledgement" a
  JOIN "SpecVersion" v ON v.id = a."versionId"
  WHERE v.status = 'DRAFT' OR v."orgId" <> a."importerId"
     OR NOT EXISTS (SELECT 1 FROM "SpecShare" sh WHERE sh."specId" = v."specId" AND sh."factoryId" = a."factoryId")
UNION ALL SELECT 'first articles on a version their factory did not acknowledge', count(*) FROM "FirstArticle" fa
  WHERE NOT EXISTS (SELECT 1 FROM "Acknowledgement" a WHERE a."versionId" = fa."versionId" AND a."factoryId" = fa."factoryId" AND a.status = 'ACKNOWLEDGED')
UNION ALL SELECT 'first articles not matching their share', count(*) FROM "FirstArticle" fa
  JOIN "SpecVersion" v ON v.id = fa."versionId"
  WHERE v."specId" <> fa."specId" OR v."orgId" <> fa."importerId"
     OR NOT EXISTS (SELECT 1 FROM "SpecShare" sh WHERE sh."specId" = fa."specId" AND sh."factoryId" = fa."factoryId" AND sh."partnershipId" = fa."partnershipId")
UNION ALL SELECT 'first-article series out of order', count(*) FROM "FirstArticle" fa
  WHERE (fa.round = 1 AND fa."seriesId" <> fa.id)
     OR (fa.round > 1 AND NOT EXISTS (SELECT 1 FROM "FirstArticle" p WHERE p."seriesId" = fa."seriesId" AND p.round = fa.round - 1 AND p.status = 'REJECTED' AND p."versionId" = fa."versionId"))
UNION ALL SELECT 'first-article timestamps inconsistent', count(*) FROM "FirstArticle" fa
  WHERE (fa.status = 'DRAFT') <> (fa."submittedAt" IS NULL)
     OR (fa.status IN ('DRAFT', 'SUBMITTED')) <> (fa."decidedAt" IS NULL)
     OR fa."submittedAt" < fa."createdAt" OR fa."decidedAt" < fa."submittedAt" OR fa."updatedAt" > now()
UNION ALL SELECT 'first articles without every reading', count(*) FROM "FirstArticle" fa
  WHERE (SELECT count(*) FROM "Measurement" m WHERE m."firstArticleId" = fa.id)
     <> fa."sampleCount" * (SELECT count(*) FROM "Characteristic" c WHERE c."versionId" = fa."versionId")
UNION ALL SELECT 'readings of a key the version does not have', count(*) FROM "Measurement" m
  JOIN "FirstArticle" fa ON fa.id = m."firstArticleId"
  WHERE NOT EXISTS (SELECT 1 FROM "Characteristic" c WHERE c."versionId" = fa."versionId" AND c.key = m."characteristicKey")
UNION ALL SELECT 'readings judged against the tolerance wrongly', count(*) FROM "Measurement" m
  JOIN "FirstArticle" fa ON fa.id = m."firstArticleId"
  JOIN "Characteristic" c ON c."versionId" = fa."versionId" AND c.key = m."characteristicKey"
  WHERE CASE WHEN c.kind = 'ATTRIBUTE' THEN m.value IS NOT NULL OR m.passed IS DISTINCT FROM (m.raw = 'PASS') OR m.raw NOT IN ('PASS', 'FAIL')
        ELSE m.value IS DISTINCT FROM replace(m.raw, ',', '.')::numeric
          OR m.passed IS DISTINCT FROM ((c."lowerTol" IS NULL OR m.value >= coalesce(c.nominal, 0) + c."lowerTol")
                                    AND (c."upperTol" IS NULL OR m.value <= coalesce(c.nominal, 0) + c."upperTol")) END
UNION ALL SELECT 'approved first articles with a failing reading', count(*) FROM "FirstArticle" fa
  WHERE fa.status = 'APPROVED' AND EXISTS (SELECT 1 FROM "Measurement" m WHERE m."firstArticleId" = fa.id AND NOT m.passed)
UNION ALL SELECT 'rejected first articles without a failing reading', count(*) FROM "FirstArticle" fa
  WHERE fa.status = 'REJECTED' AND NOT EXISTS (SELECT 1 FROM "Measurement" m WHERE m."firstArticleId" = fa.id AND NOT m.passed)
UNION ALL SELECT 'corrective actions not matching their partnership or links', count(*) FROM "CorrectiveAction" ca
  JOIN "Partnership" p ON p.id = ca."partnershipId"
  LEFT JOIN "FirstArticle" fa ON fa.id = ca."firstArticleId"
  WHERE p."importerId" <> ca."importerId" OR p."factoryId" IS DISTINCT FROM ca."factoryId"
     OR (ca."firstArticleId" IS NOT NULL AND (fa.id IS NULL OR fa."partnershipId" <> ca."partnershipId" OR fa.status <> 'REJECTED' OR fa."specId" IS DISTINCT FROM ca."specId"))
     OR (ca."specId" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "SpecShare" sh WHERE sh."specId" = ca."specId" AND sh."factoryId" = ca."factoryId"))
     OR (p.status <> 'ACTIVE' AND ca.status <> 'CLOSED')
UNION ALL SELECT 'corrective-action timestamps inconsistent', count(*) FROM "CorrectiveAction" ca
  WHERE (ca.status IN ('PLAN_SUBMITTED', 'PLAN_ACCEPTED', 'IMPLEMENTED', 'CLOSED') AND ca."planSubmittedAt" IS NULL)
     OR (ca.status IN ('PLAN_ACCEPTED', 'IMPLEMENTED', 'CLOSED')) <> (ca."planAcceptedAt" IS NOT NULL)
     OR (ca.status IN ('IMPLEMENTED', 'CLOSED')) <> (ca."implementedAt" IS NOT NULL)
     OR (ca.status = 'CLOSED') <> (ca."closedAt" IS NOT NULL)
     OR ca."planSubmittedAt" < ca."createdAt" OR ca."planAcceptedAt" < ca."planSubmittedAt" OR ca."implementedAt" < ca."planAcceptedAt" OR ca."closedAt" < ca."implementedAt"
     OR ca."updatedAt" > now()
UNION ALL SELECT 'open plans overdue (want > 0)', count(*) FROM "CorrectiveAction" WHERE status = 'OPEN' AND "planDueAt" < now()
UNION ALL SELECT 'corrective actions without items', count(*) FROM "CorrectiveAction" ca WHERE NOT EXISTS (SELECT 1 FROM "CorrectiveActionItem" i WHERE i."correctiveActionId" = ca.id)
UNION ALL SELECT 'comments in an org outside their thread', count(*) FROM "Comment" c WHERE c."orgId" NOT IN (c."importerId", c."factoryId")
UNION ALL SELECT 'comments by a non-member or a viewer', count(*) FROM "Comment" c
  WHERE NOT EXISTS (SELECT 1 FROM "Membership" m WHERE m."userId" = c."authorId" AND m."orgId" = c."orgId" AND m.role <> 'VIEWER')
UNION ALL SELECT 'spec-version comments on an unshared version', count(*) FROM "Comment" c
  WHERE c."threadType" = 'SpecVersion' AND NOT EXISTS (
    SELECT 1 FROM "SpecVersion" v JOIN "SpecShare" sh ON sh."specId" = v."specId"
    WHERE v.id = c."threadId" AND v.status <> 'DRAFT' AND v."orgId" = c."importerId" AND sh."factoryId" = c."factoryId")
UNION ALL SELECT 'first-article comments not on a series of that pair', count(*) FROM "Comment" c
  WHERE c."threadType" = 'FirstArticle' AND NOT EXISTS (
    SELECT 1 FROM "FirstArticle" fa WHERE fa.id = c."threadId" AND fa.round = 1 AND fa."importerId" = c."importerId" AND fa."factoryId" = c."factoryId")
UNION ALL SELECT 'importer comments on a first article it cannot read yet', count(*) FROM "Comment" c
  WHERE c."threadType" = 'FirstArticle' AND c."orgId" = c."importerId" AND NOT EXISTS (
    SELECT 1 FROM "FirstArticle" fa WHERE fa."seriesId" = c."threadId" AND fa."submittedAt" <= c."createdAt")
UNION ALL SELECT 'corrective-action comments not on an action of that pair', count(*) FROM "Comment" c
  WHERE c."threadType" = 'CorrectiveAction' AND NOT EXISTS (
    SELECT 1 FROM "CorrectiveAction" ca WHERE ca.id = c."threadId" AND ca."importerId" = c."importerId" AND ca."factoryId" = c."factoryId")
UNION ALL SELECT 'unknown thread types', count(*) FROM "Comment" WHERE "threadType" NOT IN ('SpecVersion', 'FirstArticle', 'CorrectiveAction')
UNION ALL SELECT 'spec threads with 100+ comments (want >= 20)', count(*) FROM (
    SELECT 1 FROM "Comment" WHERE "threadType" = 'SpecVersion' GROUP BY "threadId", "factoryId" HAVING count(*) >= 100) x
UNION ALL SELECT 'first-article threads with comments (want > 0)', count(DISTINCT ("threadId", "factoryId")) FROM "Comment" WHERE "threadType" = 'FirstArticle'
UNION ALL SELECT 'corrective-action threads with comments (want > 0)', count(DISTINCT ("threadId", "factoryId")) FROM "Comment" WHERE "threadType" = 'CorrectiveAction'
UNION ALL SELECT 'rows dated in the future', (SELECT count(*) FROM "Comment" WHERE "createdAt" > now()) + (SELECT count(*) FROM "Acknowledgement" WHERE "createdAt" > now())
  + (SELECT count(*) FROM "SpecVersion" WHERE "updatedAt" > now()) + (SELECT count(*) FROM "SpecShare" WHERE "createdAt" > now())
)
SELECT name AS rule, n,
  CASE WHEN name LIKE '%(want >= 20)' THEN n >= 20 WHEN name LIKE '%(want > 0)' THEN n > 0 ELSE n = 0 END AS ok
FROM result;
