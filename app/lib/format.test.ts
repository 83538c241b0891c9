import { describe, expect, it } from "vitest";
import { formatterFor } from "./format.ts";
import { timeZoneGroups, toTimeZone } from "./time-zones.ts";

const at = "2026-03-05T14:07:09.000Z";

describe("times on pages", () => {
  it("are shown in the reader's zone with the zone named", () => {
    expect(formatterFor("en", "Asia/Shanghai").dateTime(at)).toBe("5 Mar 2026, 22:07 GMT+8");
    expect(formatterFor("en", "America/Los_Angeles").dateTime(new Date(at))).toBe("5 Mar 2026, 06:07 GMT-8");
    expect(formatterFor("en", "Asia/Kolkata").time(at)).toBe("19:37 GMT+5:30");
  });

  it("say UTC for a reader who chose no zone", () => {
    expect(formatterFor("en").dateTime(at)).toBe("5 Mar 2026, 14:07 UTC");
    expect(formatterFor("en", "UTC").time(at)).toBe("14:07 UTC");
  });

  it("are written in the reader's language", () => {
    expect(formatterFor("zh-CN", "Asia/Shanghai").dateTime(at)).toBe("2026年3月5日 GMT+8 22:07");
    expect(formatterFor("vi", "Asia/Ho_Chi_Minh").dateTime(at)).toBe("21:07 GMT+7 5 thg 3, 2026");
    expect(formatterFor("es", "Europe/Madrid").dateTime(at)).toBe("5 mar 2026, 15:07 GMT+1");
  });

  it("move to the zone's summer offset when the clocks change", () => {
    const la = formatterFor("en", "America/Los_Angeles");
    // Clocks in Los Angeles go from 01:59 to 03:00 on 8 March 2026 (10:00 UTC).
    expect(la.dateTime("2026-03-08T09:59:00Z")).toBe("8 Mar 2026, 01:59 GMT-8");
    expect(la.dateTime("2026-03-08T10:00:00Z")).toBe("8 Mar 2026, 03:00 GMT-7");
  });

  it("name the day of the reader's zone, which may be the next one", () => {
    const late = "2026-03-05T20:30:00.000Z";
    expect(formatterFor("en", "Europe/Berlin").day(late)).toBe("5 Mar 2026");
    expect(formatterFor("en", "Asia/Shanghai").day(late)).toBe("6 Mar 2026");
    expect(formatterFor("en", "Asia/Shanghai").dayNumeric(late)).toBe("06/03/2026");
    expect(formatterFor("zh-CN", "Asia/Shanghai").day(late, "long")).toBe("2026年3月6日");
  });

  it("use no character that another ICU version writes differently", () => {
    for (const language of ["en", "zh-CN", "vi", "es"]) {
      const f = formatterFor(language, "Asia/Shanghai");
      expect(`${f.dateTime(at)} ${f.time(at)} ${f.day(at)} ${f.count(1234567.5)}`).not.toMatch(/[\u00a0\u202f]|AM|PM|上午|下午/);
    }
  });
});

describe("calendar dates", () => {
  it("are the day they are in every zone, never shifted", () => {
    for (const zone of ["Pacific/Kiritimati", "America/Los_Angeles", "Pacific/Pago_Pago", "UTC"]) {
      const f = formatterFor("en", zone);
      expect(f.calendarDay("2026-03-05")).toBe("5 Mar 2026");
      expect(f.calendarDay(new Date("2026-03-05T00:00:00.000Z"))).toBe("5 Mar 2026");
    }
    expect(formatterFor("es", "America/Los_Angeles").calendarDay("2026-03-05", "long")).toBe("5 de marzo de 2026");
    expect(formatterFor("vi", "Asia/Ho_Chi_Minh").calendarDay("2026-03-05", "long")).toBe("5 tháng 3, 2026");
  });
});

describe("numbers and lists", () => {
  it("group thousands as the reader's language does", () => {
    expect(formatterFor("en").count(12500)).toBe("12,500");
    expect(formatterFor("es").count(12500)).toBe("12.500");
    expect(formatterFor("vi").count(12500)).toBe("12.500");
    expect(formatterFor("zh-CN").count(12500)).toBe("12,500");
  });

  it("join items as the reader's language does", () => {
    expect(formatterFor("en").list(["PDF", "PNG", "JPEG"], "disjunction")).toBe("PDF, PNG or JPEG");
    expect(formatterFor("zh-CN").list(["PDF", "PNG", "JPEG"], "disjunction")).toBe("PDF、PNG或JPEG");
  });
});

describe("time zones as stored", () => {
  it("accept the names Intl knows, aliases browsers report included, and nothing else", () => {
    expect(toTimeZone("Asia/Shanghai")).toBe("Asia/Shanghai");
    expect(toTimeZone("Asia/Ho_Chi_Minh")).toBe("Asia/Ho_Chi_Minh");
    expect(toTimeZone("UTC")).toBe("UTC");
    expect(toTimeZone("asia/shanghai")).toBe("Asia/Shanghai");
    for (const bad of ["Mars/Olympus_Mons", "", "<script>", "GMT+8; DROP", 42, null]) expect(toTimeZone(bad)).toBeNull();
  });

  it("are offered with the reader's own first, then by region", () => {
    const groups = timeZoneGroups("Asia/Shanghai");
    expect(groups[0]).toEqual({ region: "current", zones: ["Asia/Shanghai"] });
    expect(groups[1]).toEqual({ region: "", zones: ["UTC"] });
    expect(groups.flatMap((g) => g.zones).filter((z) => z === "Asia/Shanghai")).toHaveLength(1);
    expect(groups.find((g) => g.region === "Europe")?.zones).toContain("Europe/Berlin");
  });

  it("fall back to UTC in a formatter when a stored zone is not one", () => {
    expect(formatterFor("en", "Nowhere/Land").time(at)).toBe("14:07 UTC");
  });
});

describe("the pseudo-locale", () => {
  it("brackets what Intl wrote, as a catalogue's message is, so only text that bypassed both shows", () => {
    const f = formatterFor("en-XA", "Asia/Shanghai");
    expect(f.dateTime(at)).toBe("⟦5 Mar 2026, 22:07 GMT+8⟧");
    expect(f.calendarDay("2026-03-05")).toBe("⟦5 Mar 2026⟧");
    expect(f.bytes(300)).toBe("⟦300 bytes⟧");
    expect(f.list(["PDF", "PNG"], "disjunction")).toBe("⟦PDF or PNG⟧");
  });
});
