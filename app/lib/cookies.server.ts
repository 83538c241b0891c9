import { createCookie, type CookieOptions } from "@remix-run/node";
import { getEnv } from "./env.server.ts";
import { getCookieSecrets } from "./secret.server.ts";

/**
 * A cookie of the portal: signed with the cookie secrets, out of reach of scripts, sent on
 * top-level navigations from other sites but not on their sub-requests, Secure behind https.
 * Site-wide, because a form that JavaScript enhances posts to `<path>.data`, which a cookie
 * scoped to the form's path would not be sent with.
 */
export function signedCookie(name: string, options: Pick<CookieOptions, "maxAge"> = {}) {
  const env = getEnv();
  return createCookie(name, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: env.SECURE_COOKIES ?? env.APP_URL.startsWith("https://"),
    secrets: getCookieSecrets(),
    ...options,
  });
}
