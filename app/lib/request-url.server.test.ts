import { describe, expect, it } from "vitest";
import { isUnreadableUrl } from "./request-url.server.ts";

describe("URLs refused before any loader runs", () => {
  it.each([
    "/",
    "/acme/specs?page=2&size=50",
    "/acme/specs?q=mug%20cup",
    "/acme/specs?q=%E6%9D%AF%E5%AD%90",
    "/dev/mailbox/cm123abc",
    "/acme/files/att1?download",
  ])("lets the ordinary address %s through", (url) => {
    expect(isUnreadableUrl(url), url).toBe(false);
  });

  it.each(["/dev/mailbox/%00", "/dev/mailbox/\u0000", "/acme/specs/%0d%0a", "/acme/specs?q=%00", "/acme/specs?%00=1", "/acme/specs?before=a%1fb", "/a%7f"])(
    "refuses %j: NUL and other control characters, raw or encoded, in the path or the query",
    (url) => {
      expect(isUnreadableUrl(url), url).toBe(true);
    },
  );

  it.each(["/acme/%E0%A4%A", "/acme/%", "/acme/%zz"])("refuses %s: percent-encoding that does not decode", (url) => {
    expect(isUnreadableUrl(url), url).toBe(true);
  });
});
