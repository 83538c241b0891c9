// A private PostgreSQL server for tests that stop and start the database: the
// shared one at 127.0.0.1:5432 serves every other test at the same time and must
// stay up. initdb and pg_ctl refuse to run as root, so they run as `postgres`.
import { execFile } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { chown, mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
const LIB = "/usr/lib/postgresql";

/** The newest installed server's bin folder, or a clear error naming what is missing. */
export function postgresBinaries() {
  const versions = existsSync(LIB) ? readdirSync(LIB).filter((v) => existsSync(path.join(LIB, v, "bin/initdb"))) : [];
  const newest = versions.sort((x, y) => Number(y) - Number(x))[0];
  if (!newest) {
    throw new Error(
      `No PostgreSQL server binaries under ${LIB} (initdb, pg_ctl): install them with \`apt-get install -y postgresql\` (.ci/run does when pg_isready is missing).`,
    );
  }
  return path.join(LIB, newest, "bin");
}

export interface PostgresCluster {
  url: string;
  port: number;
  start(): Promise<void>;
  /** Fast shutdown: open sessions are ended with 57P01, as in a real restart. */
  stop(): Promise<void>;
  remove(): Promise<void>;
  /** The server's main process, e.g. to freeze it with SIGSTOP (a server that accepts connections and never answers). */
  postmasterPid(): Promise<number>;
}

export async function createPostgresCluster(port: number): Promise<PostgresCluster> {
  const bin = postgresBinaries();
  const asPostgres = (command: string, args: string[]) =>
    process.getuid?.() === 0
      ? run("runuser", ["-u", "postgres", "--", path.join(bin, command), ...args], { timeout: 60_000 })
      : run(path.join(bin, command), args, { timeout: 60_000 });
  const dir = await mkdtemp(path.join(os.tmpdir(), "sp-pg-cluster-"));
  if (process.getuid?.() === 0) {
    const { stdout } = await run("id", ["-u", "postgres"]);
    const { stdout: gid } = await run("id", ["-g", "postgres"]);
    await chown(dir, Number(stdout.trim()), Number(gid.trim()));
  }
  const data = path.join(dir, "data");
  await asPostgres("initdb", ["-D", data, "-A", "trust", "-U", "postgres", "--no-sync"]);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=40`;
  let running = false;
  const cluster: PostgresCluster = {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    async start() {
      await asPostgres("pg_ctl", ["-D", data, "-o", options, "-l", path.join(dir, "server.log"), "-w", "-t", "30", "start"]);
      running = true;
    },
    async stop() {
      await asPostgres("pg_ctl", ["-D", data, "-m", "fast", "-w", "-t", "30", "stop"]);
      running = false;
    },
    async postmasterPid() {
      return Number((await readFile(path.join(data, "postmaster.pid"), "utf8")).split("\n")[0]);
    },
    async remove() {
      if (running) await cluster.stop().catch(() => asPostgres("pg_ctl", ["-D", data, "-m", "immediate", "stop"]).catch(() => undefined));
      await rm(dir, { recursive: true, force: true });
    },
  };
  return cluster;
}
