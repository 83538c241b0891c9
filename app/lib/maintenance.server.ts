import { sendCorrectiveActionReminders } from "~/features/corrective-actions/reminders.server.ts";
import { registerPeriodicJob } from "~/features/notifications/worker.server.ts";
import { pruneSignupRequests } from "~/features/organizations/signups.server.ts";
import { pruneLoginThrottle } from "./login-throttle.server.ts";
import { pruneExpiredSessions } from "./session.server.ts";
import { getStorage } from "./storage.server.ts";

const HOUR = 60 * 60 * 1000;

/** Housekeeping that runs in the worker loop (in the server or `npm run worker`). */
export function registerMaintenanceJobs() {
  registerPeriodicJob("prune-expired-sessions", async (now) => void (await pruneExpiredSessions(now)), { everyMs: HOUR });
  registerPeriodicJob("prune-login-throttle", (now) => pruneLoginThrottle(now), { everyMs: HOUR });
  registerPeriodicJob("prune-signup-requests", async (now) => void (await pruneSignupRequests(now)), { everyMs: HOUR });
  // An hour is far beyond Node's 5-minute request timeout: no upload still running is that old.
  registerPeriodicJob("remove-abandoned-upload-parts", async (now) => void (await getStorage().removeAbandonedParts?.(new Date(now.getTime() - HOUR))), {
    everyMs: HOUR,
  });
  registerPeriodicJob("corrective-action-reminders", (now) => sendCorrectiveActionReminders(now), { everyMs: 15 * 60 * 1000 });
}
