// What the seed and the runner must agree on.
export const BENCH_PASSWORD = "bench-password-2026";
export const DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/supplier_portal_bench";

/** DATABASE_URL, or the local benchmark database when it is unset or empty. */
export const benchDatabaseUrl = () => process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
