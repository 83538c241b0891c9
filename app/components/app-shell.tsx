import { Form, Link, NavLink } from "@remix-run/react";
import { createContext, useContext, type ReactNode } from "react";
import { useT } from "~/lib/i18n/translate.ts";
import { LanguageMenu } from "./language-menu.tsx";

interface OrgLink {
  slug: string;
  name: string;
  kind: "IMPORTER" | "FACTORY";
  /** The org's home page. */
  to: string;
}

/** True below the shell's <main>: a page drawn there (an error page) must not open a second main landmark. */
const InsideMain = createContext(false);
export const useInsideMain = () => useContext(InsideMain);

/**
 * Header with the org switcher and the org's navigation; the page below. The links come from
 * the layout route, which knows the features' paths.
 */
export function AppShell({
  org,
  orgs,
  nav,
  newOrgTo,
  user,
  children,
}: {
  org: OrgLink;
  orgs: OrgLink[];
  nav: readonly { to: string; label: string; end?: boolean }[];
  newOrgTo: string;
  user: { name: string; email: string };
  children: ReactNode;
}) {
  const t = useT("common");
  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white">
        {/* One row on a phone too: the header and navigation together stay within 120 px. */}
        <div className="mx-auto flex max-w-6xl items-center gap-x-3 px-4 py-2 sm:gap-x-4 sm:py-3">
          {/* On a phone the org name is the better anchor: the product name gives its room to it. */}
          <Link to={org.to} className="tap-target shrink-0 font-bold text-brand-700 max-sm:hidden">
            {t("product")}
          </Link>
          <details className="relative min-w-0" data-testid="org-switcher">
            <summary className="flex min-h-11 cursor-pointer list-none items-center gap-2 rounded-md border border-slate-300 px-3 py-1.5 text-sm sm:min-h-0 [&::-webkit-details-marker]:hidden">
              <span className="min-w-0 max-w-[10rem] truncate font-medium sm:max-w-xs">{org.name}</span>
              <span className="rounded bg-slate-100 px-1.5 text-xs text-slate-600 max-sm:hidden">{t(`kind.${org.kind}`)}</span>
              <span aria-hidden>▾</span>
            </summary>
            <div className="absolute left-0 z-20 mt-1 w-64 rounded-md border border-slate-200 bg-white py-1 shadow-lg">
              <p className="px-3 py-1 text-xs font-semibold uppercase text-slate-500">{t("shell.switchOrg")}</p>
              {orgs.map((o) => (
                <Link
                  key={o.slug}
                  to={o.to}
                  aria-current={o.slug === org.slug ? "true" : undefined}
                  className="flex min-h-11 items-center justify-between px-3 py-2 text-sm hover:bg-slate-50 aria-[current]:font-semibold sm:min-h-0"
                >
                  <span className="truncate">{o.name}</span>
                  <span className="text-xs text-slate-500">{t(`kind.${o.kind}`)}</span>
                </Link>
              ))}
              <Link
                to={newOrgTo}
                className="flex min-h-11 items-center border-t border-slate-100 px-3 py-2 text-sm text-brand-600 hover:bg-slate-50 sm:min-h-0"
              >
                {t("shell.newOrg")}
              </Link>
            </div>
          </details>
          <div className="ml-auto flex shrink-0 items-center gap-1 text-sm sm:gap-3">
            <span className="hidden text-slate-600 sm:inline" title={user.email}>
              {user.name}
            </span>
            <LanguageMenu />
            <Form method="post" action="/logout">
              <button type="submit" className="btn-secondary px-3 py-1 sm:min-h-8">
                {t("shell.logOut")}
              </button>
            </Form>
          </div>
        </div>
        {/* On a phone the links scroll sideways in one row rather than wrapping into three. */}
        <nav className="mx-auto max-w-6xl px-4 max-sm:overflow-x-auto" aria-label={t("shell.navLabel")}>
          <ul className="flex gap-x-1 sm:flex-wrap">
            {nav.map((item) => (
              <li key={item.to}>
                <NavLink
                  to={item.to}
                  end={item.end}
                  prefetch="intent"
                  className={({ isActive }) =>
                    `flex min-h-11 items-center whitespace-nowrap border-b-2 px-3 py-2 text-sm focus-visible:outline-offset-[-2px] sm:block sm:min-h-0 ${isActive ? "border-brand-600 font-semibold text-brand-700" : "border-transparent text-slate-600 hover:text-slate-900"}`
                  }
                >
                  {item.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main className="mx-auto max-w-6xl px-4 py-6">
        <InsideMain.Provider value={true}>{children}</InsideMain.Provider>
      </main>
    </div>
  );
}

export function PageHeader({ title, description, actions }: { title: string; description?: string; actions?: ReactNode }) {
  return (
    <div className="mb-6 flex flex-wrap items-end justify-between gap-3">
      <div>
        <h1 className="text-2xl font-bold">{title}</h1>
        {description ? <p className="mt-1 text-slate-600">{description}</p> : null}
      </div>
      {actions}
    </div>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center">
      <p className="font-medium">{title}</p>
      {children ? <div className="mt-2 text-sm text-slate-600">{children}</div> : null}
    </div>
  );
}
