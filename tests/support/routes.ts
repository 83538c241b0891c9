// Calls route loaders and actions the way Remix does, with a signed-in
// user's real session cookie, and reads back status, data and redirects
// whether the route returned or threw them.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { isDataWithInit } from "~/lib/http.server.ts";
import { translateMessage } from "~/lib/i18n/translate.server.ts";
import { createSession } from "~/lib/session.server.ts";
import { createMember } from "./factories.ts";

export const APP = "http://portal.test";

export async function cookieFor(userId: string) {
  const { setCookie } = await createSession(userId);
  return setCookie.split(";")[0]!;
}

export interface Outcome {
  status: number;
  data: unknown;
  location: string | null;
  headers: Headers;
}

/** What a loader, action or domain answer amounts to: status, data and redirect. */
export async function toOutcome(value: unknown): Promise<Outcome> {
  if (value instanceof Response) {
    const text = await value.text();
    let data: unknown = text;
    try {
      data = JSON.parse(text);
    } catch {
      // plain text body
    }
    return { status: value.status, data, location: value.headers.get("Location"), headers: value.headers };
  }
  if (isDataWithInit(value)) {
    const headers = new Headers(value.init?.headers);
    return { status: value.init?.status ?? 200, data: value.data, location: headers.get("Location"), headers };
  }
  return { status: 200, data: value, location: null, headers: new Headers() };
}

type Handler = (args: LoaderFunctionArgs & ActionFunctionArgs) => unknown;

interface CallOptions {
  params?: Record<string, string>;
  cookie?: string;
  form?: Record<string, string | string[]>;
  headers?: Record<string, string>;
  body?: BodyInit;
  method?: string;
  clientAddress?: string;
  /** The connection's own peer; defaults to clientAddress (no proxy in between). */
  socketAddress?: string;
}

export function buildRequest(path: string, options: CallOptions = {}) {
  const headers = new Headers(options.headers);
  if (options.cookie) headers.set("Cookie", options.cookie);
  let body = options.body;
  if (options.form) {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(options.form)) {
      for (const v of Array.isArray(value) ? value : [value]) params.append(key, v);
    }
    body = params.toString();
    headers.set("Content-Type", "application/x-www-form-urlencoded");
  }
  const method = options.method ?? (body !== undefined ? "POST" : "GET");
  return new Request(`${APP}${path}`, { method, headers, body });
}

/** Runs a loader or action; never throws for responses the route throws on purpose. */
export async function call(handler: unknown, path: string, options: CallOptions = {}): Promise<Outcome> {
  const request = buildRequest(path, options);
  try {
    const result = await (handler as Handler)({
      request,
      params: options.params ?? {},
      context: { clientAddress: options.clientAddress ?? "203.0.113.7", socketAddress: options.socketAddress ?? options.clientAddress ?? "203.0.113.7" },
    } as LoaderFunctionArgs & ActionFunctionArgs);
    return await toOutcome(result);
  } catch (thrown) {
    if (thrown instanceof Response || isDataWithInit(thrown)) return toOutcome(thrown);
    throw thrown;
  }
}

/** The form-level errors of a conform reply, from any action shape used here. */
export function formErrors(outcome: Outcome): string[] {
  const data = outcome.data as { result?: { error?: Record<string, string[]> }; error?: Record<string, string[]> } | null;
  const error = data?.result?.error ?? data?.error ?? {};
  return Object.values(error).flat();
}

/** Messages the server decided (message() strings) as an English reader reads them; other text as it is. */
export function inEnglish(texts: readonly (string | null)[] | null | undefined): string[] {
  return (texts ?? []).flatMap((text) => (text === null ? [] : [translateMessage("en", text)]));
}

type OrgOf<T> = T extends (kind: never, role: never, org?: infer O) => unknown ? O : never;

/** A new user with a role in a new (or given) org, and the cookie of a live session. */
export async function signedInMember(kind: Parameters<typeof createMember>[0], role: Parameters<typeof createMember>[1], org?: OrgOf<typeof createMember>) {
  const created = await createMember(kind, role, org);
  return { ...created, cookie: await cookieFor(created.user.id) };
}

export type SignedInMember = Awaited<ReturnType<typeof signedInMember>>;

/** Signed-in members of one new org, one per role, keyed by role (made in the order given). */
export async function signedInTeam<R extends Parameters<typeof createMember>[1]>(kind: Parameters<typeof createMember>[0], roles: readonly R[]) {
  const team = {} as Record<R, SignedInMember>;
  let org: OrgOf<typeof createMember> | undefined;
  for (const role of roles) {
    team[role] = await signedInMember(kind, role, org);
    org = team[role].org;
  }
  return team;
}
