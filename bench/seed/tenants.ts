// Tenants: importers and factories of very different sizes, their people,
// and the partnerships between them.
import { slugify } from "~/features/organizations/slug.ts";
import type { Scale } from "../seed.ts";
import { DAY, type Org, type OrgKind, type Partnership, type Role, type SeedContext } from "./model.ts";
import { apportion, newId, type Rng, WeightedPicker, zipf } from "./random.ts";
import { FACTORY_CITIES, FACTORY_FORMS, FACTORY_TRADES, FIRST_NAMES, IMPORTER_PREFIXES, IMPORTER_SUFFIXES, LAST_NAMES } from "./words.ts";
import { TableWriter, ts } from "./writer.ts";

function orgNames(rng: Rng, kind: OrgKind, count: number) {
  const seen = new Set<string>();
  const names: { name: string; locale: string }[] = [];
  while (names.length < count) {
    let name: string;
    let locale = "en";
    if (kind === "IMPORTER") {
      name = `${rng.pick(IMPORTER_PREFIXES)} ${rng.pick(IMPORTER_SUFFIXES)}`;
      if (rng.chance(0.1)) locale = "es";
    } else {
      const place = rng.pick(FACTORY_CITIES);
      name = `${place.city} ${rng.pick(FACTORY_TRADES)} ${rng.pick(FACTORY_FORMS)}`;
      locale = place.locale;
    }
    if (seen.has(name)) continue;
    seen.add(name);
    names.push({ name, locale });
  }
  return names;
}

export interface Tenants {
  importers: Org[];
  factories: Org[];
  partnerships: Partnership[];
  users: number;
}

export async function seedTenants(ctx: SeedContext, scale: Scale, passwordHash: string): Promise<Tenants> {
  const rng = ctx.rng("tenants");
  const start = ctx.now - 3 * 365 * DAY;
  const slugs = new Set<string>();

  const makeOrgs = (kind: OrgKind, count: number, s: number): Org[] => {
    const weights = zipf(count, s);
    return orgNames(rng, kind, count).map(({ name, locale }, index) => {
      let slug = slugify(name);
      for (let n = 2; slugs.has(slug); n++) slug = `${slugify(name)}-${n}`;
      slugs.add(slug);
      // Most tenants were there from the start of the history; some joined later.
      const createdAt = start - 30 * DAY + Math.round((rng.chance(0.8) ? rng.next() * 60 : 60 + rng.next() * 300) * DAY);
      return { id: newId(), index, kind, name, slug, locale, weight: weights[index]!, createdAt, members: [], deciders: [], writers: [] };
    });
  };
  // Index 0 is the largest tenant of its kind.
  const importers = makeOrgs("IMPORTER", scale.importers, 1.1);
  const factories = makeOrgs("FACTORY", scale.factories, 0.8);
  const orgs = [...importers, ...factories];

  // People: a few large teams, many small ones; at least an owner and a quality lead where there are enough people.
  const users: { id: string; n: number; name: string; locale: string; createdAt: number }[] = [];
  const memberships: { userId: string; org: Org; role: Role; createdAt: number }[] = [];
  const perOrg = apportion(
    scale.users,
    orgs.map((o) => Math.sqrt(o.weight)),
    scale.users >= orgs.length * 2 ? 2 : 1,
  );
  orgs.forEach((org, i) => {
    const size = perOrg[i]!;
    for (let k = 0; k < size; k++) {
      const role: Role = k === 0 ? "OWNER" : k === 1 ? "QUALITY" : rng.weighted({ OWNER: 6, QUALITY: 25, MEMBER: 49, VIEWER: 20 });
      const createdAt = org.createdAt + (k === 0 ? 0 : Math.round(rng.next() * 30 * DAY));
      const user = { id: newId(), n: users.length + 1, name: `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`, locale: org.locale, createdAt };
      users.push(user);
      memberships.push({ userId: user.id, org, role, createdAt });
    }
  });
  // Consultants, agents and people who moved: some users belong to a second org.
  const orgPicker = new WeightedPicker(orgs, (o) => Math.sqrt(o.weight));
  const memberOf = new Set(memberships.map((m) => `${m.userId}:${m.org.id}`));
  for (const user of users) {
    if (!rng.chance(0.08)) continue;
    const org = orgPicker.pick(rng);
    if (memberOf.has(`${user.id}:${org.id}`)) continue;
    memberOf.add(`${user.id}:${org.id}`);
    memberships.push({
      userId: user.id,
      org,
      role: rng.weighted({ QUALITY: 30, MEMBER: 50, VIEWER: 20 }),
      createdAt: Math.max(user.createdAt, org.createdAt) + Math.round(rng.next() * 90 * DAY),
    });
  }
  for (const m of memberships) {
    m.org.members.push({ userId: m.userId, role: m.role });
    if (m.role === "OWNER" || m.role === "QUALITY") m.org.deciders.push(m.userId);
    if (m.role !== "VIEWER") m.org.writers.push(m.userId);
  }

  const orgWriter = await TableWriter.open(ctx.pool, "Organization");
  for (const o of orgs)
    await orgWriter.add({ id: o.id, slug: o.slug, name: o.name, kind: o.kind, locale: o.locale, createdAt: ts(o.createdAt), updatedAt: ts(o.createdAt) });
  const userWriter = await TableWriter.open(ctx.pool, "User");
  for (const u of users)
    await userWriter.add({
      id: u.id,
      email: `user${u.n}@bench.example`,
      name: u.name,
      locale: u.locale,
      createdAt: ts(u.createdAt),
      updatedAt: ts(u.createdAt),
    });
  await Promise.all([orgWriter.done(), userWriter.done()]);
  const passwordWriter = await TableWriter.open(ctx.pool, "Password");
  for (const u of users) await passwordWriter.add({ userId: u.id, hash: passwordHash });
  const membershipWriter = await TableWriter.open(ctx.pool, "Membership");
  for (const m of memberships) await membershipWriter.add({ id: newId(), userId: m.userId, orgId: m.org.id, role: m.role, createdAt: ts(m.createdAt) });
  await Promise.all([passwordWriter.done(), membershipWriter.done()]);

  const partnerships = pairUp(rng, scale, importers, factories, ctx.now);
  const partnershipWriter = await TableWriter.open(ctx.pool, "Partnership");
  for (const p of partnerships) {
    const endedBy = p.status === "ENDED" ? p.importer.members.find((m) => m.role === "OWNER")!.userId : null;
    await partnershipWriter.add({
      id: p.id,
      importerId: p.importer.id,
      factoryId: p.factory?.id ?? null,
      status: p.status,
      createdAt: ts(p.createdAt),
      activatedAt: ts(p.activatedAt),
      endedAt: ts(p.endedAt),
      endedById: endedBy,
    });
  }
  await partnershipWriter.done();
  // A pending partnership waits on an invitation to a factory that has no account yet.
  const invitationWriter = await TableWriter.open(ctx.pool, "Invitation");
  for (const p of partnerships.filter((x) => x.status === "INVITED")) {
    const owner = p.importer.members.find((m) => m.role === "OWNER")!.userId;
    await invitationWriter.add({
      id: newId(),
      kind: "PARTNER",
      orgId: p.importer.id,
      email: `sales@prospect-${p.id}.example`,
      role: "OWNER",
      locale: "en",
      partnershipId: p.id,
      tokenHash: rng.hex(64),
      expiresAt: ts(p.createdAt + 7 * DAY),
      invitedById: owner,
      createdAt: ts(p.createdAt),
    });
  }
  await invitationWriter.done();
  return { importers, factories, partnerships, users: users.length };
}

