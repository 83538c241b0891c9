import type { ThreadRef } from "~/features/threads/thread.ts";
import { prisma } from "~/lib/db.server.ts";
import type { LoadedSpec } from "./specs.server.ts";
import type { LoadedVersion } from "./versions.server.ts";

/** The thread of one factory on one version (each factory has its own). */
export const versionThread = (spec: LoadedSpec, version: LoadedVersion, factoryId: string): ThreadRef => ({
  type: "SpecVersion",
  id: version.id,
  importerId: spec.orgId,
  factoryId,
});

/** Who hears of a comment besides those who already wrote in the thread: the decision makers on both sides. */
export async function versionThreadWatchers(thread: ThreadRef) {
  const members = await prisma.membership.findMany({
    where: { orgId: { in: [thread.importerId, thread.factoryId] }, role: { in: ["OWNER", "QUALITY"] } },
    select: { userId: true },
  });
  return members.map((m) => m.userId);
}
