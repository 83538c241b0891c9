import { Form, Link, NavLink } from "@remix-run/react";
import { createContext, useContext, type ReactNode } from "react";

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

const kindLabel = { IMPORTER: "Importer", FACTORY: "Factory" } as const;

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
  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3">
          <Link to={org.to} className="font-bold text-brand-700">
            Supplier Portal
          </Link>
          <details className="relative" data-testid="org-switcher">
            <summary className="flex cursor-pointer list-none items-center gap-2 rounded-md border border-slate-300 px-3 py-1.5 text-sm [&::-webkit-details-marker]:hidden">
              <span className="max-w-[10rem] truncate font-medium sm:max-w-xs">{org.name}</span>
              <span className="rounded bg-slate-100 px-1.5 text-xs text-slate-600">{kindLabel[org.kind]}</span>
              <span aria-hidden>▾</span>
            </summary>
            <div className="absolute left-0 z-20 mt-1 w-64 rounded-md border border-slate-200 bg-white py-1 shadow-lg">
              <p className="px-3 py-1 text-xs font-semibold uppercase text-slate-500">Switch organization</p>
              {orgs.map((o) => (
                <Link
                  key={o.slug}
                  to={o.to}
                  aria-current={o.slug === org.slug ? "true" : undefined}
                  className="flex items-center justify-between px-3 py-2 text-sm hover:bg-slate-50 aria-[current]:font-semibold"
                >
                  <span className="truncate">{o.name}</span>
                  <span className="text-xs text-slate-500">{kindLabel[o.kind]}</span>
                </Link>
              ))}
              <Link to={newOrgTo} className="block border-t border-slate-100 px-3 py-2 text-sm text-brand-600 hover:bg-slate-50">
                + New organization
              </Link>
            </div>
          </details>
          <div className="ml-auto flex items-center gap-3 text-sm">
            <span className="hidden text-slate-600 sm:inline" title={user.email}>
              {user.name}
            </span>
            <Form method="post" action="/logout">
              <button type="submit" className="btn-secondary min-h-8 px-3 py-1">
                Log out
              </button>
            </Form>
          </div>
        </div>
        <nav className="mx-auto max-w-6xl px-4" aria-label="Organization">
          <ul className="flex flex-wrap gap-x-1">
            {nav.map((item) => (
              <li key={item.to}>
                <NavLink
                  to={item.to}
                  end={item.end}
                  prefetch="intent"
                  className={({ isActive }) =>
                    `block whitespace-nowrap border-b-2 px-3 py-2 text-sm ${isActive ? "border-brand-600 font-semibold text-brand-700" : "border-transparent text-slate-600 hover:text-slate-900"}`
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
