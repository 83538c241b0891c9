import type { TenantContext } from "~/lib/tenant.server.ts";
import type { LoadedInspection } from "./inspections.server.ts";

/** The decision part's forms: one zod schema per intent (placeholder until the part is built). */
export const DECISION_INTENTS = {};

export function decisionIntents(_ctx: TenantContext, _inspection: LoadedInspection, _form: FormData) {
  return { handlers: {}, authorize: {}, extras: {} };
}
