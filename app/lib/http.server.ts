import { data } from "@remix-run/node";
import { getEnv } from "./env.server.ts";
import { message } from "./i18n/message.ts";

/** Unauthorized reads answer 404 so that a record's existence is not revealed. `reason` is a message(). */
export function notFound(reason: string = message("common", "error.404.body")): never {
  throw data(reason, { status: 404 });
}

/** `reason` is a message(), written in the reader's language by the error page. */
export function forbidden(reason: string = message("common", "error.403.body")): never {
  throw data(reason, { status: 403 });
}

const REDIRECT_MAX_LENGTH = 2000;
// Controls, every kind of whitespace (a tab or U+3000 is dropped or folded by URL parsers and
// browsers, turning "/\t/evil.example" into "//evil.example") and backslashes (read as "/").
const UNSAFE_IN_REDIRECT = /[\p{Cc}\p{Cf}\p{Z}\s\\]/u;

/**
 * The one check for every redirect target that comes from a request (after login, sign-up or
 * an action): a path on this app's own origin, or `fallback`. Beyond the prefix rules, the
 * target is resolved with `new URL` against the app's origin and must stay on it; what is
 * returned is the resolved, percent-encoded path, so a Location header can always carry it.
 */
export function safeRedirectPath(to: FormDataEntryValue | string | null | undefined, fallback = "/") {
  if (typeof to !== "string" || to.length === 0 || to.length > REDIRECT_MAX_LENGTH) return fallback;
  if (!to.startsWith("/") || to.startsWith("//") || UNSAFE_IN_REDIRECT.test(to)) return fallback;
  const origin = new URL(getEnv().APP_URL).origin;
  let resolved: URL;
  try {
    resolved = new URL(to, origin);
  } catch {
    return fallback;
  }
  if (resolved.origin !== origin) return fallback;
  const path = `${resolved.pathname}${resolved.search}${resolved.hash}`;
  return path.startsWith("//") ? fallback : path;
}

/** What `data(value, init)` returns or throws: a value with its status and headers, not yet a Response. */
export function isDataWithInit(value: unknown): value is { type: "DataWithResponseInit"; data: unknown; init: ResponseInit | null } {
  return typeof value === "object" && value !== null && (value as { type?: unknown }).type === "DataWithResponseInit";
}

/**
 * A resource route's answer, for a page's own `fetch` rather than the router: what the route
 * returns or throws with `data()` (a refusal, a 403, a 404) becomes JSON with its status; a
 * thrown Response (a redirect to log in) goes out as it is.
 */
export async function jsonAnswer(answer: () => Promise<unknown>): Promise<Response> {
  const asJson = (value: unknown) => (isDataWithInit(value) ? Response.json(value.data, value.init ?? undefined) : Response.json(value));
  try {
    const value = await answer();
    return value instanceof Response ? value : asJson(value);
  } catch (error) {
    if (isDataWithInit(error)) return asJson(error);
    throw error;
  }
}
