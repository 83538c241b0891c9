export const DEFAULT_PAGE_SIZE = 20;
export const PAGE_SIZES = [10, 20, 50, 100] as const;
const MAX_PAGE = 100_000;

/** Page number from `?page=`; anything odd means page 1 rather than an error. */
export function pageFromUrl(url: URL | string): number {
  const raw = new URL(url).searchParams.get("page");
  // A huge number is a page past the end (empty), not an error and not page 1.
  const page = raw && /^\d{1,15}$/.test(raw) ? Number(raw) : 1;
  return Math.min(Math.max(page, 1), MAX_PAGE);
}

/** Rows per page from `?size=`, one of PAGE_SIZES; anything else means the default. */
export function pageSizeFromUrl(url: URL | string): number {
  const raw = new URL(url).searchParams.get("size") ?? "";
  return PAGE_SIZES.find((size) => String(size) === raw) ?? DEFAULT_PAGE_SIZE;
}

/** Page number and size of a list page's URL. */
export function pageRequest(url: URL | string) {
  return { page: pageFromUrl(url), pageSize: pageSizeFromUrl(url) };
}

export function pageArgs(page: number, pageSize = DEFAULT_PAGE_SIZE) {
  return { skip: (page - 1) * pageSize, take: pageSize };
}

export interface Page<T> {
  items: T[];
  page: number;
  pageCount: number;
  total: number;
}

export function toPage<T>(items: T[], total: number, page: number, pageSize = DEFAULT_PAGE_SIZE): Page<T> {
  return { items, total, page, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}
