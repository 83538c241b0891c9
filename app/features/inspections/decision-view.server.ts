import type { TenantContext } from "~/lib/tenant.server.ts";
import type { LoadedInspection } from "./inspections.server.ts";
import type { InspectionPageContext } from "./page.server.ts";

/** What the inspection page's decision part shows (placeholder until the part is built). */
export async function decisionView(_ctx: TenantContext, _inspection: LoadedInspection, _context: InspectionPageContext) {
  return {};
}
