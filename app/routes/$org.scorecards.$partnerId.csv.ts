import type { LoaderFunctionArgs } from "@remix-run/node";
import { computeScorecard, parsePeriod, scorecardCsv, scorecardCsvFileName, scorecardPair } from "~/features/scorecards/scorecard.server.ts";
import { idParam } from "~/features/specs/params.server.ts";
import { requireMembership } from "~/lib/tenant.server.ts";

/** The scorecard page's numbers as CSV, one metric per row; same access rules (404 for anyone outside the pair). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireMembership(request, params.org);
  const partnerId = idParam(params.partnerId);
  const period = parsePeriod(new URL(request.url));
  const scorecard = await computeScorecard(ctx, { ...scorecardPair(ctx, partnerId), from: period.from, to: period.to, now: new Date() });
  return new Response(scorecardCsv(scorecard), {
    status: 200,
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${scorecardCsvFileName(scorecard)}"`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}
