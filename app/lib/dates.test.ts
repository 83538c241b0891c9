import { describe, expect, it } from "vitest";
import { translateMessage } from "./i18n/translate.server.ts";
import { businessDaySchema, DAY_MS, isoDay, readBusinessDay } from "./dates.ts";

describe("business days", () => {
  it("reads a real day between 2000 and 2100 as its UTC midnight", () => {
    expect(readBusinessDay("2026-03-05")).toEqual({ ok: true, date: new Date("2026-03-05T00:00:00Z") });
    expect(readBusinessDay("2000-01-01").ok).toBe(true);
    expect(readBusinessDay("2100-12-31").ok).toBe(true);
    expect(readBusinessDay("2028-02-29").ok).toBe(true);
  });

  it("refuses year 0000 and anything outside 2000–2100, which the database or a person would not mean", () => {
    for (const value of ["0000-01-01", "1999-12-31", "2101-01-01", "9999-12-31"])
      expect(readBusinessDay(value)).toEqual({ ok: false, problem: "out-of-range" });
  });

  it("refuses days that do not exist instead of rolling them over", () => {
    for (const value of ["2026-02-30", "2027-02-29", "2026-13-01", "2026-00-10", "2026-04-31"])
      expect(readBusinessDay(value)).toEqual({ ok: false, problem: "no-such-day" });
  });

  it("refuses other spellings", () => {
    for (const value of ["2026-3-5", "05/03/2026", "2026-03-05T00:00:00Z", " 2026-03-05", "+02026-03-05", ""])
      expect(readBusinessDay(value)).toEqual({ ok: false, problem: "format" });
  });

  it("gives the form a message for each problem", () => {
    const schema = businessDaySchema();
    const said = (value: unknown) => schema.safeParse(value).error?.issues.map((issue) => translateMessage("en", issue.message));
    expect(schema.safeParse("2026-03-05").success).toBe(true);
    expect(said("0000-01-01")).toEqual(["Enter a date between 2000 and 2100"]);
    expect(said("2026-02-30")).toEqual(["Enter a real date"]);
    expect(said("tomorrow")).toEqual(["Enter the date as YYYY-MM-DD"]);
    expect(said(undefined)).toEqual(["Enter the date"]);
    expect(translateMessage("zh-CN", schema.safeParse("2026-02-30").error!.issues[0]!.message)).toBe("请输入真实存在的日期");
  });
});

describe("isoDay", () => {
  it("names the UTC day of a moment, whatever the time zone", () => {
    expect(isoDay(new Date("2025-03-05T23:59:59.999Z"))).toBe("2025-03-05");
    expect(isoDay(new Date(Date.UTC(2025, 2, 5) + DAY_MS))).toBe("2025-03-06");
  });
});
