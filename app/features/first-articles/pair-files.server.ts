// Files on a first article or a corrective action, read inside the statement
// that loads the record: an Attachment has no relation to the record it
// belongs to, only to the org that uploaded it, so a record's files are
// reached through the two orgs of its partnership.
import type { FileSnapshot } from "~/features/specs/snapshot.ts";
import type { Prisma } from "~/generated/prisma/client.ts";

const fileSelect = { id: true, name: true, contentType: true, size: true, sha256: true, createdAt: true } satisfies Prisma.AttachmentSelect;

type FileRow = Prisma.AttachmentGetPayload<{ select: typeof fileSelect }>;

/** `attachments` args for an org: its uploads on one record. */
export const filesOn = (ownerType: string, ownerId: string) =>
  ({
    where: { ownerType, ownerId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: fileSelect,
  }) satisfies Prisma.Organization$attachmentsArgs;

/** Both sides' uploads as one list, oldest first. */
export function mergeFiles(...lists: (FileRow[] | undefined)[]): FileSnapshot[] {
  return lists
    .flatMap((list) => list ?? [])
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map(({ id, name, contentType, size, sha256 }) => ({ id, name, contentType, size, sha256 }));
}
