// Files the portal generates for download (CSV exports). Uploaded files have their own
// headers in features/attachments.

/** A file-name part in plain ASCII: anything else becomes "-", so no header can be broken or spoofed. */
export function asciiFileNamePart(value: string, maxLength: number) {
  return (
    value
      .normalize("NFKD")
      .replace(/[^A-Za-z0-9._-]+/g, "-")
      .replace(/^[-.]+|-+$/g, "")
      .slice(0, maxLength) || "x"
  );
}

// A spreadsheet runs a cell starting like a formula (the full-width forms too); a leading
// apostrophe keeps it text. Plain numbers such as "-0.05" are not formulas and stay numbers.
const CSV_FORMULA_START = /^[=+\-@\t\r＝＋－＠]/;
const CSV_PLAIN_NUMBER = /^[+-]?\d+(\.\d+)?$/;

function csvField(value: string | number | null): string {
  let cell = value === null ? "" : String(value);
  if (CSV_FORMULA_START.test(cell) && !CSV_PLAIN_NUMBER.test(cell)) cell = `'${cell}`;
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** Rows as CSV text (CRLF lines, quoted where needed, formulas kept as text); the first row is the header. */
export function csvTable(rows: readonly (readonly (string | number | null)[])[]): string {
  return `${rows.map((row) => row.map(csvField).join(",")).join("\r\n")}\r\n`;
}

/** A CSV export as a download, named `fileName` (build it from asciiFileNamePart); never cached, never sniffed. */
export function csvDownload(body: string, fileName: string) {
  return new Response(body, {
    status: 200,
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}
