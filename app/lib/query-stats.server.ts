// Counts the SQL statements each HTTP request sends to PostgreSQL, for the
// benchmark's query budget. Off unless QUERY_STATS is set: the count is
// reported in an `X-Query-Count` response header, which production has no use for.
import { AsyncLocalStorage } from "node:async_hooks";
import type pg from "pg";

interface RequestStats {
  queries: number;
}

const current = new AsyncLocalStorage<RequestStats>();

/** Runs `fn` with a fresh statement counter; `read` gives the count so far. */
export function withQueryCount<T>(fn: (read: () => number) => T): T {
  const stats: RequestStats = { queries: 0 };
  return current.run(stats, () => fn(() => stats.queries));
}

// Every statement goes through a pooled client's `query` (pool.query checks a
// client out too). The counter is read from the caller's async context, so the
// outbox worker's polling in the same process is not counted against a page.
// A request that waits for a free client is resumed from the releasing
// request's context, so counts are exact only when requests do not queue for
// connections — the benchmark measures them one request at a time.
export function countPoolQueries(pool: pg.Pool) {
  pool.on("connect", (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
      const stats = current.getStore();
      if (stats) stats.queries += 1;
      return query(...args);
    };
  });
}
