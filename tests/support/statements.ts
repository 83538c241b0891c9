import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { vi } from "vitest";

/** The SQL statements `run` sends (PGlite's or the pg pool's `query`; page loaders run outside transactions). */
export async function countStatements<T>(run: () => Promise<T>) {
  const onPglite = vi.spyOn(PGlite.prototype, "query");
  const onPool = vi.spyOn(pg.Pool.prototype, "query");
  try {
    const result = await run();
    return { result, statements: onPglite.mock.calls.length + onPool.mock.calls.length };
  } finally {
    onPglite.mockRestore();
    onPool.mockRestore();
  }
}
