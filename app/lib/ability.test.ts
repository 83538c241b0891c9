import { describe, expect, it } from "vitest";
import { asSubject, defineAbility, type AbilityContext } from "./ability.ts";

const roles = ["OWNER", "QUALITY", "MEMBER", "VIEWER"] as const;
const kinds = ["IMPORTER", "FACTORY"] as const;
const now = new Date();

const ctx = (orgKind: AbilityContext["orgKind"], role: AbilityContext["role"]): AbilityContext => ({
  userId: "u1",
  orgId: "own",
  orgKind,
  role,
});

const org = (id: string) => asSubject("Organization", { id, slug: id, name: id, kind: "IMPORTER", locale: "en", createdAt: now, updatedAt: now });
const membership = (orgId: string) => asSubject("Membership", { id: "m", userId: "u2", orgId, role: "MEMBER", createdAt: now });
const partnership = (importerId: string, factoryId: string | null, status: "INVITED" | "ACTIVE" | "ENDED" = "ACTIVE") =>
  asSubject("Partnership", { id: "p", importerId, factoryId, status, createdAt: now, activatedAt: null, endedAt: null, endedById: null });
const invitation = (orgId: string, kind: "MEMBER" | "PARTNER") =>
  asSubject("Invitation", {
    id: "i",
    kind,
    orgId,
    email: "x@example.com",
    role: "MEMBER",
    locale: "en",
    partnershipId: null,
    tokenHash: "h",
    expiresAt: now,
    invitedById: null,
    acceptedAt: null,
    acceptedById: null,
    revokedAt: null,
    createdAt: now,
  });

// The permission table of DESIGN.md for the foundation subjects, row by row.
// Each entry: [description, check, roles allowed per org kind].
type Row = [string, (a: ReturnType<typeof defineAbility>) => boolean, Record<(typeof kinds)[number], readonly string[]>];
const all = roles;
const owner = ["OWNER"] as const;
const none = [] as const;

const table: Row[] = [
  ["read own organization", (a) => a.can("read", org("own")), { IMPORTER: all, FACTORY: all }],
  ["read another organization", (a) => a.can("read", org("other")), { IMPORTER: none, FACTORY: none }],
  ["update own organization", (a) => a.can("update", org("own")), { IMPORTER: owner, FACTORY: owner }],
  ["read own members", (a) => a.can("read", membership("own")), { IMPORTER: all, FACTORY: all }],
  ["read another org's members", (a) => a.can("read", membership("other")), { IMPORTER: none, FACTORY: none }],
  ["add a member", (a) => a.can("create", membership("own")), { IMPORTER: owner, FACTORY: owner }],
  ["change a member's role", (a) => a.can("update", membership("own")), { IMPORTER: owner, FACTORY: owner }],
  ["remove a member", (a) => a.can("delete", membership("own")), { IMPORTER: owner, FACTORY: owner }],
  ["change a member of another org", (a) => a.can("update", membership("other")), { IMPORTER: none, FACTORY: none }],
  ["invite a colleague", (a) => a.can("create", invitation("own", "MEMBER")), { IMPORTER: owner, FACTORY: owner }],
  ["see pending colleague invitations", (a) => a.can("read", invitation("own", "MEMBER")), { IMPORTER: owner, FACTORY: owner }],
  ["revoke a colleague invitation", (a) => a.can("delete", invitation("own", "MEMBER")), { IMPORTER: owner, FACTORY: owner }],
  ["invite a factory", (a) => a.can("create", invitation("own", "PARTNER")), { IMPORTER: owner, FACTORY: none }],
  ["invite on behalf of another org", (a) => a.can("create", invitation("other", "MEMBER")), { IMPORTER: none, FACTORY: none }],
  ["read own partnerships as importer", (a) => a.can("read", partnership("own", "f")), { IMPORTER: all, FACTORY: none }],
  ["read own partnerships as factory", (a) => a.can("read", partnership("i", "own")), { IMPORTER: none, FACTORY: all }],
  ["read someone else's partnership", (a) => a.can("read", partnership("i", "f")), { IMPORTER: none, FACTORY: none }],
  ["start a partnership", (a) => a.can("create", partnership("own", null, "INVITED")), { IMPORTER: owner, FACTORY: none }],
  ["end an active partnership", (a) => a.can("end", partnership("own", "f")), { IMPORTER: owner, FACTORY: none }],
  ["end a partnership from the factory side", (a) => a.can("end", partnership("i", "own")), { IMPORTER: none, FACTORY: none }],
  ["end an already ended partnership", (a) => a.can("end", partnership("own", "f", "ENDED")), { IMPORTER: none, FACTORY: none }],
];

