#!/usr/bin/env node
// `npm test`: unit tests, integration tests on PGlite (and on PostgreSQL
// when TEST_DATABASE_URL is set), then the production build and the
// Playwright suite in Chromium. Stops at the first failing stage.
import { spawnSync } from "node:child_process";

const stages = [
  ["Unit tests", "npx", ["vitest", "run", "--project", "unit"], {}],
  ["Integration tests on PGlite", "npx", ["vitest", "run", "--project", "integration"], { TEST_DB: "pglite" }],
];
if (process.env.TEST_DATABASE_URL) {
  stages.push(["Integration tests on PostgreSQL", "npx", ["vitest", "run", "--project", "integration"], { TEST_DB: "postgres" }]);
} else {
  console.log("TEST_DATABASE_URL is not set: skipping the PostgreSQL run of the integration tests.");
}
stages.push(["Production build", "npm", ["run", "build"], {}]);
stages.push(["End-to-end tests (Chromium)", "npx", ["playwright", "test"], {}]);

const started = Date.now();
for (const [title, command, args, env] of stages) {
  const t0 = Date.now();
  console.log(`\n=== ${title} ===`);
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
  console.log(`=== ${title}: ${result.status === 0 ? "passed" : "FAILED"} in ${((Date.now() - t0) / 1000).toFixed(1)} s ===`);
  if (result.status !== 0) process.exit(result.status ?? 1);
}
console.log(`\nAll test stages passed in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
