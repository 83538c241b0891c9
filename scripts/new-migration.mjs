#!/usr/bin/env node
// Authors a migration: the SQL from the schema as of the last committed
// migration to the current prisma/schema.prisma. Every migration is committed
// together with the schema it was made from, so git holds the "before".
// (Prisma's --from-migrations would need a scratch database, and the
// driver adapter cannot introspect one here: docs/decisions/001.)
//   npm run db:new-migration -- name_of_change
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const name = (process.argv[2] ?? "").replace(/[^a-z0-9_]/gi, "_").toLowerCase();
if (!name) {
  console.error("Usage: npm run db:new-migration -- name_of_change");
  process.exit(2);
}
const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const git = (...args) => execFileSync("git", args, { cwd: root, encoding: "utf8" }).trim();

const lastMigrationCommit = git("log", "-1", "--format=%H", "--", "prisma/migrations");
const tmp = mkdtempSync(path.join(os.tmpdir(), "sp-migration-"));
try {
  const before = path.join(tmp, "before.prisma");
  const schemaThen = lastMigrationCommit ? git("show", `${lastMigrationCommit}:prisma/schema.prisma`) : "";
  const from = schemaThen ? ["--from-schema-datamodel", before] : ["--from-empty"];
  if (schemaThen) writeFileSync(before, schemaThen);
  const result = spawnSync(
    process.execPath,
    [path.join(root, "scripts/prisma.mjs"), "migrate", "diff", ...from, "--to-schema-datamodel", "prisma/schema.prisma", "--script"],
    { cwd: root, encoding: "utf8" },
  );
  if (result.status !== 0) {
    console.error(result.stderr);
    process.exitCode = 1;
  } else if (!result.stdout.trim() || /^-- This is an empty migration/.test(result.stdout.trim())) {
    console.log("The schema matches the last migration: nothing to do.");
  } else {
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const dir = path.join(root, "prisma/migrations", `${stamp}_${name}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "migration.sql"), result.stdout);
    console.log(`Wrote ${path.relative(root, dir)}/migration.sql — commit it together with prisma/schema.prisma.`);
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
