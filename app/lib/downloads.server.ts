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
