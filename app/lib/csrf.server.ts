const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * The origin the browser's pages of this app have: the scheme is https when
 * APP_URL is (a TLS proxy in front may hand us plain http), else the scheme
 * the request came with; the host is the one the request was sent to.
 */
export function expectedOrigin(appUrl: string, protocol: string, host: string | null): string | null {
  if (!host) return null;
  const scheme = new URL(appUrl).protocol === "https:" ? "https" : protocol;
  try {
    return new URL(`${scheme}://${host}`).origin;
  } catch {
    return null;
  }
}

/**
 * True for a state-changing request that a browser sent from another site.
 * Browsers send `Sec-Fetch-Site` and `Origin` on every cross-origin POST;
 * requests without either (server-to-server, curl) carry no ambient cookies
 * worth forging, so they pass. SameSite=Lax on the session cookie is the
 * second line of defence. The whole origin counts, scheme included: a page
 * served over plain http (which anyone on the network can write) may not post
 * to the https app.
 */
export function isCrossSiteRequest(method: string, headers: Headers, expected: string | null): boolean {
  if (SAFE_METHODS.has(method.toUpperCase())) return false;
  const fetchSite = headers.get("sec-fetch-site");
  if (fetchSite && fetchSite !== "same-origin" && fetchSite !== "none") return true;
  const origin = headers.get("origin");
  if (!origin) return false;
  if (origin === "null") return true;
  try {
    return new URL(origin).origin !== expected;
  } catch {
    return true;
  }
}
