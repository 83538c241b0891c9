import { setupI18n } from "@lingui/core";
import { I18nProvider } from "@lingui/react";
import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { CATALOGUE_SCRIPT_ID } from "~/lib/i18n/catalogue-script-id.ts";
import { registerTitleCatalogues } from "~/lib/i18n/page-title.ts";
import { arrivedWith, type ShippedCatalogues } from "~/lib/i18n/translate.ts";

// The page's words came with it (see CatalogueScript), the rest of its namespaces follow at once; namespaces of
// later pages load as they are needed.
const shipped = JSON.parse(document.getElementById(CATALOGUE_SCRIPT_ID)?.textContent || "null") as ShippedCatalogues | null;
const i18n = setupI18n({ locale: shipped?.language ?? "en", messages: { [shipped?.language ?? "en"]: shipped?.messages ?? {} } });
arrivedWith(i18n, shipped?.namespaces ?? []);
registerTitleCatalogues(() => i18n);

startTransition(() => {
  hydrateRoot(
    document,
    <StrictMode>
      <I18nProvider i18n={i18n}>
        <RemixBrowser />
      </I18nProvider>
    </StrictMode>,
  );
});
