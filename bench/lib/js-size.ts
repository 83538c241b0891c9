// Initial-load JavaScript of a page, read from the production build: the
// Remix manifest, the client entry and every module (with its static imports)
// of the routes that render the page — what the browser preloads.
import { readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";

interface AssetsManifest {
  url: string;
  entry: { module: string; imports: string[] };
  routes: Record<string, { parentId?: string; module: string; imports?: string[] }>;
}

export async function loadAssets(root: string): Promise<AssetsManifest> {
  const build = (await import(pathToFileURL(path.join(root, "build/server/index.js")).href)) as { assets: AssetsManifest };
  return build.assets;
}

/** kB gzip (level 6, as the server's compression sends them) of the page whose leaf route is `routeId`. */
export function initialJsKb(root: string, assets: AssetsManifest, routeId: string): number {
  const files = new Set<string>([assets.url, assets.entry.module, ...assets.entry.imports]);
  for (let id: string | undefined = routeId; id; id = assets.routes[id]?.parentId) {
    const route = assets.routes[id];
    if (!route) throw new Error(`No route ${id} in the build`);
    files.add(route.module);
    for (const file of route.imports ?? []) files.add(file);
  }
  let bytes = 0;
  for (const file of files) bytes += gzipSync(readFileSync(path.join(root, "build/client", file)), { level: 6 }).length;
  return bytes / 1024;
}
