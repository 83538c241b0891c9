// DESIGN.md's Inspection row, cell by cell: who books, confirms, reschedules, records, submits,
// aborts and decides, per org kind and role, and what an ended partnership or the other side's
// record closes.
import { describe, expect, it } from "vitest";
import type { Inspection } from "~/generated/prisma/client.ts";
import { asSubject, defineAbility, type AbilityContext } from "./ability.ts";

const ROLES = ["OWNER", "QUALITY", "MEMBER", "VIEWER"] as const;
type Kind = "IMPORTER" | "FACTORY";
const ability = (orgKind: Kind, role: (typeof ROLES)[number], orgId = orgKind === "IMPORTER" ? "imp" : "fac") =>
  defineAbility({ userId: "u1", orgId, orgKind, role } satisfies AbilityContext);

const inspection = (over: Partial<Inspection> & { partnershipStatus?: "ACTIVE" | "ENDED" } = {}) => {
  const { partnershipStatus = "ACTIVE", ...fields } = over;
  return asSubject("Inspection", {
    id: "i1",
    importerId: "imp",
    factoryId: "fac",
    status: "BOOKED",
    inspectedBy: "FACTORY",
    proposedByOrgId: "fac",
    ...fields,
    partnership: { status: partnershipStatus },
  });
};

const who = (check: (kind: Kind, role: (typeof ROLES)[number]) => boolean) =>
  (["IMPORTER", "FACTORY"] as const).flatMap((kind) => ROLES.filter((role) => check(kind, role)).map((role) => `${kind} ${role}`));

describe("inspection permissions", () => {
  it("every role of both sides reads the inspection; a factory of an ended partnership does not", () => {
    expect(who((k, r) => ability(k, r).can("read", inspection()))).toHaveLength(8);
    expect(who((k, r) => ability(k, r).can("read", inspection({ partnershipStatus: "ENDED" })))).toEqual([
      "IMPORTER OWNER",
      "IMPORTER QUALITY",
      "IMPORTER MEMBER",
      "IMPORTER VIEWER",
    ]);
  });

  it("importer owners, quality leads and members book; factory owners and quality leads book", () => {
    const book = (k: Kind, r: (typeof ROLES)[number]) =>
      ability(k, r).can("create", asSubject("Inspection", k === "IMPORTER" ? { importerId: "imp" } : { factoryId: "fac", partnership: { status: "ACTIVE" } }));
    expect(who(book)).toEqual(["IMPORTER OWNER", "IMPORTER QUALITY", "IMPORTER MEMBER", "FACTORY OWNER", "FACTORY QUALITY"]);
  });

  it("the side that did not propose the date confirms it, never the proposer", () => {
    expect(who((k, r) => ability(k, r).can("confirm", inspection({ proposedByOrgId: "fac" })))).toEqual([
      "IMPORTER OWNER",
      "IMPORTER QUALITY",
      "IMPORTER MEMBER",
    ]);
    expect(who((k, r) => ability(k, r).can("confirm", inspection({ proposedByOrgId: "imp" })))).toEqual(["FACTORY OWNER", "FACTORY QUALITY"]);
    expect(who((k, r) => ability(k, r).can("confirm", inspection({ status: "CONFIRMED" })))).toEqual([]);
  });

  it("owners and quality leads of either side reschedule a booked or confirmed inspection", () => {
    const expected = ["IMPORTER OWNER", "IMPORTER QUALITY", "FACTORY OWNER", "FACTORY QUALITY"];
    expect(who((k, r) => ability(k, r).can("reschedule", inspection({ status: "CONFIRMED" })))).toEqual(expected);
    expect(who((k, r) => ability(k, r).can("reschedule", inspection({ status: "SUBMITTED" })))).toEqual([]);
  });

  it("the inspecting side records and aborts; the factory's owners and quality leads submit its self-inspection", () => {
    const own = inspection({ status: "CONFIRMED", inspectedBy: "FACTORY" });
    expect(who((k, r) => ability(k, r).can("update", own, "defects"))).toEqual(["FACTORY OWNER", "FACTORY QUALITY", "FACTORY MEMBER"]);
    expect(who((k, r) => ability(k, r).can("abort", own))).toEqual(["FACTORY OWNER", "FACTORY QUALITY", "FACTORY MEMBER"]);
    expect(who((k, r) => ability(k, r).can("submit", own))).toEqual(["FACTORY OWNER", "FACTORY QUALITY"]);
  });

  it("the importer's inspector records and submits an inspection the importer carries out", () => {
    const theirs = inspection({ status: "CONFIRMED", inspectedBy: "IMPORTER" });
    expect(who((k, r) => ability(k, r).can("update", theirs, "defects"))).toEqual(["IMPORTER OWNER", "IMPORTER QUALITY", "IMPORTER MEMBER"]);
    expect(who((k, r) => ability(k, r).can("submit", theirs))).toEqual(["IMPORTER OWNER", "IMPORTER QUALITY", "IMPORTER MEMBER"]);
  });

  it("nobody records on an inspection not yet confirmed or already submitted", () => {
    for (const status of ["BOOKED", "SUBMITTED", "RELEASED", "ABORTED"] as const) {
      expect(
        who((k, r) => ability(k, r).can("update", inspection({ status }), "defects")),
        status,
      ).toEqual([]);
    }
  });

  it("only importer owners and quality leads decide the lot, and only once its result is submitted", () => {
    expect(who((k, r) => ability(k, r).can("decide", inspection({ status: "SUBMITTED" })))).toEqual(["IMPORTER OWNER", "IMPORTER QUALITY"]);
    expect(who((k, r) => ability(k, r).can("decide", inspection({ status: "CONFIRMED" })))).toEqual([]);
    expect(who((k, r) => ability(k, r).can("decide", inspection({ status: "REJECTED" })))).toEqual([]);
  });

  it("no one acts on another importer's or another factory's inspection", () => {
    const other = inspection({ importerId: "imp2", factoryId: "fac2", proposedByOrgId: "fac2", status: "SUBMITTED" });
    for (const action of ["read", "confirm", "reschedule", "abort", "submit", "decide"] as const) {
      expect(
        who((k, r) => ability(k, r).can(action, other)),
        action,
      ).toEqual([]);
    }
  });

  it("importer owners and quality leads set sampling choices and resume a stopped scheme", () => {
    const setting = asSubject("SamplingSetting", { importerId: "imp", factoryId: "fac" });
    expect(who((k, r) => ability(k, r).can("update", setting))).toEqual(["IMPORTER OWNER", "IMPORTER QUALITY"]);
    const stopped = asSubject("SamplingState", { importerId: "imp", factoryId: "fac", severity: "stopped" });
    expect(who((k, r) => ability(k, r).can("update", stopped))).toEqual(["IMPORTER OWNER", "IMPORTER QUALITY"]);
    expect(who((k, r) => ability(k, r).can("update", asSubject("SamplingState", { importerId: "imp", severity: "tightened" })))).toEqual([]);
  });
});
