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

/**
 * One page over ordered segments shown one after the other (e.g. "overdue",
 * then "awaiting me", then the rest), each fetched with its own skip/take so
 * that the database does the sorting and no page loads more than it shows.
 */
export async function pageOverSegments<T>(
  page: number,
  segments: { count: number; fetch: (skip: number, take: number) => Promise<T[]> }[],
  pageSize = DEFAULT_PAGE_SIZE,
): Promise<Page<T>> {
  let offset = (page - 1) * pageSize;
  const items: T[] = [];
  for (const segment of segments) {
    if (items.length >= pageSize) break;
    if (offset >= segment.count) {
      offset -= segment.count;
      continue;
    }
    items.push(...(await segment.fetch(offset, pageSize - items.length)));
    offset = 0;
  }
  const total = segments.reduce((sum, s) => sum + s.count, 0);
  return toPage(items, total, page, pageSize);
}
