// First articles (with every reading) and corrective actions: the factory's
// work against acknowledged spec versions and the importer's decisions on it.
import type { Scale } from "../seed.ts";
import {
  type Characteristic,
  type CorrectiveAction,
  DAY,
  type FirstArticle,
  HOUR,
  type Partnership,
  type SeedContext,
  type SeenVersion,
  type Share,
} from "./model.ts";
import { newId, type Rng } from "./random.ts";
import { fmt } from "./specs.ts";
import { ACTION_OWNERS, ACTIONS, CONTAINMENT, DECISION_NOTES, fill, PROBLEMS, ROOT_CAUSE_CATEGORIES, ROOT_CAUSES } from "./words.ts";
import { TableWriter, ts } from "./writer.ts";

type Status = FirstArticle["status"];

const limitText = (c: Characteristic) => {
  const unit = c.unit ? ` ${c.unit}` : "";
  if (c.low !== null && c.high !== null) return `${fmt(c.low, c.decimals)} – ${fmt(c.high, c.decimals)}${unit}`;
  if (c.low !== null) return `at least ${fmt(c.low, c.decimals)}${unit}`;
  return `at most ${fmt(c.high ?? 0, c.decimals)}${unit}`;
};

/** A reading outside the limits, in units of the last decimal (null: an attribute marked FAIL). */
function outOfTolerance(rng: Rng, c: Characteristic): number | null {
  if (c.kind === "ATTRIBUTE") return null;
  const beyond = rng.int(1, Math.max(1, c.spread));
  if (c.high !== null && (c.low === null || rng.chance(0.6))) return c.high + beyond;
  return c.low! - beyond;
}

function inTolerance(rng: Rng, c: Characteristic): number {
  const wander = Math.round(rng.normal() * c.spread);
  if (c.low === null) return Math.min(c.high!, Math.abs(wander));
  if (c.high === null) return c.low + Math.abs(wander);
  return Math.min(c.high, Math.max(c.low, c.nominal + wander));
}

function failingCells(rng: Rng, characteristics: Characteristic[], status: Status, sampleCount: number): FirstArticle["failing"] {
  const chars = characteristics.map((c, index) => ({ c, index }));
  let picked: typeof chars = [];
  if (status === "REJECTED") {
    // Usually a dimension, sometimes a visual check.
    const variables = chars.filter((x) => x.c.kind === "VARIABLE");
    picked = rng.sample(rng.chance(0.85) && variables.length ? variables : chars, rng.int(1, 3));
  } else if (status === "CONDITIONALLY_APPROVED" && rng.chance(0.7)) {
    const minor = chars.filter((x) => x.c.cls === "MINOR");
    picked = rng.sample(minor.length ? minor : chars, 1);
  } else if ((status === "SUBMITTED" || status === "DRAFT") && rng.chance(0.2)) {
    picked = rng.sample(chars, 1);
  }
  return picked.flatMap(({ c, index }) =>
    rng
      .sample([1, 2, 3, 4, 5].slice(0, sampleCount), status === "REJECTED" ? rng.int(1, 3) : 1)
      .map((sample) => ({ index, sample, units: outOfTolerance(rng, c) })),
  );
}

function findingsOf(fa: FirstArticle) {
  if (fa.failing.length === 0 || !(fa.status === "REJECTED" || fa.status === "CONDITIONALLY_APPROVED")) return null;
  const out: Record<string, string> = {};
  for (const cell of fa.failing) {
    const c = fa.seen.version.characteristics[cell.index]!;
    const reading = cell.units === null ? "is marked FAIL" : `measures ${fmt(cell.units, c.decimals)}${c.unit ? ` ${c.unit}` : ""}`;
    const line = `Sample ${cell.sample} ${reading}; the requirement is ${c.kind === "ATTRIBUTE" ? c.method.toLowerCase() : limitText(c)}.`;
    out[c.key] = out[c.key] ? `${out[c.key]} ${line}` : line;
  }
  return JSON.stringify(out);
}

