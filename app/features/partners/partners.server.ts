import type { PartnershipStatus } from "~/generated/prisma/client.ts";
import { createOrganization } from "~/features/organizations/organizations.server.ts";
import { claimInvitation, createInvitation, invitationToSend } from "~/features/organizations/invitations.server.ts";
import { enqueueEmail } from "~/features/notifications/outbox.server.ts";
import { asSubject } from "~/lib/ability.ts";
import { memberAction, recordAudit } from "~/lib/audit.server.ts";
import { accessible, ensureCan } from "~/lib/authorize.server.ts";
import { prisma } from "~/lib/db.server.ts";
import { UserError } from "~/lib/errors.ts";
import { notFound } from "~/lib/http.server.ts";
import { message } from "~/lib/i18n/message.ts";
import { pageArgs, toPage } from "~/lib/pagination.ts";
import type { TenantContext } from "~/lib/tenant.server.ts";

const orgSummary = { select: { id: true, name: true, slug: true } } as const;

export async function listPartnerships(ctx: TenantContext, page: number, status?: PartnershipStatus) {
  const where = { AND: [accessible(ctx.ability, "read", "Partnership"), status ? { status } : {}] };
  const [items, total] = await Promise.all([
    prisma.partnership.findMany({
      where,
      // Active first, then invited, then ended; newest first within each.
      orderBy: [{ status: "asc" }, { createdAt: "desc" }, { id: "asc" }],
      select: {
        id: true,
        importerId: true,
        factoryId: true,
        status: true,
        createdAt: true,
        activatedAt: true,
        endedAt: true,
        importer: orgSummary,
        factory: orgSummary,
        invitations: {
          where: { acceptedAt: null, revokedAt: null },
          orderBy: { createdAt: "desc" },
          take: 1,
          select: { id: true, email: true, expiresAt: true },
        },
      },
      ...pageArgs(page),
    }),
    prisma.partnership.count({ where }),
  ]);
  const withFlags = items.map((p) => ({
    ...p,
    can: {
      end: ctx.ability.can("end", asSubject("Partnership", { importerId: p.importerId, factoryId: p.factoryId, status: p.status })),
      revokeInvitation: ctx.ability.can("delete", asSubject("Invitation", { orgId: p.importerId, kind: "PARTNER" })),
    },
  }));
  return toPage(withFlags, total, page);
}

/** "May this member invite factories?": a partnership of this importer, waiting for its factory. */
export const partnershipToStart = (ctx: TenantContext) => asSubject("Partnership", { importerId: ctx.org.id, factoryId: null, status: "INVITED" });

/** An importer owner invites a factory by email; the partnership waits as INVITED. */
export async function invitePartner(ctx: TenantContext, input: { email: string; locale: string }) {
  ensureCan(ctx.ability, "create", partnershipToStart(ctx), message("partners", "errors.cannotInvite"));
  ensureCan(ctx.ability, "create", invitationToSend(ctx, "PARTNER"));
  return prisma.$transaction(async (tx) => {
    // Re-inviting the same address replaces the pending invitation and its partnership.
    const pending = await tx.invitation.findMany({
      where: { orgId: ctx.org.id, kind: "PARTNER", email: input.email, acceptedAt: null, revokedAt: null },
      select: { partnershipId: true },
    });
    const stale = pending.flatMap((p) => (p.partnershipId ? [p.partnershipId] : []));
    if (stale.length) {
      await tx.partnership.updateMany({
        where: { id: { in: stale }, status: "INVITED" },
        data: { status: "ENDED", endedAt: new Date(), endedById: ctx.user.id },
      });
    }
    const partnership = await tx.partnership.create({ data: { importerId: ctx.org.id, status: "INVITED" } });
    const { invitation, envelope, link } = await createInvitation(tx, ctx, {
      kind: "PARTNER",
      email: input.email,
      role: "OWNER",
      locale: input.locale,
      partnershipId: partnership.id,
    });
    await enqueueEmail(tx, { ...envelope, template: "partner-invitation", data: { inviterName: ctx.user.name, importerName: ctx.org.name, ...link } });
    await recordAudit(tx, {
      ...memberAction(ctx, "partnership.invite", "Partnership", partnership.id),
      after: { status: partnership.status, email: input.email },
    });
    return { partnership, invitation };
  });
}

