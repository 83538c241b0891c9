import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { EmptyState, PageHeader } from "~/components/app-shell.tsx";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { FilterForm, FilterSelect, PartnerFilter } from "~/components/list-filters.tsx";
import { listActivePartnerOrgs } from "~/features/partners/partners.server.ts";
import { FaStatusBadge } from "~/features/first-articles/ui/status-badge.tsx";
import { RecordList } from "~/components/record-list.tsx";
import { firstArticleToStart } from "~/features/first-articles/first-articles.server.ts";
import { listFirstArticles } from "~/features/first-articles/lists.server.ts";
import { FA_STATUSES } from "~/features/first-articles/schemas.ts";
import { useT } from "~/lib/i18n/translate.ts";
import { pageRequest } from "~/lib/pagination.ts";
import { idQuery } from "~/lib/query-params.ts";
import { requireMembership } from "~/lib/tenant.server.ts";
import { firstArticlePath } from "~/features/first-articles/paths.ts";
import { pageTitle } from "~/lib/i18n/page-title.ts";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "firstArticles", "meta.list") }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireMembership(request, params.org);
  const url = new URL(request.url);
  const status = FA_STATUSES.find((s) => s === url.searchParams.get("status"));
  const partnerId = idQuery(url, "partner");
  const specId = idQuery(url, "spec");
  const [list, partners] = await Promise.all([listFirstArticles(ctx, { status, partnerId, specId, ...pageRequest(url) }), listActivePartnerOrgs(ctx)]);
  return {
    org: ctx.org,
    list,
    partners,
    query: { status: status ?? "", partnerId: partnerId ?? "", specId: specId ?? "" },
    can: { start: ctx.ability.can("create", firstArticleToStart(ctx)) },
  };
}

export default function FirstArticles() {
  const { org, list, partners, query, can } = useLoaderData<typeof loader>();
  const t = useT("firstArticles");
  const isImporter = org.kind === "IMPORTER";
  return (
    <>
      <PageHeader
        title={t("list.title")}
        description={isImporter ? t("list.descriptionImporter") : t("list.descriptionFactory")}
        actions={
          can.start ? (
            <Link to="new" className="btn-primary">
              {t("list.start")}
            </Link>
          ) : null
        }
      />
      <FilterForm>
        <FilterSelect
          name="status"
          label={t("list.status")}
          value={query.status}
          options={FA_STATUSES.filter((s) => !isImporter || (s !== "DRAFT" && s !== "WITHDRAWN")).map((s) => ({ value: s, label: t(`status.${s}`) }))}
        />
        <PartnerFilter partners={partners} value={query.partnerId} orgKind={org.kind} />
        {query.specId ? <input type="hidden" name="spec" value={query.specId} /> : null}
      </FilterForm>
      {list.waitingCount ? (
        <p className="mb-3 text-sm font-medium text-amber-900">
          {isImporter ? t("list.waitingImporter", { count: list.waitingCount }) : t("list.waitingFactory", { count: list.waitingCount })}
        </p>
      ) : null}
      <RecordList
        list={list}
        rowTestId="fa-row"
        to={(fa) => firstArticlePath(org.slug, fa.id)}
        row={(fa) => {
          const partner = (isImporter ? fa.partnership.factory?.name : fa.partnership.importer.name) ?? "";
          return {
            title: fa.spec ? `${fa.spec.title} (${fa.spec.productCode})` : t("list.noSpec"),
            detail: fa.lotNumber
              ? t("list.detailWithLot", { po: fa.poNumber, lot: fa.lotNumber, round: fa.round, partner })
              : t("list.detail", { po: fa.poNumber, round: fa.round, partner }),
            badges: <FaStatusBadge status={fa.status} />,
          };
        }}
        empty={<EmptyState title={t("list.emptyTitle")}>{isImporter ? t("list.emptyImporter") : t("list.emptyFactory")}</EmptyState>}
      />
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
