// The login throttle against the two ways a stranger could turn it on other people:
// failing a victim's password from many addresses, and spraying many accounts from an
// address others share. Time is moved with a fake Date; the database is real.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { prisma } from "~/lib/db.server.ts";
import { pruneLoginThrottle } from "~/lib/login-throttle.server.ts";
import * as login from "~/routes/login.tsx";
import { createUser, TEST_PASSWORD, unique } from "../support/factories.ts";
import { call, formErrors, inEnglish, type Outcome } from "../support/routes.ts";

// Documentation-range IPv6 addresses under a prefix of this run's own: test files share
// the PostgreSQL database, and counters are keyed by address.
const prefix = `2001:db8:${Math.floor(Math.random() * 0xffff).toString(16)}`;
let hosts = 0;
/** A fresh address per call, as a botnet would use. */
const newAddress = () => `${prefix}::${(++hosts).toString(16)}`;

const logIn = (email: string, password: string, { address, cookie }: { address: string; cookie?: string }) =>
  call(login.action, "/login", { clientAddress: address, cookie, form: { email, password } });

function deviceCookie(outcome: Outcome) {
  const line = outcome.headers.getSetCookie().find((c) => c.startsWith("sp_device="));
  expect(line, "a successful login marks the browser as a known device").toBeTruthy();
  return line!.split(";")[0]!;
}

function expectRefused(outcome: Outcome, seconds: number, text: string) {
  expect(outcome.status).toBe(429);
  expect(outcome.headers.get("Retry-After")).toBe(String(seconds));
  expect(inEnglish(formErrors(outcome))).toEqual([`Too many failed attempts. Try again in ${text}.`]);
}

const advance = (ms: number) => vi.setSystemTime(new Date(Date.now() + ms));

beforeEach(() => {
  // Only Date, frozen at the real time: timers and the database driver keep running.
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date());
});
afterEach(() => {
  vi.useRealTimers();
});

