import { defineAbility } from "./ability.ts";
import { notFound } from "./http.server.ts";
import { message } from "./i18n/message.ts";
import { requireUser } from "./session.server.ts";

/**
 * The one gate at the top of every tenant loader and action: the signed-in
 * user must belong to the org named in the URL. Non-members get 404, so that
 * an org's existence is not revealed.
 */
export async function requireMembership(request: Request, slug: string | undefined) {
  const user = await requireUser(request);
  if (!slug) notFound(message("common", "error.orgNotFound"));
  const membership = user.memberships.find((m) => m.org.slug === slug);
  if (!membership) notFound(message("common", "error.orgNotFound"));
  const { org, role } = membership;
  const ability = defineAbility({ userId: user.id, orgId: org.id, orgKind: org.kind, role });
  return { user, org, role, membershipId: membership.id, ability };
}

export type TenantContext = Awaited<ReturnType<typeof requireMembership>>;
