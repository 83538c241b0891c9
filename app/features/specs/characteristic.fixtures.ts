// Characteristic snapshots for unit tests: one factory, so every test starts
// from the same drawing and says only what differs.

import type { CharacteristicSnapshot } from "./snapshot.ts";

/** 1 Height, 95 ± 0.5 mm, major, unless told otherwise. */
export function characteristic(over: Partial<CharacteristicSnapshot> = {}): CharacteristicSnapshot {
  return {
    key: "k",
    number: "1",
    name: "Height",
    kind: "VARIABLE",
    nominal: "95",
    lowerTol: "-0.5",
    upperTol: "0.5",
    unit: "mm",
    class: "MAJOR",
    method: "",
    ...over,
  };
}

/** A visual check: pass or fail, no numbers. */
export function visualCheck(over: Partial<CharacteristicSnapshot> = {}): CharacteristicSnapshot {
  return characteristic({ name: "Glaze", kind: "ATTRIBUTE", nominal: null, lowerTol: null, upperTol: null, unit: "", ...over });
}
