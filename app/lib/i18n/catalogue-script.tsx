import { useLingui } from "@lingui/react";
import { useNonce } from "~/lib/nonce.ts";
import { CATALOGUE_SCRIPT_ID } from "./catalogue-script-id.ts";
import { shippedCatalogues } from "./translate.ts";

// What the server shipped, read once in the browser: hydration renders the same element again.
const shipped = typeof document === "undefined" ? null : (document.getElementById(CATALOGUE_SCRIPT_ID)?.textContent ?? "");

/**
 * The messages the page used while the server rendered it, as data for the browser to start
 * with (no round trip before the page works). Last in the body: by then every component above
 * has asked for its namespaces. `<` is escaped so no message can end the element.
 */
export function CatalogueScript() {
  const { i18n } = useLingui();
  // Not a script that runs, but the page's policy gives every script element the page's nonce.
  const nonce = useNonce();
  const json = shipped ?? JSON.stringify(shippedCatalogues(i18n)).replace(/</g, "\\u003c");
  return <script id={CATALOGUE_SCRIPT_ID} type="application/json" nonce={nonce} suppressHydrationWarning dangerouslySetInnerHTML={{ __html: json }} />;
}