describe("ability table", () => {
  for (const [what, check, allowed] of table) {
    for (const kind of kinds) {
      for (const role of roles) {
        const expected = allowed[kind].includes(role);
        it(`${kind.toLowerCase()} ${role.toLowerCase()} ${expected ? "can" : "cannot"} ${what}`, () => {
          expect(check(defineAbility(ctx(kind, role)))).toBe(expected);
        });
      }
    }
  }
});

describe("first-article rules", () => {
  const fa = (over: Record<string, unknown> = {}) =>
    asSubject("FirstArticle", {
      id: "fa",
      seriesId: "fa",
      round: 1,
      importerId: "imp",
      factoryId: "own",
      partnershipId: "p",
      specId: "s",
      versionId: "v",
      status: "DRAFT",
      poNumber: "PO1",
      lotNumber: "",
      quantityProduced: 100,
      sampleCount: 3,
      inspectedOn: now,
      notes: "",
      createdById: null,
      submittedAt: null,
      submittedById: null,
      decidedAt: null,
      decidedById: null,
      decisionNote: null,
      findings: null,
      revision: 0,
      createdAt: now,
      updatedAt: now,
      partnership: { status: "ACTIVE" },
      ...over,
    } as never);
  const imp = (role: (typeof roles)[number]) => defineAbility({ userId: "u", orgId: "imp", orgKind: "IMPORTER", role });
  const fac = (role: (typeof roles)[number]) => defineAbility({ userId: "u", orgId: "own", orgKind: "FACTORY", role });

  it("importers never see a factory's draft", () => {
    for (const role of roles) expect(imp(role).can("read", fa())).toBe(false);
    for (const role of roles) expect(imp(role).can("read", fa({ status: "SUBMITTED" }))).toBe(true);
  });
  it("only importer owners and quality leads decide, and only what is submitted", () => {
    expect(roles.filter((r) => imp(r).can("decide", fa({ status: "SUBMITTED" })))).toEqual(["OWNER", "QUALITY"]);
    expect(imp("OWNER").can("decide", fa({ status: "APPROVED" }))).toBe(false);
    expect(imp("OWNER").can("decide", fa({ status: "SUBMITTED" }), "measurements")).toBe(false);
    expect(imp("OWNER").can("decide", fa({ status: "SUBMITTED" }), "status")).toBe(true);
  });
  it("factory members record readings on a draft; viewers only read", () => {
    expect(roles.filter((r) => fac(r).can("update", fa(), "measurements"))).toEqual(["OWNER", "QUALITY", "MEMBER"]);
    expect(roles.filter((r) => fac(r).can("read", fa()))).toEqual([...roles]);
  });
  it("a factory cannot change a decision or edit a submitted first article", () => {
    for (const role of roles) {
      expect(fac(role).can("decide", fa({ status: "SUBMITTED" }))).toBe(false);
      expect(fac(role).can("update", fa({ status: "SUBMITTED" }), "measurements")).toBe(false);
      expect(fac(role).can("update", fa(), "status")).toBe(false);
    }
  });
  it("only factory owners and quality leads submit", () => {
    expect(roles.filter((r) => fac(r).can("submit", fa()))).toEqual(["OWNER", "QUALITY"]);
  });
  it("an ended partnership closes the factory's first articles", () => {
    expect(fac("OWNER").can("read", fa({ partnership: { status: "ENDED" } }))).toBe(false);
  });
  it("an importer cannot change a measurement", () => {
    for (const role of roles) expect(imp(role).can("update", fa({ status: "SUBMITTED" }), "measurements")).toBe(false);
  });
});
