import { describe, expect, it } from "vitest";
import { DEFAULT_PAGE_SIZE, pageFromUrl, pageOverSegments, pageRequest, pageSizeFromUrl } from "./pagination.ts";

const segment = (prefix: string, count: number) => ({
  count,
  fetch: async (skip: number, take: number) => Array.from({ length: Math.max(0, Math.min(take, count - skip)) }, (_, i) => `${prefix}${skip + i}`),
});

describe("pages over ordered segments", () => {
  it("fills a page from the first segment, then the next", async () => {
    const page = await pageOverSegments(1, [segment("a", 2), segment("b", 5)], 4);
    expect(page.items).toEqual(["a0", "a1", "b0", "b1"]);
    expect(page).toMatchObject({ total: 7, pageCount: 2 });
  });
  it("starts a later page at the right place across segments", async () => {
    const page = await pageOverSegments(2, [segment("a", 2), segment("b", 1), segment("c", 5)], 2);
    expect(page.items).toEqual(["b0", "c0"]);
  });
  it("returns nothing past the end", async () => {
    expect((await pageOverSegments(9, [segment("a", 3)], 2)).items).toEqual([]);
  });
});

describe("page number from the URL", () => {
  it("treats anything odd as page 1", () => {
    for (const q of ["?page=-3", "?page=abc", "?page=1e9", "?page=%00", ""]) expect(pageFromUrl(`http://x/${q}`)).toBe(1);
    expect(pageFromUrl("http://x/?page=4")).toBe(4);
  });
});

describe("page size from the URL", () => {
  it("accepts only the offered sizes", () => {
    expect(pageRequest("http://x/?page=3&size=50")).toEqual({ page: 3, pageSize: 50 });
    expect(pageSizeFromUrl("http://x/?size=10")).toBe(10);
    for (const q of ["?size=7", "?size=100000", "?size=-10", "?size=1e1", "?size=%00", ""]) expect(pageSizeFromUrl(`http://x/${q}`)).toBe(DEFAULT_PAGE_SIZE);
  });
});
