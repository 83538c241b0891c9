import { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll } from "vitest";
import { connectDatabase, disconnectDatabase, migrateDatabase } from "~/lib/db.server.ts";
beforeAll(async () => {
  connectDatabase(process.env.TMP_PG_URL ? { url: process.env.TMP_PG_URL } : { pglite: new PGlite() });
  await migrateDatabase();
});
afterAll(() => disconnectDatabase());
