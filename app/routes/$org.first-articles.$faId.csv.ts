import type { LoaderFunctionArgs } from "@remix-run/node";
import { toCsv } from "~/features/first-articles/csv.ts";
import { loadFirstArticle, readingsOf } from "~/features/first-articles/first-articles.server.ts";
import { loadMeasuredVersion } from "~/features/first-articles/page.server.ts";
import { idParam } from "~/features/specs/params.server.ts";
import { requireMembership } from "~/lib/tenant.server.ts";

/** A file-name part in plain ASCII: anything else becomes "-", so no header can be broken or spoofed. */
const asciiPart = (value: string) =>
  value
    .normalize("NFKD")
    .replace(/[^A-Za-z0-9._-]+/g, "-")
    .replace(/^[-.]+|-+$/g, "")
    .slice(0, 60) || "x";

/** "FAI-R-100-PO4500-123-round2.csv" */
function reportCsvFileName(productCode: string, poNumber: string, round: number) {
  return `FAI-${asciiPart(productCode)}-PO${asciiPart(poNumber)}-round${round}.csv`;
}

/** One round's readings as CSV, for whoever may read the first article (404 otherwise). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireMembership(request, params.org);
  const fa = await loadFirstArticle(ctx, idParam(params.faId));
  const { spec, version, characteristics } = await loadMeasuredVersion(fa);
  const body = toCsv({
    title: spec.title,
    productCode: spec.productCode,
    version: version.number,
    poNumber: fa.poNumber,
    round: fa.round,
    characteristics,
    sampleCount: fa.sampleCount,
    readings: readingsOf(fa),
  });
  return new Response(body, {
    status: 200,
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${reportCsvFileName(spec.productCode, fa.poNumber, fa.round)}"`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}
