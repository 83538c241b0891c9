import type { AttachmentContext } from "~/features/attachments/attachments.server.ts";
import { accessible } from "~/lib/authorize.server.ts";
import { prisma } from "~/lib/db.server.ts";

/** Sample photos and supporting files follow their first article's read rule. */
export async function canReadFirstArticle(ctx: AttachmentContext, id: string) {
  return (await prisma.firstArticle.count({ where: { AND: [accessible(ctx.ability, "read", "FirstArticle"), { id }] } })) > 0;
}

/** A first article's thread spans its rounds (its id is the series id): readable with any round. */
export async function canReadFirstArticleSeries(ctx: AttachmentContext, seriesId: string) {
  return (await prisma.firstArticle.count({ where: { AND: [accessible(ctx.ability, "read", "FirstArticle"), { seriesId }] } })) > 0;
}
