import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { loadInspectionReport } from "~/features/inspections/report.server.ts";
import { InspectionReportView } from "~/features/inspections/ui/report-view.tsx";
import { idParam } from "~/features/specs/params.server.ts";
import { pageTitle } from "~/lib/i18n/page-title.ts";
import { requireMembership } from "~/lib/tenant.server.ts";
// A stylesheet, not a <style> element: the pages' policy runs no inline styles.
import printStylesheet from "~/styles/inspection-report-print.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: printStylesheet }];

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  {
    title: data
      ? pageTitle(matches, "inspectionReports", "meta.report", { code: data.report.header.productCode, po: data.report.header.poNumber })
      : pageTitle(matches, "inspectionReports", "meta.reportFallback"),
  },
];

/** The printable report of one inspection, for whoever may read it (404 otherwise). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireMembership(request, params.org);
  const report = await loadInspectionReport(ctx, idParam(params.inspectionId));
  return { org: { slug: ctx.org.slug }, report };
}

export default function InspectionReportPage() {
  const { org, report } = useLoaderData<typeof loader>();
  return <InspectionReportView org={org} report={report} />;
}

export const ErrorBoundary = GeneralErrorBoundary;
