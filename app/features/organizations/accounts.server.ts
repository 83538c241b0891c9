import { Prisma, type OrgKind } from "~/generated/prisma/client.ts";
import { recordAudit } from "~/lib/audit.server.ts";
import { prisma } from "~/lib/db.server.ts";
import { hashPassword, verifyPassword } from "~/lib/password.server.ts";
import { createOrganization } from "./organizations.server.ts";

export class EmailTakenError extends Error {
  constructor() {
    super("An account with this email already exists. Log in instead.");
  }
}

/** Creates a user, and with `org` a new org of the chosen kind with the user as OWNER. */
export async function signUp(input: {
  name: string;
  email: string;
  password: string;
  locale?: string;
  org?: { name: string; kind: OrgKind };
}) {
  const hash = await hashPassword(input.password);
  const created = prisma.$transaction(async (tx) => {
    const existing = await tx.user.findUnique({ where: { email: input.email }, select: { id: true } });
    if (existing) throw new EmailTakenError();
    const user = await tx.user.create({
      data: { email: input.email, name: input.name, locale: input.locale ?? "en", password: { create: { hash } } },
      select: { id: true, email: true, name: true },
    });
    const org = input.org
      ? await createOrganization(tx, { name: input.org.name, kind: input.org.kind, locale: input.locale, ownerId: user.id })
      : null;
    if (org) {
      await recordAudit(tx, { orgId: org.id, actorId: user.id, action: "user.signup", subjectType: "User", subjectId: user.id, after: { email: user.email } });
    }
    return { user, org };
  });
  // Two sign-ups with one address at the same moment: the unique index decides, and the loser hears why.
  return created.catch((error: unknown) => {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002" && error.meta?.modelName === "User") throw new EmailTakenError();
    throw error;
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
