// Applies pending migrations to the configured database: PostgreSQL when
// DATABASE_URL is set, else the embedded PGlite database in DATA_DIR.
import { connectDatabase, disconnectDatabase, migrateDatabase } from "~/lib/db.server.ts";
import { getEnv } from "~/lib/env.server.ts";

try {
  const env = getEnv();
  const db = connectDatabase();
  const applied = await migrateDatabase(db);
  const where = env.DATABASE_URL ? "PostgreSQL" : `PGlite in ${env.DATA_DIR}`;
  console.log(applied.length ? `Applied ${applied.length} migration(s) to ${where}: ${applied.join(", ")}` : `${where} is up to date.`);
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
} finally {
  await disconnectDatabase();
}
