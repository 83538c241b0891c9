import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { EmptyState, PageHeader } from "~/components/app-shell.tsx";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { PartnerFilter } from "~/components/list-filters.tsx";
import { listActivePartnerOrgs } from "~/features/partners/partners.server.ts";
import { Pagination } from "~/components/pagination.tsx";
import { specPath } from "~/features/specs/paths.ts";
import { SPEC_LIST_FILTERS } from "~/features/specs/schemas.ts";
import { listSpecs } from "~/features/specs/list.server.ts";
import { specToCreate } from "~/features/specs/specs.server.ts";
import { pageRequest } from "~/lib/pagination.ts";
import { idQuery, textQuery } from "~/lib/query-params.ts";
import { requireMembership } from "~/lib/tenant.server.ts";

export const meta: MetaFunction = () => [{ title: "Specifications · Supplier Portal" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireMembership(request, params.org);
  const url = new URL(request.url);
  const q = textQuery(url, "q");
  const filter = SPEC_LIST_FILTERS.find((f) => f === url.searchParams.get("filter")) ?? "all";
  const partnerId = idQuery(url, "partner");
  const [specs, partners] = await Promise.all([listSpecs(ctx, { q, filter, partnerId, ...pageRequest(url) }), listActivePartnerOrgs(ctx)]);
  return {
    org: ctx.org,
    specs,
    partners,
    query: { q: q ?? "", filter, partnerId: partnerId ?? "" },
    can: { create: ctx.ability.can("create", specToCreate(ctx)) },
  };
}

const filterLabels = { all: "All", draft: "Has a draft", published: "Published", "needs-ack": "Awaiting acknowledgement" } as const;

export default function SpecList() {
  const { org, specs, partners, query, can } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const isImporter = org.kind === "IMPORTER";
  const filters = SPEC_LIST_FILTERS.filter((f) => isImporter || f !== "draft");
  return (
    <>
      <PageHeader
        title="Specifications"
        description={
          isImporter
            ? "What you ask your factories to make, version by version."
            : "Specifications your importers share with you. Acknowledge each new version."
        }
        actions={
          can.create ? (
            <Link to="new" className="btn-primary">
              New specification
            </Link>
          ) : null
        }
      />
      <Form method="get" className="mb-4 flex flex-wrap items-end gap-2" role="search">
        <div className="min-w-0 flex-1">
          <label htmlFor="q" className="block text-sm font-medium text-slate-700">
            Search
          </label>
          <input id="q" name="q" type="search" defaultValue={query.q} placeholder="Title or product code" className="input mt-1" />
        </div>
        <PartnerFilter partners={partners} value={query.partnerId} orgKind={org.kind} />
        <input type="hidden" name="filter" value={query.filter} />
        <button type="submit" className="btn-secondary">
          Search
        </button>
      </Form>
      <nav className="mb-3 flex flex-wrap gap-2" aria-label="Filter">
        {filters.map((f) => {
          const params = new URLSearchParams(searchParams);
          params.delete("page");
          params.set("filter", f);
          return (
            <Link
              key={f}
              to={`?${params}`}
              aria-current={query.filter === f ? "page" : undefined}
              className="rounded-full border border-slate-300 px-3 py-1 text-sm aria-[current=page]:border-brand-600 aria-[current=page]:bg-brand-50 aria-[current=page]:font-semibold"
            >
              {filterLabels[f]}
              {f === "needs-ack" && specs.awaitingCount ? ` (${specs.awaitingCount})` : ""}
            </Link>
          );
        })}
      </nav>
      {specs.items.length === 0 ? (
        <EmptyState title={query.q || query.filter !== "all" || query.partnerId ? "No specifications match" : "No specifications yet"}>
          {isImporter
            ? can.create
              ? "Create one, add its characteristics, publish it and share it with your factories."
              : "Owners and quality leads create specifications."
            : "When an importer shares a specification with you, it appears here."}
        </EmptyState>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
          {specs.items.map((s) => (
            <li key={s.id} data-testid="spec-row">
              <Link to={specPath(org.slug, s.id)} className="flex flex-wrap items-center gap-x-4 gap-y-1 p-4 hover:bg-slate-50">
                <span className="min-w-0 flex-1">
                  <span className="block truncate font-medium">{s.title}</span>
                  <span className="block text-sm text-slate-600">
                    {s.productCode}
                    {isImporter ? null : ` · ${s.org.name}`}
                  </span>
                </span>
                <span className="flex flex-wrap gap-2 text-xs">
                  {s.currentVersion ? (
                    <span className="rounded bg-green-100 px-2 py-1 font-semibold text-green-800">v{s.currentVersion.number} published</span>
                  ) : null}
                  {isImporter && s.versions[0] ? (
                    <span className="rounded bg-slate-100 px-2 py-1 font-semibold text-slate-700">v{s.versions[0].number} draft</span>
                  ) : null}
                  {s.awaiting ? (
                    <span className="rounded bg-amber-100 px-2 py-1 font-semibold text-amber-900">
                      {isImporter ? "Awaiting factories" : "Please acknowledge"}
                    </span>
                  ) : null}
                  {isImporter ? <span className="rounded bg-slate-100 px-2 py-1 text-slate-700">Shared with {s._count.shares}</span> : null}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
      <Pagination page={specs.page} pageCount={specs.pageCount} total={specs.total} />
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
