// What the inspection page's decision part shows: to the importer's deciders, the form while the
// result waits for them; to both sides, the decision once made, and after a rejection the way on
// (the re-inspection, and for the importer a corrective action prefilled from the lot).
import { newCorrectiveActionPath, correctiveActionPath } from "~/features/corrective-actions/paths.ts";
import { asSubject } from "~/lib/ability.ts";
import { accessible } from "~/lib/authorize.server.ts";
import { prisma } from "~/lib/db.server.ts";
import type { TenantContext } from "~/lib/tenant.server.ts";
import { isDecided, type DecidedStatus } from "./decision.ts";
import { inspectionSubject, type LoadedInspection } from "./inspections.server.ts";
import type { InspectionPageContext } from "./page.server.ts";
import { DEFECT_CLASSES } from "./plan.ts";
import { inspectionPath, newInspectionPath } from "./paths.ts";

export async function decisionView(ctx: TenantContext, inspection: LoadedInspection, _context: InspectionPageContext) {
  const canDecide = ctx.ability.can("decide", inspectionSubject(inspection));
  const decided = isDecided(inspection.status);
  const rejected = inspection.status === "REJECTED";
  const importer = ctx.org.kind === "IMPORTER";
  const [decider, reinspection, correctiveAction] = await Promise.all([
    decided && inspection.decidedById ? prisma.user.findUnique({ where: { id: inspection.decidedById }, select: { name: true } }) : null,
    rejected
      ? prisma.inspection.findFirst({
          where: { AND: [accessible(ctx.ability, "read", "Inspection"), { reinspectionOfId: inspection.id }] },
          orderBy: { createdAt: "desc" },
          select: { id: true, status: true },
        })
      : null,
    rejected && importer
      ? prisma.correctiveAction.findFirst({
          where: { AND: [accessible(ctx.ability, "read", "CorrectiveAction"), { inspectionId: inspection.id }] },
          orderBy: { createdAt: "desc" },
          select: { id: true, title: true },
        })
      : null,
  ]);
  const found = (cls: string) => inspection.defects.filter((d) => d.class === cls).reduce((sum, d) => sum + d.count, 0);
  return {
    canDecide,
    waiting: inspection.status === "SUBMITTED",
    result: inspection.result,
    pendingDecision: inspection.pendingDecision,
    classes: DEFECT_CLASSES.map((cls) => {
      const plan = inspection.plan.classes[cls];
      return { class: cls, found: found(cls), accept: plan.accept, reject: plan.reject, zeroAllowed: plan.aql === null };
    }),
    decision: decided
      ? {
          status: inspection.status as DecidedStatus,
          note: inspection.decisionNote,
          decidedAt: inspection.decidedAt?.toISOString() ?? null,
          decidedBy: decider?.name ?? null,
        }
      : null,
    afterRejection: rejected
      ? {
          reinspection: reinspection ? { status: reinspection.status, path: inspectionPath(ctx.org.slug, reinspection.id) } : null,
          bookPath:
            !reinspection && ctx.ability.can("create", inspectionSubject(inspection))
              ? newInspectionPath(ctx.org.slug, { reinspectionOf: inspection.id })
              : null,
          correctiveAction: correctiveAction ? { title: correctiveAction.title, path: correctiveActionPath(ctx.org.slug, correctiveAction.id) } : null,
          openCorrectiveActionPath:
            importer && !correctiveAction && ctx.ability.can("create", asSubject("CorrectiveAction", { importerId: ctx.org.id, status: "OPEN" }))
              ? newCorrectiveActionPath(ctx.org.slug, undefined, inspection.id)
              : null,
        }
      : null,
  };
}
export type DecisionView = Awaited<ReturnType<typeof decisionView>>;
