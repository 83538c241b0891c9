// Copies of a record's files for another record of the same org (a first
// article's next round takes over its photos). Each copy gets its own stored
// blob: a file row owns its blob, and removing one must never break another.
import type { Prisma } from "~/generated/prisma/client.ts";
import { prisma } from "~/lib/db.server.ts";
import { getStorage, newStorageKey } from "~/lib/storage.server.ts";

export interface StagedCopies {
  /** The rows to create, once the new owner exists. */
  rows: (ownerId: string) => Prisma.AttachmentCreateManyInput[];
  /** Removes the copied blobs when the rows will not be created after all. */
  discard: () => Promise<void>;
}

/** Copies the blobs of `orgId`'s files on one record; the rows are written by the caller, in its transaction. */
export async function stageCopies(orgId: string, from: { ownerType: string; ownerId: string }): Promise<StagedCopies> {
  const files = await prisma.attachment.findMany({ where: { orgId, ...from }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  const storage = getStorage();
  const copied: { file: (typeof files)[number]; storageKey: string }[] = [];
  const discard = async () => {
    for (const { storageKey } of copied) await storage.delete(storageKey).catch((error) => console.error(`Could not remove copied file ${storageKey}:`, error));
  };
  try {
    for (const file of files) {
      const body = await storage.get(file.storageKey);
      // A row without its blob (an old backup) is not copied: the copy would be a broken link.
      if (!body) continue;
      const storageKey = newStorageKey(orgId);
      await storage.put(storageKey, body, { contentType: file.contentType });
      copied.push({ file, storageKey });
    }
  } catch (error) {
    await discard();
    throw error;
  }
  return {
    rows: (ownerId) =>
      copied.map(({ file, storageKey }) => ({
        orgId,
        uploadedById: file.uploadedById,
        ownerType: from.ownerType,
        ownerId,
        name: file.name,
        contentType: file.contentType,
        size: file.size,
        sha256: file.sha256,
        storageKey,
      })),
    discard,
  };
}
