#!/usr/bin/env node
// Runs the Prisma CLI without letting it download native engines: this
// project uses Prisma's WASM engines and driver adapters only.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import path from "node:path";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const env = {
  ...process.env,
  // The CLI only checks that this file exists before choosing the WASM engines.
  PRISMA_QUERY_ENGINE_LIBRARY: path.join(root, "node_modules/prisma/build/index.js"),
  // Only used by commands that talk to a database (authoring migrations).
  DATABASE_URL: process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/supplier_portal_dev",
  PRISMA_SKIP_POSTINSTALL_GENERATE: "1",
  PRISMA_HIDE_UPDATE_MESSAGE: "1",
  CHECKPOINT_DISABLE: "1",
};
const cli = path.join(root, "node_modules/prisma/build/index.js");
const result = spawnSync(process.execPath, [cli, ...process.argv.slice(2)], { stdio: "inherit", env, cwd: root });
process.exit(result.status ?? 1);
