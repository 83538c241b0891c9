import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addDecimal,
  compareDecimal,
  decimalsOf,
  divideDecimal,
  formatDecimal,
  integerDigits,
  isDecimal,
  negateDecimal,
  parseDecimal,
  sameDecimal,
  subtractDecimal,
  sumDecimals,
} from "./decimal.ts";

// Decimal strings as a spec writer or a factory types them: a sign or not,
// leading zeros or not, up to six decimals with trailing zeros kept.
const typed = fc
  .tuple(fc.constantFrom("", "+", "-"), fc.bigInt({ min: 0n, max: 10n ** 12n - 1n }), fc.integer({ min: 0, max: 6 }), fc.constantFrom("", "0", "00"))
  .map(([sign, units, scale, leading]) => {
    const digits = units.toString().padStart(scale + 1, "0");
    const frac = digits.slice(digits.length - scale);
    return `${sign}${leading}${digits.slice(0, digits.length - scale)}${scale > 0 ? `.${frac}` : ""}`;
  });

/** The value as a fraction with a power-of-ten denominator, to check results by cross-multiplying. */
const exact = (text: string) => parseDecimal(text)!;
const cross = (a: string, b: string) => {
  const x = exact(a);
  const y = exact(b);
  return [x.units * 10n ** BigInt(y.scale), y.units * 10n ** BigInt(x.scale)] as const;
};

describe("parsing and spelling", () => {
  it("reads what people type and nothing else", () => {
    expect(parseDecimal("12.50")).toEqual({ units: 1250n, scale: 2 });
    expect(parseDecimal("+1.0")).toEqual({ units: 10n, scale: 1 });
    expect(parseDecimal("-0.05")).toEqual({ units: -5n, scale: 2 });
    for (const text of ["", " 1", "1 ", ".5", "5.", "1e3", "1,5", "--1", "0x10", "Infinity", "NaN", "+", "-"]) expect(parseDecimal(text), text).toBeNull();
    expect(isDecimal("0.60")).toBe(true);
    expect(isDecimal("0,60")).toBe(false);
  });
  it("writes the usual spelling and keeps every written decimal", () => {
    expect(formatDecimal(exact("+01.50"))).toBe("1.50");
    expect(formatDecimal(exact("-0.00"))).toBe("0.00");
    expect(formatDecimal(exact("0.60"))).toBe("0.60");
    expect(decimalsOf("0.60")).toBe(2);
    expect(decimalsOf("95")).toBe(0);
    expect(integerDigits(exact("0012.5"))).toBe(2);
    expect(integerDigits(exact("-0.5"))).toBe(1);
  });
  it("round-trips any typed decimal to the same value and the same decimals", () => {
    fc.assert(
      fc.property(typed, (text) => {
        const spelled = formatDecimal(exact(text));
        expect(exact(spelled).scale).toBe(exact(text).scale);
        expect(compareDecimal(spelled, text)).toBe(0);
        expect(formatDecimal(exact(spelled))).toBe(spelled);
      }),
    );
  });
});

describe("arithmetic", () => {
  it("adds and subtracts exactly, keeping the larger precision of the two", () => {
    expect(addDecimal("0.1", "0.2")).toBe("0.3");
    expect(compareDecimal(addDecimal("0.1", "0.2"), "0.3")).toBe(0);
    expect(addDecimal("95", "-0.5")).toBe("94.5");
    expect(addDecimal("0.05", "-0.1")).toBe("-0.05");
    expect(addDecimal("82", "-0.20")).toBe("81.80");
    expect(addDecimal("10.0", "0.05")).toBe("10.05");
    expect(subtractDecimal("10.00", "0.10")).toBe("9.90");
    expect(addDecimal("-0.000001", "0.000001")).toBe("0.000000");
    expect(negateDecimal("0.50")).toBe("-0.50");
    expect(negateDecimal("-0")).toBe("0");
  });
  it("subtracting what was added gives the value back, with the larger precision", () => {
    fc.assert(
      fc.property(typed, typed, (a, b) => {
        const back = subtractDecimal(addDecimal(a, b), b);
        expect(compareDecimal(back, a)).toBe(0);
        expect(decimalsOf(back)).toBe(Math.max(decimalsOf(a), decimalsOf(b)));
        expect(addDecimal(a, b)).toBe(addDecimal(b, a));
        expect(compareDecimal(subtractDecimal(a, b), negateDecimal(subtractDecimal(b, a)))).toBe(0);
      }),
    );
  });
  it("sums exactly", () => {
    expect(sumDecimals(["0.1", "0.2", "0.2"])).toBe("0.5");
    expect(sumDecimals([])).toBe("0");
  });
  it("divides rounding half away from zero", () => {
    expect(divideDecimal("0.5", 3, 2)).toBe("0.17");
    expect(divideDecimal("0.3", 2, 1)).toBe("0.2");
    expect(divideDecimal("-0.3", 2, 1)).toBe("-0.2");
    expect(divideDecimal("-0.01", 2, 1)).toBe("0.0");
    expect(() => divideDecimal("1", 0, 1)).toThrow(RangeError);
  });
  it("a mean lies within half a last decimal of the exact quotient", () => {
    fc.assert(
      fc.property(typed, fc.integer({ min: 1, max: 32 }), fc.integer({ min: 0, max: 7 }), (a, n, decimals) => {
        const q = exact(divideDecimal(a, n, decimals));
        expect(q.scale).toBe(decimals);
        // |q·n·10^s − a·10^d| ≤ n·10^s / 2, with s = a's scale and d = decimals
        const { units, scale } = exact(a);
        const error = q.units * BigInt(n) * 10n ** BigInt(scale) - units * 10n ** BigInt(decimals);
        expect((error < 0n ? -error : error) * 2n <= BigInt(n) * 10n ** BigInt(scale)).toBe(true);
      }),
    );
  });
});

describe("comparison", () => {
  it("compares values, not spellings", () => {
    expect(compareDecimal("12.5", "12.499999")).toBe(1);
    expect(compareDecimal("-0.05", "0")).toBe(-1);
    expect(compareDecimal("0", "-0")).toBe(0);
    expect(compareDecimal("0.10", "+0.1")).toBe(0);
  });
  it("is a total order that agrees with the exact values", () => {
    fc.assert(
      fc.property(typed, typed, typed, (a, b, c) => {
        const [x, y] = cross(a, b);
        expect(compareDecimal(a, b)).toBe(x < y ? -1 : x > y ? 1 : 0);
        expect(compareDecimal(b, a)).toBe(-compareDecimal(a, b) || 0);
        if (compareDecimal(a, b) <= 0 && compareDecimal(b, c) <= 0) expect(compareDecimal(a, c)).toBeLessThanOrEqual(0);
        expect(sameDecimal(a, b)).toBe(compareDecimal(a, b) === 0);
      }),
    );
  });
  it("treats different spellings of one number as the same, and missing as missing", () => {
    expect(sameDecimal("0.10", "0.1")).toBe(true);
    expect(sameDecimal("+0.3", "0.30")).toBe(true);
    expect(sameDecimal(null, null)).toBe(true);
    expect(sameDecimal(null, "0")).toBe(false);
    expect(sameDecimal("n/a", " n/a")).toBe(true);
  });
  it("refuses what is not a decimal", () => {
    expect(() => compareDecimal("1e3", "1")).toThrow(RangeError);
    expect(() => addDecimal("", "1")).toThrow(RangeError);
  });
});
