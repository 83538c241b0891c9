// `npm run bench`: builds and starts the production server against the
// seeded PostgreSQL database (`npm run bench:seed`), signs in 50 users and
// measures each page: throughput and latency under load, SQL statements per
// request, and initial-load JavaScript. Prints a table and writes JSON to
// bench/results/. Timing never fails anything; targets are reported as met or not.
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { catalogueKbByLanguage } from "./lib/catalogue-size.ts";
import { initialJsKb, loadAssets } from "./lib/js-size.ts";
import { measure, type LoadResult, type Target } from "./lib/load.ts";
import { BENCH_PASSWORD, benchDatabaseUrl } from "./lib/config.ts";
import { findTargets, type BenchUser, type DetailPage } from "./lib/targets.ts";
import { startServer, type RunningServer } from "./lib/server.ts";
import { printReport, TARGETS, type PageReport } from "./lib/report.ts";

const root = path.resolve(import.meta.dirname, "..");
const { values: args } = parseArgs({
  options: {
    seconds: { type: "string", default: "10" },
    warmup: { type: "string", default: "3" },
    connections: { type: "string", default: "20" },
    "no-build": { type: "boolean", default: false },
    only: { type: "string" },
    label: { type: "string", default: "" },
    // Writes a CPU profile of the server under load to bench/results/profiles/ (open it in Chrome DevTools).
    profile: { type: "boolean", default: false },
    // Server processes for the load (WEB_CONCURRENCY); statement counts always use one.
    processes: { type: "string", default: "1" },
  },
});
const databaseUrl = benchDatabaseUrl();

interface PageSpec {
  name: string;
  /** Leaf route id in the build; null for a resource route (no JavaScript). */
  route: string | null;
  /** A list page takes ?size=. */
  list?: boolean;
  /** `size`: the list page size the paths are for (20 under load, the default). */
  targets(users: BenchUser[], cookies: Map<string, string>, size?: number): Target[];
}

const perUser =
  (path: (u: BenchUser, size: number) => string | undefined) =>
  (users: BenchUser[], cookies: Map<string, string>, size = 20) =>
    users.flatMap((u) => {
      const p = path(u, size);
      return p ? [{ path: p, cookie: cookies.get(u.email) }] : [];
    });

function pages(detail: Awaited<ReturnType<typeof findTargets>>): PageSpec[] {
  const detailOf = (page: DetailPage) => perUser((u) => detail.paths[u.email]?.[page]);
  // Deep pages matter where lists are long: the users of the biggest tenants.
  const deepUsers = new Set(
    [...detail.users]
      .sort((a, b) => (detail.specCounts[b.orgId] ?? 0) - (detail.specCounts[a.orgId] ?? 0))
      .slice(0, 10)
      .map((u) => u.email),
  );
  // 90% of the way through the list, at whatever page size is asked for.
  const deepPage = (u: BenchUser, size: number) => Math.max(2, Math.floor(Math.ceil((detail.specCounts[u.orgId] ?? 0) / size) * 0.9));
  return [
    { name: "baseline (/livez)", route: null, targets: () => [{ path: "/livez" }] },
    { name: "login page", route: "routes/login", targets: () => [{ path: "/login" }] },
    { name: "dashboard", route: "routes/$org._index", targets: perUser((u) => `/${u.slug}`) },
    { name: "spec list, page 1", route: "routes/$org.specs._index", list: true, targets: perUser((u) => `/${u.slug}/specs`) },
    {
      name: "spec list, deep page",
      route: "routes/$org.specs._index",
      list: true,
      targets: perUser((u, size) => (deepUsers.has(u.email) ? `/${u.slug}/specs?page=${deepPage(u, size)}` : undefined)),
    },
    { name: `spec with ${detail.threadComments}+ comments`, route: "routes/$org.specs.$specId.v.$number._index", targets: detailOf("specThread") },
    { name: "first article grid", route: "routes/$org.first-articles.$faId._index", targets: detailOf("firstArticle") },
    { name: "corrective action", route: "routes/$org.corrective-actions.$caId._index", targets: detailOf("correctiveAction") },
    { name: "partner scorecard", route: "routes/$org.scorecards.$partnerId", targets: detailOf("scorecard") },
    { name: "inspection list", route: "routes/$org.inspections._index", list: true, targets: perUser((u) => `/${u.slug}/inspections`) },
    { name: "inspection page", route: "routes/$org.inspections.$inspectionId._index", targets: detailOf("inspection") },
  ];
}

async function signIn(server: RunningServer, email: string): Promise<string> {
  const res = await fetch(`${server.url}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: server.url },
    body: new URLSearchParams({ email, password: BENCH_PASSWORD, redirectTo: "/" }),
  });
  if (res.status !== 302) throw new Error(`Signing in ${email} gave ${res.status}; was the database seeded with npm run bench:seed?`);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

const withSize = (p: string, size: number) => `${p}${p.includes("?") ? "&" : "?"}size=${size}`;

/** Most statements any of the first few targets needed, one request at a time so each count is exact. */
async function queriesPerRequest(server: RunningServer, targets: Target[], size: number | null) {
  let most = 0;
  for (const target of targets.slice(0, 6)) {
    const res = await fetch(server.url + (size ? withSize(target.path, size) : target.path), { headers: target.cookie ? { cookie: target.cookie } : {} });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${target.path} answered ${res.status} while counting queries`);
    const counted = res.headers.get("x-query-count");
    if (counted === null) throw new Error(`${target.path} carried no X-Query-Count: the counting server did not count`);
    most = Math.max(most, Number(counted));
  }
  return most;
}

