/** What the HTTP server passes to loaders and actions. */
export interface AppLoadContext {
  /** The client as far as trusted proxies (TRUST_PROXY) tell: for rate limits. */
  clientAddress: string;
  /** Whoever opened the TCP connection (the nearest proxy, if any): nothing forwarded counts. */
  socketAddress: string;
}

// A server listening on :: sees IPv4 clients as ::ffff:a.b.c.d, while a proxy forwards
// a.b.c.d: one spelling, so that a client keeps one throttle counter however it arrives.
function addressIn(context: unknown, key: "clientAddress" | "socketAddress"): string {
  const address = (context as Partial<AppLoadContext> | undefined)?.[key];
  if (typeof address !== "string" || !address) return "unknown";
  return address.toLowerCase().replace(/^::ffff:(\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3})$/, "$1");
}

export const clientAddressOf = (context: unknown) => addressIn(context, "clientAddress");
export const socketAddressOf = (context: unknown) => addressIn(context, "socketAddress");

/** 127.0.0.0/8 and ::1, also in their IPv4-mapped IPv6 spelling. */
export function isLoopback(address: string) {
  const v4 = address.toLowerCase().replace(/^::ffff:/, "");
  return address === "::1" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4);
}
