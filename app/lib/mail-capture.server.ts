import { clientAddressOf } from "./client-address.server.ts";
import { getEnv } from "./env.server.ts";
import { notFound } from "./http.server.ts";

const LOOPBACK = new Set(["127.0.0.1", "::1", "::ffff:127.0.0.1"]);

/**
 * The local capture endpoint and mailbox exist only while no email provider
 * is configured. In production mode (the demo) they also answer only to this
 * machine, so a server left without RESEND_API_KEY does not publish
 * invitation links to the internet.
 */
export function requireMailCapture(context: unknown) {
  const env = getEnv();
  if (!env.mailCapture) notFound();
  if (env.NODE_ENV === "production" && !LOOPBACK.has(clientAddressOf(context))) notFound();
}