async function datasetSize(pool: pg.Pool) {
  const tables = [
    "Organization",
    "Partnership",
    "User",
    "Spec",
    "SpecVersion",
    "Characteristic",
    "FirstArticle",
    "Measurement",
    "CorrectiveAction",
    "Inspection",
    "InspectionDefect",
    "Comment",
  ];
  const counts: Record<string, number> = {};
  for (const table of tables) counts[table] = Number((await pool.query(`SELECT count(*)::int AS n FROM "${table}"`)).rows[0].n);
  return counts;
}

async function main() {
  const seconds = Number(args.seconds);
  const warmupSeconds = Number(args.warmup);
  const connections = Number(args.connections);
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  const dataset = await datasetSize(pool).catch((error: Error) => {
    throw new Error(`Cannot read ${databaseUrl}: ${error.message}. Seed it first: npm run bench:seed -- --scale L`);
  });
  if (!dataset.Spec) throw new Error(`${databaseUrl} has no specifications. Seed it first: npm run bench:seed -- --scale L`);
  console.log(
    `Dataset: ${Object.entries(dataset)
      .map(([t, n]) => `${n.toLocaleString("en")} ${t}`)
      .join(", ")}`,
  );

  if (!args["no-build"]) {
    console.log("Building…");
    const build = spawnSync("npm", ["run", "build"], { cwd: root, encoding: "utf8" });
    if (build.status !== 0) throw new Error(`The build failed:\n${build.stdout}${build.stderr}`);
  }
  const detail = await findTargets(pool);
  await pool.end();
  const kinds = new Set(detail.users.map((u) => u.kind));
  console.log(`Signing in ${detail.users.length} users of ${new Set(detail.users.map((u) => u.orgId)).size} organizations (${[...kinds].join(" and ")})`);
  let specs = pages(detail);
  if (args.only) specs = specs.filter((p) => p.name.includes(args.only!) || p.name.startsWith("baseline"));
  const assets = await loadAssets(root);
  // A page whose route this build does not have yet is left out, and said so.
  specs = specs.filter((spec) => {
    if (!spec.route || assets.routes[spec.route]) return true;
    console.log(`Skipping "${spec.name}": the build has no route ${spec.route}.`);
    return false;
  });

  // Statement counts come from a server that reports them; throughput from one that does not.
  const reports: PageReport[] = [];
  const counting = await startServer(databaseUrl, { QUERY_STATS: "true", WORKER: "false" });
  const languagePool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  try {
    const cookies = new Map<string, string>();
    for (const user of detail.users) cookies.set(user.email, await signIn(counting, user.email));
    const emailOf = new Map([...cookies].map(([email, cookie]) => [cookie, email]));
    for (const spec of specs) {
      const targets = spec.targets(detail.users, cookies);
      if (!targets.length) throw new Error(`No data for "${spec.name}"`);
      const small = spec.list
        ? await queriesPerRequest(counting, spec.targets(detail.users, cookies, 10), 10)
        : await queriesPerRequest(counting, targets, null);
      const large = spec.list ? await queriesPerRequest(counting, spec.targets(detail.users, cookies, 50), 50) : small;
      reports.push({
        name: spec.name,
        route: spec.route,
        targetCount: targets.length,
        queries10: small,
        queries50: large,
        jsKb: spec.route ? initialJsKb(root, assets, spec.route) : 0,
        catalogueKb: spec.route ? await catalogueKbByLanguage(languagePool, counting.url, targets[0]!, emailOf.get(targets[0]!.cookie ?? "") ?? null) : null,
        load: undefined as unknown as LoadResult,
      });
    }
  } finally {
    await languagePool.end();
    await counting.stop();
  }

  const profileDir = path.join(root, "bench/results/profiles");
  const server = await startServer(databaseUrl, { WEB_CONCURRENCY: args.processes! }, args.profile ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : []);
  try {
    const cookies = new Map<string, string>();
    for (const user of detail.users) cookies.set(user.email, await signIn(server, user.email));
    for (const [i, spec] of specs.entries()) {
      process.stdout.write(`Loading ${spec.name}… `);
      reports[i]!.load = await measure(server.url, spec.targets(detail.users, cookies), { connections, warmupSeconds, seconds });
      console.log(`${reports[i]!.load.rps.toFixed(0)} req/s`);
    }
  } finally {
    await server.stop();
  }

  const result = {
    label: args.label,
    date: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? "unknown",
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
      platform: `${os.platform()} ${os.release()}`,
    },
    settings: {
      connections,
      warmupSeconds,
      seconds,
      pipelining: 1,
      serverProcesses: Number(args.processes),
      users: detail.users.length,
      organizations: new Set(detail.users.map((u) => u.orgId)).size,
    },
    dataset,
    targets: TARGETS,
    pages: reports,
  };
  const met = printReport(result);
  const dir = path.join(root, "bench/results");
  mkdirSync(dir, { recursive: true });
  const stamp = result.date.replace(/[:.]/g, "-");
  writeFileSync(path.join(dir, `bench-${stamp}.json`), JSON.stringify(result, null, 2));
  writeFileSync(path.join(dir, "latest.json"), JSON.stringify(result, null, 2));
  console.log(`\nWrote bench/results/bench-${stamp}.json and bench/results/latest.json. ${met ? "Every target is met." : "Some targets are not met."}`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
