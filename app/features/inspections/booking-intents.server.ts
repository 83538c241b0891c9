import type { TenantContext } from "~/lib/tenant.server.ts";
import type { LoadedInspection } from "./inspections.server.ts";

/** The booking part's forms: one zod schema per intent (placeholder until the part is built). */
export const BOOKING_INTENTS = {};

export function bookingIntents(_ctx: TenantContext, _inspection: LoadedInspection, _form: FormData) {
  return { handlers: {}, authorize: {}, extras: {} };
}
