import { describe, expect, it } from "vitest";
import { formatCount, formatDateTime, formatDay, formatDayNumeric, formatDayWithMonthName, formatTime } from "./format.ts";

describe("dates on pages", () => {
  it("show an instant the same way everywhere", () => {
    expect(formatDateTime("2025-03-05T14:07:09.000Z")).toBe("2025-03-05 14:07 UTC");
    expect(formatDateTime(new Date("2025-03-05T14:07:09.000Z"))).toBe("2025-03-05 14:07 UTC");
  });

  it("show a time of today without the day, in UTC like every other date", () => {
    expect(formatTime("2025-03-05T09:03:59.000Z")).toBe("09:03 UTC");
  });

  it("name the UTC day, however late in the day the moment is", () => {
    const late = "2025-03-05T23:30:00.000Z";
    expect(formatDay(late)).toBe("2025-03-05");
    expect(formatDayWithMonthName(late)).toBe("5 Mar 2025");
    expect(formatDayNumeric(late)).toBe("05/03/2025");
    expect(formatDayWithMonthName("2025-03-05")).toBe("5 Mar 2025");
  });
});

describe("counts on pages", () => {
  it("group thousands", () => {
    expect(formatCount(12500)).toBe("12,500");
  });
});
