import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { Language } from "~/lib/i18n/languages.ts";
import { TimeZoneProvider } from "~/lib/use-format.ts";
import { InLanguage } from "../../../../tests/support/i18n.tsx";
import { useDueDate } from "./due-date.ts";

function Due({ day, zone }: { day: string; zone: string }) {
  return <p>{useDueDate()(day, zone)}</p>;
}

const show = (language: Language, readerZone: string) =>
  render(
    <InLanguage language={language}>
      <TimeZoneProvider value={readerZone}>
        <Due day="2026-03-05T00:00:00.000Z" zone="Asia/Shanghai" />
      </TimeZoneProvider>
    </InLanguage>,
  );

describe("a due date on a page", () => {
  it("names the day and the factory's zone it ends in, whatever the reader's zone", () => {
    show("en", "America/Los_Angeles");
    expect(screen.getByText("5 Mar 2026 (end of day, Asia/Shanghai)")).toBeTruthy();
  });

  it("reads in Chinese for a Chinese reader", () => {
    show("zh-CN", "Asia/Shanghai");
    expect(screen.getByText("2026年3月5日（以 Asia/Shanghai 时间当天结束为准）")).toBeTruthy();
  });
});