export async function seedFirstArticles(ctx: SeedContext, scale: Scale, seen: SeenVersion[]): Promise<FirstArticle[]> {
  const rng = ctx.rng("first-articles");
  const { now } = ctx;
  const acknowledged = seen.filter((s) => s.ack?.status === "ACKNOWLEDGED" && s.until - s.ack.at > DAY);
  // Work still in progress is against the current version of a live partnership.
  const current = acknowledged.filter((s) => s.version.supersededAt === null && s.share.partnership.status === "ACTIVE");
  if (acknowledged.length === 0 || current.length === 0) throw new Error("No acknowledged spec versions to make first articles for.");
  const all: FirstArticle[] = [];
  const writer = await TableWriter.open(ctx.pool, "FirstArticle");

  while (all.length < scale.firstArticles) {
    const final = rng.weighted({ DRAFT: 8, SUBMITTED: 11, APPROVED: 57, CONDITIONALLY_APPROVED: 12, REJECTED: 12 } as const);
    const r = rng.next();
    const rounds = Math.min(scale.firstArticles - all.length, r < 0.8 ? 1 : r < 0.95 ? 2 : 3);
    const open = final === "DRAFT" || final === "SUBMITTED";
    const target = rng.pick(open ? current : acknowledged);
    const ackAt = target.ack!.at;

    // Offsets from round 1's creation: made, submitted a few days later, decided within a week, next round after that.
    const plan: { created: number; submitted: number | null; decided: number | null; status: Status }[] = [];
    let t = 0;
    for (let k = 1; k <= rounds; k++) {
      const status: Status = k < rounds ? "REJECTED" : final;
      const created = t;
      const submitted = status === "DRAFT" ? null : created + rng.int(1, 5) * DAY + rng.int(0, 10) * HOUR;
      const decided = submitted === null || status === "SUBMITTED" ? null : submitted + rng.int(1, 7) * DAY + rng.int(0, 8) * HOUR;
      plan.push({ created, submitted, decided, status });
      t = (decided ?? submitted ?? created + rng.int(2, 48) * HOUR) + rng.int(1, 10) * DAY;
    }
    const last = plan[plan.length - 1]!;
    const span = last.decided ?? last.submitted ?? last.created + rng.int(2, 48) * HOUR;
    const earliest = ackAt + rng.int(1, 24) * HOUR;
    let start = open
      ? Math.max(earliest, now - rng.int(1, 30) * DAY - last.created)
      : earliest + rng.next() * Math.max(0, Math.min(target.until, now - span - HOUR) - earliest);
    // Squeeze a series that would end in the future into the time there is.
    const room = now - HOUR - start;
    const squeeze = span > room ? Math.max(room, HOUR) / span : 1;
    if (start + span * squeeze > now - HOUR) start = now - HOUR - span * squeeze;
    const at = (offset: number | null) => (offset === null ? null : Math.round(start + offset * squeeze));

    const seriesId = newId();
    const poNumber = `PO-${new Date(start).getUTCFullYear()}-${String(rng.int(1000, 99999)).padStart(5, "0")}`;
    const lotNumber = rng.chance(0.8) ? `L-${rng.int(100, 9999)}` : "";
    const quantity = rng.int(5, 200) * 100;
    const notes = rng.chance(0.2)
      ? rng.pick([
          "Measured at the end of line 2.",
          "Samples taken from three different cartons.",
          "Readings by our QC lab, calibrated tools.",
          "Photos of all five samples attached.",
        ])
      : "";
    const { share } = target;
    for (const [i, round] of plan.entries()) {
      const fa: FirstArticle = {
        id: i === 0 ? seriesId : newId(),
        seriesId,
        round: i + 1,
        seen: target,
        status: round.status,
        createdAt: at(round.created)!,
        submittedAt: at(round.submitted),
        decidedAt: at(round.decided),
        failing: [],
      };
      fa.failing = failingCells(rng, target.version.characteristics, fa.status, scale.samplesPerFirstArticle);
      const edits = rng.int(1, 4);
      const revision = edits + (fa.submittedAt ? 1 : 0) + (fa.decidedAt ? 1 : 0);
      const updatedAt = fa.decidedAt ?? fa.submittedAt ?? Math.min(now - HOUR, fa.createdAt + edits * HOUR);
      const inspected = new Date(fa.submittedAt ? fa.createdAt + (fa.submittedAt - fa.createdAt) / 2 : fa.createdAt);
      const inspectedOn = Date.UTC(inspected.getUTCFullYear(), inspected.getUTCMonth(), inspected.getUTCDate());
      const decisionNote = fa.decidedAt ? rng.pick(DECISION_NOTES[fa.status as keyof typeof DECISION_NOTES]) || null : null;
      await writer.add({
        id: fa.id,
        seriesId,
        round: fa.round,
        importerId: share.spec.importer.id,
        factoryId: share.factory.id,
        partnershipId: share.partnership.id,
        specId: share.spec.id,
        versionId: target.version.id,
        status: fa.status,
        poNumber,
        lotNumber,
        quantityProduced: quantity,
        sampleCount: scale.samplesPerFirstArticle,
        inspectedOn: ts(inspectedOn),
        notes,
        createdById: rng.pick(share.factory.writers),
        submittedAt: ts(fa.submittedAt),
        submittedById: fa.submittedAt ? rng.pick(share.factory.deciders) : null,
        decidedAt: ts(fa.decidedAt),
        decidedById: fa.decidedAt ? rng.pick(share.spec.importer.deciders) : null,
        decisionNote,
        findings: findingsOf(fa),
        revision,
        createdAt: ts(fa.createdAt),
        updatedAt: ts(updatedAt),
      });
      all.push(fa);
    }
  }
  await writer.done();
  await seedMeasurements(ctx, scale, all);
  return all;
}

