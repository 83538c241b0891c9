import { Resend } from "resend";
import { getEnv } from "./env.server.ts";

export interface OutgoingEmail {
  to: string | string[];
  subject: string;
  html: string;
  text?: string;
  /** Resend keeps it 24 h: a retry with the same key does not send twice. */
  idempotencyKey?: string;
  /** Defaults to EMAIL_FROM. */
  from?: string;
}

export type SendResult = { ok: true; id: string } | { ok: false; retryable: boolean; retryAfterMs?: number; status?: number; message: string };

export interface SendOptions {
  apiKey?: string;
  baseUrl?: string;
  timeoutMs?: number;
}

/** Placeholder key for the local capture endpoint, which ignores it; the SDK refuses to start without one. */
export const CAPTURE_API_KEY = "re_local_capture";

/** Where the SDK sends and with which key: Resend when RESEND_API_KEY is set, else the app's capture endpoint. */
export function resendTarget(options: SendOptions = {}): { apiKey: string; baseUrl: string | undefined } {
  const env = getEnv();
  if (options.apiKey ?? env.RESEND_API_KEY) {
    return { apiKey: (options.apiKey ?? env.RESEND_API_KEY)!, baseUrl: options.baseUrl ?? env.RESEND_BASE_URL };
  }
  return { apiKey: CAPTURE_API_KEY, baseUrl: options.baseUrl ?? env.RESEND_BASE_URL ?? `${env.APP_URL}/dev/capture` };
}

// Worth another try despite a 4xx: a concurrent request with the same key, and key
// problems, which an operator fixes without the email changing.
const retryableNames = new Set(["concurrent_idempotent_requests", "missing_api_key", "invalid_api_key", "restricted_api_key"]);
// Wrong whatever the timing. Consulted when the status is unknown (the SDK passes an error
// body through as is, and a proxy's may lack statusCode; no answer at all has none).
const permanentNames = new Set([
  "validation_error",
  "missing_required_field",
  "invalid_parameter",
  "invalid_attachment",
  "invalid_from_address",
  "invalid_idempotency_key",
  "invalid_idempotent_request",
  "not_found",
  "method_not_allowed",
  "security_error",
]);

/** The one way the app sends email. Never throws for provider or network failures: it returns them. */
export async function sendEmail(email: OutgoingEmail, options: SendOptions = {}): Promise<SendResult> {
  const { apiKey, baseUrl } = resendTarget(options);
  // Passed explicitly (not left to the SDK's own RESEND_BASE_URL read) so that getEnv() stays the one source.
  const resend = new Resend(apiKey, baseUrl ? { baseUrl: baseUrl.replace(/\/+$/, "") } : undefined);
  const { data, error, headers } = await resend.emails.send(
    {
      from: email.from ?? getEnv().EMAIL_FROM,
      to: email.to,
      subject: email.subject,
      html: email.html,
      ...(email.text === undefined ? {} : { text: email.text }),
    },
    {
      ...(email.idempotencyKey ? { idempotencyKey: email.idempotencyKey } : {}),
      signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
    },
  );
  if (!error) {
    // Resend always answers with an id; without one we cannot tell, and a retry under the same key is safe.
    return data?.id ? { ok: true, id: data.id } : { ok: false, retryable: true, message: "Email API answered without an id" };
  }
  const status = typeof error.statusCode === "number" ? error.statusCode : undefined;
  const retryable = status === undefined ? !permanentNames.has(error.name) : status === 429 || status >= 500 || retryableNames.has(error.name);
  const retryAfterMs = parseRetryAfter(headers?.["retry-after"]);
  return {
    ok: false,
    retryable,
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    ...(status === undefined ? {} : { status }),
    message: `${status ? `${status} ` : ""}${error.name ?? "error"}: ${error.message ?? "unknown error"}`,
  };
}

/** `Retry-After` is either seconds or an HTTP date. */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return seconds >= 0 ? Math.round(seconds * 1000) : undefined;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
