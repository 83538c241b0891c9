// What a page offers (a button, a form, a link to a form) is a flag its loader
// computed from the ability, never a role or org-kind check of its own. Walked
// here for every org kind and role over one importer–factory pair: each flag
// says what the action behind it would allow.
import { beforeAll, describe, expect, it } from "vitest";
import type { OrgKind, Role } from "~/generated/prisma/client.ts";
import * as caListRoute from "~/routes/$org.corrective-actions._index.tsx";
import * as caNewRoute from "~/routes/$org.corrective-actions.new.tsx";
import * as faListRoute from "~/routes/$org.first-articles._index.tsx";
import * as faNewRoute from "~/routes/$org.first-articles.new.tsx";
import * as inspectionListRoute from "~/routes/$org.inspections._index.tsx";
import * as inspectionNewRoute from "~/routes/$org.inspections.new.tsx";
import * as membersRoute from "~/routes/$org.members.tsx";
import * as partnersRoute from "~/routes/$org.partners.tsx";
import * as specRoute from "~/routes/$org.specs.$specId._index.tsx";
import * as versionRoute from "~/routes/$org.specs.$specId.v.$number._index.tsx";
import * as specListRoute from "~/routes/$org.specs._index.tsx";
import { createInvitation, createMember, createOrg, createPartnership, createSpec, createSpecShare, createSpecVersion } from "../support/factories.ts";
import { call, cookieFor } from "../support/routes.ts";

const ROLES: Role[] = ["OWNER", "QUALITY", "MEMBER", "VIEWER"];
const TAKES_PART: Role[] = ["OWNER", "QUALITY", "MEMBER"];
const DECIDES: Role[] = ["OWNER", "QUALITY"];
const OWNER: Role[] = ["OWNER"];

type Org = Awaited<ReturnType<typeof createOrg>>;
type Reader = { kind: OrgKind; role: Role; org: Org; cookie: string };

let readers: Reader[];
let published: { specId: string };
let drafted: { specId: string };

beforeAll(async () => {
  const importer = await createOrg("IMPORTER");
  const factory = await createOrg("FACTORY");
  readers = [];
  for (const [kind, org] of [
    ["IMPORTER", importer],
    ["FACTORY", factory],
  ] as const) {
    for (const role of ROLES) {
      const { user } = await createMember(kind, role, org);
      readers.push({ kind, role, org, cookie: await cookieFor(user.id) });
    }
  }
  // One published spec shared with the factory, one with a draft of version 2; and an invitation to a second factory.
  const a = await createSpec(importer.id);
  await createSpecShare(a.spec.id, importer.id, factory.id);
  const b = await createSpec(importer.id);
  await createSpecShare(b.spec.id, importer.id, factory.id);
  await createSpecVersion(b.spec.id, importer.id, 2, "DRAFT");
  const invited = await createPartnership(importer.id, null, "INVITED");
  await createInvitation({ orgId: importer.id, kind: "PARTNER", partnershipId: invited.id });
  published = { specId: a.spec.id };
  drafted = { specId: b.spec.id };
});

async function loaderData<T>(route: { loader: unknown }, r: Reader, path: string, params: Record<string, string> = {}) {
  const out = await call(route.loader, `/${r.org.slug}${path}`, { cookie: r.cookie, params: { org: r.org.slug, ...params } });
  expect(out.status, `${r.kind} ${r.role} ${path}`).toBe(200);
  return out.data as T;
}

/** For every reader: the flags a page showed, against the roles of each kind that should see each one. */
async function expectFlags(who: Reader[], read: (r: Reader) => Promise<Record<string, boolean>>, allowed: Record<string, Partial<Record<OrgKind, Role[]>>>) {
  for (const r of who) {
    const flags = await read(r);
    const expected = Object.fromEntries(Object.entries(allowed).map(([flag, roles]) => [flag, (roles[r.kind] ?? []).includes(r.role)]));
    expect(flags, `${r.kind} ${r.role}`).toEqual(expected);
  }
}

