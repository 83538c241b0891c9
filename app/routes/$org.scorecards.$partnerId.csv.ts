import type { LoaderFunctionArgs } from "@remix-run/node";
import { computeScorecard, parsePeriod, scorecardCsv, scorecardCsvFileName, scorecardPair } from "~/features/scorecards/scorecard.server.ts";
import { idParam } from "~/features/specs/params.server.ts";
import { csvDownload } from "~/lib/downloads.server.ts";
import { requireMembership } from "~/lib/tenant.server.ts";

/** The scorecard page's numbers as CSV, one metric per row; same access rules (404 for anyone outside the pair). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireMembership(request, params.org);
  const partnerId = idParam(params.partnerId);
  const period = parsePeriod(new URL(request.url));
  const scorecard = await computeScorecard(ctx, { ...scorecardPair(ctx, partnerId), from: period.from, to: period.to, now: new Date() });
  return csvDownload(scorecardCsv(scorecard), scorecardCsvFileName(scorecard));
}
