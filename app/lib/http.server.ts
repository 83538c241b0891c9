import { data } from "@remix-run/node";

/** Unauthorized reads answer 404 so that a record's existence is not revealed. */
export function notFound(message = "Not found"): never {
  throw data(message, { status: 404 });
}

export function forbidden(message = "You are not allowed to do that."): never {
  throw data(message, { status: 403 });
}

/** A path inside this app, never another origin (open-redirect guard). */
export function safeRedirectPath(to: FormDataEntryValue | string | null | undefined, fallback = "/") {
  if (typeof to !== "string" || !to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) return fallback;
  return to;
}
