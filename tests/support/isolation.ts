// Isolation tests call every loader and action of a capability as people who must not get in, and
// expect the same of each: an outsider gets 404 and nothing of the record in the answer, a role too
// small for a write gets 403 and nothing changes. Each test file states only its own records and probes.
import { expect } from "vitest";
import type { Role } from "~/generated/prisma/client.ts";
import { createPartnership } from "./factories.ts";
import { call, type Outcome, signedInMember, type SignedInMember, signedInTeam } from "./routes.ts";

/** One request against one loader or action, as the person with `cookie`, through the org `slug`. */
export interface Probe {
  label: string;
  run: (slug: string, cookie: string) => Promise<Outcome>;
}

export const serializeOutcome = (out: Outcome) => (typeof out.data === "string" ? out.data : JSON.stringify(out.data));

/** Every probe answers 404 and its outcome never carries any of the secrets. */
export async function expectAllNotFound(probes: Probe[], slug: string, cookie: string, secrets: string[]) {
  for (const probe of probes) {
    const out = await probe.run(slug, cookie);
    expect(out.status, `${probe.label} as /${slug}`).toBe(404);
    for (const secret of secrets) expect(serializeOutcome(out), `${probe.label} as /${slug}`).not.toContain(secret);
  }
}

/** Every probe answers `who` (through its own org) with 403, and `state`, all the probes could change, is the same afterwards. */
export async function expectAllForbidden(probes: Probe[], who: SignedInMember, state: () => Promise<string>) {
  const before = await state();
  for (const probe of probes) {
    const out = await probe.run(who.org.slug, who.cookie);
    expect(out.status, probe.label).toBe(403);
  }
  expect(await state()).toBe(before);
}

/**
 * The people around an importer who must learn nothing of its records: a partner factory of the
 * importer (what the importer shares with it is each test's own), a factory that is no partner, and
 * a user of an unrelated importer. Owners, but for the partner's `partnerRole`.
 */
export async function outsidersOf(importerId: string, partnerRole: Role = "QUALITY") {
  const partner = await signedInMember("FACTORY", partnerRole);
  await createPartnership(importerId, partner.org.id, "ACTIVE");
  const stranger = await signedInMember("FACTORY", "OWNER");
  const otherImporter = await signedInMember("IMPORTER", "OWNER");
  return { partner, stranger, otherImporter };
}

/** The outsiders as test names say who they are, each with its key in `outsidersOf`; `partner` tells what the partner factory is. */
export const outsiderCases = (partner: string) =>
  [
    ["a factory that is no partner of the importer", "stranger"],
    [partner, "partner"],
    ["a user of an unrelated importer", "otherImporter"],
  ] as const;

/**
 * An importer and a factory (not partners yet: the test's share makes them so), each with a quality
 * lead, a member and a viewer, and around them `outsidersOf` the importer.
 */
export async function partiesAndOutsiders() {
  const importer = await signedInTeam("IMPORTER", ["QUALITY", "MEMBER", "VIEWER"]);
  const factory = await signedInTeam("FACTORY", ["QUALITY", "MEMBER", "VIEWER"]);
  return {
    importer: importer.QUALITY,
    importerMember: importer.MEMBER,
    importerViewer: importer.VIEWER,
    factory: factory.QUALITY,
    factoryMember: factory.MEMBER,
    factoryViewer: factory.VIEWER,
    ...(await outsidersOf(importer.QUALITY.org.id)),
  };
}

/**
 * The outsider gets 404 and none of the secrets from every probe, asked through its own org and
 * through each of the parties' orgs, where the org-wide probes (the list, the start page) are asked too.
 */
export async function expectOutsiderSeesNothing(
  outsider: SignedInMember,
  seen: { probes: Probe[]; orgProbes: Probe[]; parties: SignedInMember[]; secrets: string[] },
) {
  await expectAllNotFound(seen.probes, outsider.org.slug, outsider.cookie, seen.secrets);
  for (const party of seen.parties) {
    await expectAllNotFound([...seen.probes, ...seen.orgProbes], party.org.slug, outsider.cookie, seen.secrets);
  }
}

/**
 * A tenant list page, `/<org>/<path>`: as a probe, as `who` with a query, and the rows it lists to `who`
 * (answering 200). `rowsOf` finds the rows in the page's data: `list.items` unless said.
 */
export function tenantList<Row extends { id: string }>(loader: unknown, path: string, rowsOf: (data: unknown) => Row[] = listItems<Row>) {
  const page = (who: SignedInMember, query = "") => call(loader, `/${who.org.slug}/${path}${query}`, { cookie: who.cookie, params: { org: who.org.slug } });
  const probe: Probe = { label: "list loader", run: (slug, cookie) => call(loader, `/${slug}/${path}`, { cookie, params: { org: slug } }) };
  async function rows(who: SignedInMember, query = "") {
    const out = await page(who, query);
    expect(out.status).toBe(200);
    return rowsOf(out.data);
  }
  const ids = async (who: SignedInMember, query = "") => (await rows(who, query)).map((row) => row.id);
  return { page, probe, rows, ids, rowsOf };
}

function listItems<Row>(data: unknown) {
  return (data as { list: { items: Row[] } }).list.items;
}

/** Whatever the query, `who`'s list answers 200 without any of the hidden ids and none of the secrets. */
export async function expectNotListed(
  list: Pick<ReturnType<typeof tenantList>, "page" | "rowsOf">,
  who: SignedInMember,
  listed: { queries: string[]; hidden: string[]; secrets: string[] },
) {
  for (const query of listed.queries) {
    const out = await list.page(who, query);
    expect(out.status).toBe(200);
    const ids = list.rowsOf(out.data).map((row) => row.id);
    for (const id of listed.hidden) expect(ids).not.toContain(id);
    for (const secret of listed.secrets) expect(serializeOutcome(out), `list${query}`).not.toContain(secret);
  }
}
