// Demo data: one importer with two partner factories, a user of every role in
// each, and one invitation waiting. Idempotent: does nothing if already seeded.
import type { OrgKind, Role } from "~/generated/prisma/client.ts";
import { createOrganization } from "~/features/organizations/organizations.server.ts";
import { prisma } from "~/lib/db.server.ts";
import { hashPassword } from "~/lib/password.server.ts";

export const DEMO_PASSWORD = "portal-demo-2026";

const ROLES: Role[] = ["OWNER", "QUALITY", "MEMBER", "VIEWER"];
const PEOPLE: Record<Role, string> = { OWNER: "Owner", QUALITY: "Quality Lead", MEMBER: "Member", VIEWER: "Viewer" };

export const DEMO_ORGS: { name: string; kind: OrgKind; domain: string; locale: string }[] = [
  { name: "Northwind Home Goods", kind: "IMPORTER", domain: "northwind.example", locale: "en" },
  { name: "Bright Ceramics", kind: "FACTORY", domain: "brightceramics.example", locale: "zh" },
  { name: "Saigon Textile Works", kind: "FACTORY", domain: "saigontextile.example", locale: "en" },
];

export interface DemoLogin {
  org: string;
  slug: string;
  role: Role;
  email: string;
}

export async function seedDemo(): Promise<{ created: boolean; logins: DemoLogin[] }> {
  const logins: DemoLogin[] = [];
  const existing = await prisma.user.findUnique({ where: { email: `owner@${DEMO_ORGS[0]!.domain}` }, select: { id: true } });
  const hash = existing ? "" : await hashPassword(DEMO_PASSWORD);
  await prisma.$transaction(async (tx) => {
    const orgIds: string[] = [];
    for (const spec of DEMO_ORGS) {
      let slug: string;
      if (existing) {
        const org = await tx.organization.findFirstOrThrow({ where: { name: spec.name, memberships: { some: { user: { email: `owner@${spec.domain}` } } } } });
        slug = org.slug;
      } else {
        const owner = await tx.user.create({
          data: { email: `owner@${spec.domain}`, name: `${spec.name.split(" ")[0]} ${PEOPLE.OWNER}`, locale: spec.locale, password: { create: { hash } } },
        });
        const org = await createOrganization(tx, { name: spec.name, kind: spec.kind, locale: spec.locale, ownerId: owner.id });
        orgIds.push(org.id);
        slug = org.slug;
        for (const role of ROLES.slice(1)) {
          const email = `${role.toLowerCase()}@${spec.domain}`;
          await tx.user.create({
            data: {
              email,
              name: `${spec.name.split(" ")[0]} ${PEOPLE[role]}`,
              locale: spec.locale,
              password: { create: { hash } },
              memberships: { create: { orgId: org.id, role } },
            },
          });
        }
      }
      for (const role of ROLES) logins.push({ org: spec.name, slug, role, email: `${role.toLowerCase()}@${spec.domain}` });
    }
    if (!existing) {
      const [importerId, ...factoryIds] = orgIds;
      for (const factoryId of factoryIds) {
        await tx.partnership.create({ data: { importerId: importerId!, factoryId, status: "ACTIVE", activatedAt: new Date() } });
      }
    }
  });
  return { created: !existing, logins };
}
