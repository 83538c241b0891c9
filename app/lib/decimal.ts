// Exact decimal arithmetic on the strings people type: "0.60", "-0.05", "+1.0".
// Binary floats would make 0.1 + 0.2 differ from 0.3, pass a reading that is
// over its limit, and report a tolerance change that never happened; they also
// forget how many decimals were written, which on a drawing is part of the
// requirement. Here a value is a whole number of units of its last written
// decimal: "0.60" is 60 hundredths, and stays two decimals through every sum.

export interface Decimal {
  /** The value times 10^scale. */
  units: bigint;
  /** Decimals as written: 2 for "0.60", 0 for "95". */
  scale: number;
}

const DECIMAL = /^([+-])?(\d+)(?:\.(\d+))?$/;

/** "12.50", "-0.05" or "+1.0" as an exact decimal; null for anything else ("", " 1", ".5", "1e3", "1,5"). */
export function parseDecimal(text: string): Decimal | null {
  const match = DECIMAL.exec(text);
  if (!match) return null;
  const [, sign, int, frac = ""] = match;
  const units = BigInt(int! + frac);
  return { units: sign === "-" ? -units : units, scale: frac.length };
}

export const isDecimal = (text: string) => DECIMAL.test(text);

function mustParse(text: string): Decimal {
  const parsed = parseDecimal(text);
  if (!parsed) throw new RangeError(`Not a decimal: "${text}"`);
  return parsed;
}

/** The usual spelling, every written decimal kept: no plus sign, no leading zeros, no minus on zero ("+01.50" → "1.50", "-0.00" → "0.00"). */
export function formatDecimal({ units, scale }: Decimal): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, "0");
  const int = digits.slice(0, digits.length - scale);
  const frac = digits.slice(digits.length - scale);
  return (negative ? "-" : "") + int + (scale > 0 ? `.${frac}` : "");
}

/** Digits before the decimal point, leading zeros not counted ("0012.5" has 2, "0.5" has 1). */
export function integerDigits({ units, scale }: Decimal): number {
  const whole = (units < 0n ? -units : units) / 10n ** BigInt(scale);
  return whole.toString().length;
}

/** Decimals as written: "0.60" has 2, "95" has 0. Throws on a non-decimal. */
export const decimalsOf = (text: string) => mustParse(text).scale;

function align(a: Decimal, b: Decimal): [bigint, bigint, number] {
  const scale = Math.max(a.scale, b.scale);
  return [a.units * 10n ** BigInt(scale - a.scale), b.units * 10n ** BigInt(scale - b.scale), scale];
}

/** a + b exactly, with the larger number of decimals of the two ("95" + "-0.50" = "94.50", "10.0" + "0.05" = "10.05"). */
export function addDecimal(a: string, b: string): string {
  const [x, y, scale] = align(mustParse(a), mustParse(b));
  return formatDecimal({ units: x + y, scale });
}

/** a − b exactly, with the larger number of decimals of the two ("10.00" − "0.10" = "9.90"). */
export function subtractDecimal(a: string, b: string): string {
  const [x, y, scale] = align(mustParse(a), mustParse(b));
  return formatDecimal({ units: x - y, scale });
}

/** −a, with a's decimals ("0.50" → "-0.50"). */
export function negateDecimal(a: string): string {
  const { units, scale } = mustParse(a);
  return formatDecimal({ units: -units, scale });
}

/** Compares the values exactly, whatever the spelling: -1, 0 or 1. Throws on a non-decimal. */
export function compareDecimal(a: string, b: string): -1 | 0 | 1 {
  const [x, y] = align(mustParse(a), mustParse(b));
  return x < y ? -1 : x > y ? 1 : 0;
}

/** True when both are the same number ("0.10" equals "0.1"), or both are missing; text that is not a decimal must match as written. */
export function sameDecimal(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return a === b;
  const x = parseDecimal(a.trim());
  const y = parseDecimal(b.trim());
  if (!x || !y) return a.trim() === b.trim();
  const [p, q] = align(x, y);
  return p === q;
}

/** The exact sum of the values, with the most decimals any of them has ("0" for none). */
export function sumDecimals(values: readonly string[]): string {
  return values.reduce(addDecimal, "0");
}

/** a ÷ n to `decimals` places, rounded half away from zero (0.15 → 0.2, −0.15 → −0.2). n must be a positive whole number. */
export function divideDecimal(a: string, n: number, decimals: number): string {
  if (!Number.isSafeInteger(n) || n < 1) throw new RangeError(`Not a positive whole divisor: ${n}`);
  const { units, scale } = mustParse(a);
  const numerator = units * 10n ** BigInt(decimals);
  const denominator = BigInt(n) * 10n ** BigInt(scale);
  const magnitude = numerator < 0n ? -numerator : numerator;
  let quotient = magnitude / denominator;
  if ((magnitude % denominator) * 2n >= denominator) quotient += 1n;
  return formatDecimal({ units: numerator < 0n ? -quotient : quotient, scale: decimals });
}
