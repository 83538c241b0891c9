import { afterEach, describe, expect, it, vi } from "vitest";
import { prisma } from "~/lib/db.server.ts";
import { createSession, pruneExpiredSessions, SESSION_IDLE_MS, SESSION_MAX_MS } from "~/lib/session.server.ts";
import * as orgLayout from "~/routes/$org.tsx";
import { createMember } from "../support/factories.ts";
import { call } from "../support/routes.ts";
import { countStatements } from "../support/statements.ts";

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

async function signedIn() {
  const { user, org } = await createMember("IMPORTER", "MEMBER");
  const { id, setCookie } = await createSession(user.id);
  return { user, org, id, cookie: setCookie.split(";")[0]!, setCookie };
}

const open = (s: { org: { slug: string }; cookie: string }) => call(orgLayout.loader, `/${s.org.slug}`, { cookie: s.cookie, params: { org: s.org.slug } });
const endOf = async (id: string) => (await prisma.session.findUniqueOrThrow({ where: { id } })).expiresAt.getTime();

// Only Date is faked: the app's clock moves, the database and its timers do not.
const travel = (ms: number) => vi.setSystemTime(Date.now() + ms);

afterEach(() => {
  vi.useRealTimers();
});

describe("sessions", () => {
  it("start with 7 days to live and a cookie that lasts no longer than the session's 30 days", async () => {
    const session = await signedIn();
    const row = await prisma.session.findUniqueOrThrow({ where: { id: session.id } });
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBe(SESSION_IDLE_MS);
    expect(session.setCookie).toMatch(new RegExp(`Max-Age=${SESSION_MAX_MS / 1000}(;|$)`));
  });

  it("unused for 7 days are refused, and pruned", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const session = await signedIn();
    travel(6 * DAY + 23 * HOUR);
    // Still alive (unread, so untouched) an hour before the limit...
    const before = await prisma.session.count({ where: { id: session.id, expiresAt: { gt: new Date() } } });
    expect(before).toBe(1);
    travel(HOUR + 1000);
    const out = await open(session);
    expect(out.status).toBe(302);
    expect(out.location).toMatch(/^\/login\?redirectTo=/);
    expect(await pruneExpiredSessions()).toBeGreaterThanOrEqual(1);
    expect(await prisma.session.count({ where: { id: session.id } })).toBe(0);
  });

  it("used moves its end to 7 days after the use", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const session = await signedIn();
    const firstEnd = await endOf(session.id);
    travel(3 * DAY);
    expect((await open(session)).status).toBe(200);
    expect(await endOf(session.id)).toBe(Date.now() + SESSION_IDLE_MS);
    expect(await endOf(session.id)).toBeGreaterThan(firstEnd);
    // Past the old end, it still works: the use kept it alive.
    travel(5 * DAY);
    expect((await open(session)).status).toBe(200);
  });

  it("record a use at most once an hour: a page read within the hour leaves the row alone", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const session = await signedIn();
    travel(2 * DAY);
    expect((await open(session)).status).toBe(200);
    const end = await endOf(session.id);
    expect(end).toBe(Date.now() + SESSION_IDLE_MS);
    travel(30 * 60 * 1000);
    const { result, statements } = await countStatements(() => open(session));
    expect(result.status).toBe(200);
    // A write would have moved the end by the 30 minutes that passed.
    expect(await endOf(session.id)).toBe(end);
    // The page reads as many statements as with a session started just now.
    const fresh = await signedIn();
    expect(statements).toBe((await countStatements(() => open(fresh))).statements);
  });

  it("used every day still end 30 days after they started", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const session = await signedIn();
    const started = Date.now();
    for (let day = 1; day < 30; day++) {
      travel(DAY);
      expect((await open(session)).status, `day ${day}`).toBe(200);
    }
    expect(await endOf(session.id)).toBe(started + SESSION_MAX_MS);
    vi.setSystemTime(started + SESSION_MAX_MS + 1000);
    const out = await open(session);
    expect(out.status).toBe(302);
    expect(out.location).toMatch(/^\/login\?redirectTo=/);
  });

  it("pruning removes expired rows and keeps live ones", async () => {
    const [expired, live] = [await signedIn(), await signedIn()];
    await prisma.session.update({ where: { id: expired.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await pruneExpiredSessions()).toBeGreaterThanOrEqual(1);
    expect(await prisma.session.count({ where: { id: expired.id } })).toBe(0);
    expect(await prisma.session.count({ where: { id: live.id } })).toBe(1);
    expect((await open(live)).status).toBe(200);
  });
});
