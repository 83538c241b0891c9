import { randomBytes } from "node:crypto";
import type { Cookie } from "@remix-run/node";
import { signedCookie } from "./cookies.server.ts";
import { DAY_MS } from "./dates.ts";

// OWASP's "device cookies": a browser that has logged in to an account before carries a
// signed token naming it, and login failures from that browser are counted on their own.
// A stranger can then slow down or block only the browsers the account has not used before.

const DEVICE_TTL_S = (365 * DAY_MS) / 1000;
// A shared family or shop-floor computer may serve a few accounts; more is not a device.
const MAX_ACCOUNTS = 5;
const DEVICE_ID = /^[A-Za-z0-9_-]{22,64}$/;

interface Device {
  id: string;
  accounts: string[];
}

let cookie: Cookie | undefined;

// Site-wide like every cookie: the enhanced login form posts to /login.data, and a cookie scoped
// to /login would make every such browser a stranger.
const deviceCookie = () => (cookie ??= signedCookie("sp_device", { maxAge: DEVICE_TTL_S }));

async function readDevice(request: Request): Promise<Device | null> {
  // A bad signature or an unreadable value parses as null or {}: an unknown device.
  const value = (await deviceCookie().parse(request.headers.get("Cookie"))) as Partial<Device> | null;
  if (!value || typeof value.id !== "string" || !DEVICE_ID.test(value.id)) return null;
  const accounts = Array.isArray(value.accounts) ? value.accounts.filter((a): a is string => typeof a === "string") : [];
  return { id: value.id, accounts };
}

/** This browser's device id if it has logged in to `email` before, else null. */
export async function knownDeviceFor(request: Request, email: string): Promise<string | null> {
  const device = await readDevice(request);
  return device?.accounts.includes(email.toLowerCase()) ? device.id : null;
}

/**
 * The Set-Cookie value that marks this browser as known for `email`. Set it after a
 * successful login, and (when it exists) after a completed password reset, which proves
 * control of the mailbox as well as a password does.
 */
export async function rememberDevice(request: Request, email: string): Promise<string> {
  const device = (await readDevice(request)) ?? { id: randomBytes(18).toString("base64url"), accounts: [] };
  const account = email.toLowerCase();
  const accounts = [account, ...device.accounts.filter((a) => a !== account)].slice(0, MAX_ACCOUNTS);
  return deviceCookie().serialize({ id: device.id, accounts } satisfies Device);
}
