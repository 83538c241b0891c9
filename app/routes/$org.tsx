import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Outlet, useLoaderData } from "@remix-run/react";
import { AppShell } from "~/components/app-shell.tsx";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { useT } from "~/lib/i18n/translate.ts";
import { requireMembership } from "~/lib/tenant.server.ts";
import { canReadAuditLog } from "~/features/history/audit-log.server.ts";
import { auditLogPath } from "~/features/history/paths.ts";
import { correctiveActionsPath } from "~/features/corrective-actions/paths.ts";
import { firstArticlesPath } from "~/features/first-articles/paths.ts";
import { inspectionsPath } from "~/features/inspections/paths.ts";
import { membersPath, NEW_ORG_PATH, orgPath } from "~/features/organizations/paths.ts";
import { partnersPath } from "~/features/partners/paths.ts";
import { specsPath } from "~/features/specs/paths.ts";
import { dataTitle } from "~/lib/i18n/page-title.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: dataTitle(data?.org.name) }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireMembership(request, params.org);
  return {
    org: ctx.org,
    role: ctx.role,
    user: { name: ctx.user.name, email: ctx.user.email },
    can: { readAuditLog: canReadAuditLog(ctx) },
    orgs: ctx.user.memberships.map(({ org }) => ({ id: org.id, slug: org.slug, name: org.name, kind: org.kind })),
  };
}

export default function OrgLayout() {
  const { org, orgs, user, can } = useLoaderData<typeof loader>();
  const t = useT("common");
  const nav = [
    { to: orgPath(org.slug), label: t("nav.overview"), end: true },
    { to: specsPath(org.slug), label: t("nav.specs") },
    { to: firstArticlesPath(org.slug), label: t("nav.firstArticles") },
    { to: inspectionsPath(org.slug), label: t("nav.inspections") },
    { to: correctiveActionsPath(org.slug), label: t("nav.correctiveActions") },
    { to: partnersPath(org.slug), label: org.kind === "IMPORTER" ? t("nav.factories") : t("nav.importers") },
    { to: membersPath(org.slug), label: t("nav.members") },
    ...(can.readAuditLog ? [{ to: auditLogPath(org.slug), label: t("nav.auditLog") }] : []),
  ];
  return (
    <AppShell org={{ ...org, to: orgPath(org.slug) }} orgs={orgs.map((o) => ({ ...o, to: orgPath(o.slug) }))} nav={nav} newOrgTo={NEW_ORG_PATH} user={user}>
      <Outlet />
    </AppShell>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
