import { registerAttachmentOwner, type AttachmentContext } from "~/features/attachments/attachments.server.ts";
import { registerThreadParent } from "~/features/threads/comments.server.ts";
import { accessible } from "~/lib/authorize.server.ts";
import { prisma } from "~/lib/db.server.ts";

/** Whether this user may read the version: the same rule as its pages (drafts never reach a factory). */
export async function canReadVersion(ctx: AttachmentContext, versionId: string) {
  const count = await prisma.specVersion.count({ where: { AND: [accessible(ctx.ability, "read", "SpecVersion"), { id: versionId }] } });
  return count > 0;
}

// Drawings and defect photos belong to the version they were uploaded to.
// Later versions link the same files; the first version is always readable
// whenever a later one is, so this check never hides a linked file from a
// reader of a later version, and never shows a draft's upload to a factory.
registerAttachmentOwner("SpecVersion", canReadVersion);
registerThreadParent("SpecVersion", (ctx, thread) => canReadVersion(ctx, thread.id));
