import path from "node:path";
import { defineConfig } from "prisma/config";

// Prisma's CLI is used to generate the client and to author migrations; the
// app applies migrations itself (see docs/decisions/002-migrations.md). The
// adapter lets the CLI use its WASM schema engine instead of a native one
// that it would have to download.
export default defineConfig({
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  experimental: { adapter: true },
  engine: "js",
  async adapter() {
    const { PrismaPg } = await import("@prisma/adapter-pg");
    const url = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/supplier_portal_dev";
    return new PrismaPg({ connectionString: url });
  },
});
