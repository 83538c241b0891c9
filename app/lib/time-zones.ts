// IANA time zones as the portal stores them: a name Intl knows, checked on the way in (a posted
// string is never trusted), "UTC" until someone chooses one. Without zod: the header's menu and
// every page's formatter use it (the forms' schemas are in time-zone-schema.ts).

export const DEFAULT_TIME_ZONE = "UTC";

let known: Set<string> | undefined;
/** Intl's list plus "UTC" (Intl lists only the zones of places). */
function knownZones(): Set<string> {
  // A browser without the list (before 2022) checks a name by whether Intl accepts it.
  return (known ??= new Set([DEFAULT_TIME_ZONE, ...(typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [])]));
}

/**
 * The zone a posted or stored name stands for, or null. A browser may report an alias that Intl's
 * list spells otherwise ("Asia/Ho_Chi_Minh" for "Asia/Saigon"): an alias is kept as it was written
 * when it resolves to a listed zone, because PostgreSQL knows both spellings.
 */
export function toTimeZone(value: unknown): string | null {
  if (typeof value !== "string" || value.length === 0 || value.length > 64 || !/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(value)) return null;
  if (knownZones().has(value)) return value;
  try {
    const resolved = new Intl.DateTimeFormat("en", { timeZone: value }).resolvedOptions().timeZone;
    if (!knownZones().has(resolved) && typeof Intl.supportedValuesOf === "function") return null;
    // Same letters in another case: keep Intl's spelling.
    return resolved.toLowerCase() === value.toLowerCase() ? resolved : value;
  } catch {
    return null;
  }
}

/** A stored zone, or UTC if it is not one any more. */
export const timeZoneOr = (value: string | null | undefined) => toTimeZone(value) ?? DEFAULT_TIME_ZONE;

export interface TimeZoneGroup {
  /** "Asia", "America", …; "" for the zones without a region (UTC). */
  region: string;
  zones: string[];
}

/** Every zone by region, for a select: the reader's own first, in a group of its own. */
export function timeZoneGroups(current: string): TimeZoneGroup[] {
  const groups = new Map<string, string[]>();
  for (const zone of [...knownZones()].sort()) {
    if (zone === current) continue;
    const slash = zone.indexOf("/");
    const region = slash === -1 ? "" : zone.slice(0, slash);
    groups.set(region, [...(groups.get(region) ?? []), zone]);
  }
  const ordered = [...groups].sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a.localeCompare(b, "en")));
  return [{ region: "current", zones: [current] }, ...ordered.map(([region, zones]) => ({ region, zones }))];
}

/** "Asia/Ho_Chi_Minh" as people write it: "Asia/Ho Chi Minh". */
export const zoneLabel = (zone: string) => zone.replace(/_/g, " ");
