import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { ColumnHeaders } from "~/components/table.tsx";
import type { FirstArticleReport, ReportReading, ReportRound, ReportRow } from "~/features/first-articles/report.server.ts";
import { loadReport } from "~/features/first-articles/report.server.ts";
import { idParam } from "~/features/specs/params.server.ts";
import { requireMembership } from "~/lib/tenant.server.ts";
import type { Formatter } from "~/lib/format.ts";
import { useFormat } from "~/lib/use-format.ts";
import { useT, type Translate } from "~/lib/i18n/translate.ts";
// A stylesheet, not a <style> element: the pages' policy runs no inline styles.
import printStylesheet from "~/styles/fa-report-print.css?url";
import { firstArticleCsvPath, firstArticlePath } from "~/features/first-articles/paths.ts";
import { pageTitle } from "~/lib/i18n/page-title.ts";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: printStylesheet }];

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  {
    title: data
      ? pageTitle(matches, "firstArticles", "meta.report", { code: data.report.header.productCode, po: data.report.header.poNumber })
      : pageTitle(matches, "firstArticles", "meta.reportFallback"),
  },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireMembership(request, params.org);
  const report = await loadReport(ctx, idParam(params.faId));
  return { org: { slug: ctx.org.slug }, report };
}

function byWhen(t: Translate<"firstArticles">, f: Formatter, who: string | null, when: string | null): string {
  if (!when) return "—";
  return who ? t("report.byWhen", { who, when: f.dateTime(when) }) : f.dateTime(when);
}

export default function FirstArticleReportPage() {
  const { org, report } = useLoaderData<typeof loader>();
  return <FaReport org={org} report={report} />;
}

/** The report itself, apart from the loader, so it can be rendered on its own. */
export function FaReport({ org, report }: { org: { slug: string }; report: FirstArticleReport }) {
  const t = useT("firstArticles");
  const f = useFormat();
  const { header } = report;
  const faPath = firstArticlePath(org.slug, report.id);
  return (
    <article className="text-slate-900 print:leading-snug">
      <div className="mb-4 flex flex-wrap items-center justify-between gap-2 print:hidden">
        <Link className="link text-sm" to={faPath}>
          {t("report.back")}
        </Link>
        <div className="flex flex-wrap gap-2">
          <a className="btn-secondary" href={firstArticleCsvPath(org.slug, report.id)} download>
            {t("report.downloadCsv")}
          </a>
          <button type="button" className="btn-primary" onClick={() => window.print()}>
            {t("report.print")}
          </button>
        </div>
      </div>

      <div className="mb-4">
        <p className="text-xs font-semibold uppercase tracking-wide text-slate-600">{t("report.kicker")}</p>
        <h1 className="mt-1 text-xl font-bold sm:text-2xl print:text-lg">
          {header.title} <span className="font-normal text-slate-700">({header.productCode})</span>
        </h1>
        <p className="mt-1 text-sm text-slate-700">{t("report.subtitle")}</p>
      </div>

      <section aria-labelledby="fai-summary" className="fai-block card mb-6 print:rounded-none print:border-slate-400 print:p-3 print:shadow-none">
        <h2 id="fai-summary" className="sr-only">
          {t("report.summary")}
        </h2>
        <dl className="grid grid-cols-2 gap-x-4 gap-y-2 text-sm lg:grid-cols-3 print:grid-cols-3 print:gap-y-1">
          <Fact label={t("report.part")}>
            {header.title} · {header.productCode}
          </Fact>
          <Fact label={t("report.specVersion")}>{t("report.versionShort", { number: header.versionNumber })}</Fact>
          <Fact label={t("report.status")}>{t("report.statusRound", { status: t(`status.${header.status}`), round: header.round })}</Fact>
          <Fact label={t("report.importer")}>{header.importer}</Fact>
          <Fact label={t("report.factory")}>{header.factory}</Fact>
          <Fact label={t("report.poLot")}>
            {header.poNumber}
            {header.lotNumber ? ` / ${header.lotNumber}` : ""}
          </Fact>
          <Fact label={t("report.quantityProduced")}>{f.count(header.quantityProduced)}</Fact>
          <Fact label={t("report.samplesMeasured")}>{header.sampleCount}</Fact>
          <Fact label={t("report.inspectedOn")}>{f.calendarDay(header.inspectedOn)}</Fact>
          <Fact label={t("report.submitted")}>{byWhen(t, f, header.submittedBy, header.submittedAt)}</Fact>
          <Fact label={t("report.decided")}>{byWhen(t, f, header.decidedBy, header.decidedAt)}</Fact>
          <Fact label={t("report.rounds")}>{report.rounds.map((r) => r.round).join(", ")}</Fact>
        </dl>
      </section>

      {report.rounds.map((round) => (
        <RoundSection key={round.id} org={org} round={round} single={report.rounds.length === 1} />
      ))}

      <p className="mt-6 text-xs text-slate-600">{t("report.footnote")}</p>
    </article>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs font-medium text-slate-600">{label}</dt>
      <dd className="break-words font-medium">{children}</dd>
    </div>
  );
}

