import { describe, expect, it } from "vitest";
import type { FirstArticle, PartnershipStatus } from "~/generated/prisma/client.ts";
import { asSubject, defineAbility, type AbilityContext, type Action, type AppSubjects } from "./ability.ts";

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
  const fa = (over: Partial<FirstArticle & { partnership: { status: PartnershipStatus } }> = {}) =>
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
    });
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

// "May I create, start or open this?" is one instance check on a partial
// record: the fields the create rule looks at, as the features ask it. Each
// question gets, for every org kind and role, the answer it got before the
// partial records: from a complete placeholder record, or from what the page
// asked instead (a hand-written role check, another action).
describe("questions asked of a record that does not exist yet", () => {
  type Ability = ReturnType<typeof defineAbility>;
  type Before = AppSubjects | ((a: Ability, c: AbilityContext) => boolean);
  type Question = [what: string, action: Action, partial: AppSubjects, before: Before, allowed: Record<(typeof kinds)[number], readonly string[]>];
  const takesPart = ["OWNER", "QUALITY", "MEMBER"] as const;
  const decides = ["OWNER", "QUALITY"] as const;
  const importers = (allowed: readonly string[]) => ({ IMPORTER: allowed, FACTORY: none });
  const factories = (allowed: readonly string[]) => ({ IMPORTER: none, FACTORY: allowed });
  const both = (allowed: readonly string[]) => ({ IMPORTER: allowed, FACTORY: allowed });
  const handWritten = (kind: (typeof kinds)[number]) => (_: Ability, c: AbilityContext) => c.orgKind === kind && c.role !== "VIEWER";
  const asked = (action: Action, subject: AppSubjects) => (a: Ability) => a.can(action, subject);

  // What the features ask now.
  const faToStart = asSubject("FirstArticle", { factoryId: "own", partnership: { status: "ACTIVE" } });
  const caToOpen = asSubject("CorrectiveAction", { importerId: "own", status: "OPEN" });
  const caFromFa = asSubject("CorrectiveAction", { importerId: "own", factoryId: "f", status: "OPEN" });
  const specToCreate = asSubject("Spec", { orgId: "own" });
  const versionToStart = asSubject("SpecVersion", { specId: "s", orgId: "own", status: "DRAFT" });
  const listedDraft = asSubject("SpecVersion", { id: "v", number: 2, status: "DRAFT", orgId: "own" });
  const shareToCreate = asSubject("SpecShare", { specId: "s", importerId: "own", factoryId: "f" });
  const colleagueInvitation = asSubject("Invitation", { orgId: "own", kind: "MEMBER" });
  const partnerInvitation = (orgId: string) => asSubject("Invitation", { orgId, kind: "PARTNER" });
  const partnershipToStart = asSubject("Partnership", { importerId: "own", factoryId: null, status: "INVITED" });
  const listedPartnership = asSubject("Partnership", { importerId: "own", factoryId: "f", status: "ACTIVE" });
  const listedMember = asSubject("Membership", { orgId: "own", role: "MEMBER" });
  const upload = asSubject("Attachment", { orgId: "own", uploadedById: "u1" });

  // The complete placeholder records they asked about before.
  const spec = asSubject("Spec", {
    id: "s",
    orgId: "own",
    title: "",
    productCode: "",
    description: "",
    currentVersionId: null,
    createdById: null,
    createdAt: now,
    updatedAt: now,
  });
  const version = asSubject("SpecVersion", {
    id: "",
    specId: "s",
    orgId: "own",
    number: 0,
    status: "DRAFT",
    description: "",
    notes: "",
    packaging: "",
    publishedAt: null,
    publishedById: null,
    createdAt: now,
    updatedAt: now,
  });
  const share = asSubject("SpecShare", { id: "", specId: "s", importerId: "own", factoryId: "f", partnershipId: "", createdById: null, createdAt: now });
  const member = asSubject("Membership", { id: "m", userId: "u2", orgId: "own", role: "MEMBER", createdAt: now });

  const questions: Question[] = [
    ["start a first article", "create", faToStart, handWritten("FACTORY"), factories(takesPart)],
    ["open a corrective action", "create", caToOpen, handWritten("IMPORTER"), importers(takesPart)],
    ["open one from the importer's first article", "create", caFromFa, handWritten("IMPORTER"), importers(takesPart)],
    ["create a specification", "create", specToCreate, spec, importers(decides)],
    ["start a new version", "create", versionToStart, version, importers(decides)],
    ["start a new version, as the spec page asked", "create", versionToStart, asked("update", spec), importers(decides)],
    ["continue the draft, as the spec page asked", "update", listedDraft, asked("update", spec), importers(decides)],
    ["share a spec with a factory", "create", shareToCreate, share, importers(decides)],
    ["invite a colleague", "create", colleagueInvitation, invitation("own", "MEMBER"), both(owner)],
    ["invite a factory: the partnership", "create", partnershipToStart, partnership("own", null, "INVITED"), importers(owner)],
    ["invite a factory: the invitation", "create", partnerInvitation("own"), invitation("own", "PARTNER"), importers(owner)],
    // The partners page offered revoking to those who may invite.
    ["revoke an invitation to a factory", "delete", partnerInvitation("own"), asked("create", partnership("own", null, "INVITED")), importers(owner)],
    ["revoke the importer's invitation, as its factory", "delete", partnerInvitation("i"), asked("create", partnership("i", null, "INVITED")), both(none)],
    ["change a listed member's role", "update", listedMember, member, both(owner)],
    ["remove a listed member", "delete", listedMember, member, both(owner)],
    ["end a listed partnership", "end", listedPartnership, partnership("own", "f"), importers(owner)],
    ["upload a file", "create", upload, (_, c) => c.role !== "VIEWER", both(takesPart)],
  ];
  for (const [what, action, partial, before, allowed] of questions) {
    for (const kind of kinds) {
      for (const role of roles) {
        const expected = allowed[kind].includes(role);
        it(`${kind.toLowerCase()} ${role.toLowerCase()} ${expected ? "may" : "may not"} ${what}, as before`, () => {
          const c = ctx(kind, role);
          const ability = defineAbility(c);
          expect(ability.can(action, partial)).toBe(expected);
          expect(typeof before === "function" ? before(ability, c) : ability.can(action, before)).toBe(expected);
        });
      }
    }
  }

  it("a field left out answers no to an equality, never a wrong yes", () => {
    for (const role of roles) {
      // Without its partnership's status, no first article can be started.
      expect(defineAbility(ctx("FACTORY", role)).can("create", asSubject("FirstArticle", { factoryId: "own" }))).toBe(false);
      expect(defineAbility(ctx("IMPORTER", role)).can("create", asSubject("CorrectiveAction", {}))).toBe(false);
      expect(defineAbility(ctx("IMPORTER", role)).can("create", asSubject("Invitation", { orgId: "own" }))).toBe(false);
    }
  });
  it("a field left out passes a negated condition, which is why read is asked only of loaded records", () => {
    // The importer's read rule excludes drafts with `status: { not: "DRAFT" }`: without a status, nothing is excluded.
    expect(defineAbility(ctx("IMPORTER", "VIEWER")).can("read", asSubject("FirstArticle", { importerId: "own" }))).toBe(true);
    expect(defineAbility(ctx("IMPORTER", "VIEWER")).can("read", asSubject("FirstArticle", { importerId: "own", status: "DRAFT" }))).toBe(false);
  });
  it("an ended partnership answers no to starting a first article under it", () => {
    for (const role of roles)
      expect(defineAbility(ctx("FACTORY", role)).can("create", asSubject("FirstArticle", { factoryId: "own", partnership: { status: "ENDED" } }))).toBe(false);
  });
});
