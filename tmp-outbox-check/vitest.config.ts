import tsconfigPaths from "vite-tsconfig-paths";
import { defineConfig } from "vitest/config";
export default defineConfig({
  root: "/work/main",
  plugins: [tsconfigPaths({ root: "/work/main" })],
  test: { include: ["tests/integration/outbox.test.ts"], environment: "node", setupFiles: ["tmp-outbox-check/setup.ts"], testTimeout: 30000, hookTimeout: 120000 },
});
