import type { ReactNode } from "react";
import type { MedianFigure, RateFigure } from "../scorecard.server.ts";
import { useT } from "~/lib/i18n/translate.ts";
import { formatDays, formatPercent, RateBar } from "./charts.tsx";

/** A group of metric cards under a heading. */
export function MetricSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="mb-6" aria-label={title}>
      <h2 className="mb-3 text-lg font-semibold">{title}</h2>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">{children}</div>
    </section>
  );
}

/** A link to the numbered definition at the foot of the page. */
export function FootnoteRef({ note }: { note: string }) {
  const t = useT("dashboard");
  return (
    <sup className="ml-0.5 text-xs font-normal">
      <span className="sr-only"> </span>
      {/* The visible number starts the link's name, so a person who says "click 7" reaches it. */}
      <a href={`#note-${note}`} className="link">
        {note}
        <span className="sr-only"> {t("metric.definition")}</span>
      </a>
    </sup>
  );
}

export function MetricCard({
  title,
  value,
  explanation,
  note,
  tone,
  children,
}: {
  title: string;
  value: string;
  explanation: string;
  note: string;
  tone?: "warn";
  children?: ReactNode;
}) {
  const t = useT("dashboard");
  return (
    <div className={`card ${tone === "warn" ? "border-amber-300" : ""}`} data-testid="metric">
      <h3 className="text-sm font-medium text-slate-600">
        {title}
        <FootnoteRef note={note} />
      </h3>
      {/* A figure, not prose: as a <p> in large bold type it reads to assistive tools as a heading that is not marked up. */}
      <div className={`mt-1 text-3xl font-bold ${tone === "warn" ? "text-amber-800" : "text-slate-900"}`}>
        {value === "—" ? (
          <>
            <span aria-hidden="true">—</span>
            <span className="sr-only">{t("metric.noData")}</span>
          </>
        ) : (
          value
        )}
      </div>
      {children}
      <p className="mt-2 text-sm text-slate-600">{explanation}</p>
    </div>
  );
}

/** A share with its bar; `none` says why there is nothing to count, `counted` what was counted. */
export function RateMetric({
  title,
  note,
  rate,
  none,
  counted,
}: {
  title: string;
  note: string;
  rate: RateFigure;
  none: string;
  counted: (numerator: number, denominator: number) => string;
}) {
  return (
    <MetricCard
      title={title}
      value={formatPercent(rate.percent)}
      note={note}
      explanation={rate.denominator === 0 ? none : counted(rate.numerator, rate.denominator)}
    >
      <RateBar label={title} percent={rate.percent} numerator={rate.numerator} denominator={rate.denominator} />
    </MetricCard>
  );
}

/** A median number of days; `none` says why there is nothing to measure, `counted` over what it was taken. */
export function MedianMetric({
  title,
  note,
  median,
  none,
  counted,
}: {
  title: string;
  note: string;
  median: MedianFigure;
  none: string;
  counted: (count: number) => string;
}) {
  const t = useT("dashboard");
  return <MetricCard title={title} value={formatDays(t, median.days)} note={note} explanation={median.count === 0 ? none : counted(median.count)} />;
}
