// The catalogues compiled at build time by scripts/lib/catalogues-plugin.ts.
declare module "virtual:catalogues" {
  import type { Messages } from "@lingui/core";
  /** One namespace of one language ("zh-CN/common"), each its own chunk. */
  export const loaders: Record<string, () => Promise<{ default: Messages }>>;
}
declare module "virtual:catalogues/all" {
  import type { Messages } from "@lingui/core";
  /** Every namespace of every language, by language: for the server. */
  const all: Record<string, Messages>;
  export default all;
}
