import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { EmptyState, PageHeader } from "~/components/app-shell.tsx";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { getDashboard, type AttentionGroup, type AttentionItem } from "~/features/dashboard/attention.server.ts";
import { requireMembership } from "~/lib/tenant.server.ts";
import { membersPath } from "~/features/organizations/paths.ts";
import { partnersPath } from "~/features/partners/paths.ts";
import { useT } from "~/lib/i18n/translate.ts";
import { dataTitle } from "~/lib/i18n/page-title.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: dataTitle(data?.org.name) }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireMembership(request, params.org);
  const { attention, overview } = await getDashboard(ctx);
  return { org: ctx.org, role: ctx.role, attention, overview };
}

export default function Dashboard() {
  const { org, role, attention, overview } = useLoaderData<typeof loader>();
  const t = useT("dashboard");
  const isImporter = org.kind === "IMPORTER";
  const groups = attention.groups.filter((g) => g.total > 0);
  return (
    <>
      <PageHeader title={org.name} description={t("description", { role, org: org.name })} />
      {role === "VIEWER" && groups.length ? <p className="mb-4 text-sm text-slate-600">{t("viewerNote")}</p> : null}
      {groups.length === 0 ? (
        <p className="rounded-lg border border-slate-200 bg-white p-6 text-slate-700" data-testid="attention-empty">
          {t("empty")}
        </p>
      ) : (
        <div className="grid items-start gap-4 md:grid-cols-2" data-testid="attention">
          {groups.map((group) => (
            <GroupCard key={group.key} group={group} />
          ))}
        </div>
      )}

      <section aria-labelledby="org-counts" className="mt-8">
        <h2 id="org-counts" className="mb-2 text-sm font-semibold uppercase tracking-wide text-slate-500">
          {t("org.heading")}
        </h2>
        <div className="grid grid-cols-1 gap-3 min-[400px]:grid-cols-3">
          <Stat label={isImporter ? t("stat.activeFactories") : t("stat.activeImporters")} value={overview.activePartners} to={partnersPath(org.slug)} />
          <Stat label={t("stat.invitations")} value={overview.invitedPartners} to={partnersPath(org.slug, { status: "INVITED" })} />
          <Stat label={t("stat.members")} value={overview.members} to={membersPath(org.slug)} />
        </div>
        {overview.activePartners === 0 ? (
          <div className="mt-4">
            <EmptyState title={isImporter ? t("noPartners.factories") : t("noPartners.importers")}>
              {isImporter ? (
                <Link className="link" to={partnersPath(org.slug)}>
                  {t("noPartners.inviteFirst")}
                </Link>
              ) : (
                t("noPartners.waitForInvite")
              )}
            </EmptyState>
          </div>
        ) : null}
      </section>
    </>
  );
}

function GroupCard({ group }: { group: AttentionGroup }) {
  const headingId = `attention-${group.key}`;
  const overdueCount = group.items.filter((i) => i.overdue).length;
  const t = useT("dashboard");
  return (
    <section
      aria-labelledby={headingId}
      className="flex min-w-0 flex-col rounded-lg border border-slate-200 bg-white shadow-sm"
      data-testid={`attention-group-${group.key}`}
    >
      <div className="flex items-start justify-between gap-3 border-b border-slate-100 px-4 py-3">
        <h2 id={headingId} className="min-w-0 font-semibold leading-snug">
          {group.title}
        </h2>
        <span className="shrink-0 rounded-full bg-slate-100 px-2.5 py-0.5 text-sm font-semibold tabular-nums text-slate-800">
          {group.total}
          <span className="sr-only">
            {" "}
            {overdueCount ? t("group.countOverdue", { total: group.total, overdue: overdueCount }) : t("group.count", { total: group.total })}
          </span>
        </span>
      </div>
      <ul className="divide-y divide-slate-100">
        {group.items.map((item) => (
          <li key={item.id}>
            <ItemLink item={item} />
          </li>
        ))}
      </ul>
      {group.total > group.items.length ? (
        <div className="mt-auto border-t border-slate-100 px-4 py-3">
          <Link to={group.href} className="link inline-flex min-h-10 items-center text-sm">
            {t("group.seeAll", { count: group.total })}
            <span className="sr-only"> — {group.title}</span>
          </Link>
        </div>
      ) : null}
    </section>
  );
}

function ItemLink({ item }: { item: AttentionItem }) {
  const t = useT("dashboard");
  return (
    <Link
      to={item.href}
      className={`flex min-h-11 gap-3 border-l-4 px-4 py-3 hover:bg-slate-50 focus-visible:bg-slate-50 ${item.overdue ? "border-red-600" : "border-transparent"}`}
    >
      <span className="min-w-0 flex-1">
        <span className="block break-words font-medium text-brand-700">{item.label}</span>
        <span className="mt-0.5 block break-words text-sm text-slate-600">{item.detail}</span>
      </span>
      {item.overdue ? <span className="h-fit shrink-0 rounded bg-red-100 px-2 py-0.5 text-xs font-semibold text-red-800">{t("overdue")}</span> : null}
    </Link>
  );
}

function Stat({ label, value, to }: { label: string; value: number; to: string }) {
  return (
    <Link
      to={to}
      className="flex items-baseline justify-between gap-2 rounded-lg border border-slate-200 bg-white px-4 py-3 hover:border-brand-500 min-[400px]:block"
    >
      <span className="block text-sm text-slate-600">{label}</span>
      <span className="block text-2xl font-bold tabular-nums">{value}</span>
    </Link>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
