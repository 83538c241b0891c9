import { z } from "zod";
import { message } from "./i18n/message.ts";

export const HOUR_MS = 60 * 60 * 1000;
export const DAY_MS = 24 * HOUR_MS;

/** "2025-03-05": the UTC day of a moment, as date inputs, query strings and the database exchange it. */
export const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/** Business dates (due dates, inspection days, report periods) fall in these years. */
export const BUSINESS_YEARS = { first: 2000, last: 2100 } as const;

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The state of a typed YYYY-MM-DD day: its UTC midnight, or why it is not one. */
export function readBusinessDay(value: string): { ok: true; date: Date } | { ok: false; problem: "format" | "no-such-day" | "out-of-range" } {
  const match = DAY_PATTERN.exec(value);
  if (!match) return { ok: false, problem: "format" };
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  if (y < BUSINESS_YEARS.first || y > BUSINESS_YEARS.last) return { ok: false, problem: "out-of-range" };
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return { ok: false, problem: "no-such-day" };
  return { ok: true, date };
}

/**
 * The one schema for a typed business date (YYYY-MM-DD, a real day, 2000–2100). Every form
 * uses it, so what the browser accepts the database can store. `requiredMessage` (a message())
 * says which date is missing; without one it is "Enter the date".
 */
export function businessDaySchema(requiredMessage: string = message("common", "validation.date.required")) {
  return z
    .string({ required_error: requiredMessage })
    .regex(DAY_PATTERN, message("common", "validation.date.format"))
    .superRefine((value, ctx) => {
      const day = readBusinessDay(value);
      // A wrong spelling has its message from the pattern already: one message per mistake.
      if (day.ok || day.problem === "format") return;
      ctx.addIssue({
        code: "custom",
        message:
          day.problem === "out-of-range"
            ? message("common", "validation.date.outOfRange", { first: BUSINESS_YEARS.first, last: BUSINESS_YEARS.last })
            : message("common", "validation.date.noSuchDay"),
      });
    });
}
