import type { LoaderFunctionArgs } from "@remix-run/node";
import { toCsv } from "~/features/first-articles/csv.ts";
import { loadFirstArticle, readingsOf } from "~/features/first-articles/first-articles.server.ts";
import { loadMeasuredVersion } from "~/features/first-articles/page.server.ts";
import { idParam } from "~/features/specs/params.server.ts";
import { asciiFileNamePart, csvDownload } from "~/lib/downloads.server.ts";
import { requestTranslator } from "~/lib/i18n/translate.server.ts";
import { requireMembership } from "~/lib/tenant.server.ts";

/** "FAI-R-100-PO4500-123-round2.csv" */
function reportCsvFileName(productCode: string, poNumber: string, round: number) {
  return `FAI-${asciiFileNamePart(productCode, 60)}-PO${asciiFileNamePart(poNumber, 60)}-round${round}.csv`;
}

/** One round's readings as CSV in the reader's language, for whoever may read the first article (404 otherwise). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireMembership(request, params.org);
  const fa = await loadFirstArticle(ctx, idParam(params.faId));
  const { spec, version, characteristics } = await loadMeasuredVersion(fa);
  const body = toCsv(
    {
      title: spec.title,
      productCode: spec.productCode,
      version: version.number,
      poNumber: fa.poNumber,
      round: fa.round,
      characteristics,
      sampleCount: fa.sampleCount,
      readings: readingsOf(fa),
    },
    requestTranslator(request, ctx.user, "firstArticles"),
    requestTranslator(request, ctx.user, "specs"),
  );
  return csvDownload(body, reportCsvFileName(spec.productCode, fa.poNumber, fa.round));
}
