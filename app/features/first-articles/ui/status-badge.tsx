import { useT } from "~/lib/i18n/translate.ts";

const styles = {
  DRAFT: "bg-slate-100 text-slate-700",
  SUBMITTED: "bg-sky-100 text-sky-900",
  APPROVED: "bg-green-100 text-green-800",
  CONDITIONALLY_APPROVED: "bg-lime-100 text-lime-900",
  REJECTED: "bg-red-100 text-red-800",
  WITHDRAWN: "bg-slate-100 text-slate-600 line-through",
} as const;

export function FaStatusBadge({ status }: { status: keyof typeof styles }) {
  const t = useT("firstArticles");
  return <span className={`rounded px-2 py-1 text-xs font-semibold ${styles[status]}`}>{t(`status.${status}`)}</span>;
}
