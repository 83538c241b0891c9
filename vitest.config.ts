import tsconfigPaths from "vite-tsconfig-paths";
import { cataloguesPlugin } from "./scripts/lib/catalogues-plugin.ts";
import { defineConfig } from "vitest/config";

export default defineConfig({
  plugins: [cataloguesPlugin(), tsconfigPaths()],
  test: {
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["app/**/*.test.ts", "emails/**/*.test.ts", "scripts/**/*.test.ts"], environment: "node" },
      },
      {
        extends: true,
        // Components rendered in a simulated DOM and driven the way a user would (Testing Library).
        test: { name: "component", include: ["app/**/*.test.tsx"], environment: "happy-dom", setupFiles: ["tests/support/component-setup.ts"] },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.{ts,tsx}"],
          environment: "node",
          globalSetup: ["tests/support/global-setup.ts"],
          setupFiles: ["tests/support/setup-database.ts"],
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: "multi-server",
          include: ["tests/multi-server/**/*.test.ts"],
          environment: "node",
          // One file at a time: each starts real servers, and the hostile-input test measures
          // how fast /livez answers, which two cores shared by several servers would blur.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
