// Once per integration run: a freshly migrated database to copy from.
// PGlite: a migrated data folder that each test file copies (PGlite is
// in-process, one folder per process). PostgreSQL: a new database on the
// TEST_DATABASE_URL server, dropped at the end.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { migrateDatabase, openDatabase } from "~/lib/db.server.ts";
import { testDatabaseKind } from "./test-env.ts";

declare module "vitest" {
  export interface ProvidedContext {
    database: { kind: "pglite"; templateDir: string } | { kind: "postgres"; url: string };
  }
}

export default async function setup(project: TestProject) {
  if (testDatabaseKind() === "postgres") {
    const serverUrl = process.env.TEST_DATABASE_URL;
    if (!serverUrl) throw new Error("TEST_DB=postgres needs TEST_DATABASE_URL, e.g. postgres://postgres@127.0.0.1:5432/postgres");
    const name = `sp_test_${Date.now()}_${process.pid}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    const db = openDatabase({ url: url.toString() });
    await migrateDatabase(db);
    await db.close();
    project.provide("database", { kind: "postgres", url: url.toString() });
    return async () => {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    };
  }
  const templateDir = await mkdtemp(path.join(os.tmpdir(), "sp-pglite-template-"));
  const db = openDatabase({ dataDir: templateDir });
  await migrateDatabase(db);
  await db.close();
  project.provide("database", { kind: "pglite", templateDir });
  return async () => {
    await rm(templateDir, { recursive: true, force: true });
  };
}
