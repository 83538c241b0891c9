import { useT } from "~/lib/i18n/translate.ts";
import type { InspectionStatus } from "../schemas.ts";

const styles: Record<InspectionStatus, string> = {
  BOOKED: "bg-amber-100 text-amber-900",
  CONFIRMED: "bg-sky-100 text-sky-900",
  SUBMITTED: "bg-indigo-100 text-indigo-900",
  RELEASED: "bg-green-100 text-green-800",
  REJECTED: "bg-red-100 text-red-800",
  ACCEPTED_WITH_DEVIATION: "bg-lime-100 text-lime-900",
  ABORTED: "bg-slate-100 text-slate-700",
};

export function InspectionStatusBadge({ status }: { status: InspectionStatus }) {
  const t = useT("inspections");
  return <span className={`rounded px-2 py-1 text-xs font-semibold ${styles[status]}`}>{t(`status.${status}`)}</span>;
}
