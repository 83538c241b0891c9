import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { Pagination } from "./pagination.tsx";

/** What a row shows: the record's name, a line of detail under it, and badges at the end. */
export interface RecordRow {
  title: ReactNode;
  detail: ReactNode;
  badges?: ReactNode;
}

/**
 * A list page's records, each row a link to the record's page; `empty` when there is none;
 * the page links below.
 */
export function RecordList<T extends { id: string }>({
  list,
  rowTestId,
  to,
  row,
  empty,
}: {
  list: { items: readonly T[]; page: number; pageCount: number; total: number };
  rowTestId: string;
  to: (item: T) => string;
  row: (item: T) => RecordRow;
  empty: ReactNode;
}) {
  return (
    <>
      {list.items.length === 0 ? (
        empty
      ) : (
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
          {list.items.map((item) => {
            const { title, detail, badges } = row(item);
            return (
              <li key={item.id} data-testid={rowTestId}>
                <Link to={to(item)} className="flex flex-wrap items-center gap-x-4 gap-y-1 p-4 hover:bg-slate-50">
                  <span className="min-w-0 flex-1">
                    <span className="block truncate font-medium">{title}</span>
                    <span className="block text-sm text-slate-600">{detail}</span>
                  </span>
                  {badges ? <span className="flex flex-wrap gap-2 text-xs">{badges}</span> : null}
                </Link>
              </li>
            );
          })}
        </ul>
      )}
      <Pagination page={list.page} pageCount={list.pageCount} total={list.total} />
    </>
  );
}
