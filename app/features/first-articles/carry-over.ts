// What a next round takes over from the round before it. The one place that
// decides whether a reading still answers the requirement: when the spec moved
// on to a new version, a characteristic is unchanged when the version diff
// reports no change to its content (name, kind, nominal, tolerances, unit,
// class, method). Renumbering or reordering does not change what is measured,
// so those readings carry; anything else is measured again.
import { diffCharacteristics } from "~/features/specs/diff.ts";
import type { CharacteristicSnapshot } from "~/features/specs/snapshot.ts";
import type { Readings } from "./judge.ts";

/** Keys of the characteristics of `to` that are new or changed since `from`: their readings are taken again. */
export function keysToMeasureAgain(from: readonly CharacteristicSnapshot[], to: readonly CharacteristicSnapshot[]): string[] {
  const diff = diffCharacteristics(from, to);
  const again = new Set([...diff.added.map((c) => c.key), ...diff.changed.map((c) => c.key)]);
  return to.filter((c) => again.has(c.key)).map((c) => c.key);
}

/**
 * The readings a next round starts with: those of every unchanged
 * characteristic, as typed; none for a new or changed one, nor for one the new
 * version removed.
 */
export function carriedReadings(from: readonly CharacteristicSnapshot[], to: readonly CharacteristicSnapshot[], readings: Readings): Readings {
  const again = new Set(keysToMeasureAgain(from, to));
  return Object.fromEntries(to.filter((c) => !again.has(c.key) && readings[c.key]).map((c) => [c.key, [...readings[c.key]!]]));
}
