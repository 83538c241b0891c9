import { PassThrough } from "node:stream";
import type { ActionFunctionArgs, AppLoadContext, EntryContext, LoaderFunctionArgs } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { isRouteErrorResponse, RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { setupI18n } from "@lingui/core";
import { I18nProvider } from "@lingui/react";
import allCatalogues from "virtual:catalogues/all";
import { getEnv } from "~/lib/env.server.ts";
import { requestLanguage } from "~/lib/i18n/language.server.ts";
import { isLanguage, type Language } from "~/lib/i18n/languages.ts";
import { registerTitleCatalogues } from "~/lib/i18n/page-title.ts";
import { instanceFor } from "~/lib/i18n/translate.server.ts";
import { holdsEverything } from "~/lib/i18n/translate.ts";
import { NonceProvider } from "~/lib/nonce.ts";
import { getSessionUser } from "~/lib/session.server.ts";
import { contentSecurityPolicy, nonceOf } from "~/lib/security-headers.server.ts";

const ABORT_DELAY = 5_000;

/**
 * Streams the page. Browsers get the shell as soon as it is ready; crawlers
 * (and SPA mode) wait for all of it, since they read the first HTML only.
 */
export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const waitForAll = isbot(request.headers.get("user-agent") ?? "") || remixContext.isSpaMode;
  const nonce = nonceOf(loadContext);
  responseHeaders.set(
    "Content-Security-Policy",
    contentSecurityPolicy({ nonce, dev: import.meta.env.DEV, inlineStyles: wantsInlineStyles(remixContext), https: getEnv().APP_URL.startsWith("https://") }),
  );
  const i18n = await pageI18n(request, remixContext, responseStatusCode);
  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    const page = (
      <NonceProvider value={nonce}>
        <I18nProvider i18n={i18n}>
          <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
        </I18nProvider>
      </NonceProvider>
    );
    const { pipe, abort } = renderToPipeableStream(page, {
      nonce,
      [waitForAll ? "onAllReady" : "onShellReady"]() {
        shellRendered = true;
        const body = new PassThrough();
        responseHeaders.set("Content-Type", "text/html");
        resolve(new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }));
        pipe(body);
      },
      onShellError(error: unknown) {
        reject(error);
      },
      onError(error: unknown) {
        responseStatusCode = 500;
        // Errors after the shell are logged by handleError; before it, the shell error rejects.
        if (shellRendered) console.error(error);
      },
    });
    setTimeout(abort, ABORT_DELAY);
  });
}

// Page titles take their words from the server's one instance per language.
registerTitleCatalogues(instanceFor);

/**
 * The page's language as the root loader found it. A URL that matches no route runs no loader, so
 * its not-found page asks for the reader itself: a signed-in reader gets it in their own language.
 */
async function pageI18n(request: Request, remixContext: EntryContext, status: number) {
  const found = (remixContext.staticHandlerContext.loaderData?.root as { language?: unknown } | undefined)?.language;
  if (isLanguage(found)) return pageInstance(found);
  // Only a URL no route matches asks again: any other page without the root's data failed in it (the
  // database out of reach, say), and asking the database once more would only keep the reader waiting.
  const reader = status === 404 ? await getSessionUser(request).catch(() => null) : null;
  return pageInstance(requestLanguage(request, reader));
}

function pageInstance(language: Language) {
  const i18n = setupI18n({ locale: language, messages: { [language]: allCatalogues[language] ?? {} } });
  holdsEverything(i18n);
  return i18n;
}

/** A route that shows captured email HTML says so in its handle: see contentSecurityPolicy. */
function wantsInlineStyles(remixContext: EntryContext) {
  return remixContext.staticHandlerContext.matches.some((match) => {
    const handle = remixContext.routeModules[match.route.id]?.handle as { inlineStyles?: boolean } | undefined;
    return handle?.inlineStyles === true;
  });
}

/**
 * Logs real failures only: a 404 for a mistyped URL, a thrown 4xx from our
 * own checks, or a request the browser abandoned is not an error of ours.
 */
export function handleError(error: unknown, { request }: LoaderFunctionArgs | ActionFunctionArgs) {
  if (request.signal.aborted) return;
  if (isRouteErrorResponse(error) && error.status < 500) return;
  console.error(error);
}
