// Conversations: most threads are quiet, a few are busy, and the busiest
// specs are where people talk. A fixed number of spec threads get at least
// a hundred comments, for the page that has to show a long thread.
import type { Scale } from "../seed.ts";
import { type CorrectiveAction, DAY, type FirstArticle, HOUR, type Org, type SeedContext, type SeenVersion } from "./model.ts";
import { newId, type Rng, WeightedPicker } from "./random.ts";
import { commentBody } from "./words.ts";
import { TableWriter, ts } from "./writer.ts";

interface Thread {
  type: "SpecVersion" | "FirstArticle" | "CorrectiveAction";
  id: string;
  importer: Org;
  factory: Org;
  from: number;
  until: number;
  /** The importer cannot read a first article before it is submitted, so cannot comment on it. */
  importerFrom: number | null;
  topics: string[];
  weight: number;
}

export interface CommentStats {
  hotThreads: number;
}

export async function seedComments(
  ctx: SeedContext,
  scale: Scale,
  seen: SeenVersion[],
  firstArticles: FirstArticle[],
  correctiveActions: CorrectiveAction[],
): Promise<CommentStats> {
  const rng = ctx.rng("comments");
  const { now } = ctx;
  const names = (s: SeenVersion) => s.version.characteristics.map((c) => c.name.toLowerCase());

  const specThreads: (Thread & { seen: SeenVersion })[] = seen.map((s) => ({
    type: "SpecVersion",
    id: s.version.id,
    importer: s.share.spec.importer,
    factory: s.share.factory,
    from: s.from,
    until: Math.min(now - HOUR, s.share.partnership.endedAt ?? now, s.version.supersededAt === null ? now : s.version.supersededAt + 30 * DAY),
    importerFrom: s.from,
    topics: names(s),
    // Capped: a busy spec draws a few hundred comments, not thousands.
    weight: Math.min(40, s.share.spec.buzz * rng.pareto(1.5)) * (s.version.supersededAt === null ? 2 : 1) * (rng.chance(0.35) ? 1 : 0),
    seen: s,
  }));

  const series = new Map<string, FirstArticle[]>();
  for (const fa of firstArticles) series.set(fa.seriesId, [...(series.get(fa.seriesId) ?? []), fa]);
  const faThreads: Thread[] = [...series.values()].map((rounds) => {
    const first = rounds[0]!;
    const lastEvent = Math.max(...rounds.map((r) => r.decidedAt ?? r.submittedAt ?? r.createdAt));
    const submitted = rounds.map((r) => r.submittedAt).filter((x): x is number => x !== null);
    const failing = rounds.flatMap((r) => r.failing.map((f) => r.seen.version.characteristics[f.index]!.name.toLowerCase()));
    return {
      type: "FirstArticle",
      id: first.seriesId,
      importer: first.seen.share.spec.importer,
      factory: first.seen.share.factory,
      from: first.createdAt,
      until: Math.min(now - HOUR, lastEvent + 20 * DAY, first.seen.share.partnership.endedAt ?? now),
      importerFrom: submitted.length ? Math.min(...submitted) : null,
      topics: failing.length ? failing : names(first.seen).slice(0, 5),
      weight: Math.min(30, rng.pareto(1.5)) * (rounds.some((r) => r.status === "REJECTED") ? 3 : 1) * (rng.chance(0.4) ? 1 : 0),
    };
  });

  const caThreads: Thread[] = correctiveActions.map((ca) => ({
    type: "CorrectiveAction",
    id: ca.id,
    importer: ca.partnership.importer,
    factory: ca.partnership.factory!,
    from: ca.createdAt,
    until: Math.min(now - HOUR, (ca.closedAt ?? now) + 14 * DAY, ca.partnership.endedAt ?? now),
    importerFrom: ca.createdAt,
    topics: [ca.topic],
    weight: Math.min(30, rng.pareto(1.5)) * (rng.chance(0.6) ? 1 : 0),
  }));

  // The long threads: current versions on live partnerships, spread over tenants, biggest first.
  const candidates = specThreads.filter((t) => t.seen.version.supersededAt === null && t.seen.share.partnership.status === "ACTIVE" && now - t.from > 20 * DAY);
  const picker = new WeightedPicker(candidates, (t) => t.importer.weight);
  const hot: Thread[] = [];
  const perImporter = new Map<string, number>();
  const specsTaken = new Set<string>();
  const cap = Math.max(2, Math.ceil((scale.longThreads / scale.importers) * 2));
  for (let tries = 0; hot.length < scale.longThreads && tries < 100_000 && !picker.empty; tries++) {
    const t = picker.pick(rng);
    const spec = t.seen.share.spec.id;
    if (specsTaken.has(spec) || (perImporter.get(t.importer.id) ?? 0) >= cap) continue;
    specsTaken.add(spec);
    perImporter.set(t.importer.id, (perImporter.get(t.importer.id) ?? 0) + 1);
    t.weight = 0;
    hot.push(t);
  }
  if (hot.length < scale.longThreads) throw new Error(`Only ${hot.length} spec threads could be made long; the scale has too few shared specs.`);
  const counts = new Map<Thread, number>();
  hot.forEach((t, i) => {
    const size = i === hot.length - 1 ? scale.longestThread : i < hot.length / 2 ? 100 : 100 + rng.int(0, scale.longThreadExtra);
    counts.set(t, size);
  });
  const hotTotal = [...counts.values()].reduce((a, b) => a + b, 0);
  const rest = Math.max(0, scale.comments - hotTotal);
  const split: [Thread[], number][] = [
    [specThreads, Math.round(rest * 0.65)],
    [faThreads, Math.round(rest * 0.2)],
    [caThreads, rest - Math.round(rest * 0.65) - Math.round(rest * 0.2)],
  ];
  for (const [threads, total] of split) {
    const weighted = new WeightedPicker(threads, (t) => t.weight);
    if (weighted.empty) continue;
    for (let k = 0; k < total; k++) {
      const t = weighted.pick(rng);
      counts.set(t, (counts.get(t) ?? 0) + 1);
    }
  }

  const writer = await TableWriter.open(ctx.pool, "Comment");
  for (const [thread, count] of counts) await writeThread(rng, writer, thread, count, now);
  await writer.done();
  return { hotThreads: hot.length };
}

async function writeThread(rng: Rng, writer: TableWriter, t: Thread, count: number, now: number) {
  // A thread is carried by a handful of people on each side.
  const importerPeople = rng.sample(t.importer.writers, rng.int(1, 3));
  const factoryPeople = rng.sample(t.factory.writers, rng.int(1, 3));
  const until = Math.max(t.until, t.from + HOUR);
  const times = Array.from({ length: count }, () => Math.round(t.from + rng.next() * (until - t.from))).sort((a, b) => a - b);
  for (const createdAt of times) {
    const importerMayWrite = t.importerFrom !== null && createdAt >= t.importerFrom;
    const org = importerMayWrite && rng.chance(0.45) ? t.importer : t.factory;
    const author = rng.pick(org === t.importer ? importerPeople : factoryPeople);
    const visibility = rng.chance(0.12) ? "INTERNAL" : "SHARED";
    const editedAt = rng.chance(0.03) ? Math.min(now, createdAt + rng.int(1, 14) * 60_000) : null;
    await writer.add({
      id: newId(),
      threadType: t.type,
      threadId: t.id,
      importerId: t.importer.id,
      factoryId: t.factory.id,
      orgId: org.id,
      authorId: author,
      visibility,
      body: commentBody(rng, rng.pick(t.topics)),
      createdAt: ts(createdAt),
      editedAt: ts(editedAt),
    });
  }
}
