// Fills a PostgreSQL database with a multi-year history of many tenants for
// the load benchmark: `npm run bench:seed -- --scale S|M|L [--reset] [--now YYYY-MM-DD]`.
// The schema comes from the app's own migrations; rows go in as bulk
// `INSERT … SELECT FROM unnest(…)` statements, never one by one.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { migrateDatabase, openDatabase } from "~/lib/db.server.ts";
import { hashPassword } from "~/lib/password.server.ts";
import { seedComments } from "./seed/comments.ts";
import { seedInspections } from "./seed/inspections.ts";
import { DAY, type SeedContext } from "./seed/model.ts";
import { seedCorrectiveActions, seedFirstArticles } from "./seed/quality.ts";
import { Rng } from "./seed/random.ts";
import { seedSpecs } from "./seed/specs.ts";
import { seedTenants } from "./seed/tenants.ts";
import { BENCH_PASSWORD, benchDatabaseUrl, DEFAULT_DATABASE_URL } from "./lib/config.ts";

export interface Scale {
  importers: number;
  factories: number;
  /** Including a few ended and a few still invited. */
  partnerships: number;
  users: number;
  specs: number;
  characteristicsPerVersion: number;
  /** Share of specs with a fourth version still in draft. */
  draftVersionShare: number;
  /** First-article rows (every round counts). */
  firstArticles: number;
  samplesPerFirstArticle: number;
  correctiveActions: number;
  /** Inspections (re-inspections of rejected lots count), each with its defect tallies. */
  inspections: number;
  comments: number;
  /** Spec threads with at least 100 comments: half exactly 100, the rest up to 100 + longThreadExtra, one of longestThread. */
  longThreads: number;
  longThreadExtra: number;
  longestThread: number;
}

// L is the size the benchmark is about; M and S are for quicker runs.
export const SCALES: Record<"S" | "M" | "L", Scale> = {
  S: {
    importers: 10,
    factories: 15,
    partnerships: 30,
    users: 100,
    specs: 200,
    characteristicsPerVersion: 20,
    draftVersionShare: 0.05,
    firstArticles: 100,
    samplesPerFirstArticle: 5,
    correctiveActions: 30,
    inspections: 300,
    comments: 3_000,
    longThreads: 20,
    longThreadExtra: 0,
    longestThread: 100,
  },
  M: {
    importers: 20,
    factories: 40,
    partnerships: 150,
    users: 400,
    specs: 2_000,
    characteristicsPerVersion: 20,
    draftVersionShare: 0.05,
    firstArticles: 1_000,
    samplesPerFirstArticle: 5,
    correctiveActions: 300,
    inspections: 3_000,
    comments: 20_000,
    longThreads: 20,
    longThreadExtra: 100,
    longestThread: 500,
  },
  L: {
    importers: 50,
    factories: 150,
    partnerships: 600,
    users: 2_000,
    specs: 20_000,
    characteristicsPerVersion: 20,
    draftVersionShare: 0.05,
    firstArticles: 10_000,
    samplesPerFirstArticle: 5,
    correctiveActions: 3_000,
    inspections: 30_000,
    comments: 200_000,
    longThreads: 20,
    longThreadExtra: 300,
    longestThread: 1_000,
  },
};

const SEED = 20_261_125;

class UsageError extends Error {}

function parseArgs(argv: string[]) {
  const args = { scale: "S" as keyof typeof SCALES, reset: false, now: null as number | null };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i]!.split("=", 2) as [string, string | undefined];
    const value = () => inline ?? argv[++i] ?? "";
    if (flag === "--reset") args.reset = true;
    else if (flag === "--scale") {
      const scale = value().toUpperCase();
      if (!(scale in SCALES)) throw new UsageError(`Unknown scale "${scale}": use S, M or L.`);
      args.scale = scale as keyof typeof SCALES;
    } else if (flag === "--now") {
      const day = Date.parse(`${value()}T00:00:00Z`);
      if (Number.isNaN(day)) throw new UsageError("--now takes a date: YYYY-MM-DD.");
      args.now = day;
    } else throw new UsageError(`Unknown argument "${argv[i]}". Usage: npm run bench:seed -- --scale S|M|L [--reset] [--now YYYY-MM-DD]`);
  }
  return args;
}

function databaseUrl() {
  const url = benchDatabaseUrl();
  if (!/^postgres(ql)?:\/\//.test(url)) {
    throw new UsageError(
      `DATABASE_URL must point at a PostgreSQL server (postgres://…), not "${url}". The benchmark does not run on the embedded PGlite database; unset DATABASE_URL to use ${DEFAULT_DATABASE_URL}.`,
    );
  }
  return url;
}

