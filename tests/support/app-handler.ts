// The app's own request handler in this process: Remix's server runtime with the app's entry and
// every route its route config (app/routes.ts) names, so a test asks for a page by URL and reads
// the whole HTML a browser would get, on the test file's database. No build, no HTTP server.
import path from "node:path";
import { createRequestHandler, type ServerBuild } from "@remix-run/node";
import { withRequestScope } from "~/lib/request-scope.server.ts";
import { createNonce } from "~/lib/security-headers.server.ts";
import { root } from "./app-server.ts";
import { APP } from "./routes.ts";

const appDirectory = path.join(root, "app");

/** One route of the app's route config, as Remix's manifest holds it. */
export interface AppRoute {
  id: string;
  parentId: string | undefined;
  /** Relative to app/, e.g. "routes/$org.specs._index.tsx". */
  file: string;
  path: string | undefined;
  index: boolean;
  /** The route's module: a page when it has a default export, a resource route otherwise. */
  module: Record<string, unknown>;
}

interface ConfigEntry {
  id?: string;
  file: string;
  path?: string;
  index?: boolean;
  children?: ConfigEntry[];
}

async function readRouteConfig(): Promise<Omit<AppRoute, "module">[]> {
  // flatRoutes() finds app/ the way Remix's Vite plugin tells it, through this global.
  (globalThis as { __remixAppDirectory?: string }).__remixAppDirectory = appDirectory;
  const config = (await (await import("~/routes.ts")).default) as ConfigEntry[];
  const routes: Omit<AppRoute, "module">[] = [{ id: "root", parentId: undefined, file: "root.tsx", path: "", index: false }];
  const walk = (entries: ConfigEntry[], parentId: string) => {
    for (const entry of entries) {
      const id = entry.id ?? entry.file.replace(/\.[^/.]+$/, "");
      routes.push({ id, parentId, file: entry.file, path: entry.path, index: entry.index ?? false });
      walk(entry.children ?? [], id);
    }
  };
  walk(config, "root");
  return routes;
}

let loaded: Promise<{ routes: AppRoute[]; handle: (request: Request) => Promise<Response> }> | undefined;

async function load() {
  const routes: AppRoute[] = [];
  for (const route of await readRouteConfig()) {
    routes.push({ ...route, module: (await import(/* @vite-ignore */ path.join(appDirectory, route.file))) as Record<string, unknown> });
  }
  const entry = (await import("~/entry.server.tsx")) as unknown as ServerBuild["entry"]["module"];
  const build: ServerBuild = {
    mode: "production",
    entry: { module: entry },
    routes: Object.fromEntries(
      routes.map((r) => [r.id, { id: r.id, parentId: r.parentId, path: r.path, index: r.index || undefined, caseSensitive: undefined, module: r.module }]),
    ) as unknown as ServerBuild["routes"],
    // The browser's half is not loaded here: the pages' script tags point at nothing.
    assets: {
      version: "test",
      url: "/assets/manifest-test.js",
      entry: { module: "/assets/entry.client.js", imports: [] },
      routes: Object.fromEntries(
        routes.map((r) => [
          r.id,
          {
            id: r.id,
            parentId: r.parentId,
            path: r.path,
            index: r.index || undefined,
            caseSensitive: undefined,
            module: `/assets/${r.id}.js`,
            imports: [],
            hasAction: "action" in r.module,
            hasLoader: "loader" in r.module,
            hasClientAction: false,
            hasClientLoader: false,
            hasErrorBoundary: "ErrorBoundary" in r.module,
          },
        ]),
      ),
    },
    publicPath: "/",
    assetsBuildDirectory: path.join(root, "build/client"),
    future: { v3_fetcherPersist: true, v3_relativeSplatPath: true, v3_throwAbortReason: true, v3_singleFetch: true, v3_lazyRouteDiscovery: true },
    isSpaMode: false,
  } as ServerBuild;
  const handler = createRequestHandler(build, "production");
  const handle = (request: Request) =>
    withRequestScope(() => handler(request, { clientAddress: "203.0.113.7", socketAddress: "203.0.113.7", cspNonce: createNonce() }));
  return { routes, handle };
}

const app = () => (loaded ??= load());

/** Every route of the app's route config (the root first), with its module. */
export async function appRoutes() {
  return (await app()).routes;
}

/**
 * A GET of `pathname` through the app's handler, answered whole: a crawler's user agent makes the
 * entry wait for every suspended part, so the HTML holds all of the page, not fallbacks.
 */
export async function requestPage(pathname: string, options: { cookie?: string; headers?: Record<string, string> } = {}) {
  const headers = new Headers({ "User-Agent": "Mozilla/5.0 (compatible; Googlebot/2.1)", ...options.headers });
  if (options.cookie) headers.set("Cookie", options.cookie);
  return (await app()).handle(new Request(`${APP}${pathname}`, { headers }));
}
