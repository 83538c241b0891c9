// The forms' check of a posted time zone (sign-up, the header menu, an org's zone).
import { z } from "zod";
import { message } from "./i18n/message.ts";
import { DEFAULT_TIME_ZONE, toTimeZone } from "./time-zones.ts";

/** A posted zone: one Intl knows (the string as it came is never stored), with this message otherwise. */
export const timeZoneSchema = z.string({ required_error: message("preferences", "validation.timeZone") }).transform((value, ctx) => {
  const zone = toTimeZone(value);
  if (zone) return zone;
  ctx.addIssue({ code: "custom", message: message("preferences", "validation.timeZone") });
  return z.NEVER;
});

/** The zone a browser reported in a form's hidden field (BrowserTimeZone); UTC when it sent none (no JavaScript). */
export const browserTimeZoneSchema = timeZoneSchema.optional().transform((zone) => zone ?? DEFAULT_TIME_ZONE);
