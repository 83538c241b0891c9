import { DEFAULT_LANGUAGE, fromAcceptLanguage, type Language, toLanguage } from "./languages.ts";

/** The language a signed-out reader chose in the menu (a signed-in reader's is their account's). */
export const LANGUAGE_COOKIE = "sp_lang";
const YEAR_S = 365 * 86_400;

function cookieLanguage(request: Request): Language | null {
  const header = request.headers.get("Cookie") ?? "";
  const match = /(?:^|;\s*)sp_lang=([^;]{1,20})/.exec(header);
  return toLanguage(match?.[1] ? decodeURIComponent(match[1]) : null);
}

/** Whose language a page is in: the account's, else the one chosen in the menu, else the browser's, else English. */
export function requestLanguage(request: Request, account?: { locale: string } | null): Language {
  return toLanguage(account?.locale) ?? cookieLanguage(request) ?? fromAcceptLanguage(request.headers.get("Accept-Language")) ?? DEFAULT_LANGUAGE;
}

/** The Set-Cookie header that remembers a chosen language on this browser. */
export function languageCookie(language: Language, secure: boolean) {
  return `${LANGUAGE_COOKIE}=${encodeURIComponent(language)}; Path=/; Max-Age=${YEAR_S}; SameSite=Lax${secure ? "; Secure" : ""}`;
}
