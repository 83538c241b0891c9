import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { EmptyState, PageHeader } from "~/components/app-shell.tsx";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { FilterChips, FilterForm, PartnerFilter } from "~/components/list-filters.tsx";
import { listActivePartnerOrgs } from "~/features/partners/partners.server.ts";
import { RecordList } from "~/components/record-list.tsx";
import { specPath } from "~/features/specs/paths.ts";
import { SPEC_LIST_FILTERS } from "~/features/specs/schemas.ts";
import { listSpecs } from "~/features/specs/list.server.ts";
import { specToCreate } from "~/features/specs/specs.server.ts";
import { pageRequest } from "~/lib/pagination.ts";
import { idQuery, textQuery } from "~/lib/query-params.ts";
import { requireMembership } from "~/lib/tenant.server.ts";
import { useT } from "~/lib/i18n/translate.ts";
import { pageTitle } from "~/lib/i18n/page-title.ts";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "specs", "meta.list") }];

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

export default function SpecList() {
  const { org, specs, partners, query, can } = useLoaderData<typeof loader>();
  const t = useT("specs");
  const isImporter = org.kind === "IMPORTER";
  const filters = SPEC_LIST_FILTERS.filter((f) => isImporter || f !== "draft");
  return (
    <>
      <PageHeader
        title={t("list.title")}
        description={isImporter ? t("list.descriptionImporter") : t("list.descriptionFactory")}
        actions={
          can.create ? (
            <Link to="new" className="btn-primary">
              {t("list.new")}
            </Link>
          ) : null
        }
      />
      <FilterForm search submitLabel={t("list.search")}>
        <div className="min-w-[12rem] flex-1">
          <label htmlFor="q" className="block text-sm font-medium text-slate-700">
            {t("list.search")}
          </label>
          <input id="q" name="q" type="search" defaultValue={query.q} placeholder={t("list.searchPlaceholder")} className="input mt-1" />
        </div>
        <PartnerFilter partners={partners} value={query.partnerId} orgKind={org.kind} />
        <input type="hidden" name="filter" value={query.filter} />
      </FilterForm>
      <FilterChips
        label={t("list.filter")}
        name="filter"
        current={query.filter}
        options={filters.map((f) => ({
          value: f,
          label: f === "needs-ack" && specs.awaitingCount ? t("filter.needs-ack-count", { count: specs.awaitingCount }) : t(`filter.${f}`),
        }))}
      />
      <RecordList
        list={specs}
        rowTestId="spec-row"
        to={(s) => specPath(org.slug, s.id)}
        row={(s) => ({
          title: s.title,
          detail: isImporter ? s.productCode : `${s.productCode} · ${s.org.name}`,
          badges: (
            <>
              {s.currentVersion ? (
                <span className="rounded bg-green-100 px-2 py-1 font-semibold text-green-800">{t("list.published", { number: s.currentVersion.number })}</span>
              ) : null}
              {isImporter && s.versions[0] ? (
                <span className="rounded bg-slate-100 px-2 py-1 font-semibold text-slate-700">{t("list.draft", { number: s.versions[0].number })}</span>
              ) : null}
              {s.awaiting ? (
                <span className="rounded bg-amber-100 px-2 py-1 font-semibold text-amber-900">
                  {isImporter ? t("list.awaitingFactories") : t("list.pleaseAcknowledge")}
                </span>
              ) : null}
              {isImporter ? <span className="rounded bg-slate-100 px-2 py-1 text-slate-700">{t("list.sharedWith", { count: s._count.shares })}</span> : null}
            </>
          ),
        })}
        empty={
          <EmptyState title={query.q || query.filter !== "all" || query.partnerId ? t("list.noMatch") : t("list.none")}>
            {isImporter ? (can.create ? t("list.noneCreate") : t("list.noneWhoCreates")) : t("list.noneFactory")}
          </EmptyState>
        }
      />
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
