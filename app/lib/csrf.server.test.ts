import { describe, expect, it } from "vitest";
import { isCrossSiteRequest } from "./csrf.server.ts";

const h = (init: Record<string, string>) => new Headers(init);

describe("cross-site form post protection", () => {
  it("lets a same-origin form post through", () => {
    expect(isCrossSiteRequest("POST", h({ origin: "http://portal.test", "sec-fetch-site": "same-origin" }), "portal.test")).toBe(false);
  });
  it("blocks a post from another site", () => {
    expect(isCrossSiteRequest("POST", h({ origin: "https://evil.test", "sec-fetch-site": "cross-site" }), "portal.test")).toBe(true);
  });
  it("blocks a post from a sibling subdomain", () => {
    expect(isCrossSiteRequest("POST", h({ origin: "https://x.portal.test", "sec-fetch-site": "same-site" }), "portal.test")).toBe(true);
  });
  it("blocks a post whose origin differs even without fetch metadata", () => {
    expect(isCrossSiteRequest("DELETE", h({ origin: "https://evil.test" }), "portal.test")).toBe(true);
  });
  it("blocks an opaque origin", () => {
    expect(isCrossSiteRequest("POST", h({ origin: "null" }), "portal.test")).toBe(true);
  });
  it("never blocks reads", () => {
    expect(isCrossSiteRequest("GET", h({ origin: "https://evil.test", "sec-fetch-site": "cross-site" }), "portal.test")).toBe(false);
  });
  it("lets requests without browser headers through", () => {
    expect(isCrossSiteRequest("POST", h({}), "portal.test")).toBe(false);
  });
});
