import { parseWithZod } from "@conform-to/zod";
import { data } from "@remix-run/node";
import type { z } from "zod";
import { message } from "./i18n/message.ts";
import { checkFormIntent, checkFormLimits, checkFormShape, type ShapeOptions } from "./form-shape.server.ts";

export const FORM_LIMIT_BYTES = 64 * 1024;

/** The body as text, or null as soon as it passes `limit` bytes (declared or streamed). */
export async function readBodyText(request: Request, limit: number): Promise<string | null> {
  const bytes = await readBodyBytes(request, limit);
  return bytes === null ? null : bytes.toString("utf8");
}

async function readBodyBytes(request: Request, limit: number): Promise<Buffer | null> {
  if (Number(request.headers.get("content-length") ?? 0) > limit) return null;
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

// PostgreSQL cannot store NUL in text; no person types one.
export const withoutNul = (text: string) => text.replace(/\u0000/g, "");

/**
 * Reads a posted form with a size cap. Oversize forms answer 413 and
 * unreadable ones 400, instead of a 500 from deep inside the parser.
 */
export async function readForm(request: Request, limit = FORM_LIMIT_BYTES): Promise<FormData> {
  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > limit) throw data(message("common", "form.tooLarge"), { status: 413 });
  const type = (request.headers.get("content-type") ?? "").toLowerCase();
  // Browsers send forms as UTF-8; a body in another charset would be read as garbage.
  const charset = /;\s*charset="?([^";\s]+)/.exec(type)?.[1];
  if (charset && charset !== "utf-8" && charset !== "utf8") throw data(message("common", "form.notUtf8", { encoding: "UTF-8" }), { status: 415 });
  const form = await readFormBody(request, type, limit);
  checkFormLimits(form);
  return form;
}

async function readFormBody(request: Request, type: string, limit: number): Promise<FormData> {
  if (type.startsWith("application/x-www-form-urlencoded") || type === "") {
    const text = await readBodyText(request, limit);
    if (text === null) throw data(message("common", "form.tooLarge"), { status: 413 });
    const form = new FormData();
    for (const [key, value] of new URLSearchParams(text)) form.append(withoutNul(key), withoutNul(value));
    return form;
  }
  if (type.startsWith("multipart/form-data")) {
    // Counted as it streams, like a web form: a chunked body declares no length.
    const bytes = await readBodyBytes(request, limit);
    if (bytes === null) throw data(message("common", "form.tooLarge"), { status: 413 });
    if (countParts(bytes, request.headers.get("content-type")!) > MULTIPART_MAX_PARTS) throw data(message("common", "form.tooManyParts"), { status: 413 });
    let parsed: FormData;
    try {
      parsed = await new Response(new Uint8Array(bytes), { headers: { "content-type": request.headers.get("content-type")! } }).formData();
    } catch {
      throw data(message("common", "form.unreadable"), { status: 400 });
    }
    const form = new FormData();
    for (const [key, value] of parsed) form.append(withoutNul(key), typeof value === "string" ? withoutNul(value) : value);
    return form;
  }
  throw data(message("common", "form.notWebForm"), { status: 415 });
}

// Multipart forms here carry a file and a few fields; the parser works through every part in
// one go, so thousands of tiny parts would hold the event loop.
const MULTIPART_MAX_PARTS = 200;

/** How many parts a multipart body has, counted by its boundary lines before any parsing. */
function countParts(bytes: Buffer, contentType: string): number {
  const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
  if (!boundary) return 0;
  const delimiter = Buffer.from(`--${boundary}`);
  let count = 0;
  for (let at = bytes.indexOf(delimiter); at !== -1; at = bytes.indexOf(delimiter, at + delimiter.length)) count++;
  return Math.max(0, count - 1);
}

/**
 * The one way the server turns a form into a conform submission: the form's shape is checked
 * against the schema first (unknown names, list positions past a list's `max`, conform's
 * intent field), and anything the parser still cannot make sense of is a 400, never a 500.
 */
export function parseSubmission<Schema extends z.ZodTypeAny>(formData: FormData, schema: Schema, options: ShapeOptions = {}) {
  checkFormIntent(formData, schema);
  checkFormShape(formData, schema, options);
  try {
    return parseWithZod(formData, { schema });
  } catch {
    throw data(message("common", "form.unreadable"), { status: 400 });
  }
}
