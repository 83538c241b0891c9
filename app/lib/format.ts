// How pages and emails write dates, numbers and lists: one module, in the reader's locale and
// time zone. On a page `const f = useFormat()` (use-format.ts); on the server and in emails
// `formatterFor(language, timeZone)`.
//
// Two kinds of date:
// - an instant (a comment's time, a publication): shown in the reader's zone, the zone named
//   on every time ("5 Mar 2026, 22:07 GMT+8");
// - a calendar date (a due date, an inspection day), stored as the UTC midnight of that day or
//   written "2026-03-05": shown as that day in every zone, never shifted.
//
// Server and browser write the same text (hydration): only numeric hours (h23), offsets by
// "shortOffset" rather than zone names that locale data spells differently, and the no-break
// spaces that ICU versions disagree on written as plain spaces.

import { DEFAULT_LANGUAGE, PSEUDO_LANGUAGE, toLanguage } from "./i18n/languages.ts";
import { PSEUDO_CLOSE, PSEUDO_OPEN } from "./i18n/pseudo.ts";
import { DEFAULT_TIME_ZONE, timeZoneOr } from "./time-zones.ts";

type Moment = Date | string;

const toDate = (value: Moment) => (typeof value === "string" ? new Date(value) : value);

/** The Intl locale for each of our languages; the pseudo language reads as English. */
const INTL_LOCALES: Record<string, string> = { en: "en-GB", "zh-CN": "zh-CN", vi: "vi-VN", es: "es-ES", "en-XA": "en-GB" };
const intlLocale = (language: string) => INTL_LOCALES[toLanguage(language) ?? DEFAULT_LANGUAGE] ?? "en-GB";

const plainSpaces = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");

export type DayStyle = "short" | "long";

export interface Formatter {
  language: string;
  timeZone: string;
  /** A calendar date as that day: "5 Mar 2026" ("5 March 2026" long), whatever the reader's zone. */
  calendarDay(value: Moment, style?: DayStyle): string;
  /** The day an instant falls on in the reader's zone: "5 Mar 2026". */
  day(value: Moment, style?: DayStyle): string;
  /** The same, in figures: "05/03/2026". */
  dayNumeric(value: Moment): string;
  /** An instant with its time and zone: "5 Mar 2026, 22:07 GMT+8". */
  dateTime(value: Moment): string;
  /** The time of an instant with its zone: "22:07 GMT+8". */
  time(value: Moment): string;
  /** "12,500" ("12.500" in Spanish). */
  count(n: number): string;
  /** A file's size: "300 bytes", "1.5 kB", "20 MB" ("79字节", "1,5 kB"). */
  bytes(n: number): string;
  /** "PDF, PNG or JPEG" ("PDF、PNG 或 JPEG" in Chinese). */
  list(items: readonly string[], type?: "conjunction" | "disjunction"): string;
}

const cache = new Map<string, Formatter>();

export function formatterFor(language: string, timeZone: string = DEFAULT_TIME_ZONE): Formatter {
  const zone = timeZoneOr(timeZone);
  const id = `${language} ${zone}`;
  let formatter = cache.get(id);
  if (!formatter) cache.set(id, (formatter = language === PSEUDO_LANGUAGE ? marked(makeFormatter(language, zone)) : makeFormatter(language, zone)));
  return formatter;
}

/**
 * In the pseudo-locale what Intl wrote is bracketed like a catalogue's message: it is in the
 * reader's locale already, and the pseudo-locale shows up only what bypassed both.
 */
function marked(formatter: Formatter): Formatter {
  const mark =
    <A extends unknown[]>(write: (...args: A) => string) =>
    (...args: A) =>
      `${PSEUDO_OPEN}${write(...args)}${PSEUDO_CLOSE}`;
  return {
    language: formatter.language,
    timeZone: formatter.timeZone,
    calendarDay: mark(formatter.calendarDay),
    day: mark(formatter.day),
    dayNumeric: mark(formatter.dayNumeric),
    dateTime: mark(formatter.dateTime),
    time: mark(formatter.time),
    count: mark(formatter.count),
    bytes: mark(formatter.bytes),
    list: mark(formatter.list),
  };
}

function makeFormatter(language: string, timeZone: string): Formatter {
  const locale = intlLocale(language);
  const dayOptions = (style: DayStyle) => ({ day: "numeric", month: style, year: "numeric" }) as const;
  const calendar = {
    short: new Intl.DateTimeFormat(locale, { ...dayOptions("short"), timeZone: "UTC" }),
    long: new Intl.DateTimeFormat(locale, { ...dayOptions("long"), timeZone: "UTC" }),
  };
  const inZone = {
    short: new Intl.DateTimeFormat(locale, { ...dayOptions("short"), timeZone }),
    long: new Intl.DateTimeFormat(locale, { ...dayOptions("long"), timeZone }),
  };
  const numeric = new Intl.DateTimeFormat(locale, { day: "2-digit", month: "2-digit", year: "numeric", timeZone });
  const clock = { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone, timeZoneName: "shortOffset" } as const;
  const dateTime = new Intl.DateTimeFormat(locale, { ...dayOptions("short"), ...clock });
  const time = new Intl.DateTimeFormat(locale, clock);
  const numbers = new Intl.NumberFormat(locale);
  // "GMT+0" would read as London's winter time: the zone of someone who chose none is UTC.
  const withZone = (format: Intl.DateTimeFormat, value: Moment) =>
    plainSpaces(
      format
        .formatToParts(toDate(value))
        .map((part) => (part.type === "timeZoneName" && timeZone === DEFAULT_TIME_ZONE ? "UTC" : part.value))
        .join(""),
    );
  return {
    language,
    timeZone,
    calendarDay: (value, style = "short") => plainSpaces(calendar[style].format(toDate(value))),
    day: (value, style = "short") => plainSpaces(inZone[style].format(toDate(value))),
    dayNumeric: (value) => plainSpaces(numeric.format(toDate(value))),
    dateTime: (value) => withZone(dateTime, value),
    time: (value) => withZone(time, value),
    count: (n) => plainSpaces(numbers.format(n)),
    bytes: (n) => {
      const [value, unit] = n < 1024 ? [n, "byte"] : n < 1024 * 1024 ? [n / 1024, "kilobyte"] : [n / (1024 * 1024), "megabyte"];
      const digits = unit !== "byte" && value < 10 ? 1 : 0;
      return plainSpaces(
        new Intl.NumberFormat(locale, { style: "unit", unit, unitDisplay: unit === "byte" ? "long" : "short", maximumFractionDigits: digits }).format(value),
      );
    },
    list: (items, type = "conjunction") => plainSpaces(new Intl.ListFormat(locale, { type, style: "long" }).format(items)),
  };
}
