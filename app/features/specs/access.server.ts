import type { AttachmentContext } from "~/features/attachments/attachments.server.ts";
import { accessible } from "~/lib/authorize.server.ts";
import { prisma } from "~/lib/db.server.ts";

/**
 * Whether this user may read the version: the same rule as its pages (drafts
 * never reach a factory). Drawings and defect photos belong to the version
 * they were uploaded to; later versions link the same files, and the first
 * version is readable whenever a later one is, so this never hides a linked
 * file from a reader of a later version, nor shows a draft's upload to a factory.
 */
export async function canReadVersion(ctx: AttachmentContext, versionId: string) {
  const count = await prisma.specVersion.count({ where: { AND: [accessible(ctx.ability, "read", "SpecVersion"), { id: versionId }] } });
  return count > 0;
}

/**
 * A drawing or defect photo is readable while some version the user may read
 * still shows it: removing it from a draft keeps it from the factory when that
 * draft is published.
 */
export async function canReadSpecFile(ctx: AttachmentContext, _versionId: string, attachment: { id: string }) {
  const count = await prisma.specVersion.count({
    where: {
      AND: [
        accessible(ctx.ability, "read", "SpecVersion"),
        {
          OR: [
            { files: { some: { attachmentId: attachment.id } } },
            { defectExamples: { some: { OR: [{ acceptablePhotoId: attachment.id }, { unacceptablePhotoId: attachment.id }] } } },
          ],
        },
      ],
    },
  });
  return count > 0;
}
