import { notFound } from "~/lib/http.server.ts";

/** A version number from the URL; anything but a small positive integer is a 404. */
export function versionNumberParam(value: string | undefined | null): number {
  if (!value || !/^\d{1,6}$/.test(value)) notFound("Version not found.");
  return Number(value);
}

/** A record id from the URL; anything that is not id-shaped is a 404 before any query. */
export function idParam(value: string | undefined): string {
  if (!value || !/^[a-z0-9]{10,40}$/i.test(value)) notFound("Not found.");
  return value;
}
