import { randomBytes } from "node:crypto";
import { redirect, type Cookie } from "@remix-run/node";
import { signedCookie } from "./cookies.server.ts";
import { prisma } from "./db.server.ts";
import { safeRedirectPath } from "./http.server.ts";
import { perRequest } from "./request-scope.server.ts";
import { DAY_MS, HOUR_MS } from "./dates.ts";
import { loginPath } from "./login-path.ts";

/** A session ends this long after its last use… */
export const SESSION_IDLE_MS = 7 * DAY_MS;
/** …and this long after it started, however much it is used. */
export const SESSION_MAX_MS = 30 * DAY_MS;
// Use is recorded by moving expiresAt, at most this often per session: not a write per request.
export const SESSION_TOUCH_MS = HOUR_MS;

/** When a session last used at `now` ends: the idle limit, capped by the absolute one. */
export const sessionEnd = (createdAt: Date, now: number) => new Date(Math.min(createdAt.getTime() + SESSION_MAX_MS, now + SESSION_IDLE_MS));

let cookie: Cookie | undefined;

// The cookie carries only a session id; the Session row makes it revocable. It is set only when a
// session starts, so it ends with the session's absolute limit; a session idle for SESSION_IDLE_MS
// is refused by its row before that.
const sessionCookie = () => (cookie ??= signedCookie("sp_session", { maxAge: SESSION_MAX_MS / 1000 }));

export async function getSessionId(request: Request): Promise<string | null> {
  const value: unknown = await sessionCookie().parse(request.headers.get("Cookie"));
  return typeof value === "string" && value.length > 0 ? value : null;
}

// One statement gives everything a page needs to know about who is asking:
// the user and every org they belong to (for the tenant gate and the switcher).
const loadSession = (sessionId: string) =>
  prisma.session.findUnique({
    where: { id: sessionId },
    select: {
      expiresAt: true,
      createdAt: true,
      user: {
        select: {
          id: true,
          email: true,
          name: true,
          locale: true,
          timeZone: true,
          memberships: {
            orderBy: { org: { name: "asc" } },
            select: { id: true, role: true, org: { select: { id: true, slug: true, name: true, kind: true, locale: true } } },
          },
        },
      },
    },
  });

/** The signed-in user for this request with their memberships, or null (expired and revoked sessions included). */
export async function getSessionUser(request: Request) {
  const sessionId = await getSessionId(request);
  if (!sessionId) return null;
  const session = await perRequest(`session:${sessionId}`, () => loadSession(sessionId).then((row) => row && touchSession(sessionId, row)));
  if (!session || session.expiresAt.getTime() <= Date.now()) return null;
  return session.user;
}

/** Moves a live session's end forward when it last moved more than SESSION_TOUCH_MS ago. */
async function touchSession<T extends { expiresAt: Date; createdAt: Date }>(id: string, session: T): Promise<T> {
  const now = Date.now();
  if (session.expiresAt.getTime() <= now) return session;
  const end = sessionEnd(session.createdAt, now);
  if (end.getTime() - session.expiresAt.getTime() < SESSION_TOUCH_MS) return session;
  await prisma.session.updateMany({ where: { id, expiresAt: { gt: new Date(now), lt: end } }, data: { expiresAt: end } });
  return { ...session, expiresAt: end };
}

export type SessionUser = NonNullable<Awaited<ReturnType<typeof getSessionUser>>>;

export async function requireUser(request: Request): Promise<SessionUser> {
  const user = await getSessionUser(request);
  if (!user) {
    const url = new URL(request.url);
    const back = `${url.pathname}${url.search}`;
    throw redirect(loginPath(back));
  }
  return user;
}

export async function requireAnonymous(request: Request) {
  if (await getSessionUser(request)) throw redirect("/");
}

/** Creates a session row and returns the cookie that names it. */
export async function createSession(userId: string, replacing?: string | null) {
  const id = randomBytes(32).toString("base64url");
  const createdAt = new Date();
  await prisma.$transaction([
    ...(replacing ? [prisma.session.deleteMany({ where: { id: replacing } })] : []),
    prisma.session.create({ data: { id, userId, createdAt, expiresAt: sessionEnd(createdAt, createdAt.getTime()) } }),
  ]);
  return { id, setCookie: await sessionCookie().serialize(id) };
}

/** Starts a fresh session (a new id at every login) and redirects with its cookie. */
export async function startSession(request: Request, userId: string, redirectTo: string, headers = new Headers()) {
  const { setCookie } = await createSession(userId, await getSessionId(request));
  headers.append("Set-Cookie", setCookie);
  return redirect(safeRedirectPath(redirectTo), { headers });
}

export async function endSession(request: Request, redirectTo = loginPath()) {
  const id = await getSessionId(request);
  if (id) await prisma.session.deleteMany({ where: { id } });
  return redirect(redirectTo, { headers: { "Set-Cookie": await sessionCookie().serialize("", { maxAge: 0 }) } });
}

export async function pruneExpiredSessions(now = new Date()) {
  const { count } = await prisma.session.deleteMany({ where: { expiresAt: { lte: now } } });
  return count;
}
