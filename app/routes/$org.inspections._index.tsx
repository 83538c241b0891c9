import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { EmptyState, PageHeader } from "~/components/app-shell.tsx";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { FilterForm, FilterSelect, PartnerFilter } from "~/components/list-filters.tsx";
import { RecordList } from "~/components/record-list.tsx";
import { inspectionToBook } from "~/features/inspections/booking.server.ts";
import { listInspectionSpecs, listInspections } from "~/features/inspections/lists.server.ts";
import { inspectionPath, newInspectionPath } from "~/features/inspections/paths.ts";
import { INSPECTION_STATUSES, INSPECTION_TYPES } from "~/features/inspections/schemas.ts";
import { InspectionStatusBadge } from "~/features/inspections/ui/inspection-status-badge.tsx";
import { listActivePartnerOrgs } from "~/features/partners/partners.server.ts";
import { useFormat } from "~/lib/use-format.ts";
import { pageTitle } from "~/lib/i18n/page-title.ts";
import { useT } from "~/lib/i18n/translate.ts";
import { pageRequest } from "~/lib/pagination.ts";
import { idQuery } from "~/lib/query-params.ts";
import { requireMembership } from "~/lib/tenant.server.ts";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "inspections", "meta.list") }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireMembership(request, params.org);
  const url = new URL(request.url);
  const status = INSPECTION_STATUSES.find((s) => s === url.searchParams.get("status"));
  const type = INSPECTION_TYPES.find((s) => s === url.searchParams.get("type"));
  const partnerId = idQuery(url, "partner");
  const specId = idQuery(url, "spec");
  const [list, partners, specs] = await Promise.all([
    listInspections(ctx, { status, type, partnerId, specId, ...pageRequest(url) }),
    listActivePartnerOrgs(ctx),
    listInspectionSpecs(ctx),
  ]);
  return {
    org: ctx.org,
    list,
    partners,
    specs,
    query: { status: status ?? "", type: type ?? "", partnerId: partnerId ?? "", specId: specId ?? "" },
    can: { book: ctx.ability.can("create", inspectionToBook(ctx)) },
  };
}

export default function Inspections() {
  const { org, list, partners, specs, query, can } = useLoaderData<typeof loader>();
  const t = useT("inspections");
  const format = useFormat();
  const isImporter = org.kind === "IMPORTER";
  const book = can.book ? (
    <Link to={newInspectionPath(org.slug, { spec: query.specId || undefined })} className="btn-primary">
      {t("list.book")}
    </Link>
  ) : null;
  return (
    <>
      <PageHeader title={t("list.title")} description={isImporter ? t("list.descriptionImporter") : t("list.descriptionFactory")} actions={book} />
      <FilterForm>
        <FilterSelect
          name="status"
          label={t("list.status")}
          value={query.status}
          options={INSPECTION_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
        />
        <FilterSelect name="type" label={t("list.type")} value={query.type} options={INSPECTION_TYPES.map((s) => ({ value: s, label: t(`type.${s}`) }))} />
        <PartnerFilter partners={partners} value={query.partnerId} orgKind={org.kind} />
        {specs.length ? (
          <FilterSelect
            name="spec"
            label={t("list.spec")}
            value={query.specId}
            options={specs.map((s) => ({ value: s.id, label: t("list.specOption", { title: s.title, code: s.productCode }) }))}
          />
        ) : null}
      </FilterForm>
      {list.waitingCount ? (
        <p className="mb-3 text-sm font-medium text-amber-900" data-testid="inspections-waiting">
          {t("list.waiting", { count: list.waitingCount })}
        </p>
      ) : null}
      <RecordList
        list={list}
        rowTestId="inspection-row"
        to={(i) => inspectionPath(org.slug, i.id)}
        row={(i) => {
          const partner = (isImporter ? i.partnership.factory?.name : i.partnership.importer.name) ?? "";
          return {
            title: i.spec ? t("list.rowTitle", { title: i.spec.title, code: i.spec.productCode }) : t("list.rowTitleNoSpec", { po: i.poNumber }),
            detail: t("list.detail", {
              po: i.poNumber,
              type: t(`type.${i.type}`),
              date: format.calendarDay(i.proposedDate),
              lot: format.count(i.lotSize),
              partner,
            }),
            badges: (
              <>
                {i.waits ? <span className="rounded bg-amber-100 px-2 py-1 font-semibold text-amber-900">{t(`list.waits.${i.waits}`)}</span> : null}
                <InspectionStatusBadge status={i.status} />
              </>
            ),
          };
        }}
        empty={
          <EmptyState title={t("list.emptyTitle")}>
            <p>{can.book ? t("list.emptyBook") : isImporter ? t("list.emptyImporter") : t("list.emptyFactory")}</p>
          </EmptyState>
        }
      />
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
