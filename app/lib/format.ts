// How pages write dates and numbers. One module, so that the language issue can make them follow
// the reader's locale in one place. Dates are written in UTC: the same text on the server, in
// every browser and on paper, so a page hydrates without a difference. (Emails have their own,
// localized formatter in emails/i18n.ts: they know the recipient's language.)

import { isoDay } from "./dates.ts";

type Moment = Date | string;

const toDate = (value: Moment) => (typeof value === "string" ? new Date(value) : value);

/** "2025-03-05". */
export function formatDay(value: Moment): string {
  return isoDay(toDate(value));
}

/** "2025-03-05 14:07 UTC". */
export function formatDateTime(value: Moment): string {
  const iso = toDate(value).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

const dayWithMonthName = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

/** "5 Mar 2025". */
export function formatDayWithMonthName(value: Moment): string {
  return dayWithMonthName.format(toDate(value));
}

const dayNumeric = new Intl.DateTimeFormat("en-GB", { day: "2-digit", month: "2-digit", year: "numeric", timeZone: "UTC" });

/** "05/03/2025". */
export function formatDayNumeric(value: Moment): string {
  return dayNumeric.format(toDate(value));
}

/** "12,500". */
export function formatCount(n: number): string {
  return n.toLocaleString("en");
}

/** "14:07 UTC". */
export function formatTime(value: Moment): string {
  return `${toDate(value).toISOString().slice(11, 16)} UTC`;
}

/** Items as a list in the reader's language: "PDF, PNG or JPEG" reads "PDF、PNG 或 JPEG" in Chinese. */
export function formatList(items: readonly string[], locale: string, type: "conjunction" | "disjunction" = "conjunction"): string {
  return new Intl.ListFormat(locale, { type, style: "long" }).format(items);
}
