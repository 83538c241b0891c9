import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { computeScorecard, parsePeriod, scorecardCsv, scorecardCsvFileName, scorecardPair } from "~/features/scorecards/scorecard.server.ts";
import { idParam } from "~/features/specs/params.server.ts";
import { csvDownload } from "~/lib/downloads.server.ts";
import { isDataWithInit } from "~/lib/http.server.ts";
import { requestLanguage } from "~/lib/i18n/language.server.ts";
import { accountTranslator, translateMessage } from "~/lib/i18n/translate.server.ts";
import { requireMembership } from "~/lib/tenant.server.ts";

/** The period asked for; a refused one answers its reason as plain text in the requester's language (the page's error page does that for the page). */
function readPeriod(request: Request, account: { locale: string }) {
  try {
    return parsePeriod(new URL(request.url));
  } catch (error) {
    if (isDataWithInit(error) && typeof error.data === "string")
      throw data(translateMessage(requestLanguage(request, account), error.data), error.init ?? undefined);
    throw error;
  }
}

/** The scorecard page's numbers as CSV, one metric per row; same access rules (404 for anyone outside the pair). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireMembership(request, params.org);
  const partnerId = idParam(params.partnerId);
  const period = readPeriod(request, ctx.user);
  const scorecard = await computeScorecard(ctx, { ...scorecardPair(ctx, partnerId), from: period.from, to: period.to, now: new Date() });
  return csvDownload(
    scorecardCsv(scorecard, accountTranslator(ctx.user, "dashboard"), accountTranslator(ctx.user, "correctiveActions")),
    scorecardCsvFileName(scorecard),
  );
}
