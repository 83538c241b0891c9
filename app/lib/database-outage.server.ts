// When PostgreSQL is down, restarting, or cuts a connection, a request cannot
// succeed however it is retried inside the app: the person should be told to
// come back in a moment (503), not that the portal is broken (500). Every
// loader and action passes through `withDatabaseOutageResponses`, so the
// mapping lives here once, for pages, form posts, data requests and files.
import type { ServerBuild } from "@remix-run/node";

/** Seconds a client is asked to wait: about what a PostgreSQL restart takes. */
export const RETRY_AFTER_SECONDS = 5;

export const DATABASE_UNAVAILABLE_MESSAGE = "The portal cannot reach its database right now. Try again in a moment.";

// SQLSTATE classes and codes that mean "the server is going away or not there yet":
// 08 connection exception, 57P01 admin_shutdown (pg_terminate_backend, fast shutdown),
// 57P02 crash_shutdown, 57P03 cannot_connect_now (starting up / shutting down),
// 53300 too_many_connections.
const UNAVAILABLE_SQLSTATE = /^(08[0-9A-Z]{3}|57P0[123]|53300)$/;
const UNAVAILABLE_SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "EHOSTUNREACH", "ENETUNREACH", "EAI_AGAIN"]);
// What Prisma's driver adapter makes of those (P1001 can't reach, P1002/P1008 timed
// out, P1017 server closed the connection, P2037 too many connections).
const UNAVAILABLE_PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2037"]);
const UNAVAILABLE_ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
// node-postgres raises these as plain Errors without a code; the adapter passes them on unchanged.
const UNAVAILABLE_MESSAGES = [
  /Connection terminated unexpectedly/i,
  /Connection terminated due to connection timeout/i,
  /timeout exceeded when trying to connect/i,
  /Client has encountered a connection error and is not queryable/i,
  /Can't reach database server/i,
  /terminating connection due to administrator command/i,
  /the database system is (starting up|shutting down|in recovery mode)/i,
];

type Inspectable = { code?: unknown; message?: unknown; cause?: unknown; meta?: unknown; kind?: unknown; originalCode?: unknown };

function isUnavailableCode(code: unknown) {
  return typeof code === "string" && (UNAVAILABLE_SQLSTATE.test(code) || UNAVAILABLE_SOCKET_CODES.has(code) || UNAVAILABLE_PRISMA_CODES.has(code));
}

/**
 * True when `error` (a pg error, a socket error, or Prisma's wrapping of either,
 * at any depth of `cause`) says the database is unreachable or dropped the
 * connection, rather than that the query itself was wrong.
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (depth > 5 || error === null || typeof error !== "object") return false;
  const e = error as Inspectable;
  if (isUnavailableCode(e.code) || isUnavailableCode(e.originalCode)) return true;
  if (typeof e.kind === "string" && UNAVAILABLE_ADAPTER_KINDS.has(e.kind)) return true;
  if (typeof e.message === "string" && UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(e.message as string))) return true;
  // Prisma: { code: "P2010", meta: { driverAdapterError: { cause: { kind, originalCode } } } }
  const adapterError = (e.meta as { driverAdapterError?: unknown } | undefined)?.driverAdapterError;
  if (adapterError && isDatabaseUnavailable(adapterError, depth + 1)) return true;
  if (error instanceof AggregateError && error.errors.some((inner) => isDatabaseUnavailable(inner, depth + 1))) return true;
  return isDatabaseUnavailable(e.cause, depth + 1);
}

export function databaseUnavailableResponse() {
  return new Response(DATABASE_UNAVAILABLE_MESSAGE, {
    status: 503,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Retry-After": String(RETRY_AFTER_SECONDS), "Cache-Control": "no-store" },
  });
}

type Handler = (args: never) => unknown;

// One line per failed request (not per loader of the page): during an outage every
// request fails the same way, and a stack trace each would bury the log.
const logged = new WeakSet<Request>();

function guard<F extends Handler | undefined>(routeId: string, handler: F): F {
  if (!handler) return handler;
  return (async (args: never) => {
    try {
      return await handler(args);
    } catch (error) {
      if (!isDatabaseUnavailable(error)) throw error;
      const request = (args as { request?: Request }).request;
      if (!request || !logged.has(request)) {
        if (request) logged.add(request);
        console.error(`[database] unavailable in ${routeId}: ${error instanceof Error ? error.message.trim().split("\n").at(-1) : String(error)}`);
      }
      throw databaseUnavailableResponse();
    }
  }) as unknown as F;
}

/**
 * The build with every loader and action answering 503 (thrown Response: the
 * route's error boundary renders it, data requests get the status) when the
 * database is unavailable, with a Retry-After. Remix v2 has no middleware, so
 * the route modules are wrapped here, as error-reporting SDKs do.
 */
export function withDatabaseOutageResponses(build: ServerBuild): ServerBuild {
  const routes = Object.fromEntries(
    Object.entries(build.routes).map(([id, route]) => {
      const module = { ...route.module, loader: guard(id, route.module.loader), action: guard(id, route.module.action) };
      return [id, { ...route, module }];
    }),
  );
  // A thrown Response's headers reach a page or a data request only through a route's
  // `headers` export; the entry adds Retry-After to those answers instead.
  const entry = build.entry.module;
  const handleRequest: typeof entry.default = (request, status, headers, ...rest) => {
    if (status === 503) headers.set("Retry-After", String(RETRY_AFTER_SECONDS));
    return entry.default(request, status, headers, ...rest);
  };
  const handleDataRequest: NonNullable<typeof entry.handleDataRequest> = async (response, args) => {
    const answer = entry.handleDataRequest ? await entry.handleDataRequest(response, args) : response;
    if (answer.status === 503) answer.headers.set("Retry-After", String(RETRY_AFTER_SECONDS));
    return answer;
  };
  return { ...build, routes, entry: { ...build.entry, module: { ...entry, default: handleRequest, handleDataRequest } } } as ServerBuild;
}
