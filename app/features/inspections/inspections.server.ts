import { asSubject } from "~/lib/ability.ts";
import { accessible } from "~/lib/authorize.server.ts";
import { prisma } from "~/lib/db.server.ts";
import { notFound } from "~/lib/http.server.ts";
import { message } from "~/lib/i18n/message.ts";
import type { TenantContext } from "~/lib/tenant.server.ts";
import type { Prisma } from "~/generated/prisma/client.ts";
import { storedPlan } from "./plan.ts";

export const inspectionInclude = {
  partnership: { select: { status: true } },
  defects: { orderBy: { position: "asc" } },
  checks: { orderBy: { key: "asc" } },
  measurements: { select: { characteristicKey: true, sample: true, raw: true, value: true, passed: true } },
} satisfies Prisma.InspectionInclude;

/** An inspection the member may read (never another factory's, nor one of an ended partnership for the factory); 404 otherwise. */
export async function loadInspection(ctx: TenantContext, id: string) {
  const inspection = await prisma.inspection.findFirst({
    where: { AND: [accessible(ctx.ability, "read", "Inspection"), { id }] },
    include: inspectionInclude,
  });
  if (!inspection) notFound(message("inspections", "errors.notFound"));
  return { ...inspection, plan: storedPlan(inspection.plan) };
}
export type LoadedInspection = Awaited<ReturnType<typeof loadInspection>>;

export const inspectionSubject = (inspection: LoadedInspection) => asSubject("Inspection", { ...inspection, plan: inspection.plan as never });
