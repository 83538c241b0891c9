import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, isRouteErrorResponse, useLoaderData, useRouteError } from "@remix-run/react";
import { EmptyState, PageHeader } from "~/components/app-shell.tsx";
import { ErrorPage, GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { HorizontalBarChart } from "~/features/scorecards/ui/charts.tsx";
import { FootnoteRef, MedianMetric, MetricCard, MetricSection, plural, RateMetric } from "~/features/scorecards/ui/metrics.tsx";
import { computeScorecard, parsePeriod, scorecardPair } from "~/features/scorecards/scorecard.server.ts";
import { idParam } from "~/features/specs/params.server.ts";
import { requireMembership } from "~/lib/tenant.server.ts";
import { formatDayWithMonthName } from "~/lib/format.ts";
import { Breadcrumb } from "~/components/breadcrumb.tsx";
import { partnersPath } from "~/features/partners/paths.ts";
import { scorecardCsvPath } from "~/features/scorecards/paths.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: data
      ? `Scorecard · ${data.org.kind === "IMPORTER" ? data.scorecard.factory.name : data.scorecard.importer.name} · Supplier Portal`
      : "Scorecard · Supplier Portal",
  },
];

/**
 * The importer reads a factory's scorecard (`partnerId` = the factory), a
 * factory reads its own with an importer (`partnerId` = the importer). Any
 * partnership of the pair, in any status; 404 otherwise.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireMembership(request, params.org);
  const partnerId = idParam(params.partnerId);
  const url = new URL(request.url);
  const period = parsePeriod(url);
  const scorecard = await computeScorecard(ctx, { ...scorecardPair(ctx, partnerId), from: period.from, to: period.to, now: new Date() });
  return {
    org: { slug: ctx.org.slug, kind: ctx.org.kind },
    scorecard,
    csvHref: scorecardCsvPath(ctx.org.slug, partnerId, { from: period.firstDay, to: period.lastDay }),
  };
}

// What each figure counted, once there was something to count.
const firstPassText = (n: number, of: number) =>
  `${n} of ${plural(of, "first article", "first articles")} decided in this period ${n === 1 ? "was" : "were"} approved (or approved with conditions) without a resubmission.`;
const decisionText = (count: number) => `Half of the ${plural(count, "decision", "decisions")} came faster than this, half slower, counted from submission.`;
const acknowledgeText = (count: number) =>
  `Typical time from publication to acknowledgement, over ${plural(count, "version", "versions")} published in this period.`;
const onTimePlanText = (n: number, of: number) => `${n} of ${plural(of, "plan", "plans")} submitted in this period arrived by the due date.`;

export default function ScorecardPage() {
  const { org, scorecard: s, csvHref } = useLoaderData<typeof loader>();
  const isImporter = org.kind === "IMPORTER";
  const partnerName = isImporter ? s.factory.name : s.importer.name;
  const ca = s.correctiveActions;
  const periodText = `${formatDayWithMonthName(s.period.firstDay)} – ${formatDayWithMonthName(s.period.lastDay)}`;
  return (
    <>
      <Breadcrumb links={[{ to: partnersPath(org.slug), label: isImporter ? "Factories" : "Importers" }]} />
      <PageHeader
        title={isImporter ? `Scorecard: ${partnerName}` : `Your scorecard with ${partnerName}`}
        description={`How ${s.importer.name} and ${s.factory.name} worked together, counted from the records in this portal. Both sides see the same numbers.`}
        actions={
          <a href={csvHref} className="btn-secondary" download>
            Download CSV
          </a>
        }
      />

      {s.partnershipStatus !== "ACTIVE" || s.hasEndedPartnership ? (
        <p className="mb-4 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          {s.partnershipStatus === "ENDED" ? "This partnership has ended. " : s.partnershipStatus === "INVITED" ? "This partnership is not active yet. " : ""}
          {s.hasEndedPartnership
            ? "Records from an ended partnership stay with the importer and are no longer shown to the factory, so the factory's figures can be lower."
            : null}
        </p>
      ) : null}

      <Form method="get" className="card mb-6 flex flex-wrap items-end gap-3" aria-label="Period">
        <div>
          <label htmlFor="from" className="block text-sm font-medium text-slate-700">
            From
          </label>
          <input id="from" name="from" type="date" defaultValue={s.period.firstDay} className="input mt-1" required />
        </div>
        <div>
          <label htmlFor="to" className="block text-sm font-medium text-slate-700">
            To (included)
          </label>
          <input id="to" name="to" type="date" defaultValue={s.period.lastDay} className="input mt-1" required />
        </div>
        <button type="submit" className="btn-primary">
          Show
        </button>
        <p className="w-full text-sm text-slate-600">Showing {periodText}. At most 3 years at a time.</p>
      </Form>

      <MetricSection title="First articles">
        <RateMetric title="Approved on the first round" note="1" rate={s.firstPass} none="No first round was decided in this period." counted={firstPassText} />
        <MedianMetric title="Time to a decision" note="2" median={s.decisionDays} none="No first article was decided in this period." counted={decisionText} />
      </MetricSection>

      <MetricSection title="Specifications">
        <MedianMetric
          title="Time to acknowledge a new version"
          note="3"
          median={s.acknowledgeDays}
          none="No version published in this period has been acknowledged yet."
          counted={acknowledgeText}
        />
      </MetricSection>

      <MetricSection title="Corrective actions">
        <MetricCard title="Opened" value={String(ca.opened)} note="4" explanation="Corrective actions opened in this period." />
        <MetricCard title="Closed" value={String(ca.closed)} note="4" explanation="Corrective actions verified and closed in this period." />
        <RateMetric title="Plans on time" note="5" rate={ca.onTimePlan} none="No plan was submitted in this period." counted={onTimePlanText} />
        <MetricCard
          title="Open and overdue now"
          value={String(ca.openOverdue)}
          note="6"
          explanation={
            ca.openOverdue === 0
              ? "Nothing is late today."
              : "Waiting for a plan past its due date, or an accepted plan with an action past its due date. Today, whatever the period."
          }
          tone={ca.openOverdue > 0 ? "warn" : undefined}
        />
      </MetricSection>

      <section className="mb-6" aria-labelledby="root-causes">
        <h2 id="root-causes" className="mb-3 text-lg font-semibold">
          Where problems came from
          <FootnoteRef note="7" />
        </h2>
        <div className="card">
          {s.rootCauses.total === 0 ? (
            <EmptyState title="No plan was submitted in this period">Root causes are counted from submitted plans.</EmptyState>
          ) : (
            <>
              <p className="mb-3 text-sm text-slate-600">Root causes named in the {plural(s.rootCauses.total, "plan", "plans")} submitted in this period.</p>
              <HorizontalBarChart title="Root causes of corrective actions" data={s.rootCauses.rows.map((r) => ({ label: r.label, value: r.count }))} />
            </>
          )}
        </div>
      </section>

      <section aria-labelledby="definitions" className="border-t border-slate-200 pt-4 text-sm text-slate-600">
        <h2 id="definitions" className="mb-2 font-semibold text-slate-800">
          How these figures are counted
        </h2>
        <p className="mb-2">
          The period runs from the start of the From day to the end of the To day (UTC). A record counts when the date of its event falls in the period. “—”
          means there was nothing to count. The importer and the factory see the same figures, from the same records.
        </p>
        <ol className="list-decimal space-y-1 pl-5">
          {DEFINITIONS.map((d, i) => (
            <li key={i} id={`note-${i + 1}`}>
              {d}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}

/** The definitions, word for word the rules of app/features/scorecards/scorecard.server.ts. */
const DEFINITIONS = [
  "Approved on the first round: among first-article series whose round 1 was decided in the period, the share whose round 1 was approved or approved with conditions.",
  "Time to a decision: the median, over every round decided in the period, of the days from submission to decision (one decimal).",
  "Time to acknowledge: the median, over versions published in the period and acknowledged by the factory, of the days from publication to the acknowledgement. If the factory first asked a question, the time runs until it acknowledged. Versions only queried are not counted.",
  "Opened: corrective actions created in the period. Closed: corrective actions closed (verified) in the period.",
  "Plans on time: among corrective actions whose plan was submitted in the period, the share submitted on or before the plan due date.",
  "Open and overdue: counted today, whatever the period — waiting for the factory's plan after the due date, or with an accepted plan and an action past its due date. Each corrective action counts once.",
  "Where problems came from: corrective actions whose plan was submitted in the period, by the root-cause category the factory chose.",
];

/** A bad period keeps the reader on the page with a way back; everything else is the general error page. */
export function ErrorBoundary() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 400) {
    return (
      <ErrorPage status={400} title="That period cannot be shown">
        <p>{typeof error.data === "string" ? error.data : "Check the dates and try again."}</p>
        <p className="mt-4">
          <Link to="?" className="link">
            Show the last 90 days
          </Link>
        </p>
      </ErrorPage>
    );
  }
  return <GeneralErrorBoundary />;
}
