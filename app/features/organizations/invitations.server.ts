import { createHash, randomBytes } from "node:crypto";
import type { InvitationKind, Role } from "~/generated/prisma/client.ts";
import { asSubject } from "~/lib/ability.ts";
import { recordAudit } from "~/lib/audit.server.ts";
import { prisma, type Tx } from "~/lib/db.server.ts";
import { UserError } from "~/lib/errors.ts";
import { message } from "~/lib/i18n/message.ts";
import { DAY_MS } from "~/lib/dates.ts";
import { appUrl } from "~/lib/app-url.server.ts";
import { invitationPath } from "./paths.ts";
import type { TenantContext } from "~/lib/tenant.server.ts";

export const INVITATION_TTL_MS = 7 * DAY_MS;

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** Only the hash is stored: a leaked database does not leak working links. */
export function newInvitationToken() {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashToken(token) };
}

export const invitationUrl = (token: string) => appUrl(invitationPath(token));

/** "May this member invite someone to join (MEMBER) or to partner (PARTNER)?": an invitation from this org. */
export const invitationToSend = (ctx: Pick<TenantContext, "org">, kind: InvitationKind) => asSubject("Invitation", { orgId: ctx.org.id, kind });

export type InvitationState = "valid" | "expired" | "used" | "revoked";

/**
 * Creates an invitation from a member of the active org, revoking any
 * still-pending one for the same address and purpose. Its link exists only in
 * the email that carries it: `envelope` addresses that email (once per
 * invitation) and `link` holds what every invitation template shows of it.
 */
export async function createInvitation(
  tx: Tx,
  by: { org: { id: string }; user: { id: string; timeZone: string } },
  input: { kind: InvitationKind; email: string; role: Role; locale: string; partnershipId?: string },
) {
  const now = new Date();
  const orgId = by.org.id;
  await tx.invitation.updateMany({
    where: { orgId, kind: input.kind, email: input.email, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
    data: { revokedAt: now },
  });
  const { token, tokenHash } = newInvitationToken();
  const invitation = await tx.invitation.create({
    data: { ...input, orgId, invitedById: by.user.id, tokenHash, expiresAt: new Date(now.getTime() + INVITATION_TTL_MS) },
  });
  return {
    invitation,
    // The invitee has no zone yet: the expiry is written in the inviter's.
    envelope: { orgId, to: input.email, locale: input.locale, timeZone: by.user.timeZone, idempotencyKey: `invitation:${invitation.id}` },
    link: { acceptUrl: invitationUrl(token), expiresAt: invitation.expiresAt.toISOString() },
  };
}

export async function getInvitationByToken(token: string) {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const invitation = await prisma.invitation.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      id: true,
      kind: true,
      email: true,
      role: true,
      expiresAt: true,
      acceptedAt: true,
      revokedAt: true,
      org: { select: { id: true, name: true, slug: true, kind: true } },
      partnershipId: true,
    },
  });
  if (!invitation) return null;
  const state: InvitationState = invitation.revokedAt
    ? "revoked"
    : invitation.acceptedAt
      ? "used"
      : invitation.expiresAt.getTime() <= Date.now()
        ? "expired"
        : "valid";
  return { ...invitation, state };
}

export type InvitationView = NonNullable<Awaited<ReturnType<typeof getInvitationByToken>>>;

/**
 * Marks the invitation used, atomically: of two tabs accepting at once, one
 * wins and the other is told the link was already used.
 */
export async function claimInvitation(tx: Tx, token: string, kind: InvitationKind, userId: string) {
  const now = new Date();
  const { count } = await tx.invitation.updateMany({
    where: { tokenHash: hashToken(token), kind, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
    data: { acceptedAt: now, acceptedById: userId },
  });
  if (count !== 1) throw new UserError(message("members", "errors.invitationGone"), 410);
  return tx.invitation.findUniqueOrThrow({ where: { tokenHash: hashToken(token) } });
}

/** Joins the invited colleague to the org. The signed-in address must be the invited one. */
export async function acceptMemberInvitation(token: string, user: { id: string; email: string }) {
  return prisma.$transaction(async (tx) => {
    const invitation = await claimInvitation(tx, token, "MEMBER", user.id);
    if (invitation.email !== user.email) {
      throw new UserError(message("members", "errors.invitationForOther", { email: invitation.email }), 403);
    }
    const existing = await tx.membership.findUnique({ where: { userId_orgId: { userId: user.id, orgId: invitation.orgId } } });
    if (!existing) {
      const membership = await tx.membership.create({ data: { userId: user.id, orgId: invitation.orgId, role: invitation.role } });
      await recordAudit(tx, {
        orgId: invitation.orgId,
        actorId: user.id,
        action: "membership.join",
        subjectType: "Membership",
        subjectId: membership.id,
        after: { userId: user.id, role: membership.role },
      });
    }
    return tx.organization.findUniqueOrThrow({ where: { id: invitation.orgId }, select: { slug: true, name: true } });
  });
}
