import { randomBytes } from "node:crypto";
import type { OrgKind } from "~/generated/prisma/client.ts";
import { recordAudit } from "~/lib/audit.server.ts";
import { prisma, type Tx } from "~/lib/db.server.ts";
import { RESERVED_SLUGS, slugify } from "./slug.ts";

async function uniqueSlug(tx: Tx, name: string) {
  const base = slugify(name);
  for (let attempt = 0; attempt < 5; attempt++) {
    const candidate = attempt === 0 && !RESERVED_SLUGS.has(base) ? base : `${base}-${randomBytes(3).toString("hex")}`;
    const taken = await tx.organization.findUnique({ where: { slug: candidate }, select: { id: true } });
    if (!taken) return candidate;
  }
  return `${base}-${randomBytes(6).toString("hex")}`;
}

/** Creates an org with its creator as OWNER, in the creator's time zone unless told otherwise. */
export async function createOrganization(tx: Tx, input: { name: string; kind: OrgKind; locale?: string; timeZone?: string; ownerId: string }) {
  const org = await tx.organization.create({
    data: {
      name: input.name,
      kind: input.kind,
      locale: input.locale ?? "en",
      timeZone: input.timeZone ?? "UTC",
      slug: await uniqueSlug(tx, input.name),
      memberships: { create: { userId: input.ownerId, role: "OWNER" } },
    },
  });
  await recordAudit(tx, {
    orgId: org.id,
    actorId: input.ownerId,
    action: "organization.create",
    subjectType: "Organization",
    subjectId: org.id,
    after: { name: org.name, kind: org.kind, slug: org.slug },
  });
  return org;
}

export function createOrganizationFor(userId: string, input: { name: string; kind: OrgKind; locale?: string; timeZone?: string }) {
  return prisma.$transaction((tx) => createOrganization(tx, { ...input, ownerId: userId }));
}