/** Every cell of every first article: five samples of each characteristic, judged as the app judges them. */
async function seedMeasurements(ctx: SeedContext, scale: Scale, firstArticles: FirstArticle[]) {
  const rng = ctx.rng("measurements");
  const writer = await TableWriter.open(ctx.pool, "Measurement", 10000);
  for (const fa of firstArticles) {
    const failing = new Map(fa.failing.map((f) => [`${f.index}:${f.sample}`, f.units]));
    // Some factories type a decimal comma; the app reads it and keeps what was typed.
    const comma = fa.seen.share.factory.locale !== "en" && rng.chance(0.1);
    for (const [index, c] of fa.seen.version.characteristics.entries()) {
      for (let sample = 1; sample <= scale.samplesPerFirstArticle; sample++) {
        const key = `${index}:${sample}`;
        const fails = failing.has(key);
        if (c.kind === "ATTRIBUTE") {
          await writer.add({ id: newId(), firstArticleId: fa.id, characteristicKey: c.key, sample, raw: fails ? "FAIL" : "PASS", value: null, passed: !fails });
          continue;
        }
        const units = fails ? failing.get(key)! : inTolerance(rng, c);
        const value = fmt(units, c.decimals);
        await writer.add({
          id: newId(),
          firstArticleId: fa.id,
          characteristicKey: c.key,
          sample,
          raw: comma ? value.replace(".", ",") : value,
          value,
          passed: !fails,
        });
      }
    }
  }
  await writer.done();
}

