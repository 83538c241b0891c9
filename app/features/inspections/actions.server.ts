// The inspection page's actions: each part of the page (booking, inspecting, the lot decision)
// brings its intents, and the thread its own; one dispatch answers them all.
import { threadIntents } from "~/features/threads/intents.server.ts";
import { THREAD_INTENT_SCHEMAS } from "~/features/threads/thread.ts";
import { dispatchIntents } from "~/lib/actions.server.ts";
import { readForm } from "~/lib/forms.server.ts";
import type { TenantContext } from "~/lib/tenant.server.ts";
import { BOOKING_INTENTS, bookingIntents } from "./booking-intents.server.ts";
import { DECISION_INTENTS, decisionIntents } from "./decision-intents.server.ts";
import { INSPECTING_INTENTS, inspectingIntents } from "./inspecting-intents.server.ts";
import type { LoadedInspection } from "./inspections.server.ts";
import { inspectionThread } from "./page.server.ts";
import { inspectionPath } from "./paths.ts";

const INSPECTION_INTENTS = { ...BOOKING_INTENTS, ...INSPECTING_INTENTS, ...DECISION_INTENTS, ...THREAD_INTENT_SCHEMAS };

export async function handleInspectionAction(request: Request, ctx: TenantContext, inspection: LoadedInspection) {
  const form = await readForm(request, 256 * 1024);
  const here = inspectionPath(ctx.org.slug, inspection.id);
  const thread = threadIntents(ctx, () => ({
    thread: inspectionThread(inspection),
    path: here,
    link: (org) => inspectionPath(org.slug, inspection.id, { thread: true }),
    about: { kind: "inspection", po: inspection.poNumber },
  }));
  const booking = bookingIntents(ctx, inspection, form);
  const inspecting = inspectingIntents(ctx, inspection, form);
  const decision = decisionIntents(ctx, inspection, form);
  return dispatchIntents(
    form,
    INSPECTION_INTENTS,
    { ...booking.handlers, ...inspecting.handlers, ...decision.handlers, ...thread.handlers },
    {
      authorize: { ...booking.authorize, ...inspecting.authorize, ...decision.authorize, ...thread.authorize },
      extras: { ...booking.extras, ...inspecting.extras, ...decision.extras },
      // The inspecting sections post fields named per row and cell (`m.*`, `d.*`, `check.*`).
      extraFields: { ...inspecting.extraFields },
    },
  );
}
