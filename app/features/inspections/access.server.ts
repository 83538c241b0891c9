import type { AttachmentContext } from "~/features/attachments/attachments.server.ts";
import { accessible } from "~/lib/authorize.server.ts";
import { prisma } from "~/lib/db.server.ts";

/** An inspection's photos (its own and its defects') follow its read rule. */
export async function canReadInspection(ctx: AttachmentContext, id: string) {
  return (await prisma.inspection.count({ where: { AND: [accessible(ctx.ability, "read", "Inspection"), { id }] } })) > 0;
}

export async function canReadInspectionDefect(ctx: AttachmentContext, defectId: string) {
  const defect = await prisma.inspectionDefect.findUnique({ where: { id: defectId }, select: { inspectionId: true } });
  return defect ? canReadInspection(ctx, defect.inspectionId) : false;
}
