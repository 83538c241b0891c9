import type { TenantContext } from "~/lib/tenant.server.ts";
import type { LoadedInspection } from "./inspections.server.ts";

/** The inspecting part's forms: one zod schema per intent (placeholder until the part is built). */
export const INSPECTING_INTENTS = {};

export function inspectingIntents(_ctx: TenantContext, _inspection: LoadedInspection, _form: FormData) {
  return { handlers: {}, authorize: {}, extras: {} };
}
