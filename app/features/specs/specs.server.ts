import { asSubject } from "~/lib/ability.ts";
import { recordAudit } from "~/lib/audit.server.ts";
import { accessible, ensureCan } from "~/lib/authorize.server.ts";
import { prisma } from "~/lib/db.server.ts";
import { UserError } from "~/lib/errors.ts";
import { notFound } from "~/lib/http.server.ts";
import { pageOverSegments } from "~/lib/pagination.ts";
import type { TenantContext } from "~/lib/tenant.server.ts";
import type { Prisma } from "~/generated/prisma/client.ts";
import type { SPEC_LIST_FILTERS } from "./schemas.ts";

/** The relations the Spec rules look through (see specRules in the ability). */
export const specSharesForAbility = { select: { factoryId: true, partnership: { select: { status: true } } } } as const;

export async function createSpec(ctx: TenantContext, input: { title: string; productCode: string; description: string }) {
  const draft = { id: "", orgId: ctx.org.id, title: input.title, productCode: input.productCode, description: input.description, currentVersionId: null, createdById: ctx.user.id, createdAt: new Date(), updatedAt: new Date() };
  ensureCan(ctx.ability, "create", asSubject("Spec", draft), "Only owners and quality leads create specifications.");
  const clash = await prisma.spec.findUnique({ where: { orgId_productCode: { orgId: ctx.org.id, productCode: input.productCode } }, select: { id: true } });
  if (clash) throw new UserError(`A specification for product code ${input.productCode} already exists.`, 409);
  return prisma.$transaction(async (tx) => {
    const spec = await tx.spec.create({
      data: { orgId: ctx.org.id, title: input.title, productCode: input.productCode, description: input.description, createdById: ctx.user.id },
    });
    await tx.specVersion.create({ data: { specId: spec.id, orgId: ctx.org.id, number: 1, description: input.description } });
    await recordAudit(tx, { orgId: ctx.org.id, actorId: ctx.user.id, action: "spec.create", subjectType: "Spec", subjectId: spec.id, after: { title: spec.title, productCode: spec.productCode } });
    return spec;
  });
}

/** A spec the user may read, with what its pages need; 404 otherwise. */
export async function loadSpec(ctx: TenantContext, specId: string) {
  const spec = await prisma.spec.findFirst({
    where: { AND: [accessible(ctx.ability, "read", "Spec"), { id: specId }] },
    include: { shares: specSharesForAbility, org: { select: { id: true, name: true, slug: true } } },
  });
  if (!spec) notFound("Specification not found.");
  return spec;
}

export type LoadedSpec = Awaited<ReturnType<typeof loadSpec>>;

export interface SpecListQuery {
  q?: string;
  filter: (typeof SPEC_LIST_FILTERS)[number];
  partnerId?: string;
  page: number;
  pageSize: number;
}

// Drafts and other factories' shares are the importer's business: both go through the ability.
const listSelect = (ctx: TenantContext) =>
  ({
    id: true,
    title: true,
    productCode: true,
    updatedAt: true,
    org: { select: { name: true } },
    currentVersion: { select: { id: true, number: true, publishedAt: true } },
    versions: { where: { AND: [accessible(ctx.ability, "read", "SpecVersion"), { status: "DRAFT" as const }] }, select: { number: true }, take: 1 },
    _count: { select: { shares: { where: accessible(ctx.ability, "read", "SpecShare") } } },
  }) satisfies Prisma.SpecSelect;

/** `contains` is a LIKE: a product code's own _ and % must not act as wildcards. */
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Specs for the list page. A factory sees first the specs whose current
 * version it has not acknowledged; an importer sees first the ones some
 * partner has not acknowledged yet.
 */
export async function listSpecs(ctx: TenantContext, query: SpecListQuery) {
  const readable = accessible(ctx.ability, "read", "Spec");
  const search: Prisma.SpecWhereInput = query.q
    ? { OR: [{ title: { contains: escapeLike(query.q), mode: "insensitive" } }, { productCode: { contains: escapeLike(query.q), mode: "insensitive" } }] }
    : {};
  const partner: Prisma.SpecWhereInput = !query.partnerId
    ? {}
    : ctx.org.kind === "IMPORTER"
      ? { shares: { some: { factoryId: query.partnerId } } }
      : { orgId: query.partnerId };
  const status: Prisma.SpecWhereInput =
    query.filter === "draft"
      ? { versions: { some: { AND: [accessible(ctx.ability, "read", "SpecVersion"), { status: "DRAFT" }] } } }
      : query.filter === "published"
        ? { currentVersionId: { not: null } }
        : {};
  const awaiting = await awaitingAcknowledgement(ctx);
  const base: Prisma.SpecWhereInput[] = [readable, search, partner, status];
  const first: Prisma.SpecWhereInput = { AND: [...base, awaiting] };
  const rest: Prisma.SpecWhereInput = { AND: [...base, { NOT: awaiting }] };
  const orderBy: Prisma.SpecOrderByWithRelationInput[] = [{ updatedAt: "desc" }, { id: "asc" }];
  const select = listSelect(ctx);
  const fetch = (where: Prisma.SpecWhereInput) => (skip: number, take: number) => prisma.spec.findMany({ where, orderBy, skip, take, select });
  const [firstCount, restCount] = await Promise.all([
    prisma.spec.count({ where: first }),
    query.filter === "needs-ack" ? Promise.resolve(0) : prisma.spec.count({ where: rest }),
  ]);
  const page = await pageOverSegments(query.page, [
    { count: firstCount, fetch: fetch(first) },
    { count: restCount, fetch: fetch(rest) },
  ], query.pageSize);
  const awaitingIds = new Set(firstCount ? (await prisma.spec.findMany({ where: { AND: [first, { id: { in: page.items.map((s) => s.id) } }] }, select: { id: true } })).map((s) => s.id) : []);
  return { ...page, items: page.items.map((s) => ({ ...s, awaiting: awaitingIds.has(s.id) })), awaitingCount: firstCount };
}

/** Specs whose current version still waits for an acknowledgement that concerns this org. */
async function awaitingAcknowledgement(ctx: TenantContext): Promise<Prisma.SpecWhereInput> {
  if (ctx.org.kind === "FACTORY") {
    return { currentVersion: { is: { acknowledgements: { none: { factoryId: ctx.org.id, status: "ACKNOWLEDGED" } } } } };
  }
  // "Some active partner it is shared with has not acknowledged the current version": not expressible as a
  // Prisma filter (it compares two relations of the same row), so the ids come from one SQL query.
  const rows = await prisma.$queryRaw<{ id: string }[]>`
    SELECT DISTINCT s.id FROM "Spec" s
    JOIN "SpecShare" sh ON sh."specId" = s.id
    JOIN "Partnership" p ON p.id = sh."partnershipId" AND p.status = 'ACTIVE'
    WHERE s."orgId" = ${ctx.org.id} AND s."currentVersionId" IS NOT NULL
      AND NOT EXISTS (
        SELECT 1 FROM "Acknowledgement" a
        WHERE a."versionId" = s."currentVersionId" AND a."factoryId" = sh."factoryId" AND a.status = 'ACKNOWLEDGED')`;
  return { id: { in: rows.map((r) => r.id) } };
}
