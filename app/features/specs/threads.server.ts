import type { ThreadPage } from "~/features/threads/intents.server.ts";
import { threadOn, type ThreadRef } from "~/features/threads/thread.ts";
import { prisma } from "~/lib/db.server.ts";
import { versionPath } from "./paths.ts";
import type { LoadedSpec } from "./specs.server.ts";
import type { LoadedVersion } from "./versions.server.ts";

/** The thread of one factory on one version (each factory has its own). */
export const versionThread = (spec: LoadedSpec, version: LoadedVersion, factoryId: string) =>
  threadOn("SpecVersion", version.id, { importerId: spec.orgId, factoryId });

/** Who hears of a comment besides those who already wrote in the thread: the decision makers on both sides. */
export async function versionThreadWatchers(thread: ThreadRef) {
  const members = await prisma.membership.findMany({
    where: { orgId: { in: [thread.importerId, thread.factoryId] }, role: { in: ["OWNER", "QUALITY"] } },
    select: { userId: true },
  });
  return members.map((m) => m.userId);
}

/**
 * The version page of one factory's thread, as a reader in `org` opens it: an importer reads
 * every factory's thread on the page, so its link names the factory.
 */
function versionThreadPath(org: { slug: string; kind: "IMPORTER" | "FACTORY" }, spec: LoadedSpec, version: LoadedVersion, factoryId: string) {
  return versionPath(org.slug, spec.id, version.number, { factoryId: org.kind === "IMPORTER" ? factoryId : undefined });
}

/** One factory's thread on a version, for a reader in `org`: where it is, and how emails name and link it. */
export function versionThreadPage(
  org: { slug: string; kind: "IMPORTER" | "FACTORY" },
  spec: LoadedSpec,
  version: LoadedVersion,
  factoryId: string,
): ThreadPage {
  return {
    thread: versionThread(spec, version, factoryId),
    path: versionThreadPath(org, spec, version, factoryId),
    link: (recipient) => `${versionThreadPath(recipient, spec, version, factoryId)}#thread`,
    about: { kind: "specVersion", title: spec.title, number: version.number },
  };
}
