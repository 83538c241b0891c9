#!/usr/bin/env node
// `npm test`: the typecheck, lint (including the layering) and formatting
// checks, unit tests, component tests, integration tests on PGlite (and on
// PostgreSQL when TEST_DATABASE_URL is set), then the production build, two
// app servers on one PostgreSQL (also only with TEST_DATABASE_URL) and the
// Playwright suite in Chromium. Stops at the first failing stage and ends
// with one "N passed, N failed" line over every stage.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";

const results = path.resolve(".cache/test-results");
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });

const vitest = (project, file) => ["vitest", "run", "--project", project, "--reporter=default", "--reporter=json", `--outputFile=${path.join(results, file)}`];
const stages = [
  { title: "Typecheck", cmd: "npx", args: ["tsc", "--noEmit"] },
  { title: "Lint", cmd: "npx", args: ["eslint", "."] },
  { title: "Formatting (Prettier)", cmd: "npx", args: ["prettier", "--check", "."] },
  { title: "Unit tests", cmd: "npx", args: vitest("unit", "unit.json"), report: "unit.json" },
  { title: "Component tests", cmd: "npx", args: vitest("component", "component.json"), report: "component.json" },
  { title: "Integration tests on PGlite", cmd: "npx", args: vitest("integration", "pglite.json"), env: { TEST_DB: "pglite" }, report: "pglite.json" },
];
if (process.env.TEST_DATABASE_URL) {
  stages.push({
    title: "Integration tests on PostgreSQL",
    cmd: "npx",
    args: vitest("integration", "postgres.json"),
    env: { TEST_DB: "postgres" },
    report: "postgres.json",
  });
} else {
  console.log("TEST_DATABASE_URL is not set: skipping the PostgreSQL run of the integration tests.");
}
stages.push({ title: "Production build", cmd: "npm", args: ["run", "build"] });
if (process.env.TEST_DATABASE_URL) {
  stages.push({
    title: "Production servers on PostgreSQL (several servers, headers, hostile input, faults)",
    cmd: "npx",
    args: vitest("multi-server", "multi-server.json"),
    report: "multi-server.json",
  });
} else {
  console.log("TEST_DATABASE_URL is not set: skipping the tests against production servers on PostgreSQL.");
}
stages.push({
  title: "End-to-end tests (Chromium)",
  cmd: "npx",
  args: ["playwright", "test", "--reporter=list,json"],
  env: { PLAYWRIGHT_JSON_OUTPUT_NAME: path.join(results, "e2e.json") },
  report: "e2e.json",
});

/** [passed, failed] from a vitest or Playwright JSON report. */
function counts(file) {
  const full = path.join(results, file);
  if (!existsSync(full)) return [0, 0];
  const report = JSON.parse(readFileSync(full, "utf8"));
  if (report.stats) return [report.stats.expected + report.stats.flaky, report.stats.unexpected];
  return [report.numPassedTests ?? 0, report.numFailedTests ?? 0];
}

const started = Date.now();
let passed = 0;
let failed = 0;
let status = 0;
for (const stage of stages) {
  const t0 = Date.now();
  console.log(`\n=== ${stage.title} ===`);
  const result = spawnSync(stage.cmd, stage.args, { stdio: "inherit", env: { ...process.env, ...stage.env } });
  if (stage.report) {
    const [p, f] = counts(stage.report);
    passed += p;
    failed += f;
    console.log(`=== ${stage.title}: ${p} passed, ${f} failed ===`);
  }
  console.log(`=== ${stage.title}: ${result.status === 0 ? "ok" : "FAILED"} in ${((Date.now() - t0) / 1000).toFixed(1)} s ===`);
  if (result.status !== 0) {
    status = result.status ?? 1;
    if (failed === 0) failed = 1;
    break;
  }
}
console.log(`\nAll stages took ${((Date.now() - started) / 1000).toFixed(1)} s.`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(status);
