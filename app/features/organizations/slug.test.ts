import { describe, expect, it } from "vitest";
import { slugify } from "./slug.ts";

describe("slugify", () => {
  it("turns a company name into a lowercase dashed slug", () => {
    expect(slugify("Acme Trading Co., Ltd.")).toBe("acme-trading-co-ltd");
  });
  it("drops accents", () => {
    expect(slugify("Fábrica Número Uno")).toBe("fabrica-numero-uno");
  });
  it("falls back when nothing latin is left", () => {
    expect(slugify("深圳工厂")).toBe("org");
  });
  it("stays short", () => {
    expect(slugify("a".repeat(100)).length).toBeLessThanOrEqual(40);
  });
});
