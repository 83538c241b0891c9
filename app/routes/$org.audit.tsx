import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { EmptyState, PageHeader } from "~/components/app-shell.tsx";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { ErrorList } from "~/components/forms.tsx";
import { FilterChips, FilterForm, FilterSelect } from "~/components/list-filters.tsx";
import { Pagination } from "~/components/pagination.tsx";
import { correctiveActionPath } from "~/features/corrective-actions/paths.ts";
import { firstArticlePath } from "~/features/first-articles/paths.ts";
import { auditLogChoices, ensureCanRead, listAuditLog, readAuditFilters } from "~/features/history/audit-log.server.ts";
import { auditLogCsvPath } from "~/features/history/paths.ts";
import { AuditChanges } from "~/features/history/ui/index.ts";
import { specPath } from "~/features/specs/paths.ts";
import { useFormat } from "~/lib/use-format.ts";
import { pageRequest, toPage } from "~/lib/pagination.ts";
import { requireMembership } from "~/lib/tenant.server.ts";
import { pageTitle } from "~/lib/i18n/page-title.ts";
import { useT } from "~/lib/i18n/translate.ts";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "history", "meta.auditLog") }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireMembership(request, params.org);
  ensureCanRead(ctx);
  const url = new URL(request.url);
  const { filters, typed, problems } = readAuditFilters(url);
  const refused = Object.keys(problems).length > 0;
  const paging = pageRequest(url);
  const [list, choices] = await Promise.all([refused ? toPage([], 0, 1) : listAuditLog(ctx, filters, paging), auditLogChoices(ctx)]);
  // A refused date shows the form again with what was typed and why, and lists nothing.
  return data({ org: ctx.org, list, choices, typed, problems }, { status: refused ? 400 : 200 });
}

const recordPaths: Record<string, (slug: string, id: string) => string> = {
  FirstArticle: firstArticlePath,
  CorrectiveAction: correctiveActionPath,
  Spec: specPath,
};

export default function AuditLog() {
  const { org, list, choices, typed, problems } = useLoaderData<typeof loader>();
  const t = useT("history");
  const f = useFormat();
  const exportQuery = { who: typed.who, what: typed.what, type: typed.type, from: typed.from, to: typed.to };
  return (
    <>
      <PageHeader
        title={t("audit.title")}
        description={t("audit.description")}
        actions={
          <a className="btn-secondary" href={auditLogCsvPath(org.slug, exportQuery)}>
            {t("audit.export")}
          </a>
        }
      />
      <FilterChips
        label={t("audit.recordType")}
        name="type"
        current={typed.type || null}
        options={[{ value: null, label: t("audit.allRecords") }, ...choices.type]}
      />
      <FilterForm>
        {typed.type ? <input type="hidden" name="type" value={typed.type} /> : null}
        <FilterSelect name="who" label={t("audit.who")} value={typed.who} options={choices.who} />
        <FilterSelect name="what" label={t("audit.what")} value={typed.what} options={choices.action} />
        {(
          [
            ["from", t("audit.from"), problems.from],
            ["to", t("audit.to"), problems.to],
          ] as const
        ).map(([name, label, problem]) => (
          <div key={name}>
            <label htmlFor={`audit-${name}`} className="block text-sm font-medium text-slate-700">
              {label}
            </label>
            <input
              id={`audit-${name}`}
              name={name}
              type="date"
              defaultValue={typed[name]}
              className="input mt-1 w-auto"
              aria-invalid={problem ? true : undefined}
              aria-describedby={problem ? `audit-${name}-error` : undefined}
            />
            <ErrorList id={`audit-${name}-error`} errors={problem ? [problem] : []} />
          </div>
        ))}
      </FilterForm>
      {list.items.length ? (
        <ol className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white" data-testid="audit-rows">
          {list.items.map((row) => {
            const path = recordPaths[row.subjectType]?.(org.slug, row.subjectId);
            return (
              <li key={row.id} className="grid gap-1 p-3 text-sm sm:grid-cols-[11rem_1fr]" data-testid="audit-row">
                <time dateTime={row.at} className="text-slate-600">
                  {f.dateTime(row.at)}
                </time>
                <div className="min-w-0">
                  <p>
                    <span className="font-medium">{row.who}</span> · {row.what} ·{" "}
                    {path ? (
                      <Link to={path} className="underline">
                        {row.typeLabel}
                      </Link>
                    ) : (
                      row.typeLabel
                    )}
                  </p>
                  <AuditChanges subjectType={row.subjectType} changes={row.changes} />
                </div>
              </li>
            );
          })}
        </ol>
      ) : (
        <EmptyState title={t("audit.empty")}>{t("audit.emptyBody")}</EmptyState>
      )}
      <Pagination page={list.page} pageCount={list.pageCount} total={list.total} />
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
