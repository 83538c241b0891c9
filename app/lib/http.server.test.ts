import { beforeAll, describe, expect, it } from "vitest";
import { resetEnv } from "./env.server.ts";
import { safeRedirectPath } from "./http.server.ts";

beforeAll(() => {
  process.env.APP_URL = "https://portal.example.com";
  resetEnv();
});

/** Where a browser would go with this Location header, read as the WHATWG URL parser does. */
const landsOn = (location: string) => new URL(location, "https://portal.example.com/login").origin;

describe("redirect targets taken from a request", () => {
  it.each(["/", "/acme/specs", "/acme/specs?page=2&size=50", "/invitations/abc-123", "/acme/first-articles/fa1#thread", "/acme/specs?q=mug%20cup"])(
    "keeps %s, a path on this app, with its query and fragment",
    (path) => {
      expect(safeRedirectPath(path)).toBe(path);
    },
  );

  it("answers with the resolved, encoded path", () => {
    expect(safeRedirectPath("/acme/../other")).toBe("/other");
    expect(safeRedirectPath("/café")).toBe("/caf%C3%A9");
  });

  // The cases the probe found, and the usual open-redirect list.
  const hostile = [
    "/\t/evil.example",
    "/\t\\evil.example",
    "//evil.example",
    "///evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "/\\/evil.example",
    "https://evil.example",
    "http:evil.example",
    "javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    " /acme",
    "/acme\r\nSet-Cookie: x=1",
    "/acme\nLocation: https://evil.example",
    "/acme\u3000x",
    "/\u3000/evil.example",
    "/\u200b/evil.example",
    "/\u0000/evil.example",
    "/ /evil.example",
    "evil.example",
    "",
    `/${"a".repeat(2001)}`,
  ];

  it.each(hostile)("refuses %j and falls back", (target) => {
    expect(safeRedirectPath(target, "/home")).toBe("/home");
  });

  it("never gives a Location that a browser resolves off this origin", () => {
    for (const target of [...hostile, "/%09/evil.example", "/%2F/evil.example", "/%5Cevil.example", "/.//evil.example"]) {
      const location = safeRedirectPath(target);
      expect(landsOn(location), JSON.stringify(target)).toBe("https://portal.example.com");
      expect(location).not.toMatch(/[\u0000-\u001f\u007f\s\\]/);
    }
  });

  it("takes only strings", () => {
    expect(safeRedirectPath(null)).toBe("/");
    expect(safeRedirectPath(undefined, "/x")).toBe("/x");
    expect(safeRedirectPath(new File(["/acme"], "f.txt"))).toBe("/");
  });
});
