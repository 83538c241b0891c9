import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { PageHeader } from "~/components/app-shell.tsx";
import { Breadcrumb } from "~/components/breadcrumb.tsx";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { inspectionHistory } from "~/features/history/history.server.ts";
import { Timeline } from "~/features/history/ui/index.ts";
import { handleInspectionAction } from "~/features/inspections/actions.server.ts";
import { loadInspection } from "~/features/inspections/inspections.server.ts";
import { loadInspectionPage } from "~/features/inspections/page.server.ts";
import { inspectionsPath } from "~/features/inspections/paths.ts";
import { BookingPanel } from "~/features/inspections/ui/booking-part.tsx";
import { LotDecisionPanel } from "~/features/inspections/ui/decision-part.tsx";
import { InspectingSections } from "~/features/inspections/ui/inspecting-part.tsx";
import { Thread } from "~/features/threads/ui/thread.tsx";
import { idParam } from "~/features/specs/params.server.ts";
import { versionPath } from "~/features/specs/paths.ts";
import { useT } from "~/lib/i18n/translate.ts";
import { dataTitle, pageTitle } from "~/lib/i18n/page-title.ts";
import { requireMembership } from "~/lib/tenant.server.ts";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: data ? dataTitle(`${data.spec.productCode} · ${data.inspection.poNumber}`) : pageTitle(matches, "inspections", "meta.detail") },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireMembership(request, params.org);
  const inspection = await loadInspection(ctx, idParam(params.inspectionId));
  const [page, history] = await Promise.all([loadInspectionPage(ctx, inspection, new URL(request.url)), inspectionHistory(ctx, inspection.id)]);
  return { org: ctx.org, ...page, history };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const ctx = await requireMembership(request, params.org);
  const inspection = await loadInspection(ctx, idParam(params.inspectionId));
  return handleInspectionAction(request, ctx, inspection);
}

export default function InspectionPage() {
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT("inspections");
  const { org, inspection, spec, thread, history } = page;
  return (
    <>
      <Breadcrumb
        links={[
          { to: inspectionsPath(org.slug), label: t("page.breadcrumbList") },
          { to: versionPath(org.slug, spec.id, spec.version), label: t("page.breadcrumbVersion", { title: spec.title, number: spec.version }) },
        ]}
      />
      <PageHeader
        title={t("page.title", { title: spec.title, po: inspection.poNumber })}
        description={t(`type.${inspection.type}`)}
        actions={
          <Link className="btn-secondary" to="report">
            {t("page.report")}
          </Link>
        }
      />
      <BookingPanel page={page} orgSlug={org.slug} actionData={actionData} />
      <InspectingSections page={page} orgSlug={org.slug} actionData={actionData} />
      <LotDecisionPanel page={page} orgSlug={org.slug} actionData={actionData} />
      <section id="thread" className="mt-8">
        <Thread {...thread} heading={t("page.conversation")} orgSlug={org.slug} />
      </section>
      <Timeline entries={history} />
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
