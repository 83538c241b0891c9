import type { AttachmentContext } from "~/features/attachments/attachments.server.ts";
import { accessible } from "~/lib/authorize.server.ts";
import { prisma } from "~/lib/db.server.ts";

/** Evidence and the thread follow the corrective action's own read rule. */
export async function canReadCorrectiveAction(ctx: AttachmentContext, id: string) {
  return (await prisma.correctiveAction.count({ where: { AND: [accessible(ctx.ability, "read", "CorrectiveAction"), { id }] } })) > 0;
}
