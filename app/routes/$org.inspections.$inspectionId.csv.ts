import type { LoaderFunctionArgs } from "@remix-run/node";
import { inspectionCsv, inspectionCsvFileName } from "~/features/inspections/csv.ts";
import { loadInspectionReport } from "~/features/inspections/report.server.ts";
import { idParam } from "~/features/specs/params.server.ts";
import { csvDownload } from "~/lib/downloads.server.ts";
import { requestTranslator } from "~/lib/i18n/translate.server.ts";
import { requireMembership } from "~/lib/tenant.server.ts";

/** The inspection as CSV in the reader's language, for whoever may read it (404 otherwise). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireMembership(request, params.org);
  const report = await loadInspectionReport(ctx, idParam(params.inspectionId));
  return csvDownload(inspectionCsv(report, requestTranslator(request, ctx.user, "inspectionReports")), inspectionCsvFileName(report));
}
