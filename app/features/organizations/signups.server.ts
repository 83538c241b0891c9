// Sign-up answers the same whether or not an address has an account: the form always
// leads to "check your email", and the email says what happens next. A new address gets
// a single-use link that creates the account; an address with an account gets a note
// and a login link. Only the owner of the address learns which it was.
import { randomBytes } from "node:crypto";
import type { OrgKind } from "~/generated/prisma/client.ts";
import { prisma } from "~/lib/db.server.ts";
import { hashPassword, verifyPassword } from "~/lib/password.server.ts";
import { enqueueEmail } from "../notifications/outbox.server.ts";
import { createAccount, EmailTakenError, insertAccount, isEmailTaken } from "./accounts.server.ts";
import { hashToken } from "./invitations.server.ts";
import { DAY_MS, HOUR_MS } from "~/lib/dates.ts";
import { appUrl } from "~/lib/app-url.server.ts";
import { loginPath } from "~/lib/login-path.ts";
import { invitationPath, signupConfirmPath } from "./paths.ts";

export const SIGNUP_LINK_TTL_MS = DAY_MS;
// A stranger could post the form again and again with someone's address: its inbox gets at
// most this many emails an hour from the form (links or "someone tried" notes).
const EMAILS_PER_HOUR = 3;

export interface SignupInput {
  name: string;
  email: string;
  password: string;
  locale?: string;
  /** The browser's zone (checked by the schema): the account's and its org's. */
  timeZone?: string;
  org?: { name: string; kind: OrgKind };
  /** Where the account lands once it exists (an invitation page); checked by the caller. */
  redirectTo?: string | null;
  /** The valid invitation the form came from, with its token. */
  invitation?: { token: string; email: string; orgName: string } | null;
}

export type SignupOutcome = { status: "signed-in"; user: { id: string }; org: { slug: string } | null } | { status: "check-email" };

export const signupConfirmUrl = (token: string) => appUrl(signupConfirmPath(token));

type Owner = { id: string; email: string; locale: string };

/**
 * One row and one email per sign-up, with or without an account, so both take the same
 * work and time: for a new address the row is the pending account behind the emailed link;
 * for an existing one it only records the attempt (used from the start, no password) and
 * the email is a note with a login link.
 */
async function recordAttempt(input: SignupInput, passwordHash: string, owner: Owner | null) {
  const token = randomBytes(32).toString("base64url");
  const now = new Date();
  await prisma.$transaction(async (tx) => {
    const recent = await tx.signupRequest.count({ where: { email: input.email, createdAt: { gt: new Date(now.getTime() - HOUR_MS) } } });
    if (recent >= EMAILS_PER_HOUR) return;
    const request = await tx.signupRequest.create({
      data: {
        tokenHash: hashToken(token),
        email: input.email,
        name: input.name,
        locale: owner?.locale ?? input.locale ?? "en",
        timeZone: input.timeZone ?? "UTC",
        passwordHash: owner ? "" : passwordHash,
        orgName: input.org?.name ?? null,
        orgKind: input.org?.kind ?? null,
        redirectTo: input.redirectTo ?? null,
        expiresAt: new Date(now.getTime() + SIGNUP_LINK_TTL_MS),
        usedAt: owner ? now : null,
        createdAt: now,
      },
      select: { id: true },
    });
    if (owner) {
      const invited = input.invitation && input.invitation.email === owner.email ? input.invitation : null;
      await enqueueEmail(tx, {
        to: owner.email,
        locale: owner.locale,
        template: "signup-existing",
        data: { loginUrl: appUrl(loginPath(invited ? invitationPath(invited.token) : undefined)), invitationOrgName: invited?.orgName ?? null },
        idempotencyKey: `signup-existing:${request.id}`,
      });
    } else {
      await enqueueEmail(tx, {
        to: input.email,
        locale: input.locale,
        template: "signup-confirm",
        data: { name: input.name, confirmUrl: signupConfirmUrl(token), hours: SIGNUP_LINK_TTL_MS / HOUR_MS },
        idempotencyKey: `signup-confirm:${request.id}`,
      });
    }
  });
}

const findOwner = (email: string): Promise<Owner | null> => prisma.user.findUnique({ where: { email }, select: { id: true, email: true, locale: true } });

