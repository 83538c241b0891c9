// Reading stored files back out. A file is readable by its uploader's org
// (the ability's rule) or by whoever may read the record it belongs to: each
// capability registers a resolver for its owner type (a spec version shared
// with a factory, a comment on a thread, …), so the download route never needs
// to know every feature.
import { Readable } from "node:stream";
import type { Attachment } from "~/generated/prisma/client.ts";
import { asSubject } from "~/lib/ability.ts";
import { prisma } from "~/lib/db.server.ts";
import { forbidden, notFound } from "~/lib/http.server.ts";
import { getStorage } from "~/lib/storage.server.ts";
import type { TenantContext } from "~/lib/tenant.server.ts";
import { FILE_TYPES, fileKindOf } from "./file-types.ts";
import { accountTranslator } from "~/lib/i18n/translate.server.ts";

export type AttachmentContext = Pick<TenantContext, "user" | "org" | "role" | "ability">;

/** Says whether the user of `ctx` may read the owner record (and so its files). */
export type OwnerReadCheck = (ctx: AttachmentContext, ownerId: string, attachment: Pick<Attachment, "id">) => Promise<boolean>;

const owners = new Map<string, OwnerReadCheck>();

/** Called once per owner type at module load by the feature that owns it. */
export function registerAttachmentOwner(ownerType: string, canRead: OwnerReadCheck) {
  owners.set(ownerType, canRead);
}

export async function canReadAttachment(ctx: AttachmentContext, attachment: Attachment) {
  if (ctx.ability.can("read", asSubject("Attachment", attachment))) return true;
  const check = owners.get(attachment.ownerType);
  return check ? check(ctx, attachment.ownerId, attachment) : false;
}

/** The attachment if this user may read it; otherwise 404, whether or not it exists. */
export async function getAttachmentForDownload(ctx: AttachmentContext, attachmentId: string | undefined): Promise<Attachment> {
  if (!attachmentId || !/^[A-Za-z0-9_-]{1,64}$/.test(attachmentId)) notFound(accountTranslator(ctx.user, "attachments")("refusal.fileNotFound"));
  const attachment = await prisma.attachment.findUnique({ where: { id: attachmentId } });
  if (!attachment || !(await canReadAttachment(ctx, attachment))) notFound(accountTranslator(ctx.user, "attachments")("refusal.fileNotFound"));
  return attachment;
}

/** The stored bytes as a web stream, ready to be a Response body. */
export async function openAttachmentStream(attachment: Pick<Attachment, "id" | "storageKey">): Promise<ReadableStream<Uint8Array>> {
  const stream = await getStorage().get(attachment.storageKey);
  if (!stream) {
    // A row without its blob: storage was restored from an older backup or edited by hand.
    console.error(`Attachment ${attachment.id} has no stored file (${attachment.storageKey})`);
    notFound("File not found");
  }
  return Readable.toWeb(stream) as ReadableStream<Uint8Array>;
}

/**
 * Removes a file: allowed to those who may upload for the uploader's org
 * (non-viewers), the same people who could replace it. Whether the owner
 * record still accepts changes (a published version does not) is the
 * caller's check. The row goes first: a blob without a row is harmless, the
 * reverse is a broken link.
 */
export async function deleteAttachment(ctx: AttachmentContext, attachmentId: string): Promise<Attachment> {
  const attachment = await getAttachmentForDownload(ctx, attachmentId);
  if (!ctx.ability.can("create", asSubject("Attachment", attachment))) forbidden(accountTranslator(ctx.user, "attachments")("refusal.removeFile"));
  await prisma.attachment.delete({ where: { id: attachment.id } });
  try {
    await getStorage().delete(attachment.storageKey);
  } catch (error) {
    console.error(`Could not remove the stored file of attachment ${attachment.id}:`, error);
  }
  return attachment;
}

// ---- Download response headers ----

/** Quoted-string fallback for old clients: ASCII only, no quotes, backslashes or percent signs. */
function asciiFileName(name: string) {
  const ascii = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^\x20-\x7e]|["\\%;]/g, "_");
  return ascii.replace(/_+/g, "_") || "file";
}

// RFC 5987 value characters: encodeURIComponent leaves a few that must be escaped.
const encodeRfc5987 = (name: string) => encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

export function contentDisposition(disposition: "inline" | "attachment", name: string) {
  return `${disposition}; filename="${asciiFileName(name)}"; filename*=UTF-8''${encodeRfc5987(name)}`;
}

// Served to the browser's PDF viewer: no scripts, no network, no same-origin access.
const PDF_CSP = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox";

/** Response headers for a download; images and PDFs show in the browser unless `download` is asked. */
export function downloadHeaders(attachment: Pick<Attachment, "name" | "contentType" | "size" | "sha256">, options: { download?: boolean } = {}) {
  const kind = fileKindOf(attachment.contentType);
  // A content type this module did not sniff (an old or hand-made row) is never rendered.
  const contentType = kind ? FILE_TYPES[kind].contentType : "application/octet-stream";
  const inline = !options.download && kind !== null && FILE_TYPES[kind].inline;
  const headers = new Headers({
    "Content-Type": contentType,
    "Content-Length": String(attachment.size),
    "Content-Disposition": contentDisposition(inline ? "inline" : "attachment", attachment.name),
    "X-Content-Type-Options": "nosniff",
    // Revalidated on every view, so that the read check runs every time: a factory whose
    // partnership ended gets a 404, not a cached drawing. The ETag keeps that cheap (304).
    "Cache-Control": "private, no-cache",
    ETag: `"${attachment.sha256}"`,
  });
  if (inline && kind === "pdf") headers.set("Content-Security-Policy", PDF_CSP);
  return headers;
}

/** True when the browser's cached copy (If-None-Match) is this file. */
export function isNotModified(request: Request, sha256: string) {
  const header = request.headers.get("if-none-match");
  if (!header) return false;
  return header.split(",").some((tag) => {
    const value = tag.trim().replace(/^W\//, "");
    return value === "*" || value === `"${sha256}"`;
  });
}
