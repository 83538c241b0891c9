// Per test file: connect the process database to a fresh copy of the
// migrated template (PGlite) or to the run's database (PostgreSQL). Tests
// create their own uniquely named data, so files never see each other's.
import { mkdtempSync } from "node:fs";
import { cp, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, inject } from "vitest";
import { connectDatabase, disconnectDatabase } from "~/lib/db.server.ts";
import { resetEnv } from "~/lib/env.server.ts";
import { applyTestEnv } from "./test-env.ts";

applyTestEnv();
// Each test file stores uploads in its own folder, removed afterwards.
const storageDir = mkdtempSync(path.join(os.tmpdir(), "sp-files-"));
process.env.STORAGE_DIR = storageDir;
resetEnv();

let dataDir: string | undefined;

beforeAll(async () => {
  const database = inject("database");
  if (database.kind === "postgres") {
    connectDatabase({ url: database.url });
  } else {
    dataDir = await mkdtemp(path.join(os.tmpdir(), "sp-pglite-"));
    await cp(database.templateDir, dataDir, { recursive: true });
    connectDatabase({ dataDir });
  }
});

afterAll(async () => {
  await disconnectDatabase();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
  await rm(storageDir, { recursive: true, force: true });
});
