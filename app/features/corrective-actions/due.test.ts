import { describe, expect, it } from "vitest";
import { dayIn, isItemOverdue, isOverdue, isPastDue, isPlanDueSoon, isPlanEscalated, isPlanOverdue } from "./due.ts";

// A plan due on 5 March 2026, stored as that day's UTC midnight.
const due = new Date("2026-03-05T00:00:00.000Z");
const open = { status: "OPEN", planDueAt: due };

describe("a due date", () => {
  it("is late from the end of its day in the factory's zone: Shanghai's day ends at 16:00 UTC", () => {
    expect(isPlanOverdue(open, "Asia/Shanghai", new Date("2026-03-05T15:59:59.999Z"))).toBe(false);
    expect(isPlanOverdue(open, "Asia/Shanghai", new Date("2026-03-05T16:00:00.000Z"))).toBe(true);
  });

  it("is late from the end of its day in Los Angeles, 08:00 UTC the next day", () => {
    expect(isPlanOverdue(open, "America/Los_Angeles", new Date("2026-03-06T07:59:59.999Z"))).toBe(false);
    expect(isPlanOverdue(open, "America/Los_Angeles", new Date("2026-03-06T08:00:00.000Z"))).toBe(true);
  });

  it("follows the factory's summer time: the day after the clocks change ends an hour earlier in UTC", () => {
    const dayAfterChange = { status: "OPEN", planDueAt: "2026-03-08T00:00:00.000Z" };
    expect(isPlanOverdue(dayAfterChange, "America/Los_Angeles", new Date("2026-03-09T06:59:59.999Z"))).toBe(false);
    expect(isPlanOverdue(dayAfterChange, "America/Los_Angeles", new Date("2026-03-09T07:00:00.000Z"))).toBe(true);
  });

  it("reads the same from loader data (ISO strings) as from the database", () => {
    const now = new Date("2026-03-05T17:00:00.000Z");
    expect(isPlanOverdue({ status: "OPEN", planDueAt: due.toISOString() }, "Asia/Shanghai", now)).toBe(true);
    expect(isPastDue("2026-03-05", "Asia/Shanghai", now)).toBe(true);
  });

  it("is in UTC for a factory whose zone is not known", () => {
    expect(isPlanOverdue(open, "Not/AZone", new Date("2026-03-05T23:59:59.999Z"))).toBe(false);
    expect(isPlanOverdue(open, "Not/AZone", new Date("2026-03-06T00:00:00.000Z"))).toBe(true);
  });
});

describe("the day at the factory", () => {
  it("is the calendar day of its zone, as a UTC midnight like a stored due date", () => {
    const now = new Date("2026-03-05T20:00:00.000Z");
    expect(dayIn("Asia/Shanghai", now).toISOString()).toBe("2026-03-06T00:00:00.000Z");
    expect(dayIn("America/Los_Angeles", now).toISOString()).toBe("2026-03-05T00:00:00.000Z");
  });
});

describe("reminders and late items", () => {
  it("count a plan due soon while its day ends within two days, and escalate it three days after", () => {
    expect(isPlanDueSoon(open, "Asia/Shanghai", new Date("2026-03-03T16:00:00.000Z"))).toBe(true);
    expect(isPlanDueSoon(open, "Asia/Shanghai", new Date("2026-03-03T15:59:00.000Z"))).toBe(false);
    expect(isPlanDueSoon(open, "Asia/Shanghai", new Date("2026-03-05T16:00:00.000Z"))).toBe(false);
    expect(isPlanEscalated(open, "Asia/Shanghai", new Date("2026-03-08T15:59:00.000Z"))).toBe(false);
    expect(isPlanEscalated(open, "Asia/Shanghai", new Date("2026-03-08T16:00:00.000Z"))).toBe(true);
  });

  it("count an item only while the plan is accepted, by the same end of day", () => {
    const item = { dueAt: due };
    const evening = new Date("2026-03-05T17:00:00.000Z");
    expect(isItemOverdue({ status: "PLAN_ACCEPTED" }, item, "Asia/Shanghai", evening)).toBe(true);
    expect(isItemOverdue({ status: "PLAN_ACCEPTED" }, item, "America/Los_Angeles", evening)).toBe(false);
    expect(isItemOverdue({ status: "IMPLEMENTED" }, item, "Asia/Shanghai", evening)).toBe(false);
    expect(isOverdue({ status: "PLAN_ACCEPTED", planDueAt: due, items: [item] }, "Asia/Shanghai", evening)).toBe(true);
  });
});
