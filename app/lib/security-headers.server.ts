// The headers every response carries unless its route chose its own, and the
// Content-Security-Policy of the HTML pages (see docs/decisions/008).
import { randomBytes } from "node:crypto";
import type { ServerResponse } from "node:http";

/** A fresh script nonce per page: 128 random bits, as CSP asks for. */
export function createNonce() {
  return randomBytes(16).toString("base64");
}

export interface PagePolicyOptions {
  nonce: string;
  /** Vite's dev server: HMR injects <style> elements and talks over a WebSocket. */
  dev?: boolean;
  /** Pages that show captured email HTML (inline style="" everywhere) in a srcdoc frame, which inherits this policy. */
  inlineStyles?: boolean;
  https?: boolean;
}

/**
 * The policy of an HTML page. Scripts run only with this request's nonce (and
 * what they load, through 'strict-dynamic'); styles come only from our own
 * stylesheets, so an injected style="" or <style> does nothing either.
 */
export function contentSecurityPolicy({ nonce, dev = false, inlineStyles = false, https = false }: PagePolicyOptions) {
  const directives: [string, ...string[]][] = [
    ["default-src", "'self'"],
    ["script-src", `'nonce-${nonce}'`, "'strict-dynamic'"],
    ["style-src", "'self'", ...(dev || inlineStyles ? ["'unsafe-inline'"] : [])],
    ["img-src", "'self'", "data:", "blob:"],
    ["font-src", "'self'"],
    ["connect-src", "'self'", ...(dev ? ["ws:"] : [])],
    ["object-src", "'none'"],
    ["base-uri", "'none'"],
    ["frame-ancestors", "'none'"],
    ["form-action", "'self'"],
  ];
  if (https) directives.push(["upgrade-insecure-requests"]);
  return directives.map((d) => d.join(" ")).join("; ");
}

// Anything else (JSON, text, an image opened on its own, a forgotten HTML path) runs and
// fetches nothing; the browser's own image viewer keeps its image and its inline styles.
const RESOURCE_POLICY = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

export function defaultHeaders({ https }: { https: boolean }): Record<string, string> {
  return {
    "Content-Security-Policy": RESOURCE_POLICY,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Permissions-Policy": "camera=(self), geolocation=()",
    // Pages and data show one person's tenant: never kept by the browser or a proxy.
    // Static assets, files and health checks set their own.
    "Cache-Control": "private, no-store",
    ...(https ? { "Strict-Transport-Security": "max-age=31536000; includeSubDomains" } : {}),
  };
}

/**
 * Fills in the default headers a response has not set by the time its headers
 * are written. Set only then, because Remix appends its response's headers:
 * a header set earlier would be sent twice (once from here, once from the route).
 */
export function applyDefaultHeaders(res: ServerResponse, defaults: Record<string, string>) {
  const writeHead = res.writeHead;
  res.writeHead = function (this: ServerResponse, ...args: Parameters<ServerResponse["writeHead"]>) {
    if (!this.headersSent) {
      for (const [name, value] of Object.entries(defaults)) if (!this.hasHeader(name)) this.setHeader(name, value);
    }
    return writeHead.apply(this, args);
  } as ServerResponse["writeHead"];
}

/** The nonce the HTTP server made for this request; a fresh one for a render without it (tests). */
export function nonceOf(context: unknown): string {
  const nonce = (context as { cspNonce?: unknown } | undefined)?.cspNonce;
  return typeof nonce === "string" && nonce ? nonce : createNonce();
}
