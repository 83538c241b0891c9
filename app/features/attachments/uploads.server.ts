// Receiving files: every part of a multipart form is streamed straight to
// storage (never held in memory), measured, hashed and type-checked by its
// bytes on the way. Rows are written only once every part has passed; any
// failure removes the blobs already stored, so a rejected upload leaves nothing.
import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import { data, unstable_parseMultipartFormData, type UploadHandlerPart } from "@remix-run/node";
import type { Attachment } from "~/generated/prisma/client.ts";
import { asSubject } from "~/lib/ability.ts";
import { prisma, type Tx } from "~/lib/db.server.ts";
import { getEnv } from "~/lib/env.server.ts";
import { requestLanguage } from "~/lib/i18n/language.server.ts";
import { message } from "~/lib/i18n/message.ts";
import { translateMessage, translatorFor } from "~/lib/i18n/translate.server.ts";
import { checkFormLimits } from "~/lib/form-shape.server.ts";
import { FORM_LIMIT_BYTES, withoutNul } from "~/lib/forms.server.ts";
import { getStorage, newStorageKey } from "~/lib/storage.server.ts";
import type { TenantContext } from "~/lib/tenant.server.ts";
import { describeKinds, FILE_KINDS, type FileKind, formatBytes, sanitizeFileName, SNIFF_BYTES, sniffFileType } from "./file-types.ts";

export type UploadContext = Pick<TenantContext, "user" | "org" | "ability">;

export interface AttachmentOwner {
  ownerType: string;
  ownerId: string;
}

export interface UploadOptions {
  /** Names of the file inputs; a file under any other name is refused. */
  fields: string[];
  /** Per file; defaults to UPLOAD_MAX_BYTES. */
  maxBytes?: number;
  maxFiles?: number;
  allowed?: readonly FileKind[];
  /**
   * A file the user must replace (wrong type, too large, empty, one too many) is skipped and
   * named in `refused` instead of failing the whole form, so the page can answer with its
   * text fields as typed. Limits on the whole request still refuse it outright.
   */
  keepForm?: boolean;
}

/** The files `keepForm` skipped: by file input name, and the status the answer should carry. */
export interface RefusedFiles {
  status: 400 | 413 | 415;
  fieldErrors: Record<string, string[]>;
}

export interface StoredFile {
  field: string;
  name: string;
  contentType: string;
  size: number;
  sha256: string;
  storageKey: string;
}

export interface StagedUploads {
  /** The text fields of the form. */
  form: FormData;
  files: StoredFile[];
  /** With `keepForm`: the files that were refused (nothing should be saved then; `discard`). */
  refused?: RefusedFiles;
  /** Writes the Attachment rows in the caller's transaction, grouped by field name. */
  save(tx: Tx, owner: AttachmentOwner): Promise<Record<string, Attachment[]>>;
  /** Removes the stored blobs: call it when the form is invalid or the transaction failed. */
  discard(): Promise<void>;
}

/** A refusal the user can act on; becomes a 4xx with this message (a catalogue message, see message.ts). */
class Rejected extends Error {
  constructor(
    message: string,
    readonly status: 400 | 403 | 413 | 415,
  ) {
    super(message);
  }
}

/** One file is refused, not the request: with `keepForm` the rest of the form is still read. */
class FileRejected extends Rejected {
  declare readonly status: 400 | 413 | 415;
  constructor(message: string, status: 400 | 413 | 415) {
    super(message, status);
  }
}

/** The storage itself failed (disk full, bucket down): a real 500, not the user's fault. */
class StorageFailure extends Error {
  constructor(readonly cause: unknown) {
    super("Storage failed", { cause });
  }
}

// No upload form comes near this many text fields (a comment has four, a defect example six).
const MAX_TEXT_PARTS = 200;

// Room for part headers and boundaries on top of the files and text fields.
const MULTIPART_OVERHEAD = 64 * 1024;

/** Caps the whole body, for requests without a Content-Length (chunked) or lying about it. */
function limitBody(body: ReadableStream<Uint8Array>, limit: number) {
  let seen = 0;
  return body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        seen += chunk.byteLength;
        if (seen > limit) controller.error(new Rejected(message("attachments", "upload.tooLarge"), 413));
        else controller.enqueue(chunk);
      },
    }),
  );
}

