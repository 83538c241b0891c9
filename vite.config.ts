import { vitePlugin as remix } from "@remix-run/dev";
import { defineConfig, type Plugin } from "vite";
import tsconfigPaths from "vite-tsconfig-paths";
import { cataloguesPlugin } from "./scripts/lib/catalogues-plugin.ts";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

// @casl/prisma's runtime imports Prisma only for its client extension, which
// runs on the server. The browser gets a stand-in so the ability module stays
// isomorphic without shipping Prisma's runtime.
function prismaExtensionStandIn(): Plugin {
  const id = "\0prisma-extension-stand-in";
  return {
    name: "prisma-extension-stand-in",
    enforce: "pre",
    resolveId(source, _importer, options) {
      if (source === "@prisma/client/extension" && !options?.ssr) return id;
      return null;
    },
    load(source) {
      if (source === id) return "export const Prisma = { defineExtension: (extension) => extension };";
      return null;
    },
  };
}

export default defineConfig({
  // The password hasher is server-only, but Vite's dev scan of the route files finds it and
  // tries to pre-bundle its browser build (a WASI package we do not install): every page then
  // answered 504 "Outdated Optimize Dep" in `npm run dev` and never hydrated.
  optimizeDeps: { exclude: ["@node-rs/argon2"] },
  server: { port: 3000 },
  build: { target: "es2022" },
  plugins: [
    cataloguesPlugin(),
    prismaExtensionStandIn(),
    remix({
      future: {
        v3_fetcherPersist: true,
        v3_relativeSplatPath: true,
        v3_throwAbortReason: true,
        v3_singleFetch: true,
        v3_lazyRouteDiscovery: true,
        v3_routeConfig: true,
      },
    }),
    tsconfigPaths(),
  ],
});
