import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { EmptyState, PageHeader } from "~/components/app-shell.tsx";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { FilterForm, FilterSelect, PartnerFilter } from "~/components/list-filters.tsx";
import { listActivePartnerOrgs } from "~/features/partners/partners.server.ts";
import { RecordList } from "~/components/record-list.tsx";
import { correctiveActionToOpen } from "~/features/corrective-actions/corrective-actions.server.ts";
import { listCorrectiveActions } from "~/features/corrective-actions/lists.server.ts";
import { CA_STATUSES } from "~/features/corrective-actions/schemas.ts";
import { pageRequest } from "~/lib/pagination.ts";
import { idQuery } from "~/lib/query-params.ts";
import { requireMembership } from "~/lib/tenant.server.ts";
import { useDueDate } from "~/features/corrective-actions/ui/due-date.ts";
import { useT } from "~/lib/i18n/translate.ts";
import { correctiveActionPath } from "~/features/corrective-actions/paths.ts";
import { pageTitle } from "~/lib/i18n/page-title.ts";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "correctiveActions", "meta.list") }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireMembership(request, params.org);
  const url = new URL(request.url);
  const status = CA_STATUSES.find((s) => s === url.searchParams.get("status"));
  const partnerId = idQuery(url, "partner");
  const overdue = url.searchParams.get("overdue") === "1";
  const [list, partners] = await Promise.all([listCorrectiveActions(ctx, { status, partnerId, overdue, ...pageRequest(url) }), listActivePartnerOrgs(ctx)]);
  return {
    org: ctx.org,
    list,
    partners,
    query: { status: status ?? "", partnerId: partnerId ?? "", overdue },
    can: { open: ctx.ability.can("create", correctiveActionToOpen(ctx)) },
  };
}

const severityStyle = { CRITICAL: "bg-red-100 text-red-800", MAJOR: "bg-amber-100 text-amber-900", MINOR: "bg-slate-100 text-slate-700" } as const;

export default function CorrectiveActions() {
  const { org, list, partners, query, can } = useLoaderData<typeof loader>();
  const isImporter = org.kind === "IMPORTER";
  const t = useT("correctiveActions");
  const dueDate = useDueDate();
  return (
    <>
      <PageHeader
        title={t("list.title")}
        description={t("list.description")}
        actions={
          can.open ? (
            <Link to="new" className="btn-primary">
              {t("list.open")}
            </Link>
          ) : null
        }
      />
      <FilterForm submitLabel={t("list.filter")}>
        <FilterSelect name="status" label={t("list.status")} value={query.status} options={CA_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))} />
        <PartnerFilter partners={partners} value={query.partnerId} orgKind={org.kind} />
        <label className="flex min-h-11 items-center gap-2 self-center text-sm sm:min-h-0">
          <input type="checkbox" name="overdue" value="1" defaultChecked={query.overdue} /> {t("list.overdueOnly")}
        </label>
      </FilterForm>
      {list.myTurnCount ? <p className="mb-3 text-sm font-medium text-amber-900">{t("list.myTurn", { count: list.myTurnCount })}</p> : null}
      <RecordList
        list={list}
        rowTestId="ca-row"
        to={(ca) => correctiveActionPath(org.slug, ca.id)}
        row={(ca) => ({
          title: ca.title,
          detail: t("list.detail", { partner: ca.partnerName ?? "", date: dueDate(ca.planDueAt, ca.dueTimeZone) }),
          badges: (
            <>
              {ca.overdue ? <span className="rounded bg-red-600 px-2 py-1 font-semibold text-white">{t("overdue")}</span> : null}
              <span className={`rounded px-2 py-1 font-semibold ${severityStyle[ca.severity]}`}>{t(`severity.${ca.severity}`)}</span>
              <span className="rounded bg-slate-100 px-2 py-1 text-slate-700">{t(`status.${ca.status}`)}</span>
            </>
          ),
        })}
        empty={<EmptyState title={t("list.empty.title")}>{isImporter ? t("list.empty.importer") : t("list.empty.factory")}</EmptyState>}
      />
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
