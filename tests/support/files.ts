// Real files for upload tests: uploads are checked by their content, so each is well formed.
import { createHash } from "node:crypto";

/** A real one-page PDF. */
export const ONE_PAGE_PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [3 0 R] /Count 1>> endobj\n" +
    "3 0 obj <</Type /Page /Parent 2 0 R /MediaBox [0 0 72 72]>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n",
);

/** A 1×1 PNG. */
export const TINY_PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64");

export const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

/** `bytes` as the File a browser's form sends. */
export const fileOf = (bytes: Buffer, name: string, type = "application/octet-stream") => new File([new Uint8Array(bytes)], name, { type });

/** The spec editor's upload form as a browser posts it, with one PDF drawing. */
export function drawingUploadForm(name = "Drawing rev A.pdf") {
  const form = new FormData();
  form.set("intent", "upload");
  form.set("files", fileOf(ONE_PAGE_PDF, name, "application/pdf"));
  return form;
}
