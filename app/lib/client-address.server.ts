/** What the HTTP server passes to loaders and actions. */
export interface AppLoadContext {
  clientAddress: string;
}

export function clientAddressOf(context: unknown): string {
  const address = (context as Partial<AppLoadContext> | undefined)?.clientAddress;
  return typeof address === "string" && address ? address : "unknown";
}
