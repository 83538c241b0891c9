import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { RESERVED_SLUGS, slugify } from "./slug.ts";

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

describe("reserved slugs", () => {
  it("include the first segment of every route that is not an org's", () => {
    const routes = readdirSync(path.join(import.meta.dirname, "../../routes"));
    // A trailing "_" (signup_.sent) only opts out of the parent layout; the URL says "signup".
    const fixed = new Set(
      routes.map((file) => file.split(".")[0]!.replace(/_$/, "")).filter((segment) => !segment.startsWith("$") && !segment.startsWith("_")),
    );
    expect(fixed.size).toBeGreaterThan(5);
    for (const segment of fixed) expect(RESERVED_SLUGS, segment).toContain(segment);
  });
});
