import { describe, expect, it } from "vitest";
import { emailedSentence } from "./emailed.ts";

describe("emailedSentence", () => {
  it("counts the people emailed, one and many", () => {
    expect(emailedSentence(1, "")).toBe("1 person will be emailed.");
    expect(emailedSentence(3, "")).toBe("3 people will be emailed.");
  });
  it("claims no email when none was queued", () => {
    expect(emailedSentence(0, "No one was emailed.")).toBe("No one was emailed.");
  });
});
