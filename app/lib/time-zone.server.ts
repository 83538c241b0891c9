import { DEFAULT_TIME_ZONE, toTimeZone } from "./time-zones.ts";

/** The zone a signed-out reader chose in the header menu (a signed-in reader's is their account's). */
export const TIME_ZONE_COOKIE = "sp_tz";
const YEAR_S = 365 * 86_400;

function cookieTimeZone(request: Request): string | null {
  const match = /(?:^|;\s*)sp_tz=([^;]{1,100})/.exec(request.headers.get("Cookie") ?? "");
  if (!match?.[1]) return null;
  try {
    return toTimeZone(decodeURIComponent(match[1]));
  } catch {
    return null;
  }
}

/**
 * Whose zone a page's times are in: the account's, else the one chosen in the menu, else UTC (a
 * request does not say the browser's zone; sign-up asks the browser for it).
 */
export function requestTimeZone(request: Request, account?: { timeZone: string } | null): string {
  return toTimeZone(account?.timeZone) ?? cookieTimeZone(request) ?? DEFAULT_TIME_ZONE;
}

/** The Set-Cookie header that remembers a chosen zone on this browser. */
export function timeZoneCookie(timeZone: string, secure: boolean) {
  return `${TIME_ZONE_COOKIE}=${encodeURIComponent(timeZone)}; Path=/; Max-Age=${YEAR_S}; SameSite=Lax${secure ? "; Secure" : ""}`;
}
