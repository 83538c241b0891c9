import { z } from "zod";
import { redirect } from "@remix-run/node";
import { dispatchForm } from "~/lib/actions.server.ts";
import { prisma } from "~/lib/db.server.ts";
import { getEnv } from "~/lib/env.server.ts";
import { safeRedirectPath } from "~/lib/http.server.ts";
import { timeZoneCookie } from "~/lib/time-zone.server.ts";
import { timeZoneSchema } from "~/lib/time-zone-schema.ts";
import type { SessionUser } from "~/lib/session.server.ts";

export const TimeZoneSchema = z.object({
  timeZone: timeZoneSchema,
  redirectTo: z.string().max(2000).optional(),
});

/**
 * The header menu's zone: on the account of someone signed in (their pages and emails follow
 * it), and on this browser, for the signed-out pages.
 */
export async function changeTimeZone(formData: FormData, user: SessionUser | null) {
  return dispatchForm(formData, { timeZone: TimeZoneSchema }, async ({ timeZone, redirectTo }) => {
    if (user) await prisma.user.update({ where: { id: user.id }, data: { timeZone } });
    const secure = getEnv().SECURE_COOKIES ?? getEnv().APP_URL.startsWith("https://");
    throw redirect(safeRedirectPath(redirectTo, "/"), { headers: { "Set-Cookie": timeZoneCookie(timeZone, secure) } });
  });
}