/**
 * Every factory works for at least one importer and every importer has a
 * partner; big importers have many factories, a few factories serve many
 * importers. Most partnerships are active, a few ended, a few still invited.
 */
function pairUp(rng: Rng, scale: Scale, importers: Org[], factories: Org[], now: number): Partnership[] {
  const invited = Math.max(1, Math.round(scale.partnerships * 0.04));
  const ended = Math.max(1, Math.round(scale.partnerships * 0.05));
  const linked = scale.partnerships - invited;
  if (linked > importers.length * factories.length) throw new Error("More partnerships than importer-factory pairs.");
  const pairs = new Map<string, [Org, Org]>();
  const add = (i: Org, f: Org) => pairs.set(`${i.id}:${f.id}`, [i, f]);
  const importerPicker = new WeightedPicker(importers, (o) => Math.pow(o.weight, 0.7));
  const factoryPicker = new WeightedPicker(factories, (o) => o.weight);
  for (const f of factories) if (pairs.size < linked) add(importerPicker.pick(rng), f);
  for (const i of importers) if (pairs.size < linked && ![...pairs.values()].some(([x]) => x === i)) add(i, factoryPicker.pick(rng));
  while (pairs.size < linked) add(importerPicker.pick(rng), factoryPicker.pick(rng));

  const partnerships: Partnership[] = [...pairs.values()].map(([importer, factory]) => {
    const from = Math.max(importer.createdAt, factory.createdAt) + DAY;
    // Early partnerships are the common case: the history builds on them.
    const activatedAt = Math.round(from + Math.pow(rng.next(), 2) * Math.max(0, now - 60 * DAY - from));
    return { id: newId(), importer, factory, status: "ACTIVE", createdAt: activatedAt - rng.int(1, 10) * DAY, activatedAt, endedAt: null };
  });
  // End a few, never an importer's or a factory's last active one.
  const activeCount = new Map<string, number>();
  for (const p of partnerships) for (const o of [p.importer, p.factory!]) activeCount.set(o.id, (activeCount.get(o.id) ?? 0) + 1);
  let toEnd = ended;
  for (const p of rng.shuffle([...partnerships])) {
    if (toEnd === 0) break;
    if (activeCount.get(p.importer.id)! < 2 || activeCount.get(p.factory!.id)! < 2) continue;
    if (now - 30 * DAY - p.activatedAt! < 120 * DAY) continue;
    p.status = "ENDED";
    p.endedAt = p.activatedAt! + 90 * DAY + Math.round(rng.next() * (now - 30 * DAY - p.activatedAt! - 90 * DAY));
    activeCount.set(p.importer.id, activeCount.get(p.importer.id)! - 1);
    activeCount.set(p.factory!.id, activeCount.get(p.factory!.id)! - 1);
    toEnd--;
  }
  for (let k = 0; k < invited; k++) {
    const importer = importerPicker.pick(rng);
    partnerships.push({ id: newId(), importer, factory: null, status: "INVITED", createdAt: now - rng.int(1, 12) * DAY, activatedAt: null, endedAt: null });
  }
  return partnerships;
}
