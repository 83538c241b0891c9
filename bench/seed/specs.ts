// Specifications with their version history, shared with partner factories,
// and each factory's acknowledgement (or question) per version it was shown.
import type { Scale } from "../seed.ts";
import {
  type Characteristic,
  DAY,
  HOUR,
  type Material,
  type Org,
  type Partnership,
  type SeedContext,
  type SeenVersion,
  type Share,
  type Spec,
  type Version,
  within,
} from "./model.ts";
import { apportion, newId, type Rng, WeightedPicker } from "./random.ts";
import { ATTRIBUTES, DESCRIPTIONS, MINIMUMS, PACKAGING, PRODUCTS, QUESTIONS, VARIABLES, VERSION_NOTES, type VariableTemplate } from "./words.ts";
import { TableWriter, ts } from "./writer.ts";

/** Units of the last decimal as the decimal string the spec shows ("-0.05"). */
export function fmt(units: number, decimals: number) {
  const sign = units < 0 ? "-" : "";
  const digits = String(Math.abs(units));
  if (decimals === 0) return sign + digits;
  const padded = digits.padStart(decimals + 1, "0");
  return `${sign}${padded.slice(0, -decimals)}.${padded.slice(-decimals)}`;
}

const classOf = (rng: Rng) => rng.weighted({ CRITICAL: 10, MAJOR: 50, MINOR: 40 } as const);

function variable(rng: Rng, t: VariableTemplate, minimum: boolean): Characteristic {
  const d = t.decimals;
  const raw = rng.between(t.nominal[0], t.nominal[1]);
  // Drawings give nominals one decimal coarser than the tolerance.
  const nominal = d === 0 ? Math.round(raw) : Math.round(raw * 10 ** (d - 1)) * 10;
  const base = { key: rng.hex(16), name: t.name, kind: "VARIABLE" as const, decimals: d, nominal, unit: t.unit, cls: classOf(rng), method: t.method };
  if (minimum) return { ...base, low: nominal, high: null, spread: Math.max(2, Math.round(nominal * 0.08)) };
  const tol = rng.int(t.tol[0], t.tol[1]);
  // "At most": a flatness, a colour difference, a shrinkage has no lower limit.
  if (t.nominal[1] === 0) return { ...base, low: null, high: tol, spread: Math.max(1, Math.round(tol / 3)) };
  const high = nominal + (rng.chance(0.75) ? tol : rng.int(t.tol[0], t.tol[1]));
  const low = nominal - tol;
  return { ...base, low, high, spread: Math.max(1, Math.round((high - low) / 7)) };
}

function attribute(rng: Rng, t: { name: string; method: string }): Characteristic {
  return {
    key: rng.hex(16),
    name: t.name,
    kind: "ATTRIBUTE",
    decimals: 0,
    nominal: 0,
    low: null,
    high: null,
    spread: 0,
    unit: "",
    cls: classOf(rng),
    method: t.method,
  };
}

function firstCharacteristics(rng: Rng, count: number): Characteristic[] {
  const attributes = Math.min(rng.int(1, 4), count);
  const minimums = Math.min(rng.int(0, 2), count - attributes);
  const variables = count - attributes - minimums;
  return [
    ...rng.sample(VARIABLES, variables).map((t) => variable(rng, t, false)),
    ...rng.sample(MINIMUMS, minimums).map((t) => variable(rng, t, true)),
    ...rng.sample(ATTRIBUTES, attributes).map((t) => attribute(rng, t)),
  ];
}

/** The next version: a tolerance or two changed, now and then one characteristic replaced. Keys survive. */
function revise(rng: Rng, previous: Characteristic[]): Characteristic[] {
  const next = [...previous];
  for (let k = rng.int(1, 2); k > 0; k--) {
    const i = rng.int(0, next.length - 1);
    const c = next[i]!;
    if (c.kind !== "VARIABLE" || c.high === null || c.low === null) continue;
    const step = rng.chance(0.6) ? -1 : 1;
    const delta = Math.max(1, Math.round((c.high - c.low) * 0.1));
    const high = c.high + step * delta;
    if (high > c.nominal) next[i] = { ...c, high };
  }
  if (rng.chance(0.2)) {
    const i = rng.int(0, next.length - 1);
    next[i] = next[i]!.kind === "ATTRIBUTE" ? attribute(rng, rng.pick(ATTRIBUTES)) : variable(rng, rng.pick(VARIABLES), false);
  }
  return next;
}

export interface SpecCatalog {
  specs: Spec[];
  shares: Share[];
  seen: SeenVersion[];
}

