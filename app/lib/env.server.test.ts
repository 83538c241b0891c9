import { describe, expect, it } from "vitest";
import { parseEnv } from "./env.server.ts";

describe("configuration", () => {
  it("runs with nothing set: embedded database, local port, email captured", () => {
    const env = parseEnv({});
    expect(env.PORT).toBe(3000);
    expect(env.APP_URL).toBe("http://localhost:3000");
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.mailCapture).toBe(true);
    expect(env.WORKER).toBe(true);
  });

  it("treats empty values as unset", () => {
    expect(parseEnv({ DATABASE_URL: "", RESEND_API_KEY: "" }).mailCapture).toBe(true);
  });

  it("names every bad variable with a reason, on its own line", () => {
    const error = (() => {
      try {
        parseEnv({ PORT: "eighty", DATABASE_URL: "mysql://x", SESSION_SECRET: "short", WORKER: "maybe" });
      } catch (e) {
        return (e as Error).message;
      }
    })();
    expect(error).toContain("PORT: must be a port number");
    expect(error).toContain("DATABASE_URL: must start with postgres://");
    expect(error).toContain("SESSION_SECRET: must be at least 32 characters");
    expect(error).toContain("WORKER: must be true or false");
  });

  it("derives APP_URL from PORT and drops a trailing slash", () => {
    expect(parseEnv({ PORT: "8080" }).APP_URL).toBe("http://localhost:8080");
    expect(parseEnv({ APP_URL: "https://portal.example.com/" }).APP_URL).toBe("https://portal.example.com");
  });
});
