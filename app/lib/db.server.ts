import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "~/generated/prisma/client.ts";
import { getEnv } from "./env.server.ts";
import { applyMigrations, type SqlRunner } from "./migrate.server.ts";
import { countPoolQueries } from "./query-stats.server.ts";

export type Dialect = "pglite" | "postgres";

export interface Database {
  prisma: PrismaClient;
  dialect: Dialect;
  /** Raw driver access for scripts (migrations); app code uses `prisma`. */
  sql: SqlRunner;
  /**
   * `fn` with raw access on one connection throughout, for what is tied to a
   * session: an advisory lock, a BEGIN … COMMIT sent as separate statements.
   */
  onOneConnection<T>(fn: (sql: SqlRunner) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

const CONNECT_TIMEOUT_MS = 5_000;

export type DatabaseConfig = { url: string } | { dataDir: string } | { pglite: PGlite };

export function databaseConfigFromEnv(): DatabaseConfig {
  const env = getEnv();
  return env.DATABASE_URL ? { url: env.DATABASE_URL } : { dataDir: path.join(env.DATA_DIR, "pglite") };
}

/** Raw access through node-postgres: the pool, or one connection checked out of it. */
const nodePostgresRunner = (db: pg.Pool | pg.PoolClient): SqlRunner => ({
  exec: async (sql) => {
    await db.query(sql);
  },
  query: async <T>(sql: string, params?: unknown[]) => (await db.query(sql, params)).rows as T[],
});

export function openDatabase(config: DatabaseConfig = databaseConfigFromEnv()): Database {
  if ("url" in config) {
    const pool = new pg.Pool({
      connectionString: config.url,
      max: getEnv().DATABASE_POOL_SIZE,
      // Without a bound, a request waits forever for a server that does not answer
      // (or for a pool slot); this way it gets its 503 within seconds.
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      // TCP keepalive finds a connection whose server vanished without a word
      // (a network cut), which otherwise looks alive until the next query hangs.
      keepAlive: true,
    });
    // A pooled connection the server ends while idle (restart, pg_terminate_backend)
    // emits 'error' on the pool; unhandled, that would crash the process. The pool
    // has already dropped it, and the next query opens a new one.
    pool.on("error", (error) => console.error(`[database] idle connection lost: ${error.message}`));
    if (getEnv().QUERY_STATS) countPoolQueries(pool);
    const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
    return {
      prisma,
      dialect: "postgres",
      sql: nodePostgresRunner(pool),
      onOneConnection: async (fn) => {
        const client = await pool.connect();
        // While checked out, a connection the server ends emits 'error' on the client itself.
        const onLost = (error: Error) => console.error(`[database] connection lost: ${error.message}`);
        client.on("error", onLost);
        try {
          return await fn(nodePostgresRunner(client));
        } finally {
          client.off("error", onLost);
          client.release();
        }
      },
      close: async () => {
        await prisma.$disconnect();
        await pool.end();
      },
    };
  }
  let pglite: PGlite;
  if ("pglite" in config) {
    pglite = config.pglite;
  } else {
    mkdirSync(config.dataDir, { recursive: true });
    pglite = new PGlite(config.dataDir);
  }
  // The adapter is typed against an older adapter-utils release; the runtime
  // contract is the same (checked by the integration suite on PGlite).
  const adapter = new PrismaPGlite(pglite) as unknown as PrismaPg;
  const prisma = new PrismaClient({ adapter });
  return {
    prisma,
    dialect: "pglite",
    sql: {
      exec: async (sql) => {
        await pglite.exec(sql);
      },
      query: async <T>(sql: string, params?: unknown[]) => (await pglite.query<T>(sql, params)).rows,
    },
    // PGlite has a single connection.
    onOneConnection(fn) {
      return fn(this.sql);
    },
    close: async () => {
      await prisma.$disconnect();
      if (!pglite.closed) await pglite.close();
    },
  };
}

// One database per process, opened on first use; `connectDatabase` lets the
// server, scripts and tests choose where it points before anything uses it.
const holder = globalThis as unknown as { __database?: Database };

export function connectDatabase(config?: DatabaseConfig): Database {
  holder.__database ??= openDatabase(config);
  return holder.__database;
}

export function getDatabase(): Database {
  return connectDatabase();
}

export async function disconnectDatabase() {
  const db = holder.__database;
  holder.__database = undefined;
  await db?.close();
}

export async function migrateDatabase(db: Database = getDatabase()) {
  return db.onOneConnection((sql) => applyMigrations(sql));
}

/** The Prisma client for the process database. */
export const prisma: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const client = getDatabase().prisma as unknown as Record<PropertyKey, unknown>;
    const value = client[property];
    return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(client) : value;
  },
});

export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