export async function seedSpecs(ctx: SeedContext, scale: Scale, importers: Org[], partnerships: Partnership[]): Promise<SpecCatalog> {
  const rng = ctx.rng("specs");
  const { now } = ctx;
  const counts = apportion(
    scale.specs,
    importers.map((o) => o.weight),
    3,
  );
  const specs: Spec[] = [];
  const createdBy = new Map<Spec, string>();
  const texts = new Map<Version, { description: string; notes: string; packaging: string; publishedById: string | null }>();
  importers.forEach((importer, i) => {
    for (let k = 0; k < counts[i]!; k++) {
      const product = rng.pick(PRODUCTS);
      const t0 = within(rng, importer.createdAt + 7 * DAY, now - 40 * DAY, now);
      const p1 = t0 + rng.int(1, 14) * DAY;
      const p2 = Math.max(p1 + DAY, Math.round(p1 + (now - 10 * DAY - p1) * rng.between(0.15, 0.5)));
      const p3 = Math.min(now - HOUR, Math.max(p2 + DAY, Math.round(p2 + (now - 3 * DAY - p2) * rng.between(0.2, 0.8))));
      const chars1 = firstCharacteristics(rng, scale.characteristicsPerVersion);
      const chars2 = revise(rng, chars1);
      const chars3 = revise(rng, chars2);
      const materials: Material[] = rng.sample(product.materials, rng.int(1, Math.min(3, product.materials.length))).map((m) => ({ key: rng.hex(16), ...m }));
      const materials3 = rng.chance(0.2) ? materials.map((m, j) => (j === 0 ? { ...m, grade: `${m.grade} (revised)` } : m)) : materials;
      const published = [p1, p2, p3];
      const versions: Version[] = [chars1, chars2, chars3].map((characteristics, j) => {
        const publishedAt = published[j]!;
        const previous = j === 0 ? t0 : published[j - 1]!;
        return {
          id: newId(),
          number: j + 1,
          status: j === 2 ? "PUBLISHED" : "SUPERSEDED",
          createdAt: j === 0 ? t0 : Math.max(previous + HOUR, publishedAt - rng.int(1, 10) * DAY),
          updatedAt: publishedAt,
          publishedAt,
          supersededAt: j === 2 ? null : published[j + 1]!,
          characteristics,
          materials: j === 2 ? materials3 : materials,
        };
      });
      if (rng.chance(scale.draftVersionShare)) {
        const createdAt = within(rng, p3 + DAY, now, now);
        versions.push({
          id: newId(),
          number: 4,
          status: "DRAFT",
          createdAt,
          updatedAt: within(rng, createdAt, createdAt + 5 * DAY, now),
          publishedAt: null,
          supersededAt: null,
          characteristics: revise(rng, chars3),
          materials: materials3,
        });
      }
      const spec: Spec = {
        id: newId(),
        importer,
        title: `${rng.pick(product.titles)} ${rng.pick(product.sizes)}`,
        productCode: `${product.code}-${String(10000 + k)}`,
        buzz: rng.pareto(1.3),
        versions,
        current: versions[2]!,
      };
      createdBy.set(spec, rng.pick(importer.deciders));
      for (const v of versions) {
        texts.set(v, {
          description: rng.pick(DESCRIPTIONS),
          notes: v.number === 1 ? "" : rng.pick(VERSION_NOTES),
          packaging: rng.pick(PACKAGING),
          publishedById: v.publishedAt ? rng.pick(importer.deciders) : null,
        });
      }
      specs.push(spec);
    }
  });

  // Written without currentVersionId: the version does not exist yet; set below.
  const specWriter = await TableWriter.open(ctx.pool, "Spec");
  for (const s of specs) {
    const last = s.versions[s.versions.length - 1]!;
    await specWriter.add({
      id: s.id,
      orgId: s.importer.id,
      title: s.title,
      productCode: s.productCode,
      description: texts.get(s.versions[0]!)!.description,
      createdById: createdBy.get(s)!,
      createdAt: ts(s.versions[0]!.createdAt),
      updatedAt: ts(last.updatedAt),
    });
  }
  await specWriter.done();
  const versionWriter = await TableWriter.open(ctx.pool, "SpecVersion");
  for (const s of specs) {
    for (const v of s.versions) {
      const t = texts.get(v)!;
      await versionWriter.add({
        id: v.id,
        specId: s.id,
        orgId: s.importer.id,
        number: v.number,
        status: v.status,
        description: t.description,
        notes: t.notes,
        packaging: t.packaging,
        publishedAt: ts(v.publishedAt),
        publishedById: t.publishedById,
        createdAt: ts(v.createdAt),
        updatedAt: ts(v.updatedAt),
      });
    }
  }
  await versionWriter.done();
  const materialWriter = await TableWriter.open(ctx.pool, "SpecMaterial");
  const characteristicWriter = await TableWriter.open(ctx.pool, "Characteristic", 10000);
  for (const s of specs) {
    for (const v of s.versions) {
      for (const [position, m] of v.materials.entries())
        await materialWriter.add({ id: newId(), versionId: v.id, position, key: m.key, material: m.material, grade: m.grade, source: m.source });
      for (const [position, c] of v.characteristics.entries()) {
        const variable = c.kind === "VARIABLE";
        await characteristicWriter.add({
          id: newId(),
          versionId: v.id,
          position,
          key: c.key,
          number: String(position + 1),
          name: c.name,
          kind: c.kind,
          nominal: variable ? fmt(c.nominal, c.decimals) : null,
          lowerTol: variable && c.low !== null ? fmt(c.low - c.nominal, c.decimals) : null,
          upperTol: variable && c.high !== null ? fmt(c.high - c.nominal, c.decimals) : null,
          unit: c.unit,
          class: c.cls,
          method: c.method,
        });
      }
    }
  }
  await Promise.all([materialWriter.done(), characteristicWriter.done()]);
  for (let i = 0; i < specs.length; i += 10000) {
    const batch = specs.slice(i, i + 10000);
    await ctx.pool.query(`UPDATE "Spec" s SET "currentVersionId" = u.v FROM unnest($1::text[], $2::text[]) AS u(id, v) WHERE s.id = u.id`, [
      batch.map((s) => s.id),
      batch.map((s) => s.current.id),
    ]);
  }

  const { shares, seen } = await shareAndAcknowledge(ctx, rng, specs, partnerships);
  return { specs, shares, seen };
}

