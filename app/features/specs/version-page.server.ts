import { latestFirstArticlesForVersion } from "~/features/first-articles/lists.server.ts";
import { listComments } from "~/features/threads/comments.server.ts";
import type { TenantContext } from "~/lib/tenant.server.ts";
import { getFactoryAckState, listAckStatus } from "./acknowledgements.server.ts";
import { diffVersions } from "./diff.ts";
import { versionThread } from "./threads.server.ts";
import type { LoadedSpec } from "./specs.server.ts";
import { loadVersion, toSnapshot, type LoadedVersion } from "./versions.server.ts";

/** Which factory's thread an importer is looking at: the one asked for, if it is shared, else the first. */
export function threadFactoryFor(ctx: TenantContext, requested: string | null, sharedFactoryIds: string[]) {
  if (ctx.org.kind === "FACTORY") return ctx.org.id;
  return requested && sharedFactoryIds.includes(requested) ? requested : (sharedFactoryIds[0] ?? null);
}

/** Everything the version page shows, for either side. */
export async function loadVersionPage(ctx: TenantContext, spec: LoadedSpec, version: LoadedVersion, url: URL) {
  const snapshot = await toSnapshot(version);
  const ackStatus = await listAckStatus(ctx, spec, version.id);
  const factoryAck = ctx.org.kind === "FACTORY" ? await getFactoryAckState(ctx, spec.id, version) : null;
  // A factory asked to acknowledge sees what changed since the version it last acknowledged.
  let changes = null;
  if (factoryAck?.lastAcknowledged && factoryAck.mine?.status !== "ACKNOWLEDGED") {
    const before = await toSnapshot(await loadVersion(ctx, spec, factoryAck.lastAcknowledged));
    changes = { from: before.number, diff: diffVersions(before, snapshot), characteristicsByKey: Object.fromEntries(snapshot.characteristics.map((c) => [c.key, { number: c.number, name: c.name }])) };
  }
  const factoryId = version.status === "DRAFT" ? null : threadFactoryFor(ctx, url.searchParams.get("factory"), ackStatus.map((a) => a.factory.id));
  const thread = factoryId ? await listComments(ctx, versionThread(spec, version, factoryId), { before: url.searchParams.get("before") }) : null;
  const firstArticles = version.status === "DRAFT" ? [] : await latestFirstArticlesForVersion(ctx, version.id);
  return {
    snapshot,
    ackStatus: ackStatus.map((a) => ({ ...a, at: a.at?.toISOString() ?? null })),
    factoryAck: factoryAck ? { status: factoryAck.mine?.status ?? null, question: factoryAck.mine?.question ?? null, at: factoryAck.mine?.updatedAt.toISOString() ?? null, lastAcknowledged: factoryAck.lastAcknowledged } : null,
    changes,
    threadFactoryId: factoryId,
    thread,
    firstArticles,
  };
}
