import { useT } from "~/lib/i18n/translate.ts";
import { zoneLabel } from "~/lib/time-zones.ts";
import { useFormat } from "~/lib/use-format.ts";

/**
 * How a due date reads: the calendar day with the zone it ends in, the factory's (due.ts), so
 * that both sides know when "late" starts: "5 Mar 2026 (end of day, Asia/Shanghai)".
 */
export function useDueDate(): (day: string | Date, factoryTimeZone: string) => string {
  const t = useT("correctiveActions");
  const f = useFormat();
  return (day, factoryTimeZone) => t("due.dateInZone", { date: f.calendarDay(day), zone: zoneLabel(factoryTimeZone) });
}
