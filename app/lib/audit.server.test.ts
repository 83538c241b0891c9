import { describe, expect, it } from "vitest";
import { changedFields } from "./audit.server.ts";

describe("audit changes", () => {
  it("keeps only the fields whose values differ, as from/to", () => {
    expect(changedFields({ role: "MEMBER", name: "A" }, { role: "OWNER", name: "A" })).toEqual({ role: { from: "MEMBER", to: "OWNER" } });
  });
  it("records created and removed fields against null", () => {
    expect(changedFields(null, { status: "ACTIVE" })).toEqual({ status: { from: null, to: "ACTIVE" } });
    expect(changedFields({ userId: "u1" }, undefined)).toEqual({ userId: { from: "u1", to: null } });
  });
  it("compares dates by instant", () => {
    const at = new Date("2026-01-01T00:00:00Z");
    expect(changedFields({ at }, { at: new Date(at) })).toEqual({});
    expect(changedFields({ at: null }, { at })).toEqual({ at: { from: null, to: "2026-01-01T00:00:00.000Z" } });
  });
});