export async function seedCorrectiveActions(
  ctx: SeedContext,
  scale: Scale,
  partnerships: Partnership[],
  shares: Share[],
  firstArticles: FirstArticle[],
): Promise<CorrectiveAction[]> {
  const rng = ctx.rng("corrective-actions");
  const { now } = ctx;
  const active = partnerships.filter((p) => p.status === "ACTIVE");
  const ended = partnerships.filter((p) => p.status === "ENDED");
  const sharesByPartnership = new Map<Partnership, Share[]>();
  for (const s of shares) sharesByPartnership.set(s.partnership, [...(sharesByPartnership.get(s.partnership) ?? []), s]);
  const rejected = rng.shuffle(firstArticles.filter((fa) => fa.status === "REJECTED"));
  const usedFirstArticles = new Set<FirstArticle>();
  const partnershipWeight = (p: Partnership) => (p.factory?.weight ?? 0) * Math.sqrt(p.importer.weight);
  const weightedActive = active.flatMap((p) => Array.from({ length: Math.max(1, Math.round(partnershipWeight(p) * 20)) }, () => p));

  const caWriter = await TableWriter.open(ctx.pool, "CorrectiveAction");
  const items: { caId: string; position: number; action: string; owner: string; dueAt: number }[] = [];
  const out: CorrectiveAction[] = [];
  for (let n = 0; n < scale.correctiveActions; n++) {
    const status = rng.weighted({ OPEN: 20, PLAN_SUBMITTED: 12, PLAN_ACCEPTED: 15, IMPLEMENTED: 10, CLOSED: 43 } as const);
    // How long ago it was opened: live ones are recent, closed ones spread over the history.
    const age = { OPEN: [2, 40], PLAN_SUBMITTED: [5, 60], PLAN_ACCEPTED: [15, 120], IMPLEMENTED: [25, 180], CLOSED: [45, 3 * 365] }[status] as [number, number];
    const link = rng.weighted({ firstArticle: 35, spec: 25, none: 40 });
    let partnership = status === "CLOSED" && ended.length && rng.chance(0.06) ? rng.pick(ended) : rng.pick(weightedActive);
    let createdAt = now - rng.between(age[0], age[1]) * DAY;
    let firstArticle: FirstArticle | null = null;
    let specId: string | null = null;
    let characteristic = "the main dimension";
    if (link === "firstArticle") {
      // A rejection that is recent enough for an action of this age, on a partnership that still allows it.
      firstArticle =
        rejected.find(
          (fa) =>
            !usedFirstArticles.has(fa) &&
            fa.decidedAt! < createdAt &&
            fa.decidedAt! > createdAt - 60 * DAY &&
            (status === "CLOSED" || fa.seen.share.partnership.status === "ACTIVE"),
        ) ?? null;
      if (firstArticle) {
        usedFirstArticles.add(firstArticle);
        partnership = firstArticle.seen.share.partnership;
        specId = firstArticle.seen.share.spec.id;
        createdAt = Math.min(now - HOUR, firstArticle.decidedAt! + rng.int(2, 72) * HOUR);
        const fail = firstArticle.failing[0];
        if (fail) characteristic = firstArticle.seen.version.characteristics[fail.index]!.name.toLowerCase();
      }
    }
    if (!firstArticle && link !== "none") {
      const options = sharesByPartnership.get(partnership) ?? [];
      if (options.length) {
        const share = rng.pick(options);
        specId = share.spec.id;
        characteristic = rng.pick(share.spec.current.characteristics).name.toLowerCase();
      }
    }
    if (partnership.endedAt !== null) createdAt = Math.min(createdAt, partnership.endedAt - 40 * DAY);
    createdAt = Math.max(createdAt, partnership.activatedAt! + DAY);
    const importer = partnership.importer;
    const factory = partnership.factory!;

    const planDueAt = createdAt + rng.int(7, 21) * DAY;
    const returned = status === "OPEN" && rng.chance(0.2);
    const stage = ["PLAN_SUBMITTED", "PLAN_ACCEPTED", "IMPLEMENTED", "CLOSED"].indexOf(status) + 1;
    // Each step follows the previous one; the whole story ends before now.
    const steps: number[] = [];
    let t = createdAt;
    for (const [min, max] of [
      [2, 20],
      [1, 7],
      [7, 45],
      [3, 20],
    ] as const) {
      if (steps.length >= stage) break;
      t += rng.between(min, max) * DAY;
      steps.push(t);
    }
    const lastStep = steps[steps.length - 1] ?? createdAt;
    const squeeze = lastStep > now - HOUR ? (now - HOUR - createdAt) / (lastStep - createdAt) : 1;
    const [planSubmittedAt, planAcceptedAt, implementedAt, closedAt] = steps.map((s) => Math.round(createdAt + (s - createdAt) * squeeze));
    // Every action here carries plan items, so the factory has at least drafted its answer.
    const answered = true;
    const severity = rng.weighted({ CRITICAL: 10, MAJOR: 60, MINOR: 30 } as const);
    const lot = `L-${rng.int(100, 9999)}`;
    const id = newId();
    const submittedAt = planSubmittedAt ?? (returned ? Math.round(createdAt + (now - createdAt) * 0.4) : null);
    const updatedAt = Math.min(
      now - HOUR,
      closedAt ??
        implementedAt ??
        planAcceptedAt ??
        (returned ? submittedAt! + DAY : null) ??
        planSubmittedAt ??
        createdAt + (answered ? rng.int(1, 48) * HOUR : 0),
    );
    await caWriter.add({
      id,
      importerId: importer.id,
      factoryId: factory.id,
      partnershipId: partnership.id,
      firstArticleId: firstArticle?.id ?? null,
      specId,
      title: `${characteristic[0]!.toUpperCase()}${characteristic.slice(1)} ${rng.pick(["out of tolerance", "varies between lots", "fails at incoming inspection", "does not match the standard"])}`,
      problem: fill(rng.pick(PROBLEMS), rng, { c: characteristic, lot }),
      severity,
      status,
      planDueAt: ts(planDueAt),
      containment: answered ? fill(rng.pick(CONTAINMENT), rng) : "",
      rootCauseCategory: answered && (stage > 0 || rng.chance(0.5)) ? rng.pick(ROOT_CAUSE_CATEGORIES) : null,
      rootCause: answered ? rng.pick(ROOT_CAUSES) : "",
      preventive: stage > 0 ? rng.pick(ACTIONS) + " on all lines making this product." : "",
      reviewNote: returned
        ? "Please explain why the check was skipped, not only who skipped it."
        : stage >= 2 && rng.chance(0.3)
          ? "Plan accepted. Please send photos when the actions are done."
          : null,
      effectivenessNote:
        status === "CLOSED"
          ? rng.pick(["Next three lots measured within tolerance.", "No repeat at incoming inspection for two months.", "Verified on site during the audit."])
          : null,
      openedById: rng.pick(importer.writers),
      planSubmittedAt: ts(submittedAt),
      planAcceptedAt: ts(planAcceptedAt ?? null),
      implementedAt: ts(implementedAt ?? null),
      closedAt: ts(closedAt ?? null),
      revision: stage + (returned ? 2 : 0) + (answered ? 1 : 0),
      createdAt: ts(createdAt),
      updatedAt: ts(updatedAt),
    });
    // The factory's actions: drafted while open, dated after the plan; an accepted plan may already be late.
    const base = planSubmittedAt ?? planDueAt;
    for (let position = 0, count = rng.int(1, 4); position < count; position++) {
      const dueAt = status === "PLAN_ACCEPTED" && rng.chance(0.3) ? now - rng.int(1, 20) * DAY : base + rng.int(7, 60) * DAY;
      items.push({ caId: id, position, action: rng.pick(ACTIONS), owner: rng.pick(ACTION_OWNERS), dueAt });
    }
    out.push({ id, partnership, createdAt, closedAt: closedAt ?? null, status, topic: characteristic });
  }
  await caWriter.done();
  const itemWriter = await TableWriter.open(ctx.pool, "CorrectiveActionItem");
  for (const item of items)
    await itemWriter.add({
      id: newId(),
      correctiveActionId: item.caId,
      position: item.position,
      action: item.action,
      owner: item.owner,
      dueAt: ts(item.dueAt),
    });
  await itemWriter.done();
  return out;
}
