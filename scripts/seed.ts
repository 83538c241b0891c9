import { DEMO_PASSWORD, seedDemo } from "../prisma/seed.ts";
import { connectDatabase, disconnectDatabase, migrateDatabase } from "~/lib/db.server.ts";

try {
  await migrateDatabase(connectDatabase());
  const { created, logins } = await seedDemo();
  console.log(created ? `Seeded ${logins.length} demo users (password: ${DEMO_PASSWORD}).` : "Demo data already present.");
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
} finally {
  await disconnectDatabase();
}
