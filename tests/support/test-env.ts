import os from "node:os";
import path from "node:path";

/** The environment every integration test process runs with. */
export function applyTestEnv() {
  process.env.NODE_ENV = "test";
  process.env.APP_URL = "http://portal.test";
  process.env.SESSION_SECRET = "test-session-secret-that-is-long-enough-0123456789";
  process.env.DATA_DIR ??= path.join(os.tmpdir(), "supplier-portal-test");
  process.env.WORKER = "false";
  delete process.env.RESEND_API_KEY;
  delete process.env.DATABASE_URL;
}

export type TestDatabaseKind = "pglite" | "postgres";

export function testDatabaseKind(): TestDatabaseKind {
  return process.env.TEST_DB === "postgres" ? "postgres" : "pglite";
}