describe("login throttle", () => {
  it("failures for a victim's email from many addresses slow the attacker more each time, and never stop the victim on a known device", async () => {
    const victim = await createUser();
    const home = "192.0.2.10";
    const device = deviceCookie(await logIn(victim.email, TEST_PASSWORD, { address: home }));

    // Ten free failures, each from an address never seen before.
    for (let i = 0; i < 10; i++) expect((await logIn(victim.email, `guess-${i}-xxxx`, { address: newAddress() })).status).toBe(400);
    expectRefused(await logIn(victim.email, "guess-10-xxxx", { address: newAddress() }), 60, "1 minute");

    // Each guess the attacker is let through doubles the wait after it.
    const waits: number[] = [];
    for (let round = 0; round < 4; round++) {
      advance(Number((await logIn(victim.email, "probe-xxxx", { address: newAddress() })).headers.get("Retry-After")) * 1000);
      expect((await logIn(victim.email, `late-guess-${round}`, { address: newAddress() })).status).toBe(400);
      const refused = await logIn(victim.email, "probe-xxxx", { address: newAddress() });
      expect(refused.status).toBe(429);
      waits.push(Number(refused.headers.get("Retry-After")));
    }
    expect(waits).toEqual([120, 240, 480, 960]);
    expectRefused(await logIn(victim.email, "probe-xxxx", { address: newAddress() }), 960, "16 minutes");

    // The victim's own browser gets straight in, from home or anywhere else.
    expect((await logIn(victim.email, TEST_PASSWORD, { address: home, cookie: device })).status).toBe(302);
    expect((await logIn(victim.email, TEST_PASSWORD, { address: newAddress(), cookie: device })).status).toBe(302);
    // A browser the victim never used waits like the attacker's.
    expectRefused(await logIn(victim.email, TEST_PASSWORD, { address: newAddress() }), 960, "16 minutes");

    // The attacker's own account's device cookie is no pass for someone else's.
    const attacker = await createUser();
    const attackerDevice = deviceCookie(await logIn(attacker.email, TEST_PASSWORD, { address: newAddress() }));
    expect((await logIn(victim.email, "guess-xxxx", { address: newAddress(), cookie: attackerDevice })).status).toBe(429);
    // Nor is a forged one.
    const forged = device.replace(/.$/, (c) => (c === "A" ? "B" : "A"));
    expect((await logIn(victim.email, TEST_PASSWORD, { address: home, cookie: forged })).status).toBe(429);
  }, 60_000);

  it("spraying many accounts from a shared address does not stop another person there on a known device; a new device there waits a minute", async () => {
    const proxy = newAddress();
    const colleague = await createUser();
    const colleagueDevice = deviceCookie(await logIn(colleague.email, TEST_PASSWORD, { address: proxy }));

    // Fifty free failures from the shared address, one per account (real and made up).
    const sprayed = await Promise.all(Array.from({ length: 5 }, () => createUser()));
    for (let i = 0; i < 50; i++) {
      const email = i < sprayed.length ? sprayed[i]!.email : `${unique("sprayed")}@example.com`;
      expect((await logIn(email, "Summer2026!", { address: proxy })).status).toBe(400);
    }
    expectRefused(await logIn(`${unique("sprayed")}@example.com`, "Summer2026!", { address: proxy }), 60, "1 minute");

    expect((await logIn(colleague.email, TEST_PASSWORD, { address: proxy, cookie: colleagueDevice })).status).toBe(302);

    // Someone there on a new browser hears the same as for an unknown email, and gets in once the minute is over.
    const newcomer = await createUser();
    const forNewcomer = await logIn(newcomer.email, TEST_PASSWORD, { address: proxy });
    const forNobody = await logIn(`${unique("nobody")}@example.com`, TEST_PASSWORD, { address: proxy });
    expectRefused(forNewcomer, 60, "1 minute");
    expect(formErrors(forNobody)).toEqual(formErrors(forNewcomer));
    expect(forNobody.status).toBe(forNewcomer.status);
    advance(60_000);
    expect((await logIn(newcomer.email, TEST_PASSWORD, { address: proxy })).status).toBe(302);
    // Elsewhere, the sprayed accounts' owners were never slowed.
    expect((await logIn(sprayed[0]!.email, TEST_PASSWORD, { address: newAddress() })).status).toBe(302);
  }, 60_000);

  it("a burst of parallel guesses at one account gets no more than the five free ones past the limit", async () => {
    const victim = await createUser();
    const address = newAddress();
    const statuses = await Promise.all(Array.from({ length: 20 }, (_, i) => logIn(victim.email, `burst-${i}-xxxx`, { address }).then((o) => o.status)));
    expect(statuses.filter((s) => s === 400)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(15);
    const counter = await prisma.loginThrottle.findUnique({ where: { key: `login:pair:${address}:${victim.email}` } });
    expect(counter?.failures).toBe(5);
  }, 60_000);

  it("a known device's own failures slow that device only, and its next success starts it over", async () => {
    const owner = await createUser();
    const laptop = deviceCookie(await logIn(owner.email, TEST_PASSWORD, { address: newAddress() }));
    const phone = deviceCookie(await logIn(owner.email, TEST_PASSWORD, { address: newAddress() }));
    const office = newAddress();
    for (let i = 0; i < 5; i++) expect((await logIn(owner.email, `typo-${i}-xxxx`, { address: office, cookie: laptop })).status).toBe(400);
    expectRefused(await logIn(owner.email, TEST_PASSWORD, { address: office, cookie: laptop }), 60, "1 minute");
    expect((await logIn(owner.email, TEST_PASSWORD, { address: office, cookie: phone })).status).toBe(302);
    advance(30_000);
    expectRefused(await logIn(owner.email, TEST_PASSWORD, { address: office, cookie: laptop }), 30, "30 seconds");
    advance(30_000);
    expect((await logIn(owner.email, TEST_PASSWORD, { address: office, cookie: laptop })).status).toBe(302);
    expect((await logIn(owner.email, "typo-again-xxxx", { address: office, cookie: laptop })).status).toBe(400);
  }, 60_000);

  it("a right password gives back the attempt it was counted as, so the owner's logins never add to a shared limit", async () => {
    const owner = await createUser();
    const address = newAddress();
    for (let i = 0; i < 9; i++) expect((await logIn(owner.email, `guess-${i}-xxxx`, { address: newAddress() })).status).toBe(400);
    // The tenth attempt on the account is the owner's, right, from a new browser.
    expect((await logIn(owner.email, TEST_PASSWORD, { address })).status).toBe(302);
    const account = await prisma.loginThrottle.findUnique({ where: { key: `login:account:${owner.email}` } });
    expect(account).toMatchObject({ failures: 9, blockedTill: null });
    expect(await prisma.loginThrottle.findUnique({ where: { key: `login:pair:${address}:${owner.email}` } })).toBeNull();
  }, 60_000);

  it("forgets counters a day after their first failure, and the housekeeping job deletes them", async () => {
    const owner = await createUser();
    const address = newAddress();
    for (let i = 0; i < 5; i++) await logIn(owner.email, `guess-${i}-xxxx`, { address });
    expect((await logIn(owner.email, TEST_PASSWORD, { address })).status).toBe(429);
    advance(24 * 60 * 60 * 1000 + 1000);
    await pruneLoginThrottle();
    expect(await prisma.loginThrottle.count({ where: { key: { in: [`login:pair:${address}:${owner.email}`, `login:account:${owner.email}`] } } })).toBe(0);
    expect((await logIn(owner.email, TEST_PASSWORD, { address })).status).toBe(302);
  }, 60_000);
});