function RoundSection({ org, round, single }: { org: { slug: string }; round: ReportRound; single: boolean }) {
  const t = useT("firstArticles");
  const f = useFormat();
  const headingId = `round-${round.round}`;
  const status = t(`status.${round.status}`);
  const counts = [
    t("report.count.pass", { count: round.counts.pass }),
    ...(round.counts.fail ? [t("report.count.fail", { count: round.counts.fail })] : []),
    ...(round.counts.incomplete ? [t("report.count.incomplete", { count: round.counts.incomplete })] : []),
    ...(round.counts.unjudged ? [t("report.count.unjudged", { count: round.counts.unjudged })] : []),
  ];
  return (
    <section aria-labelledby={headingId} className="mb-8 print:mb-6">
      <div className="fai-block mb-2 flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <h2 id={headingId} className="text-lg font-semibold print:text-base">
          {single ? t("report.results", { status }) : t("report.roundHeading", { round: round.round, status })}
        </h2>
        <p className="text-sm text-slate-700">
          {t(round.lotNumber ? "report.roundLineWithLot" : "report.roundLine", {
            version: round.versionNumber,
            po: round.poNumber,
            lot: round.lotNumber,
            date: f.calendarDay(round.inspectedOn),
            count: round.sampleCount,
          })}
          <a className="link ml-2 print:hidden" href={firstArticleCsvPath(org.slug, round.id)} download>
            {t("report.csv")}
          </a>
        </p>
      </div>
      <p className="mb-2 text-sm text-slate-700">{counts.join(" · ")}</p>
      {round.notes ? (
        <p className="mb-2 whitespace-pre-line break-words text-sm">
          <span className="font-medium">{t("report.factoryNotes")}</span> {round.notes}
        </p>
      ) : null}

      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white print:overflow-visible print:rounded-none print:border-slate-400">
        <table className="w-full min-w-[34rem] border-collapse text-left text-sm print:min-w-0 print:text-xs">
          <caption className="sr-only">{t("report.caption", { round: round.round })}</caption>
          <ColumnHeaders
            className="bg-slate-50 text-xs uppercase text-slate-600 print:bg-white"
            cellClassName="border-b border-slate-300 px-3 py-2"
            headers={[
              { label: t("report.charNo"), className: "w-16" },
              t("report.requirement"),
              t("report.resultsColumn"),
              { label: t("report.verdict"), className: "w-32" },
            ]}
          />
          <tbody>
            {round.rows.map((row) => (
              <RowView key={row.key} row={row} />
            ))}
          </tbody>
        </table>
      </div>

      <Decision round={round} />
    </section>
  );
}