async function ensureDatabase(url: string) {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.replace(/^\//, ""));
  if (!name) throw new UsageError("DATABASE_URL names no database.");
  const maintenance = new URL(url);
  maintenance.pathname = "/postgres";
  const client = new pg.Client({ connectionString: maintenance.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!rowCount) {
      await client.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`);
      console.log(`Created database ${name}.`);
    }
  } finally {
    await client.end();
  }
  return name;
}

/** Tenants are only ever overwritten on request. */
async function refuseOverwrite(pool: pg.Pool, reset: boolean) {
  const { rows } = await pool.query<{ present: boolean }>(`SELECT to_regclass('public."Organization"') IS NOT NULL AS present`);
  if (rows[0]?.present) {
    const { rows: orgs } = await pool.query<{ any: boolean }>(`SELECT EXISTS (SELECT 1 FROM "Organization") AS any`);
    if (orgs[0]?.any && !reset) throw new UsageError("The database already has organizations. Pass --reset to drop everything in it and seed again.");
  }
}

async function countRows(pool: pg.Pool) {
  const { rows } = await pool.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations' ORDER BY table_name`,
  );
  const counts: Record<string, number> = {};
  for (const { table_name } of rows) {
    const { rows: n } = await pool.query<{ n: string }>(`SELECT count(*) AS n FROM "${table_name}"`);
    counts[table_name] = Number(n[0]!.n);
  }
  return counts;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const scale = SCALES[args.scale];
  const url = databaseUrl();
  const started = performance.now();
  const seconds: Record<string, number> = {};
  const phase = async <T>(name: string, run: () => Promise<T>): Promise<T> => {
    const t = performance.now();
    const result = await run();
    seconds[name] = Math.round((performance.now() - t) / 100) / 10;
    console.log(`  ${name.padEnd(20)} ${seconds[name]!.toFixed(1).padStart(7)} s`);
    return result;
  };

  const name = await ensureDatabase(url);
  // Seeding is rebuilt from scratch when it fails, so a lost commit costs nothing and waiting for each flush is pure overhead.
  const pool = new pg.Pool({ connectionString: url, max: 4, options: "-c synchronous_commit=off" });
  try {
    await refuseOverwrite(pool, args.reset);
    console.log(`Seeding scale ${args.scale} into ${name}…`);
    await phase("schema", async () => {
      // Always from an empty schema, so the tables are exactly what the app's migrations make.
      await pool.query("DROP SCHEMA public CASCADE; CREATE SCHEMA public;");
      const db = openDatabase({ url });
      try {
        await migrateDatabase(db);
      } finally {
        await db.close();
      }
    });
    const passwordHash = await phase("password hash", () => hashPassword(BENCH_PASSWORD));
    const now = args.now ?? Math.floor(Date.now() / DAY) * DAY;
    const ctx: SeedContext = { pool, seed: SEED, now, rng: (stream) => new Rng(SEED, stream) };
    const tenants = await phase("tenants", () => seedTenants(ctx, scale, passwordHash));
    const catalog = await phase("specs", () => seedSpecs(ctx, scale, tenants.importers, tenants.partnerships));
    const firstArticles = await phase("first articles", () => seedFirstArticles(ctx, scale, catalog.seen));
    const correctiveActions = await phase("corrective actions", () => seedCorrectiveActions(ctx, scale, tenants.partnerships, catalog.shares, firstArticles));
    await phase("inspections", () => seedInspections(ctx, scale, catalog.seen));
    await phase("comments", () => seedComments(ctx, scale, catalog.seen, firstArticles, correctiveActions));
    // Vacuumed as well as analyzed, so the first benchmark run does not race autovacuum over fresh pages.
    await phase("vacuum analyze", () => pool.query("VACUUM (ANALYZE)"));
    const counts = await countRows(pool);
    seconds.total = Math.round((performance.now() - started) / 100) / 10;

    console.log(`\n${"table".padEnd(22)} ${"rows".padStart(10)}`);
    for (const [table, n] of Object.entries(counts)) console.log(`${table.padEnd(22)} ${n.toLocaleString("en-US").padStart(10)}`);
    console.log(`\nScale ${args.scale} seeded in ${seconds.total.toFixed(1)} s. Every user's password: ${BENCH_PASSWORD}`);

    const resultsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), "results");
    mkdirSync(resultsDir, { recursive: true });
    const file = path.join(resultsDir, `seed-${args.scale}.json`);
    writeFileSync(file, `${JSON.stringify({ scale: args.scale, database: name, now: new Date(now).toISOString(), counts, seconds }, null, 2)}\n`);
    console.log(`Wrote ${path.relative(process.cwd(), file)}.`);
  } finally {
    await pool.end();
  }
}

try {
  await main();
} catch (error) {
  console.error(error instanceof UsageError ? error.message : error);
  process.exitCode = 1;
}
