// A production app server whose PostgreSQL server stops and starts again: while
// it is down every request gets a quick 503 (no stall, no crash), and once it is
// back the same process serves again. The database is a private cluster on a
// free port, so stopping it touches no other test. Needs `npm run build` and the
// PostgreSQL server binaries (initdb, pg_ctl).
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectDatabase, disconnectDatabase, prisma } from "~/lib/db.server.ts";
import { type AppServer, Browser, freePort, requireProductionBuild, startAppServerOnFreePort, stopAppServer, waitUntilHealthy } from "../support/app-server.ts";
import { createMember, TEST_PASSWORD } from "../support/factories.ts";
import { createPostgresCluster, type PostgresCluster } from "../support/postgres-cluster.ts";

let cluster: PostgresCluster | undefined;
let server: AppServer | undefined;
let dataDir = "";

beforeAll(async () => {
  requireProductionBuild();
  cluster = await createPostgresCluster(await freePort());
  await cluster.start();
  dataDir = await mkdtemp(path.join(os.tmpdir(), "sp-restart-data-"));
  server = await startAppServerOnFreePort("restart", {
    DATABASE_URL: cluster.url,
    SESSION_SECRET: randomBytes(32).toString("hex"),
    DATA_DIR: dataDir,
    TRUST_PROXY: "1",
    DATABASE_POOL_SIZE: "4",
  });
  await waitUntilHealthy(server);
  connectDatabase({ url: `${cluster.url}?application_name=sp-restart-test` });
}, 120_000);

afterAll(async () => {
  if (server) await stopAppServer(server);
  await disconnectDatabase();
  await cluster?.remove();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
}, 60_000);

async function timed<T>(run: () => Promise<T>) {
  const started = performance.now();
  const value = await run();
  return { value, ms: Math.round(performance.now() - started) };
}

/** A new importer's owner, signed in on `app` from a browser at `address`, whose dashboard answers while the database is up. */
async function signedInOwner(app: AppServer, address: string) {
  const { org, user } = await createMember("IMPORTER", "OWNER");
  const browser = new Browser(address);
  expect((await browser.request(app, "/login", { form: { email: user.email, password: TEST_PASSWORD } })).status).toBe(302);
  expect((await browser.request(app, `/${org.slug}`)).status).toBe(200);
  return { org, browser };
}

describe("an app server whose database restarts", () => {
  it("answers 503 at once while PostgreSQL is stopped, and serves again without a restart once it is back", async () => {
    const app = server!;
    const { org, browser } = await signedInOwner(app, "198.51.100.201");

    await cluster!.stop();

    const page = await timed(() => browser.request(app, `/${org.slug}`));
    expect(page.value.status).toBe(503);
    expect(page.value.headers.get("retry-after")).toBe("5");
    expect(page.value.headers.get("content-type")).toMatch(/^text\/html/);
    const html = await page.value.text();
    expect(html).toContain("The portal is briefly unavailable");
    expect(html).toContain("Try again in a moment");
    expect(page.ms).toBeLessThan(3_000);

    // Client-side navigations and form posts get the status too.
    const navigation = await browser.request(app, `/${org.slug}.data`);
    expect(navigation.status).toBe(503);
    expect(navigation.headers.get("retry-after")).toBe("5");
    const post = await timed(() => browser.request(app, `/${org.slug}/specs/new`, { form: { title: "Stoneware mug", productCode: "MUG-1" } }));
    expect(post.value.status).toBe(503);
    expect(post.ms).toBeLessThan(3_000);

    const health = await fetch(`${app.url}/healthz`);
    expect(health.status).toBe(503);
    expect(await health.text()).toContain("cannot reach its database");
    // Liveness does not touch the database: the process itself is fine.
    expect((await fetch(`${app.url}/livez`)).status).toBe(200);
    // The in-process outbox worker (every 2 s) meets the outage too, and carries on.
    const workerSaw = await timed(async () => {
      const deadline = Date.now() + 6_000;
      while (Date.now() < deadline && !app.output.join("").includes("[outbox] run skipped: the database is unavailable")) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      return app.output.join("").includes("[outbox] run skipped: the database is unavailable");
    });
    expect(workerSaw.value).toBe(true);

    await cluster!.start();
    const recovery = await timed(async () => {
      const deadline = Date.now() + 30_000;
      let status = 0;
      while (Date.now() < deadline) {
        status = (await browser.request(app, `/${org.slug}`)).status;
        if (status === 200) return status;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      return status;
    });
    expect(recovery.value).toBe(200);
    expect(recovery.ms).toBeLessThan(5_000);
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
    const created = await browser.request(app, `/${org.slug}/specs/new`, {
      form: { title: "Stoneware mug", productCode: `MUG-${randomBytes(3).toString("hex")}` },
    });
    expect(created.status).toBe(302);

    expect(app.process.exitCode).toBeNull();
    expect(app.process.signalCode).toBeNull();
    const log = app.output.join("");
    expect(log).toContain("[database] unavailable");
    expect(log).not.toContain("[outbox] run failed");
    console.log(`database stopped: page 503 in ${page.ms} ms, form post 503 in ${post.ms} ms; after the start, first 200 in ${recovery.ms} ms`);
  }, 90_000);

  it("answers 503 within the 5 s connect timeout while PostgreSQL accepts connections and never answers, and serves again once it does", async () => {
    const app = server!;
    const { org, browser } = await signedInOwner(app, "198.51.100.202");

    // The app's pooled connections go first, so that its next query needs a new one;
    // then the postmaster is frozen: the kernel still accepts, nobody answers.
    await prisma.$executeRawUnsafe(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE pid <> pg_backend_pid() AND backend_type = 'client backend' AND application_name <> 'sp-restart-test'`,
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    const postmaster = await cluster!.postmasterPid();
    process.kill(postmaster, "SIGSTOP");
    let hung: { value: Response; ms: number };
    try {
      hung = await timed(() => browser.request(app, `/${org.slug}`));
    } finally {
      process.kill(postmaster, "SIGCONT");
    }
    expect(hung.value.status).toBe(503);
    expect(hung.ms).toBeGreaterThanOrEqual(4_500);
    expect(hung.ms).toBeLessThan(9_000);

    const recovery = await timed(async () => {
      const deadline = Date.now() + 30_000;
      let status = 0;
      while (Date.now() < deadline && status !== 200) {
        status = (await browser.request(app, `/${org.slug}`)).status;
        if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 100));
      }
      return status;
    });
    expect(recovery.value).toBe(200);
    expect(app.process.exitCode).toBeNull();
    console.log(`database frozen: page 503 in ${hung.ms} ms; after it resumed, first 200 in ${recovery.ms} ms`);
  }, 60_000);
});
