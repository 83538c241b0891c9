const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * True for a state-changing request that a browser sent from another site.
 * Browsers send `Sec-Fetch-Site` and `Origin` on every cross-origin POST;
 * requests without either (server-to-server, curl) carry no ambient cookies
 * worth forging, so they pass. SameSite=Lax on the session cookie is the
 * second line of defence.
 */
export function isCrossSiteRequest(method: string, headers: Headers, host: string | null): boolean {
  if (SAFE_METHODS.has(method.toUpperCase())) return false;
  const fetchSite = headers.get("sec-fetch-site");
  if (fetchSite && fetchSite !== "same-origin" && fetchSite !== "none") return true;
  const origin = headers.get("origin");
  if (!origin) return false;
  if (origin === "null") return true;
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}
