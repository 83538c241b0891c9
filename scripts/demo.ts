// `npm run demo`: the production build on the embedded database, seeded with
// an importer and two partner factories, logins printed.
import { DEMO_PASSWORD, seedDemo } from "../prisma/seed.ts";
import { main } from "../server.ts";
import { connectDatabase, migrateDatabase } from "~/lib/db.server.ts";
import { getEnv } from "~/lib/env.server.ts";

const started = Date.now();
const env = getEnv();
await migrateDatabase(connectDatabase());
const { logins } = await seedDemo();

const table = logins.map((l) => `  ${l.org.padEnd(22)} ${l.role.padEnd(8)} ${l.email}`).join("\n");
console.log(`
Demo logins (password for all: ${DEMO_PASSWORD})
${table}

Emails are captured, not sent: read them at ${env.APP_URL}/dev/mailbox
Data lives in ${env.DATA_DIR}; delete that folder to start over.
`);
await main({});
console.log(`Ready in ${((Date.now() - started) / 1000).toFixed(1)} s. Press Ctrl+C to stop.`);
