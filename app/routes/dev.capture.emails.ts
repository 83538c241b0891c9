import type { ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { prisma } from "~/lib/db.server.ts";
import { readBodyText } from "~/lib/forms.server.ts";
import { requireMailCapture } from "~/lib/mail-capture.server.ts";

// Stands in for Resend's `POST /emails` while no RESEND_API_KEY is set, so development,
// the demo and tests exercise the real SDK over real HTTP. Errors use Resend's shape
// ({ statusCode, name, message }) so the SDK reports them as it would Resend's.

const MAX_BODY_BYTES = 2 * 1024 * 1024;

const address = z.string().trim().min(3).max(320);
const payload = z
  .object({
    from: address,
    to: z.union([address, z.array(address).min(1).max(50)]),
    subject: z.string().min(1).max(998),
    html: z.string().optional(),
    text: z.string().optional(),
  })
  .refine((p) => p.html !== undefined || p.text !== undefined, { message: "html or text is required", path: ["html"] });

const fail = (statusCode: number, name: string, message: string) => Response.json({ statusCode, name, message }, { status: statusCode });
const notFound = () => new Response("Not Found", { status: 404 });

export const loader = () => notFound();

export async function action({ request, context }: ActionFunctionArgs) {
  requireMailCapture(context);
  if (request.method !== "POST") return fail(405, "method_not_allowed", "Use POST");

  const body = await readBodyText(request, MAX_BODY_BYTES);
  if (body === null) return fail(413, "validation_error", `Body is larger than ${MAX_BODY_BYTES} bytes`);
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return fail(400, "validation_error", "Body is not valid JSON");
  }
  const parsed = payload.safeParse(json);
  if (!parsed.success) {
    return fail(400, "validation_error", parsed.error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; "));
  }
  const key = request.headers.get("idempotency-key") || null;
  if (key && key.length > 256) return fail(400, "invalid_idempotency_key", "Idempotency-Key must be at most 256 characters");

  const { from, to, subject, html, text } = parsed.data;
  // PostgreSQL cannot store NUL in text.
  const clean = (value: string) => value.replace(/\u0000/g, "");
  const row = {
    from: clean(from),
    to: clean(Array.isArray(to) ? to.join(", ") : to),
    subject: clean(subject),
    html: clean(html ?? ""),
    text: text == null ? null : clean(text),
    idempotencyKey: key,
  };
  if (!key) {
    const { id } = await prisma.capturedEmail.create({ data: row, select: { id: true } });
    return Response.json({ id });
  }
  // The column is not unique, so a transaction-scoped advisory lock on the key makes
  // "look up, else insert" safe when two requests with the same key arrive together.
  const id = await prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${key}))`;
    const existing = await tx.capturedEmail.findFirst({ where: { idempotencyKey: key }, select: { id: true } });
    return existing?.id ?? (await tx.capturedEmail.create({ data: row, select: { id: true } })).id;
  });
  return Response.json({ id });
}
