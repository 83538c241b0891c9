import type { ActionFunctionArgs } from "@remix-run/node";
import { saveInspectionAsTyped } from "~/features/inspections/autosave.server.ts";
import { loadInspection } from "~/features/inspections/inspections.server.ts";
import { idParam } from "~/features/specs/params.server.ts";
import { jsonAnswer } from "~/lib/http.server.ts";
import { requireMembership } from "~/lib/tenant.server.ts";

// The inspecting sections save here as they are typed, with their own fetch (never a fetcher, so
// an answer landing meanwhile cannot cut a navigation short); defect photos post here as well.
export async function action({ request, params }: ActionFunctionArgs) {
  return jsonAnswer(async () => {
    const ctx = await requireMembership(request, params.org);
    const inspection = await loadInspection(ctx, idParam(params.inspectionId));
    return saveInspectionAsTyped(request, ctx, inspection);
  });
}
