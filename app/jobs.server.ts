import { sendCorrectiveActionReminders } from "~/features/corrective-actions/reminders.server.ts";
import { registerPeriodicJob } from "~/features/notifications/worker.server.ts";
import { pruneSignupRequests } from "~/features/organizations/signups.server.ts";
import { HOUR_MS } from "~/lib/dates.ts";
import { pruneLoginThrottle } from "~/lib/login-throttle.server.ts";
import { pruneExpiredSessions } from "~/lib/session.server.ts";
import { getStorage } from "~/lib/storage.server.ts";

/**
 * Housekeeping that runs in the worker loop (in the server or `npm run worker`). It sits at the
 * app's root, beside entry.server.tsx, because it composes jobs of lib and of several features.
 */
export function registerMaintenanceJobs() {
  registerPeriodicJob("prune-expired-sessions", async (now) => void (await pruneExpiredSessions(now)), { everyMs: HOUR_MS });
  registerPeriodicJob("prune-login-throttle", (now) => pruneLoginThrottle(now), { everyMs: HOUR_MS });
  registerPeriodicJob("prune-signup-requests", async (now) => void (await pruneSignupRequests(now)), { everyMs: HOUR_MS });
  // An hour is far beyond Node's 5-minute request timeout: no upload still running is that old.
  registerPeriodicJob("remove-abandoned-upload-parts", async (now) => void (await getStorage().removeAbandonedParts?.(new Date(now.getTime() - HOUR_MS))), {
    everyMs: HOUR_MS,
  });
  registerPeriodicJob("corrective-action-reminders", (now) => sendCorrectiveActionReminders(now), { everyMs: 15 * 60 * 1000 });
}
