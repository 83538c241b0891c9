import { Prisma } from "~/generated/prisma/client.ts";
import { prisma } from "./db.server.ts";

// Login throttling that a stranger cannot turn against anyone (docs/decisions/007).
// Every attempt is counted before the password is checked, in one statement per counter,
// so parallel attempts on several app servers cannot slip past a limit together. After
// `free` failures a counter blocks for `baseMs`, doubling with each further failure up to
// `maxMs`; attempts refused while blocked are not counted, so waiting always ends it.
// Counters start over `windowMs` after their first failure.

interface Rule {
  free: number;
  baseMs: number;
  maxMs: number;
  windowMs: number;
}

const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const LOGIN_RULES = {
  // A browser that has logged in to the account before: only its owner's typos, or a
  // thief holding the cookie, count here.
  device: { free: 5, baseMs: MINUTE, maxMs: HOUR, windowMs: DAY },
  // One address guessing one account.
  pair: { free: 5, baseMs: MINUTE, maxMs: HOUR, windowMs: DAY },
  // Many addresses guessing one account. Slows unknown browsers only, so the owner's
  // known devices still get in.
  account: { free: 10, baseMs: MINUTE, maxMs: HOUR, windowMs: DAY },
  // One address trying many accounts. Slows unknown browsers only, so the other people
  // behind the same proxy or NAT, on their known devices, still get in.
  address: { free: 50, baseMs: MINUTE, maxMs: HOUR, windowMs: HOUR },
} satisfies Record<string, Rule>;

const LONGEST_WINDOW_MS = Math.max(...Object.values(LOGIN_RULES).map((r) => r.windowMs));

interface Counter {
  key: string;
  rule: Rule;
  // The owner's own pair and device counters start over at a success; shared counters
  // only give back the attempt that turned out right, keeping everyone else's failures.
  onSuccess: "clear" | "refund";
}

function countersFor(address: string, email: string, knownDevice: string | null): Counter[] {
  const account = email.toLowerCase();
  if (knownDevice) return [{ key: `login:device:${knownDevice}:${account}`, rule: LOGIN_RULES.device, onSuccess: "clear" }];
  return [
    { key: `login:pair:${address}:${account}`, rule: LOGIN_RULES.pair, onSuccess: "clear" },
    { key: `login:account:${account}`, rule: LOGIN_RULES.account, onSuccess: "refund" },
    { key: `login:address:${address}`, rule: LOGIN_RULES.address, onSuccess: "refund" },
  ];
}

export type LoginAttempt = { allowed: false; retryAfterMs: number } | { allowed: true; succeeded: () => Promise<void> };

/**
 * Counts a login attempt as a failure in advance, or refuses it while a counter blocks.
 * Call `succeeded()` when the password was right. `knownDevice` is the id of a device
 * cookie valid for this email (known-devices.server.ts), or null.
 */
export async function beginLoginAttempt(
  { address, email, knownDevice }: { address: string; email: string; knownDevice: string | null },
  now = new Date(),
): Promise<LoginAttempt> {
  const counters = countersFor(address, email, knownDevice);
  const waitMs = await blockedFor(counters, now);
  if (waitMs > 0) return { allowed: false, retryAfterMs: waitMs };
  const claimed: { counter: Counter; failures: number }[] = [];
  for (const counter of counters) {
    const failures = await claim(counter, now);
    if (failures !== null) claimed.push({ counter, failures });
    else {
      // Another attempt blocked it a moment ago (a burst of parallel guesses).
      await Promise.all(claimed.map(({ counter, failures }) => refund(counter, failures)));
      return { allowed: false, retryAfterMs: Math.max(await blockedFor(counters, now), 1000) };
    }
  }
  return {
    allowed: true,
    succeeded: async () => {
      await Promise.all(
        claimed.map(({ counter, failures }) =>
          counter.onSuccess === "clear" ? prisma.loginThrottle.deleteMany({ where: { key: counter.key } }) : refund(counter, failures),
        ),
      );
    },
  };
}

async function blockedFor(counters: Counter[], now: Date) {
  const rows = await prisma.loginThrottle.findMany({
    where: { key: { in: counters.map((c) => c.key) }, blockedTill: { gt: now } },
    select: { blockedTill: true },
  });
  return Math.max(0, ...rows.map((r) => r.blockedTill!.getTime() - now.getTime()));
}

// Timestamps go in as ISO text cast to timestamp(3): the column has no time zone and holds UTC.
const ts = (date: Date) => Prisma.sql`${date.toISOString()}::timestamp(3)`;

/** Counts one failure unless the counter is blocked: the new count, or null when blocked. */
async function claim({ key, rule }: Counter, now: Date) {
  const expired = Prisma.sql`"LoginThrottle"."windowStart" < ${ts(new Date(now.getTime() - rule.windowMs))}`;
  const failures = Prisma.sql`(CASE WHEN ${expired} THEN 1 ELSE "LoginThrottle"."failures" + 1 END)`;
  // The exponent is capped so that power() stays finite whatever the count.
  const blockAfter = (count: Prisma.Sql) => Prisma.sql`CASE WHEN ${count} >= ${rule.free}
    THEN ${ts(now)} + LEAST(${rule.maxMs}, ${rule.baseMs} * power(2, LEAST(${count} - ${rule.free}, 40))) * interval '1 millisecond'
    ELSE NULL END`;
  const rows = await prisma.$queryRaw<{ failures: number }[]>`
    INSERT INTO "LoginThrottle" ("key", "failures", "windowStart", "blockedTill") VALUES (${key}, 1, ${ts(now)}, ${blockAfter(Prisma.sql`1`)})
    ON CONFLICT ("key") DO UPDATE SET
      "failures" = ${failures},
      "windowStart" = CASE WHEN ${expired} THEN ${ts(now)} ELSE "LoginThrottle"."windowStart" END,
      "blockedTill" = ${blockAfter(failures)}
    WHERE "LoginThrottle"."blockedTill" IS NULL OR "LoginThrottle"."blockedTill" <= ${ts(now)}
    RETURNING "failures"`;
  return rows[0] ? Number(rows[0].failures) : null;
}

/**
 * Gives back the failure counted in advance. The counter was not blocked when it was
 * claimed, so a block that attempt set goes too, unless a later failure has counted since.
 */
async function refund({ key }: Counter, claimedCount: number) {
  await prisma.$executeRaw`
    UPDATE "LoginThrottle" SET
      "failures" = GREATEST("failures" - 1, 0),
      "blockedTill" = CASE WHEN "failures" = ${claimedCount} THEN NULL ELSE "blockedTill" END
    WHERE "key" = ${key}`;
}

export async function pruneLoginThrottle(now = new Date()) {
  await prisma.loginThrottle.deleteMany({
    where: { windowStart: { lt: new Date(now.getTime() - LONGEST_WINDOW_MS) }, OR: [{ blockedTill: null }, { blockedTill: { lt: now } }] },
  });
}
