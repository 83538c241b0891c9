import { clientAddressOf, isLoopback, socketAddressOf } from "./client-address.server.ts";
import { getEnv } from "./env.server.ts";
import { notFound } from "./http.server.ts";

/**
 * The local capture endpoint and mailbox exist only while no email provider
 * is configured. In production mode (the demo) they also answer only to this
 * machine, so a server left without RESEND_API_KEY does not publish
 * invitation links to the internet. "This machine" is judged by the connection
 * itself, which no header can change; the address trusted proxies forward must be
 * local too, or a reverse proxy on this machine would make every visitor local.
 */
export function requireMailCapture(context: unknown) {
  const env = getEnv();
  if (!env.mailCapture) notFound();
  if (env.NODE_ENV === "production" && !(isLoopback(socketAddressOf(context)) && isLoopback(clientAddressOf(context)))) notFound();
}
