import path from "node:path";
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

  it("opens 10 PostgreSQL connections per process unless told otherwise", () => {
    expect(parseEnv({}).DATABASE_POOL_SIZE).toBe(10);
    expect(parseEnv({ DATABASE_POOL_SIZE: "4" }).DATABASE_POOL_SIZE).toBe(4);
    expect(() => parseEnv({ DATABASE_POOL_SIZE: "0" })).toThrow("DATABASE_POOL_SIZE: must be at least 1");
    expect(() => parseEnv({ DATABASE_POOL_SIZE: "ten" })).toThrow("DATABASE_POOL_SIZE: must be a number of connections");
  });

  it("runs one server process unless told otherwise, and several only on PostgreSQL", () => {
    const url = "postgres://postgres@127.0.0.1:5432/portal";
    expect(parseEnv({}).WEB_CONCURRENCY).toBe(1);
    expect(parseEnv({ WEB_CONCURRENCY: "2", DATABASE_URL: url }).WEB_CONCURRENCY).toBe(2);
    expect(() => parseEnv({ WEB_CONCURRENCY: "2" })).toThrow("WEB_CONCURRENCY: needs DATABASE_URL");
    expect(() => parseEnv({ WEB_CONCURRENCY: "0", DATABASE_URL: url })).toThrow("WEB_CONCURRENCY: must be at least 1");
    expect(() => parseEnv({ WEB_CONCURRENCY: "two", DATABASE_URL: url })).toThrow("WEB_CONCURRENCY: must be a number of processes");
  });

  it("trusts no proxy unless told how many there are or where they are", () => {
    expect(parseEnv({}).TRUST_PROXY).toBe(false);
    expect(parseEnv({ TRUST_PROXY: "false" }).TRUST_PROXY).toBe(false);
    expect(parseEnv({ TRUST_PROXY: "0" }).TRUST_PROXY).toBe(false);
    expect(parseEnv({ TRUST_PROXY: "1" }).TRUST_PROXY).toBe(1);
    expect(parseEnv({ TRUST_PROXY: "2" }).TRUST_PROXY).toBe(2);
    expect(parseEnv({ TRUST_PROXY: "10.0.0.0/8" }).TRUST_PROXY).toEqual(["10.0.0.0/8"]);
    expect(parseEnv({ TRUST_PROXY: "10.0.0.1, 192.168.0.0/16,fd00::/8" }).TRUST_PROXY).toEqual(["10.0.0.1", "192.168.0.0/16", "fd00::/8"]);
    expect(parseEnv({ TRUST_PROXY: "loopback" }).TRUST_PROXY).toEqual(["loopback"]);
  });

  it("refuses to trust every proxy hop, naming what to set instead", () => {
    for (const everything of ["true", "TRUE", "all", "*"]) {
      expect(() => parseEnv({ TRUST_PROXY: everything })).toThrow(/TRUST_PROXY: must not be .*: that trusts every hop/);
    }
    expect(() => parseEnv({ TRUST_PROXY: "true" })).toThrow(
      "the number of proxies in front of the server (e.g. 1) or their addresses (e.g. 10.0.0.0/8 or 10.0.0.1,192.168.0.0/16)",
    );
    expect(() => parseEnv({ TRUST_PROXY: "10.0.0.1,proxy.internal" })).toThrow('TRUST_PROXY: "proxy.internal" is not the number of proxies');
    expect(() => parseEnv({ TRUST_PROXY: "10.0.0.0/33" })).toThrow('TRUST_PROXY: "10.0.0.0/33" is not');
    expect(() => parseEnv({ TRUST_PROXY: "," })).toThrow("TRUST_PROXY: must be the number of proxies");
    expect(() => parseEnv({ TRUST_PROXY: "100" })).toThrow("TRUST_PROXY: must be at most 20 proxies");
  });

  it("derives APP_URL from PORT and drops a trailing slash", () => {
    expect(parseEnv({ PORT: "8080" }).APP_URL).toBe("http://localhost:8080");
    expect(parseEnv({ APP_URL: "https://portal.example.com/" }).APP_URL).toBe("https://portal.example.com");
  });

  it("stores files under DATA_DIR with a 20 MB upload limit unless told otherwise", () => {
    const env = parseEnv({ DATA_DIR: "/srv/portal" });
    expect(env.STORAGE_DIR).toBe(path.resolve("/srv/portal/files"));
    expect(env.UPLOAD_MAX_BYTES).toBe(20 * 1024 * 1024);
    expect(env.S3_BUCKET).toBeUndefined();
    const custom = parseEnv({ STORAGE_DIR: "/mnt/files", UPLOAD_MAX_BYTES: "5242880" });
    expect(custom.STORAGE_DIR).toBe(path.resolve("/mnt/files"));
    expect(custom.UPLOAD_MAX_BYTES).toBe(5 * 1024 * 1024);
  });

  it("reads the S3 settings and refuses half of them", () => {
    const env = parseEnv({ S3_BUCKET: "files", S3_ENDPOINT: "https://minio.example.com", S3_FORCE_PATH_STYLE: "true" });
    expect(env.S3_REGION).toBe("us-east-1");
    expect(env.S3_FORCE_PATH_STYLE).toBe(true);
    const error = (() => {
      try {
        parseEnv({ S3_ENDPOINT: "minio", S3_ACCESS_KEY_ID: "key", UPLOAD_MAX_BYTES: "20MB" });
      } catch (e) {
        return (e as Error).message;
      }
    })();
    expect(error).toContain("S3_ENDPOINT: must be an absolute URL");
    expect(error).toContain("UPLOAD_MAX_BYTES: must be a number of bytes");
    // Reported together with the field errors only once those pass; check them alone.
    const pairing = (() => {
      try {
        parseEnv({ S3_ACCESS_KEY_ID: "key" });
      } catch (e) {
        return (e as Error).message;
      }
    })();
    expect(pairing).toContain("S3_ACCESS_KEY_ID: is set but S3_BUCKET is not");
    expect(pairing).toContain("S3_SECRET_ACCESS_KEY: is required when the other S3 key is set");
  });
});
