import { sendCorrectiveActionReminders } from "~/features/corrective-actions/reminders.server.ts";
import { registerPeriodicJob } from "~/features/notifications/worker.server.ts";
import { pruneLoginThrottle } from "./login-throttle.server.ts";
import { pruneExpiredSessions } from "./session.server.ts";

const HOUR = 60 * 60 * 1000;

/** Housekeeping that runs in the worker loop (in the server or `npm run worker`). */
export function registerMaintenanceJobs() {
  registerPeriodicJob("prune-expired-sessions", async (now) => void (await pruneExpiredSessions(now)), { everyMs: HOUR });
  registerPeriodicJob("prune-login-throttle", (now) => pruneLoginThrottle(now), { everyMs: HOUR });
  registerPeriodicJob("corrective-action-reminders", (now) => sendCorrectiveActionReminders(now), { everyMs: 15 * 60 * 1000 });
}
