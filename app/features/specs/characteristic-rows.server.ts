// How a characteristic is stored and read back. Decimal(18,6) keeps the value
// exactly but six decimals for every value, and the client reads it back in
// its shortest form ("0.6"); the number of decimals the spec writer typed is
// kept next to each value so that "0.60" comes back as 0.60 (docs/decisions/010).

import type { Prisma } from "~/generated/prisma/client.ts";
import { decimalsOf } from "~/lib/decimal.ts";
import type { CharacteristicSnapshot } from "./snapshot.ts";

/** The columns a characteristic snapshot is made of. */
export const characteristicColumns = {
  key: true,
  number: true,
  name: true,
  kind: true,
  nominal: true,
  nominalDecimals: true,
  lowerTol: true,
  lowerTolDecimals: true,
  upperTol: true,
  upperTolDecimals: true,
  unit: true,
  class: true,
  method: true,
} satisfies Prisma.CharacteristicSelect;

type StoredCharacteristic = Prisma.CharacteristicGetPayload<{ select: typeof characteristicColumns }>;

/** The stored value with the decimals it was typed with; rows from before they were kept show the shortest form. */
function typed(value: Prisma.Decimal | null, decimals: number | null): string | null {
  if (value === null) return null;
  // Never fewer decimals than the value has: that would round it.
  return decimals === null ? value.toFixed() : value.toFixed(Math.max(decimals, value.decimalPlaces()));
}

export function toCharacteristicSnapshot(c: StoredCharacteristic): CharacteristicSnapshot {
  return {
    key: c.key,
    number: c.number,
    name: c.name,
    kind: c.kind,
    nominal: typed(c.nominal, c.nominalDecimals),
    lowerTol: typed(c.lowerTol, c.lowerTolDecimals),
    upperTol: typed(c.upperTol, c.upperTolDecimals),
    unit: c.unit,
    class: c.class,
    method: c.method,
  };
}

const column = (value: string | null | undefined) => ({ value: value ?? null, decimals: value == null ? null : decimalsOf(value) });

/** The columns to write for a measured characteristic's numbers (validated decimal strings); a visual check has none. */
export function limitColumns(c: { kind: CharacteristicSnapshot["kind"]; nominal?: string | null; lowerTol?: string | null; upperTol?: string | null }) {
  const measured = c.kind === "VARIABLE";
  const nominal = column(measured ? c.nominal : null);
  const lowerTol = column(measured ? c.lowerTol : null);
  const upperTol = column(measured ? c.upperTol : null);
  return {
    nominal: nominal.value,
    nominalDecimals: nominal.decimals,
    lowerTol: lowerTol.value,
    lowerTolDecimals: lowerTol.decimals,
    upperTol: upperTol.value,
    upperTolDecimals: upperTol.decimals,
  } satisfies Partial<Prisma.CharacteristicCreateManyInput>;
}
