import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { applyDefaultHeaders, contentSecurityPolicy, createNonce, defaultHeaders } from "./security-headers.server.ts";

const directives = (policy: string) => Object.fromEntries(policy.split("; ").map((d) => [d.split(" ")[0], d.split(" ").slice(1).join(" ")]));

describe("the page policy", () => {
  it("runs scripts only with the page's nonce and loads styles only from the app", () => {
    const policy = directives(contentSecurityPolicy({ nonce: "abc" }));
    expect(policy["script-src"]).toBe("'nonce-abc' 'strict-dynamic'");
    expect(policy["style-src"]).toBe("'self'");
    expect(policy["connect-src"]).toBe("'self'");
    expect(policy).toMatchObject({ "object-src": "'none'", "base-uri": "'none'", "frame-ancestors": "'none'", "form-action": "'self'" });
    expect(policy).not.toHaveProperty("upgrade-insecure-requests");
  });

  it("in development adds only what Vite's HMR needs: injected styles and its WebSocket", () => {
    const policy = directives(contentSecurityPolicy({ nonce: "abc", dev: true }));
    expect(policy["style-src"]).toBe("'self' 'unsafe-inline'");
    expect(policy["connect-src"]).toBe("'self' ws:");
    expect(policy["script-src"]).toBe("'nonce-abc' 'strict-dynamic'");
  });

  it("for a page showing captured email allows inline styles, and scripts still only with the nonce", () => {
    const policy = directives(contentSecurityPolicy({ nonce: "abc", inlineStyles: true }));
    expect(policy["style-src"]).toBe("'self' 'unsafe-inline'");
    expect(policy["script-src"]).toBe("'nonce-abc' 'strict-dynamic'");
  });

  it("upgrades insecure requests when the app is https", () => {
    expect(contentSecurityPolicy({ nonce: "abc", https: true })).toMatch(/; upgrade-insecure-requests$/);
  });

  it("gets a different 128-bit nonce every time", () => {
    const nonces = Array.from({ length: 100 }, createNonce);
    expect(new Set(nonces).size).toBe(100);
    for (const nonce of nonces) expect(Buffer.from(nonce, "base64")).toHaveLength(16);
  });
});

describe("default headers", () => {
  let server: Server | undefined;
  afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

  async function serve(https: boolean, handler: Parameters<typeof createServer>[1]) {
    server = createServer((req, res) => {
      applyDefaultHeaders(res, defaultHeaders({ https }));
      handler!(req, res);
    });
    await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
    return `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
  }

  it("fill in what a response left unset, and keep, once, what it set itself", async () => {
    const url = await serve(false, (_req, res) => {
      res.setHeader("X-Content-Type-Options", "nosniff");
      res.setHeader("Cache-Control", "private, no-cache");
      res.end("file");
    });
    const response = await fetch(url);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("cache-control")).toBe("private, no-cache");
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    expect(response.headers.get("content-security-policy")).toMatch(/^default-src 'none'/);
    expect(response.headers.get("strict-transport-security")).toBeNull();
  });

  it("keep no copy of a response that says nothing about caching, and add HSTS for an https app", async () => {
    const url = await serve(true, (_req, res) => res.end("page"));
    const response = await fetch(url);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect(response.headers.get("strict-transport-security")).toBe("max-age=31536000; includeSubDomains");
  });
});
