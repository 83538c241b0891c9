import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { auditLogCsv, ensureCanRead, readAuditFilters } from "~/features/history/audit-log.server.ts";
import { csvDownload } from "~/lib/downloads.server.ts";
import { requestLanguage } from "~/lib/i18n/language.server.ts";
import { translateMessage } from "~/lib/i18n/translate.server.ts";
import { requireMembership } from "~/lib/tenant.server.ts";

/** The audit log page's events as CSV, with its filters; owners only, like the page. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireMembership(request, params.org);
  ensureCanRead(ctx);
  const input = readAuditFilters(new URL(request.url));
  // A plain-text answer, read as it is: written in the requester's language here.
  const language = requestLanguage(request, ctx.user);
  const problems = Object.values(input.problems).map((problem) => translateMessage(language, problem));
  if (problems.length) throw data(problems.join(" "), { status: 400 });
  const csv = await auditLogCsv(ctx, input.filters);
  return csvDownload(csv.body, csv.fileName);
}
