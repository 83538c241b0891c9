/** A column, by its label, with classes of its own (a width) where it needs them. */
export type ColumnHeader = string | { label: string; className: string };

/** A table's header row: one `th scope="col"` a column. */
export function ColumnHeaders({
  headers,
  className,
  rowClassName,
  cellClassName,
}: {
  headers: readonly ColumnHeader[];
  className?: string;
  rowClassName?: string;
  cellClassName: string;
}) {
  return (
    <thead className={className}>
      <tr className={rowClassName}>
        {headers.map((header) => {
          const { label, className: own } = typeof header === "string" ? { label: header, className: "" } : header;
          return (
            <th key={label} scope="col" className={own ? `${own} ${cellClassName}` : cellClassName}>
              {label}
            </th>
          );
        })}
      </tr>
    </thead>
  );
}