async function shareAndAcknowledge(ctx: SeedContext, rng: Rng, specs: Spec[], partnerships: Partnership[]) {
  const { now } = ctx;
  const byImporter = new Map<string, Partnership[]>();
  for (const p of partnerships) if (p.factory) byImporter.set(p.importer.id, [...(byImporter.get(p.importer.id) ?? []), p]);
  const shares: Share[] = [];
  for (const spec of specs) {
    if (rng.chance(0.02)) continue; // written, not yet shared with anyone
    const published = spec.versions[0]!.publishedAt!;
    const candidates = (byImporter.get(spec.importer.id) ?? []).filter(
      (p) => p.status === "ACTIVE" || (p.endedAt !== null && p.endedAt > published + 30 * DAY && p.activatedAt! < p.endedAt - 30 * DAY),
    );
    if (candidates.length === 0) continue;
    const r = rng.next();
    const k = Math.min(candidates.length, r < 0.4 ? 1 : r < 0.8 ? 2 : 3);
    const picker = new WeightedPicker(candidates, (p) => p.factory!.weight * (p.status === "ACTIVE" ? 1 : 0.5));
    const chosen = new Set<Partnership>();
    for (let tries = 0; chosen.size < k && tries < 20; tries++) chosen.add(picker.pick(rng));
    for (const partnership of chosen) {
      const end = partnership.endedAt ?? now;
      const createdAt = Math.max(published, partnership.activatedAt!) + rng.int(1, 120) * HOUR;
      if (createdAt >= end - HOUR) continue;
      shares.push({ spec, partnership, factory: partnership.factory!, createdAt });
    }
  }
  const shareWriter = await TableWriter.open(ctx.pool, "SpecShare");
  for (const s of shares)
    await shareWriter.add({
      id: newId(),
      specId: s.spec.id,
      importerId: s.spec.importer.id,
      factoryId: s.factory.id,
      partnershipId: s.partnership.id,
      createdById: rng.pick(s.spec.importer.deciders),
      createdAt: ts(s.createdAt),
    });
  await shareWriter.done();

  const seen: SeenVersion[] = [];
  const ackWriter = await TableWriter.open(ctx.pool, "Acknowledgement");
  for (const share of shares) {
    const active = share.partnership.status === "ACTIVE";
    for (const version of share.spec.versions) {
      if (version.publishedAt === null) continue;
      const from = Math.max(version.publishedAt, share.createdAt);
      const until = Math.min(version.supersededAt ?? now, share.partnership.endedAt ?? now, now);
      if (until - from < 3 * HOUR) continue;
      const current = version.supersededAt === null && active;
      const answer = current ? rng.weighted({ ACKNOWLEDGED: 85, QUERIED: 7, none: 8 }) : rng.weighted({ ACKNOWLEDGED: 92, QUERIED: 4, none: 4 });
      let ack: SeenVersion["ack"] = null;
      if (answer !== "none") {
        const at = within(rng, from + 2 * HOUR, Math.min(from + 10 * DAY, until), now);
        ack = { status: answer, at };
        const question = answer === "QUERIED" ? rng.pick(QUESTIONS) : null;
        await ackWriter.add({
          id: newId(),
          versionId: version.id,
          importerId: share.spec.importer.id,
          factoryId: share.factory.id,
          status: answer,
          question,
          userId: rng.pick(share.factory.writers),
          createdAt: ts(at),
          updatedAt: ts(at),
        });
      }
      seen.push({ share, version, from, until, ack });
    }
  }
  await ackWriter.done();
  return { shares, seen };
}
