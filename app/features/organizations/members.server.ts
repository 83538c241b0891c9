import type { Role } from "~/generated/prisma/client.ts";
import { enqueueEmail } from "~/features/notifications/outbox.server.ts";
import { asSubject } from "~/lib/ability.ts";
import { memberAction, recordAudit } from "~/lib/audit.server.ts";
import { accessible, ensureCan } from "~/lib/authorize.server.ts";
import { prisma, type Tx } from "~/lib/db.server.ts";
import { UserError } from "~/lib/errors.ts";
import { notFound } from "~/lib/http.server.ts";
import { message } from "~/lib/i18n/message.ts";
import { pageArgs, toPage } from "~/lib/pagination.ts";
import type { TenantContext } from "~/lib/tenant.server.ts";
import { createInvitation, invitationToSend } from "./invitations.server.ts";

export async function listMembers(ctx: TenantContext, page: number) {
  const where = { AND: [accessible(ctx.ability, "read", "Membership"), { orgId: ctx.org.id }] };
  const [items, total] = await Promise.all([
    prisma.membership.findMany({
      where,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true, orgId: true, role: true, createdAt: true, user: { select: { id: true, name: true, email: true } } },
      ...pageArgs(page),
    }),
    prisma.membership.count({ where }),
  ]);
  const withFlags = items.map((m) => {
    const subject = asSubject("Membership", { orgId: m.orgId, role: m.role });
    return { ...m, can: { changeRole: ctx.ability.can("update", subject), remove: ctx.ability.can("delete", subject) } };
  });
  return toPage(withFlags, total, page);
}

/** Pending invitations the user may see (owners only); empty for everyone else. */
export function listPendingMemberInvitations(ctx: TenantContext) {
  return prisma.invitation.findMany({
    where: {
      AND: [
        accessible(ctx.ability, "read", "Invitation"),
        { orgId: ctx.org.id, kind: "MEMBER", acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
      ],
    },
    orderBy: { createdAt: "desc" },
    take: 50,
    select: { id: true, email: true, role: true, expiresAt: true, createdAt: true },
  });
}

export async function inviteMember(ctx: TenantContext, input: { email: string; role: Role; locale: string }) {
  ensureCan(ctx.ability, "create", invitationToSend(ctx, "MEMBER"), message("members", "errors.cannotInvite"));
  const member = await prisma.membership.findFirst({ where: { orgId: ctx.org.id, user: { email: input.email } }, select: { id: true } });
  if (member) throw new UserError(message("members", "errors.alreadyMember", { email: input.email, org: ctx.org.name }), 409);
  return prisma.$transaction(async (tx) => {
    const { invitation, envelope, link } = await createInvitation(tx, ctx, { kind: "MEMBER", email: input.email, role: input.role, locale: input.locale });
    await enqueueEmail(tx, {
      ...envelope,
      template: "member-invitation",
      data: { inviterName: ctx.user.name, orgName: ctx.org.name, role: input.role, ...link },
    });
    await recordAudit(tx, {
      ...memberAction(ctx, "invitation.create", "Invitation", invitation.id),
      after: { email: invitation.email, role: invitation.role, kind: invitation.kind },
    });
    return invitation;
  });
}

async function loadMembership(ctx: TenantContext, tx: Tx, membershipId: string) {
  const membership = await tx.membership.findFirst({ where: { id: membershipId, orgId: ctx.org.id } });
  if (!membership) notFound(message("members", "errors.memberNotFound"));
  return membership;
}

// Locks the owner rows so that two owners demoting each other at once cannot leave none.
async function assertAnotherOwnerRemains(tx: Tx, orgId: string, leavingMembershipId: string) {
  const owners = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "Membership" WHERE "orgId" = ${orgId} AND role = 'OWNER' FOR UPDATE`;
  if (!owners.some((o) => o.id !== leavingMembershipId)) {
    throw new UserError(message("members", "errors.lastOwner"), 409);
  }
}

export function changeMemberRole(ctx: TenantContext, membershipId: string, role: Role) {
  return prisma.$transaction(async (tx) => {
    const membership = await loadMembership(ctx, tx, membershipId);
    ensureCan(ctx.ability, "update", asSubject("Membership", membership), message("members", "errors.cannotChangeRole"));
    if (membership.role === role) return membership;
    if (membership.role === "OWNER") await assertAnotherOwnerRemains(tx, ctx.org.id, membership.id);
    const updated = await tx.membership.update({ where: { id: membership.id }, data: { role } });
    await recordAudit(tx, {
      ...memberAction(ctx, "membership.change-role", "Membership", membership.id),
      before: { role: membership.role },
      after: { role: updated.role },
    });
    return updated;
  });
}

export function removeMember(ctx: TenantContext, membershipId: string) {
  return prisma.$transaction(async (tx) => {
    const membership = await loadMembership(ctx, tx, membershipId);
    ensureCan(ctx.ability, "delete", asSubject("Membership", membership), message("members", "errors.cannotRemove"));
    if (membership.role === "OWNER") await assertAnotherOwnerRemains(tx, ctx.org.id, membership.id);
    await tx.membership.delete({ where: { id: membership.id } });
    await recordAudit(tx, {
      ...memberAction(ctx, "membership.remove", "Membership", membership.id),
      before: { userId: membership.userId, role: membership.role },
    });
    return membership;
  });
}

export function revokeInvitation(ctx: TenantContext, invitationId: string) {
  return prisma.$transaction(async (tx) => {
    const invitation = await tx.invitation.findFirst({ where: { id: invitationId, orgId: ctx.org.id } });
    if (!invitation || !ctx.ability.can("read", asSubject("Invitation", invitation))) notFound(message("members", "errors.invitationNotFound"));
    ensureCan(ctx.ability, "delete", asSubject("Invitation", invitation), message("members", "errors.cannotRevoke"));
    if (invitation.acceptedAt || invitation.revokedAt) return invitation;
    const revoked = await tx.invitation.update({ where: { id: invitation.id }, data: { revokedAt: new Date() } });
    if (invitation.partnershipId) {
      await tx.partnership.updateMany({
        where: { id: invitation.partnershipId, status: "INVITED" },
        data: { status: "ENDED", endedAt: new Date(), endedById: ctx.user.id },
      });
    }
    await recordAudit(tx, {
      ...memberAction(ctx, "invitation.revoke", "Invitation", invitation.id),
      before: { revokedAt: null },
      after: { revokedAt: revoked.revokedAt },
    });
    return revoked;
  });
}