/** Ends an active partnership; the history stays, the factory loses access. */
export function endPartnership(ctx: TenantContext, partnershipId: string) {
  return prisma.$transaction(async (tx) => {
    const partnership = await tx.partnership.findFirst({
      where: { id: partnershipId, OR: [{ importerId: ctx.org.id }, { factoryId: ctx.org.id }] },
    });
    if (!partnership || !ctx.ability.can("read", asSubject("Partnership", partnership))) notFound(message("partners", "errors.notFound"));
    if (partnership.status !== "ACTIVE") throw new UserError(message("partners", "errors.notActive"), 409);
    ensureCan(ctx.ability, "end", asSubject("Partnership", partnership), message("partners", "errors.cannotEnd"));
    const { count } = await tx.partnership.updateMany({
      where: { id: partnership.id, status: "ACTIVE" },
      data: { status: "ENDED", endedAt: new Date(), endedById: ctx.user.id },
    });
    if (count !== 1) throw new UserError(message("partners", "errors.endedMeanwhile"), 409);
    for (const orgId of [partnership.importerId, partnership.factoryId]) {
      if (!orgId) continue;
      await recordAudit(tx, {
        ...memberAction(ctx, "partnership.end", "Partnership", partnership.id, orgId),
        before: { status: "ACTIVE" },
        after: { status: "ENDED" },
      });
    }
  });
}

/** Factories the user owns: the ones they may bring into a partnership. */
export function listOwnedFactories(userId: string) {
  return prisma.organization.findMany({
    where: { kind: "FACTORY", memberships: { some: { userId, role: "OWNER" } } },
    orderBy: { name: "asc" },
    select: { id: true, name: true, slug: true },
  });
}

export type AcceptPartnerChoice = { factory: "new"; factoryName: string } | { factory: "existing"; factoryOrgId: string };

/** The invitee accepts: with a new factory org, or one they own. The partnership becomes ACTIVE. */
export function acceptPartnerInvitation(token: string, user: { id: string }, choice: AcceptPartnerChoice) {
  return prisma.$transaction(async (tx) => {
    const invitation = await claimInvitation(tx, token, "PARTNER", user.id);
    const partnershipId = invitation.partnershipId;
    if (!partnershipId) throw new UserError(message("partners", "errors.notPartnerInvitation"), 400);
    let factory: { id: string; slug: string; name: string };
    if (choice.factory === "existing") {
      const owned = await tx.organization.findFirst({
        where: { id: choice.factoryOrgId, kind: "FACTORY", memberships: { some: { userId: user.id, role: "OWNER" } } },
        select: { id: true, slug: true, name: true },
      });
      if (!owned) throw new UserError(message("partners", "errors.notYourFactory"), 403);
      factory = owned;
    } else {
      factory = await createOrganization(tx, { name: choice.factoryName, kind: "FACTORY", ownerId: user.id, locale: invitation.locale });
    }
    const already = await tx.partnership.findFirst({
      where: { importerId: invitation.orgId, factoryId: factory.id, status: "ACTIVE" },
      select: { id: true },
    });
    if (already) throw new UserError(message("partners", "errors.alreadyPartner", { factory: factory.name }), 409);
    const { count } = await tx.partnership.updateMany({
      where: { id: partnershipId, status: "INVITED" },
      data: { factoryId: factory.id, status: "ACTIVE", activatedAt: new Date() },
    });
    if (count !== 1) throw new UserError(message("partners", "errors.invitationClosed"), 410);
    for (const orgId of [invitation.orgId, factory.id]) {
      await recordAudit(tx, {
        orgId,
        actorId: user.id,
        action: "partnership.accept",
        subjectType: "Partnership",
        subjectId: partnershipId,
        before: { status: "INVITED", factoryId: null },
        after: { status: "ACTIVE", factoryId: factory.id },
      });
    }
    return { factory, partnershipId };
  });
}

/** The orgs on the other side of this org's active partnerships, for list filters. */
export async function listActivePartnerOrgs(ctx: TenantContext): Promise<{ id: string; name: string }[]> {
  const args = {
    where: { AND: [accessible(ctx.ability, "read", "Partnership"), { status: "ACTIVE" as const }] },
    orderBy: { createdAt: "asc" as const },
    take: 200,
  };
  // Only the other side: this org is in ctx already.
  const org = { select: { id: true, name: true } };
  if (ctx.org.kind === "IMPORTER") {
    const partnerships = await prisma.partnership.findMany({ ...args, select: { factory: org } });
    return partnerships.flatMap((p) => (p.factory ? [p.factory] : []));
  }
  const partnerships = await prisma.partnership.findMany({ ...args, select: { importer: org } });
  return partnerships.map((p) => p.importer);
}
