// Standalone outbox worker: `npm run worker`. Use it when the web servers run with
// WORKER=false (several app servers on one PostgreSQL); any number of these may run.
import { startOutboxWorker } from "../app/features/notifications/worker.server.ts";
import { connectDatabase, disconnectDatabase, migrateDatabase } from "../app/lib/db.server.ts";
import { getEnv } from "../app/lib/env.server.ts";
import { registerMaintenanceJobs } from "../app/jobs.server.ts";

const env = getEnv();
const db = connectDatabase();
if (db.dialect === "pglite") {
  // A PGlite data folder serves one process at a time.
  console.warn("[worker] Using the embedded database: do not run the web server at the same time (it runs the worker itself).");
}
await migrateDatabase(db);

// Periodic jobs run in whichever process runs the worker loop, so this one must register them too.
registerMaintenanceJobs();
const worker = startOutboxWorker();
console.info(
  `[worker] Sending email ${env.mailCapture ? `to the local capture endpoint at ${env.RESEND_BASE_URL ?? `${env.APP_URL}/dev/capture`}` : `through Resend${env.RESEND_BASE_URL ? ` at ${env.RESEND_BASE_URL}` : ""}`}.`,
);

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) {
    console.warn(`[worker] ${signal} again: exiting now.`);
    process.exit(1);
  }
  stopping = true;
  console.info(`[worker] ${signal}: finishing the current run…`);
  try {
    await worker.stop();
    await disconnectDatabase();
  } catch (error) {
    console.error("[worker] Shutdown failed:", error);
    process.exitCode = 1;
  }
  // Nothing else keeps the event loop alive, so the process ends here.
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
