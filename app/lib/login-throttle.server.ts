import { prisma } from "./db.server.ts";

const WINDOW_MS = 15 * 60 * 1000;
// Per address and account: stops guessing one account's password. Keyed by
// both, so failures from an attacker's address never lock the owner out.
const PER_ACCOUNT = { limit: 5, blockMs: 15 * 60 * 1000 };
// Per address alone: stops spraying many accounts from one place.
const PER_ADDRESS = { limit: 50, blockMs: 60 * 60 * 1000 };

const keysFor = (address: string, email: string) => ({
  account: `login:${address}:${email.toLowerCase()}`,
  address: `login:${address}`,
});

/** Milliseconds until the caller may try again, or 0. */
export async function loginBlockedFor(address: string, email: string, now = new Date()): Promise<number> {
  const keys = keysFor(address, email);
  const rows = await prisma.loginThrottle.findMany({
    where: { key: { in: [keys.account, keys.address] }, blockedTill: { gt: now } },
    select: { blockedTill: true },
  });
  return Math.max(0, ...rows.map((r) => r.blockedTill!.getTime() - now.getTime()));
}

export async function recordLoginFailure(address: string, email: string, now = new Date()) {
  const keys = keysFor(address, email);
  await bump(keys.account, PER_ACCOUNT, now);
  await bump(keys.address, PER_ADDRESS, now);
}

export async function clearLoginFailures(address: string, email: string) {
  await prisma.loginThrottle.deleteMany({ where: { key: keysFor(address, email).account } });
}

async function bump(key: string, rule: { limit: number; blockMs: number }, now: Date) {
  const windowStart = new Date(now.getTime() - WINDOW_MS);
  // One statement, so that parallel failures on several servers all count.
  const [row] = await prisma.$queryRaw<{ failures: number }[]>`
    INSERT INTO "LoginThrottle" ("key", "failures", "windowStart") VALUES (${key}, 1, ${now})
    ON CONFLICT ("key") DO UPDATE SET
      "failures" = CASE WHEN "LoginThrottle"."windowStart" < ${windowStart} THEN 1 ELSE "LoginThrottle"."failures" + 1 END,
      "windowStart" = CASE WHEN "LoginThrottle"."windowStart" < ${windowStart} THEN ${now} ELSE "LoginThrottle"."windowStart" END
    RETURNING "failures"`;
  if (row && row.failures >= rule.limit) {
    await prisma.loginThrottle.update({ where: { key }, data: { blockedTill: new Date(now.getTime() + rule.blockMs) } });
  }
}

export async function pruneLoginThrottle(now = new Date()) {
  await prisma.loginThrottle.deleteMany({
    where: { windowStart: { lt: new Date(now.getTime() - WINDOW_MS) }, OR: [{ blockedTill: null }, { blockedTill: { lt: now } }] },
  });
}
