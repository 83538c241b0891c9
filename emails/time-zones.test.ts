import { describe, expect, it } from "vitest";
import { renderEmail } from "./index.ts";
import { correctiveActionReminderSample, memberInvitationSample } from "./samples.ts";

describe("dates in emails", () => {
  it("name the day an invitation expires in the recipient's zone", async () => {
    // 10:00 UTC on 5 March is already 6 March in Kiritimati (UTC+14).
    const data = { ...memberInvitationSample, expiresAt: "2027-03-05T10:00:00.000Z" };
    expect((await renderEmail("member-invitation", "en", data, "Europe/Berlin")).text).toContain("5 March 2027");
    expect((await renderEmail("member-invitation", "en", data, "Pacific/Kiritimati")).text).toContain("6 March 2027");
    expect((await renderEmail("member-invitation", "zh-CN", data, "Pacific/Kiritimati")).text).toContain("2027年3月6日");
  });

  it("keep a due date the calendar day it is, in every zone", async () => {
    const data = { ...correctiveActionReminderSample, dueAt: "2027-01-15T00:00:00.000Z" };
    for (const zone of ["America/Los_Angeles", "Pacific/Kiritimati"]) {
      expect((await renderEmail("corrective-action-reminder", "en", data, zone)).text).toContain("15 January 2027");
    }
  });
});
