import { Prisma, type OrgKind } from "~/generated/prisma/client.ts";
import { recordAudit } from "~/lib/audit.server.ts";
import { prisma, type Tx } from "~/lib/db.server.ts";
import { verifyPassword } from "~/lib/password.server.ts";
import { createOrganization } from "./organizations.server.ts";

export class EmailTakenError extends Error {
  constructor() {
    super("An account with this email already exists.");
  }
}

interface NewAccount {
  name: string;
  email: string;
  passwordHash: string;
  locale?: string;
  timeZone?: string;
  org?: { name: string; kind: OrgKind };
}

/** Inside the caller's transaction; see createAccount. */
export async function insertAccount(tx: Tx, input: NewAccount) {
  const existing = await tx.user.findUnique({ where: { email: input.email }, select: { id: true } });
  if (existing) throw new EmailTakenError();
  const user = await tx.user.create({
    data: {
      email: input.email,
      name: input.name,
      locale: input.locale ?? "en",
      timeZone: input.timeZone ?? "UTC",
      password: { create: { hash: input.passwordHash } },
    },
    select: { id: true, email: true, name: true },
  });
  const org = input.org
    ? await createOrganization(tx, { name: input.org.name, kind: input.org.kind, locale: input.locale, timeZone: input.timeZone, ownerId: user.id })
    : null;
  if (org) {
    await recordAudit(tx, { orgId: org.id, actorId: user.id, action: "user.signup", subjectType: "User", subjectId: user.id, after: { email: user.email } });
  }
  return { user, org };
}

/** Two accounts for one address at the same moment: the unique index decides, and the loser hears EmailTakenError. */
export function isEmailTaken(error: unknown) {
  return (
    error instanceof EmailTakenError || (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002" && error.meta?.modelName === "User")
  );
}

/**
 * Creates a user from an already hashed password, and with `org` a new org of the chosen
 * kind with the user as OWNER. Only for an address its owner has proved (a confirmation link,
 * an invitation token): the sign-up form itself never calls it. Throws EmailTakenError.
 */
export async function createAccount(input: NewAccount) {
  return prisma
    .$transaction((tx) => insertAccount(tx, input))
    .catch((error: unknown) => {
      throw isEmailTaken(error) ? new EmailTakenError() : error;
    });
}

/** The user for valid credentials, else null (same time either way). */
export async function verifyLogin(email: string, password: string) {
  const user = await prisma.user.findUnique({
    where: { email },
    select: { id: true, password: { select: { hash: true } } },
  });
  const ok = await verifyPassword(password, user?.password?.hash);
  return ok && user ? { id: user.id } : null;
}
