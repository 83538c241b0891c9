import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, isRouteErrorResponse, useLoaderData, useRouteError } from "@remix-run/react";
import { EmptyState, PageHeader } from "~/components/app-shell.tsx";
import { ErrorPage, GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { HorizontalBarChart, ParetoChart } from "~/features/scorecards/ui/charts.tsx";
import { FootnoteRef, MedianMetric, MetricCard, MetricSection, RateMetric } from "~/features/scorecards/ui/metrics.tsx";
import { computeScorecard, parsePeriod, scorecardPair } from "~/features/scorecards/scorecard.server.ts";
import { idParam } from "~/features/specs/params.server.ts";
import { requireMembership } from "~/lib/tenant.server.ts";
import { useFormat } from "~/lib/use-format.ts";
import { Breadcrumb } from "~/components/breadcrumb.tsx";
import { partnersPath } from "~/features/partners/paths.ts";
import { scorecardCsvPath } from "~/features/scorecards/paths.ts";
import { useMessageText } from "~/lib/i18n/translate.ts";
import { useT } from "~/lib/i18n/translate.ts";
import { pageTitle } from "~/lib/i18n/page-title.ts";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  {
    title: data
      ? pageTitle(matches, "dashboard", "meta.scorecard", {
          partner: data.org.kind === "IMPORTER" ? data.scorecard.factory.name : data.scorecard.importer.name,
        })
      : pageTitle(matches, "dashboard", "meta.scorecardFallback"),
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

export default function ScorecardPage() {
  const { org, scorecard: s, csvHref } = useLoaderData<typeof loader>();
  const t = useT("dashboard");
  const f = useFormat();
  // The root causes are named as on the corrective actions themselves.
  const tCa = useT("correctiveActions");
  // What each figure counted, once there was something to count.
  const firstPassText = (n: number, of: number) => t("scorecard.firstPass.counted", { n, of });
  const decisionText = (count: number) => t("scorecard.decision.counted", { count });
  const acknowledgeText = (count: number) => t("scorecard.acknowledge.counted", { count });
  const onTimePlanText = (n: number, of: number) => t("scorecard.onTime.counted", { n, of });
  const isImporter = org.kind === "IMPORTER";
  const partnerName = isImporter ? s.factory.name : s.importer.name;
  const ca = s.correctiveActions;
  return (
    <>
      <Breadcrumb links={[{ to: partnersPath(org.slug), label: isImporter ? t("scorecard.factories") : t("scorecard.importers") }]} />
      <PageHeader
        title={isImporter ? t("scorecard.title", { partner: partnerName }) : t("scorecard.titleOwn", { partner: partnerName })}
        description={t("scorecard.description", { importer: s.importer.name, factory: s.factory.name })}
        actions={
          <a href={csvHref} className="btn-secondary" download>
            {t("scorecard.csv")}
          </a>
        }
      />

      {s.partnershipStatus !== "ACTIVE" || s.hasEndedPartnership ? (
        <p className="mb-4 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          {[
            s.partnershipStatus === "ENDED" ? t("scorecard.status.ENDED") : s.partnershipStatus === "INVITED" ? t("scorecard.status.INVITED") : null,
            s.hasEndedPartnership ? t("scorecard.endedRecords") : null,
          ]
            .filter(Boolean)
            .join(" ")}
        </p>
      ) : null}

      <Form method="get" className="card mb-6 flex flex-wrap items-end gap-3" aria-label={t("scorecard.period")}>
        <div>
          <label htmlFor="from" className="block text-sm font-medium text-slate-700">
            {t("scorecard.from")}
          </label>
          <input id="from" name="from" type="date" defaultValue={s.period.firstDay} className="input mt-1" required />
        </div>
        <div>
          <label htmlFor="to" className="block text-sm font-medium text-slate-700">
            {t("scorecard.to")}
          </label>
          <input id="to" name="to" type="date" defaultValue={s.period.lastDay} className="input mt-1" required />
        </div>
        <button type="submit" className="btn-primary">
          {t("scorecard.show")}
        </button>
        <p className="w-full text-sm text-slate-600">
          {t("scorecard.showing", { from: f.calendarDay(s.period.firstDay), to: f.calendarDay(s.period.lastDay) })}
        </p>
      </Form>

      <MetricSection title={t("scorecard.firstArticles")}>
        <RateMetric title={t("scorecard.firstPass.title")} note="1" rate={s.firstPass} none={t("scorecard.firstPass.none")} counted={firstPassText} />
        <MedianMetric title={t("scorecard.decision.title")} note="2" median={s.decisionDays} none={t("scorecard.decision.none")} counted={decisionText} />
      </MetricSection>

      <MetricSection title={t("scorecard.specs")}>
        <MedianMetric
          title={t("scorecard.acknowledge.title")}
          note="3"
          median={s.acknowledgeDays}
          none={t("scorecard.acknowledge.none")}
          counted={acknowledgeText}
        />
      </MetricSection>

      <MetricSection title={t("scorecard.correctiveActions")}>
        <MetricCard title={t("scorecard.opened.title")} value={String(ca.opened)} note="4" explanation={t("scorecard.opened.explanation")} />
        <MetricCard title={t("scorecard.closed.title")} value={String(ca.closed)} note="4" explanation={t("scorecard.closed.explanation")} />
        <RateMetric title={t("scorecard.onTime.title")} note="5" rate={ca.onTimePlan} none={t("scorecard.onTime.none")} counted={onTimePlanText} />
        <MetricCard
          title={t("scorecard.overdue.title")}
          value={String(ca.openOverdue)}
          note="6"
          explanation={ca.openOverdue === 0 ? t("scorecard.overdue.none") : t("scorecard.overdue.explanation")}
          tone={ca.openOverdue > 0 ? "warn" : undefined}
        />
      </MetricSection>

      <InspectionSections s={s} />

      <section className="mb-6" aria-labelledby="root-causes">
        <h2 id="root-causes" className="mb-3 text-lg font-semibold">
          {t("scorecard.rootCauses.heading")}
          <FootnoteRef note="7" />
        </h2>
        <div className="card">
          {s.rootCauses.total === 0 ? (
            <EmptyState title={t("scorecard.rootCauses.emptyTitle")}>{t("scorecard.rootCauses.emptyBody")}</EmptyState>
          ) : (
            <>
              <p className="mb-3 text-sm text-slate-600">{t("scorecard.rootCauses.intro", { count: s.rootCauses.total })}</p>
              <HorizontalBarChart
                title={t("scorecard.rootCauses.chart")}
                data={s.rootCauses.rows.map((r) => ({
                  label: r.category ? tCa(`rootCause.${r.category}`) : t("scorecard.rootCauses.notStated"),
                  value: r.count,
                }))}
              />
            </>
          )}
        </div>
      </section>

      <section aria-labelledby="definitions" className="border-t border-slate-200 pt-4 text-sm text-slate-600">
        <h2 id="definitions" className="mb-2 font-semibold text-slate-800">
          {t("scorecard.definitions.heading")}
        </h2>
        <p className="mb-2">{t("scorecard.definitions.intro")}</p>
        <ol className="list-decimal space-y-1 pl-5">
          {DEFINITIONS.map((note) => (
            <li key={note} id={`note-${note}`}>
              {t(`scorecard.definition.${note}`)}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}

/** The definitions (numbered footnotes), word for word the rules of app/features/scorecards/scorecard.server.ts. */
const DEFINITIONS = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11"] as const;

const CLASSES = ["CRITICAL", "MAJOR", "MINOR"] as const;

/** Lots inspected by ISO 2859-1: first-time acceptance, defects per hundred units by class, aborts as not ready, and the top defects. */
function InspectionSections({ s }: { s: ReturnType<typeof useLoaderData<typeof loader>>["scorecard"] }) {
  const t = useT("dashboard");
  const insp = s.inspections;
  return (
    <>
      <MetricSection title={t("scorecard.inspections.heading")}>
        <RateMetric
          title={t("scorecard.inspections.firstTime.title")}
          note="8"
          rate={insp.firstTimeAcceptance}
          none={t("scorecard.inspections.firstTime.none")}
          counted={(n, of) => t("scorecard.inspections.firstTime.counted", { n, of })}
        />
        {CLASSES.map((c) => {
          const figure = insp.defectsPerHundred[c];
          return (
            <MetricCard
              key={c}
              title={t("scorecard.inspections.perHundred.title", { class: t(`scorecard.inspections.class.${c}`) })}
              value={figure.perHundred === null ? "—" : figure.perHundred.toFixed(2)}
              note="9"
              explanation={
                figure.perHundred === null
                  ? t("scorecard.inspections.perHundred.none")
                  : t("scorecard.inspections.perHundred.counted", { defects: figure.defects, units: insp.unitsInspected })
              }
            />
          );
        })}
        <MetricCard
          title={t("scorecard.inspections.aborted.title")}
          value={String(insp.abortedNotReady.total)}
          note="11"
          explanation={t("scorecard.inspections.aborted.explanation", {
            notReady: insp.abortedNotReady.goodsNotReady,
            underPacked: insp.abortedNotReady.underPacked,
          })}
          tone={insp.abortedNotReady.total > 0 ? "warn" : undefined}
        />
      </MetricSection>

      <section className="mb-6" aria-labelledby="top-defects">
        <h2 id="top-defects" className="mb-3 text-lg font-semibold">
          {t("scorecard.inspections.topDefects.heading")}
          <FootnoteRef note="10" />
        </h2>
        <div className="card">
          {insp.topDefects.total === 0 ? (
            <EmptyState title={t("scorecard.inspections.topDefects.emptyTitle")}>{t("scorecard.inspections.topDefects.emptyBody")}</EmptyState>
          ) : (
            <>
              <p className="mb-3 text-sm text-slate-600">{t("scorecard.inspections.topDefects.intro", { count: insp.topDefects.total })}</p>
              <ParetoChart
                title={t("scorecard.inspections.topDefects.chart")}
                data={insp.topDefects.rows.map((r) => ({ label: r.label, value: r.count, cumulativePercent: r.cumulativePercent }))}
              />
            </>
          )}
        </div>
      </section>
    </>
  );
}

/** A bad period keeps the reader on the page with a way back; everything else is the general error page. */
export function ErrorBoundary() {
  const error = useRouteError();
  const t = useT("dashboard");
  const say = useMessageText();
  if (isRouteErrorResponse(error) && error.status === 400) {
    return (
      <ErrorPage status={400} title={t("scorecard.badPeriod.title")}>
        <p>{typeof error.data === "string" ? say(error.data) : t("scorecard.badPeriod.body")}</p>
        <p className="mt-4">
          <Link to="?" className="link">
            {t("scorecard.badPeriod.last90")}
          </Link>
        </p>
      </ErrorPage>
    );
  }
  return <GeneralErrorBoundary />;
}
