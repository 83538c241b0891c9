import { Link, useLocation } from "@remix-run/react";
import { PAGE_SIZES, pageSizeFromUrl } from "~/lib/pagination.ts";

export function Pagination({ page, pageCount, total }: { page: number; pageCount: number; total?: number }) {
  const location = useLocation();
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
    <nav className="mt-4 flex flex-wrap items-center justify-between gap-2 text-sm" aria-label="Pagination">
      {page > 1 ? (
        <Link className="btn-secondary" to={href({ page: String(page - 1) })} rel="prev">
          ← Previous
        </Link>
      ) : (
        <span />
      )}
      <span className="flex flex-wrap items-center gap-x-3 text-slate-600">
        <span>
          Page {page} of {pageCount}
        </span>
        {showSizes ? (
          <span>
            Per page:{" "}
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
          Next →
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