async function deleteBlobs(keys: string[]) {
  const storage = getStorage();
  const results = await Promise.allSettled(keys.map((key) => storage.delete(key)));
  for (const result of results) {
    if (result.status === "rejected") console.error("Could not remove an uploaded file after a failed upload:", result.reason);
  }
}

/**
 * Streams the uploaded files of a multipart form to storage without writing
 * any rows yet. Use it when the owner record is created from the same form
 * (a comment with attachments): validate the text fields, then `save` inside
 * the transaction that creates the owner, and `discard` if anything fails.
 * Throws a 4xx `data(message)` for anything the user must fix, in the sender's language; a file
 * `keepForm` skips is named in `refused` by a catalogue message, for the page to write.
 */
export async function stageUploads(request: Request, ctx: UploadContext, options: UploadOptions): Promise<StagedUploads> {
  const maxBytes = options.maxBytes ?? getEnv().UPLOAD_MAX_BYTES;
  const maxFiles = options.maxFiles ?? 10;
  const allowed = options.allowed ?? FILE_KINDS;
  const orgId = ctx.org.id;
  // A thrown answer is shown as it is (the error page), so it is written here, in the sender's language.
  const language = requestLanguage(request, ctx.user);
  const t = translatorFor(language, "attachments");

  // The ability's rule is per org; whether this owner record may get files is the caller's check.
  if (!ctx.ability.can("create", asSubject("Attachment", { orgId, uploadedById: ctx.user.id }))) {
    throw data(t("upload.notAllowed"), { status: 403 });
  }
  const contentType = request.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data\s*;\s*boundary=/i.test(contentType)) {
    throw data(t("upload.notMultipart"), { status: 415 });
  }
  const requestLimit = maxFiles * maxBytes + FORM_LIMIT_BYTES + MULTIPART_OVERHEAD;
  const tooLarge = message("attachments", "upload.tooManyFiles", { maxFiles, size: formatBytes(maxBytes) });
  if (Number(request.headers.get("content-length") ?? 0) > requestLimit) throw data(translateMessage(language, tooLarge), { status: 413 });
  if (!request.body) throw data(t("upload.empty"), { status: 400 });

  const storage = getStorage();
  const files: StoredFile[] = [];
  // Every key a write was started for, so a failure can remove partial work too.
  const keys: string[] = [];
  let textBytes = 0;
  let textParts = 0;
  let fileCount = 0;
  let refused: RefusedFiles | undefined;

  async function readText(part: UploadHandlerPart) {
    const chunks: Uint8Array[] = [];
    // Upload forms carry a handful of text fields; thousands of tiny parts would keep the
    // multipart parser busy long after the byte limit is checked.
    if (++textParts > MAX_TEXT_PARTS) throw new Rejected(message("attachments", "upload.tooManyFields"), 413);
    textBytes += part.name.length;
    for await (const chunk of part.data) {
      textBytes += chunk.byteLength;
      if (textBytes > FORM_LIMIT_BYTES) throw new Rejected(message("attachments", "upload.formTooLarge"), 413);
      chunks.push(chunk);
    }
    return withoutNul(Buffer.concat(chunks).toString("utf8"));
  }

  async function storeFile(part: UploadHandlerPart, name: string): Promise<StoredFile> {
    const source = part.data[Symbol.asyncIterator]();
    let sourceError: unknown;
    let done = false;
    const pull = async () => {
      try {
        const next = await source.next();
        done ||= Boolean(next.done);
        return next;
      } catch (error) {
        sourceError = error;
        throw error;
      }
    };
    // A refused file's remaining bytes are read and dropped, so the parser reaches the fields after
    // it; the whole-body cap still bounds how much that can be.
    const refuse = async (message: string, status: 400 | 413 | 415): Promise<never> => {
      if (options.keepForm) while (!done) await pull();
      throw new FileRejected(message, status);
    };
    // Read just enough to decide the type before anything is written.
    const head: Uint8Array[] = [];
    let headSize = 0;
    let ended = false;
    while (headSize < SNIFF_BYTES) {
      const next = await pull();
      if (next.done) {
        ended = true;
        break;
      }
      head.push(next.value);
      headSize += next.value.byteLength;
    }
    if (headSize === 0) return refuse(message("attachments", "upload.fileEmpty", { name }), 400);
    const type = sniffFileType(Buffer.concat(head), name);
    if (!type || !allowed.includes(type.kind)) {
      return refuse(message("attachments", "upload.fileType", { name, kinds: describeKinds(allowed, language) }), 415);
    }

    const hash = createHash("sha256");
    let size = 0;
    async function* measured() {
      const chunks = async function* () {
        yield* head;
        if (ended) return;
        for (let next = await pull(); !next.done; next = await pull()) yield next.value;
      };
      for await (const chunk of chunks()) {
        size += chunk.byteLength;
        // Checked before the chunk is written: storage never holds more than the limit.
        if (size > maxBytes) throw new FileRejected(message("attachments", "upload.fileTooLarge", { name, size: formatBytes(maxBytes) }), 413);
        hash.update(chunk);
        yield chunk;
      }
    }
    const storageKey = newStorageKey(orgId);
    keys.push(storageKey);
    try {
      await storage.put(storageKey, Readable.from(measured(), { objectMode: false }), { contentType: type.contentType });
    } catch (error) {
      if (error instanceof FileRejected) return refuse(error.message, error.status);
      if (error instanceof Rejected) throw error;
      if (sourceError !== undefined) throw sourceError;
      throw new StorageFailure(error);
    }
    return { field: part.name, name, contentType: type.contentType, size, sha256: hash.digest("hex"), storageKey };
  }

  async function handlePart(part: UploadHandlerPart) {
    if (typeof part.filename !== "string") return readText(part);
    if (part.filename === "") {
      // A file input left empty: browsers send the part with no name and no bytes.
      await readText(part);
      return undefined;
    }
    const name = sanitizeFileName(part.filename);
    if (!options.fields.includes(part.name)) throw new Rejected(message("attachments", "upload.wrongField", { name }), 400);
    fileCount += 1;
    try {
      if (fileCount > maxFiles) {
        if (options.keepForm) for await (const _chunk of part.data); // dropped, to read on
        throw new FileRejected(tooLarge, 413);
      }
      files.push(await storeFile(part, name));
    } catch (error) {
      if (!(options.keepForm && error instanceof FileRejected)) throw error;
      const skipped = (refused ??= { status: error.status, fieldErrors: {} });
      (skipped.fieldErrors[part.name] ??= []).push(error.message);
    }
    return undefined;
  }

  let form: FormData;
  try {
    const limited = new Request(request.url, {
      method: request.method,
      headers: request.headers,
      body: limitBody(request.body, requestLimit),
      duplex: "half",
    } as RequestInit);
    form = await unstable_parseMultipartFormData(limited, handlePart);
  } catch (error) {
    await deleteBlobs(keys);
    if (error instanceof Rejected) throw data(translateMessage(language, error.message), { status: error.status });
    if (error instanceof StorageFailure) throw error.cause;
    // The multipart parser splits the part header naively: a name with ";" or "=" breaks it.
    const badName = error instanceof Error && /content-disposition/.test(error.message);
    throw data(t(badName ? "upload.unreadableFileName" : "upload.unreadable"), { status: 400 });
  }
  try {
    checkFormLimits(form);
  } catch (error) {
    await deleteBlobs(keys);
    throw error;
  }

  return {
    form,
    files,
    refused,
    async save(tx, owner) {
      const grouped: Record<string, Attachment[]> = Object.fromEntries(options.fields.map((field) => [field, []]));
      for (const { field, ...file } of files) {
        const row = await tx.attachment.create({ data: { ...file, ...owner, orgId, uploadedById: ctx.user.id } });
        grouped[field]!.push(row);
      }
      return grouped;
    },
    discard: () => deleteBlobs(keys),
  };
}

/**
 * Receives the files of a multipart form for one owner record: stores them,
 * records an Attachment row each (one transaction) and returns the form's
 * text fields with the new rows grouped by file input name.
 */
export async function receiveUploads(
  request: Request,
  ctx: UploadContext,
  options: UploadOptions & AttachmentOwner,
): Promise<{ form: FormData; attachments: Record<string, Attachment[]>; refused?: RefusedFiles }> {
  const staged = await stageUploads(request, ctx, options);
  if (staged.refused) {
    await staged.discard();
    return { form: staged.form, attachments: {}, refused: staged.refused };
  }
  try {
    const owner = { ownerType: options.ownerType, ownerId: options.ownerId };
    const attachments = await prisma.$transaction((tx) => staged.save(tx, owner));
    return { form: staged.form, attachments };
  } catch (error) {
    await staged.discard();
    throw error;
  }
}
