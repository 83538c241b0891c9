/** A file, shown inline (images, PDFs) or, with `download`, saved under its name. */
export const filePath = (orgSlug: string, fileId: string, options: { download?: boolean } = {}) =>
  `/${orgSlug}/files/${encodeURIComponent(fileId)}${options.download ? "?download" : ""}`;