function RowView({ row }: { row: ReportRow }) {
  const t = useT("firstArticles");
  return (
    <tr className="fai-row break-inside-avoid align-top">
      <th scope="row" className="border-b border-slate-200 px-3 py-2 font-mono font-semibold">
        {row.number}
      </th>
      <td className="border-b border-slate-200 px-3 py-2">
        <div className="font-medium">{row.name}</div>
        <div className="font-mono">{row.requirement}</div>
        <div className="text-xs text-slate-600">
          {t(`report.class.${row.class}`)}
          {row.kind === "VARIABLE" ? ` · ${t("report.limits", { limits: row.limits })}` : ""}
        </div>
      </td>
      <td className="border-b border-slate-200 px-3 py-2">
        <ul className="flex flex-wrap gap-x-3 gap-y-1" aria-label={t("report.readingsFor", { number: row.number })}>
          {row.readings.map((reading) => (
            <li key={reading.sample} className="whitespace-nowrap">
              <span className="text-xs text-slate-600">{reading.sample}:</span> <Reading reading={reading} />
            </li>
          ))}
        </ul>
        {row.min !== null ? (
          <div className="mt-1 text-xs text-slate-600">{t("report.stats", { min: row.min, max: row.max ?? "", mean: row.mean ?? "" })}</div>
        ) : null}
      </td>
      <td className="border-b border-slate-200 px-3 py-2">
        <Verdict row={row} />
      </td>
    </tr>
  );
}

function Reading({ reading }: { reading: ReportReading }) {
  const t = useT("firstArticles");
  switch (reading.verdict) {
    case "fail":
      return (
        <strong className="font-mono font-bold text-red-800 print:text-black">
          <span aria-hidden>✗ </span>
          {reading.raw.trim()}
          <span className="sr-only"> {t("report.outOfTolerance")}</span>
        </strong>
      );
    case "empty":
      return (
        <span className="text-slate-500">
          <span aria-hidden>—</span>
          <span className="sr-only">{t("report.notMeasured")}</span>
        </span>
      );
    case "invalid":
      return (
        <span className="font-mono italic text-amber-900 print:text-black">
          “{reading.raw.trim()}” <span className="not-italic">{t("report.unreadable")}</span>
        </span>
      );
    default:
      return <span className="font-mono">{reading.raw.trim()}</span>;
  }
}

function Verdict({ row }: { row: ReportRow }) {
  const t = useT("firstArticles");
  const label = t(`report.rowVerdict.${row.verdict}`);
  if (row.verdict === "fail") {
    return (
      <strong className="font-bold text-red-800 print:text-black">
        <span aria-hidden>✗ </span>
        {label}
      </strong>
    );
  }
  if (row.verdict === "incomplete" || row.verdict === "unjudged") return <span className="italic text-amber-900 print:text-black">{label}</span>;
  return (
    <span className="text-green-800 print:text-black">
      <span aria-hidden>✓ </span>
      {label}
    </span>
  );
}

function Decision({ round }: { round: ReportRound }) {
  const t = useT("firstArticles");
  const f = useFormat();
  const decided = round.decidedAt !== null;
  return (
    <div className="fai-block mt-3 rounded-lg border border-slate-200 bg-white p-3 text-sm print:rounded-none print:border-slate-400 print:text-xs">
      <h3 className="font-semibold">{t("report.decision")}</h3>
      {decided ? (
        <p className="mt-1">
          <span className="font-semibold">{t(`status.${round.status}`)}</span> · {byWhen(t, f, round.decidedBy, round.decidedAt)}
        </p>
      ) : (
        <p className="mt-1 text-slate-700">{round.status === "DRAFT" ? t("report.notSubmitted") : t("report.awaitingReview")}</p>
      )}
      <p className="mt-1 text-slate-700">{t("report.submittedWhen", { when: byWhen(t, f, round.submittedBy, round.submittedAt) })}</p>
      {round.decisionNote ? (
        <div className="mt-2">
          <h4 className="text-xs font-medium uppercase text-slate-600">
            {round.status === "CONDITIONALLY_APPROVED" ? t("report.conditions") : t("report.note")}
          </h4>
          <p className="whitespace-pre-line break-words">{round.decisionNote}</p>
        </div>
      ) : null}
      {round.findings.length ? (
        <div className="mt-2">
          <h4 className="text-xs font-medium uppercase text-slate-600">{t("report.findings")}</h4>
          <ul className="mt-1 space-y-1">
            {round.findings.map((f) => (
              <li key={f.characteristicKey} className="break-words">
                <span className="font-semibold">{f.number ? `${f.number} ${f.name}` : t("report.other")}:</span> {f.reason}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