/**
 * Handles a posted sign-up. The password is hashed on every path, and the database work is
 * the same, so a new and an existing address take about the same time. An invitation sent
 * to this very address proves it: the account is created at once unless the address
 * already has one.
 */
export async function requestSignup(input: SignupInput): Promise<SignupOutcome> {
  const passwordHash = await hashPassword(input.password);
  const owner = await findOwner(input.email);
  if (!owner && input.invitation && input.invitation.email === input.email) {
    try {
      const { user, org } = await createAccount({
        name: input.name,
        email: input.email,
        passwordHash,
        locale: input.locale,
        timeZone: input.timeZone,
        org: input.org,
      });
      return { status: "signed-in", user, org };
    } catch (error) {
      if (!(error instanceof EmailTakenError)) throw error;
      // Created a moment ago by a sign-up running alongside this one.
      await recordAttempt(input, passwordHash, await findOwner(input.email));
      return { status: "check-email" };
    }
  }
  await recordAttempt(input, passwordHash, owner);
  return { status: "check-email" };
}

export type SignupLinkState = "valid" | "used" | "expired";

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{20,100}$/;

/** What a confirmation link stands for, or null for a link that never was (or was pruned). */
export async function getSignupLink(token: string) {
  if (!TOKEN_SHAPE.test(token)) return null;
  const request = await prisma.signupRequest.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { email: true, name: true, orgName: true, usedAt: true, expiresAt: true },
  });
  if (!request) return null;
  const state: SignupLinkState = request.usedAt ? "used" : request.expiresAt.getTime() <= Date.now() ? "expired" : "valid";
  return { email: request.email, name: request.name, orgName: request.orgName, state };
}

export type ConfirmOutcome =
  | { status: "created"; user: { id: string }; org: { slug: string } | null; redirectTo: string | null }
  | { status: "invalid" | "used" | "expired" | "taken" | "wrong-password" };

/**
 * Uses a confirmation link: once, before it expires, with the password chosen at sign-up.
 * The password is asked again because anyone can start a sign-up in someone else's name: the
 * owner of the address, following a link they did not ask for, must not end up with an account
 * whose password a stranger chose. Of two tabs confirming at once, one creates the account and
 * the other is told the link was used.
 */
export async function confirmSignup(token: string, password: string): Promise<ConfirmOutcome> {
  if (!TOKEN_SHAPE.test(token)) return { status: "invalid" };
  const tokenHash = hashToken(token);
  const request = await prisma.signupRequest.findUnique({ where: { tokenHash } });
  if (!request) return { status: "invalid" };
  if (request.usedAt) return { status: "used" };
  const now = new Date();
  if (request.expiresAt.getTime() <= now.getTime()) return { status: "expired" };
  if (!(await verifyPassword(password, request.passwordHash))) return { status: "wrong-password" };
  try {
    return await prisma.$transaction(async (tx) => {
      // The claim also drops the stored hash: it lives on in the account, or nowhere.
      const { count } = await tx.signupRequest.updateMany({
        where: { tokenHash, usedAt: null, expiresAt: { gt: now } },
        data: { usedAt: now, passwordHash: "" },
      });
      if (count !== 1) return { status: "used" as const };
      const { user, org } = await insertAccount(tx, {
        name: request.name,
        email: request.email,
        passwordHash: request.passwordHash,
        locale: request.locale,
        timeZone: request.timeZone,
        org: request.orgName && request.orgKind ? { name: request.orgName, kind: request.orgKind } : undefined,
      });
      return { status: "created" as const, user, org, redirectTo: request.redirectTo };
    });
  } catch (error) {
    if (!isEmailTaken(error)) throw error;
    // Another link to the same address (or an invitation) created the account first.
    await prisma.signupRequest.updateMany({ where: { tokenHash, usedAt: null }, data: { usedAt: now, passwordHash: "" } });
    return { status: "taken" };
  }
}

/** Deletes links past their expiry (with the password hashes they hold). */
export async function pruneSignupRequests(now = new Date()) {
  const { count } = await prisma.signupRequest.deleteMany({ where: { expiresAt: { lte: now } } });
  return count;
}
