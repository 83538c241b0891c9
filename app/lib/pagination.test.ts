import { describe, expect, it } from "vitest";
import { DEFAULT_PAGE_SIZE, pageFromUrl, pageRequest, pageSizeFromUrl } from "./pagination.ts";

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