describe("page flags follow the ability, for every org kind and role", () => {
  const startPages = [
    { what: "first articles: starting one", kind: "FACTORY", path: "/first-articles", list: faListRoute, form: faNewRoute, flag: "start" },
    { what: "corrective actions: opening one", kind: "IMPORTER", path: "/corrective-actions", list: caListRoute, form: caNewRoute, flag: "open" },
  ] as const;
  for (const { what, kind, path, list, form, flag } of startPages) {
    it(`${what} is offered to ${kind.toLowerCase()} owners, quality leads and members, and only they reach the form`, async () => {
      await expectFlags(readers, async (r) => (await loaderData<{ can: Record<string, boolean> }>(list, r, path)).can, { [flag]: { [kind]: TAKES_PART } });
      for (const r of readers) {
        const out = await call(form.loader, `/${r.org.slug}${path}/new`, { cookie: r.cookie, params: { org: r.org.slug } });
        expect(out.status, `${r.kind} ${r.role}`).toBe(r.kind === kind && TAKES_PART.includes(r.role) ? 200 : 403);
      }
    });
  }

  it("inspections: booking one is offered to importer owners, quality leads and members and to factory owners and quality leads, and only they reach the form", async () => {
    const books = { IMPORTER: TAKES_PART, FACTORY: DECIDES };
    await expectFlags(readers, async (r) => (await loaderData<{ can: Record<string, boolean> }>(inspectionListRoute, r, "/inspections")).can, { book: books });
    for (const r of readers) {
      const out = await call(inspectionNewRoute.loader, `/${r.org.slug}/inspections/new`, { cookie: r.cookie, params: { org: r.org.slug } });
      expect(out.status, `${r.kind} ${r.role}`).toBe(books[r.kind].includes(r.role) ? 200 : 403);
    }
  });

  it("specifications: creating, sharing, starting a version and continuing a draft are the importer's owners' and quality leads'", async () => {
    await expectFlags(readers, async (r) => (await loaderData<{ can: { create: boolean } }>(specListRoute, r, "/specs")).can, {
      create: { IMPORTER: DECIDES },
    });
    await expectFlags(readers, async (r) => (await loaderData<{ can: Record<string, boolean> }>(specRoute, r, `/specs/${published.specId}`, published)).can, {
      share: { IMPORTER: DECIDES },
      startVersion: { IMPORTER: DECIDES },
      editDraft: {},
    });
    // A factory never sees the draft: for it the spec has one published version and nothing to continue.
    await expectFlags(readers, async (r) => (await loaderData<{ can: Record<string, boolean> }>(specRoute, r, `/specs/${drafted.specId}`, drafted)).can, {
      share: { IMPORTER: DECIDES },
      startVersion: {},
      editDraft: { IMPORTER: DECIDES },
    });
  });

  it("a published version is acknowledged by factory owners, quality leads and members and shared by the importer's deciders; a draft is edited, published and deleted by them", async () => {
    const version = (specId: string, number: number) => async (r: Reader) =>
      (await loaderData<{ can: Record<string, boolean> }>(versionRoute, r, `/specs/${specId}/v/${number}`, { specId, number: String(number) })).can;
    await expectFlags(readers, version(published.specId, 1), {
      edit: {},
      publish: {},
      acknowledge: { FACTORY: TAKES_PART },
      deleteDraft: {},
      share: { IMPORTER: DECIDES },
    });
    const importers = readers.filter((r) => r.kind === "IMPORTER");
    await expectFlags(importers, version(drafted.specId, 2), {
      edit: { IMPORTER: DECIDES },
      publish: { IMPORTER: DECIDES },
      acknowledge: {},
      deleteDraft: { IMPORTER: DECIDES },
      share: { IMPORTER: DECIDES },
    });
  });

  it("members: inviting, changing roles and removing are the owners', on both sides", async () => {
    type Members = { can: { invite: boolean }; members: { items: { can: { changeRole: boolean; remove: boolean } }[] } };
    await expectFlags(
      readers,
      async (r) => {
        const data = await loaderData<Members>(membersRoute, r, "/members");
        expect(data.members.items).toHaveLength(ROLES.length);
        // The rules do not tell one colleague from another: every row offers the same.
        const [first, ...others] = data.members.items.map((m) => m.can);
        for (const row of others) expect(row, `${r.kind} ${r.role}`).toEqual(first);
        return { invite: data.can.invite, ...first! };
      },
      { invite: { IMPORTER: OWNER, FACTORY: OWNER }, changeRole: { IMPORTER: OWNER, FACTORY: OWNER }, remove: { IMPORTER: OWNER, FACTORY: OWNER } },
    );
  });

  it("partners: inviting a factory, ending a partnership and revoking an invitation are the importer's owners'", async () => {
    type Partners = { can: { invite: boolean }; partnerships: { items: { status: string; can: { end: boolean; revokeInvitation: boolean } }[] } };
    await expectFlags(
      readers,
      async (r) => {
        const data = await loaderData<Partners>(partnersRoute, r, "/partners");
        const active = data.partnerships.items.find((p) => p.status === "ACTIVE")!;
        const invited = data.partnerships.items.find((p) => p.status === "INVITED");
        expect(invited === undefined, `${r.kind} ${r.role} sees the invitation`).toBe(r.kind === "FACTORY");
        return { invite: data.can.invite, end: active.can.end, revoke: invited?.can.revokeInvitation ?? false, endInvited: invited?.can.end ?? false };
      },
      { invite: { IMPORTER: OWNER }, end: { IMPORTER: OWNER }, revoke: { IMPORTER: OWNER }, endInvited: {} },
    );
  });
});
