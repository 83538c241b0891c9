import { Link, useLocation } from "@remix-run/react";
import { PAGE_SIZES, pageSizeFromUrl } from "~/lib/pagination.ts";
import { useT } from "~/lib/i18n/translate.ts";

export function Pagination({ page, pageCount, total }: { page: number; pageCount: number; total?: number }) {
  const location = useLocation();
  const t = useT("common");
  // The same reading of ?size= as the loader's, so an odd value shows as the default it means.
  const size = pageSizeFromUrl(`http://portal${location.search}`);
  const href = (changes: Record<string, string>) => {
    const next = new URLSearchParams(location.search);
    for (const [key, value] of Object.entries(changes)) next.set(key, value);
    return `${location.pathname}?${next}`;
  };
  // The size choice only helps once there is more than the smallest page.
  const showSizes = total === undefined ? pageCount > 1 : total > PAGE_SIZES[0];
  if (pageCount <= 1 && !showSizes) return null;
  return (
    <nav className="mt-4 flex flex-wrap items-center justify-between gap-2 text-sm" aria-label={t("pagination.label")}>
      {page > 1 ? (
        <Link className="btn-secondary" to={href({ page: String(page - 1) })} rel="prev">
          {t("pagination.previous")}
        </Link>
      ) : (
        <span />
      )}
      <span className="flex flex-wrap items-center gap-x-3 text-slate-600">
        <span>{t("pagination.page", { page, pageCount })}</span>
        {showSizes ? (
          <span>
            {t("pagination.perPage")}{" "}
            {PAGE_SIZES.map((option) =>
              option === size ? (
                <span key={option} className="mx-0.5 font-semibold text-slate-900" aria-current="true">
                  {option}
                </span>
              ) : (
                <Link key={option} className="mx-0.5 underline" to={href({ size: String(option), page: "1" })}>
                  {option}
                </Link>
              ),
            )}
          </span>
        ) : null}
      </span>
      {page < pageCount ? (
        <Link className="btn-secondary" to={href({ page: String(page + 1) })} rel="next">
          {t("pagination.next")}
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
