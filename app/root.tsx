import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Links, Meta, Outlet, Scripts, ScrollRestoration, useRouteLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { useLingui } from "@lingui/react";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { Toaster } from "~/components/toaster.tsx";
import { CatalogueScript } from "~/lib/i18n/catalogue-script.tsx";
import { requestLanguage } from "~/lib/i18n/language.server.ts";
import type { Language } from "~/lib/i18n/languages.ts";
import { useFollowLanguage } from "~/lib/i18n/translate.ts";
import { requestTimeZone } from "~/lib/time-zone.server.ts";
import { DEFAULT_TIME_ZONE } from "~/lib/time-zones.ts";
import { TimeZoneProvider } from "~/lib/use-format.ts";
import { useNonce } from "~/lib/nonce.ts";
import { getSessionUser } from "~/lib/session.server.ts";
import { getToast } from "~/lib/toast.server.ts";
import stylesheet from "~/styles/tailwind.css?url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [{ title: "Supplier Portal" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const [user, { toast, headers }] = await Promise.all([getSessionUser(request), getToast(request)]);
  const language = requestLanguage(request, user);
  const timeZone = requestTimeZone(request, user);
  return data({ user: user ? { id: user.id, name: user.name, email: user.email } : null, toast, language, timeZone }, { headers });
}

export function Layout({ children }: { children: ReactNode }) {
  const root = useRouteLoaderData<typeof loader>("root");
  const nonce = useNonce();
  const { i18n } = useLingui();
  useFollowLanguage(root?.language ?? (i18n.locale as Language));
  return (
    <html lang={i18n.locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body className="min-h-screen">
        <TimeZoneProvider value={root?.timeZone ?? DEFAULT_TIME_ZONE}>{children}</TimeZoneProvider>
        <Toaster toast={root?.toast ?? null} />
        <CatalogueScript />
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export const ErrorBoundary = GeneralErrorBoundary;
