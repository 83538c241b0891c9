import { describe, expect, it } from "vitest";
import { expectedOrigin, isCrossSiteRequest } from "./csrf.server.ts";

const h = (init: Record<string, string>) => new Headers(init);

describe("cross-site form post protection", () => {
  it("lets a same-origin form post through", () => {
    expect(isCrossSiteRequest("POST", h({ origin: "http://portal.test", "sec-fetch-site": "same-origin" }), "http://portal.test")).toBe(false);
  });
  it("blocks a post from another site", () => {
    expect(isCrossSiteRequest("POST", h({ origin: "https://evil.test", "sec-fetch-site": "cross-site" }), "http://portal.test")).toBe(true);
  });
  it("blocks a post from a sibling subdomain", () => {
    expect(isCrossSiteRequest("POST", h({ origin: "https://x.portal.test", "sec-fetch-site": "same-site" }), "http://portal.test")).toBe(true);
  });
  it("blocks a post whose origin differs even without fetch metadata", () => {
    expect(isCrossSiteRequest("DELETE", h({ origin: "https://evil.test" }), "http://portal.test")).toBe(true);
  });
  it("blocks an opaque origin", () => {
    expect(isCrossSiteRequest("POST", h({ origin: "null" }), "http://portal.test")).toBe(true);
  });
  it("never blocks reads", () => {
    expect(isCrossSiteRequest("GET", h({ origin: "https://evil.test", "sec-fetch-site": "cross-site" }), "http://portal.test")).toBe(false);
  });
  it("lets requests without browser headers through", () => {
    expect(isCrossSiteRequest("POST", h({}), "http://portal.test")).toBe(false);
  });
  it("blocks a post from the app's own host over plain http when the app is https", () => {
    const https = expectedOrigin("https://portal.test", "http", "portal.test");
    expect(isCrossSiteRequest("POST", h({ origin: "http://portal.test" }), https)).toBe(true);
    expect(isCrossSiteRequest("POST", h({ origin: "https://portal.test" }), https)).toBe(false);
  });
  it("blocks a post from the same host on another port", () => {
    expect(isCrossSiteRequest("POST", h({ origin: "http://portal.test:8080" }), "http://portal.test")).toBe(true);
  });
  it("blocks any post with an origin when the request names no host", () => {
    expect(isCrossSiteRequest("POST", h({ origin: "http://portal.test" }), expectedOrigin("http://portal.test", "http", null))).toBe(true);
  });
});

describe("the origin the app's pages have", () => {
  it("is https whenever APP_URL is, even when a TLS proxy hands the request over as http", () => {
    expect(expectedOrigin("https://portal.example.com", "http", "portal.example.com")).toBe("https://portal.example.com");
  });
  it("follows the request's scheme when APP_URL is http", () => {
    expect(expectedOrigin("http://localhost:3000", "http", "localhost:3000")).toBe("http://localhost:3000");
    expect(expectedOrigin("http://localhost:3000", "https", "portal.test")).toBe("https://portal.test");
  });
  it("drops a default port, as browsers do in Origin", () => {
    expect(expectedOrigin("https://portal.test", "https", "portal.test:443")).toBe("https://portal.test");
  });
  it("is none for a host that is not one", () => {
    expect(expectedOrigin("http://localhost:3000", "http", "bad host/")).toBeNull();
  });
});
