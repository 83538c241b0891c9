import { createCookieSessionStorage, redirect } from "@remix-run/node";
import { z } from "zod";
import { signedCookie } from "./cookies.server.ts";

const toastSchema = z.object({
  type: z.enum(["success", "error", "info"]).default("success"),
  title: z.string().max(200).optional(),
  message: z.string().max(500),
});
export type Toast = z.input<typeof toastSchema>;

type ToastFlash = { toast: z.infer<typeof toastSchema> };
let storage: ReturnType<typeof createCookieSessionStorage<Record<string, never>, ToastFlash>> | undefined;
function toastStorage() {
  storage ??= createCookieSessionStorage<Record<string, never>, ToastFlash>({ cookie: signedCookie("sp_toast") });
  return storage;
}

/** Redirects and shows a toast on the next page (a flash cookie survives the redirect). */
export async function redirectWithToast(url: string, toast: Toast, init: ResponseInit = {}) {
  const session = await toastStorage().getSession();
  session.flash("toast", toastSchema.parse(toast));
  const headers = new Headers(init.headers);
  headers.append("Set-Cookie", await toastStorage().commitSession(session));
  return redirect(url, { ...init, headers });
}

/** The pending toast, and the header that clears it once read. */
export async function getToast(request: Request) {
  const session = await toastStorage().getSession(request.headers.get("Cookie"));
  const parsed = toastSchema.safeParse(session.get("toast"));
  const toast = parsed.success ? { ...parsed.data, id: Math.random().toString(36).slice(2) } : null;
  const headers = toast ? { "Set-Cookie": await toastStorage().destroySession(session) } : undefined;
  return { toast, headers };
}
