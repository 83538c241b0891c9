// The printable inspection report: one page that reads the same on a screen, a phone and paper.
import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { FilePreview } from "~/features/attachments/ui/index.ts";
import type { FileSnapshot } from "~/features/specs/snapshot.ts";
import { ColumnHeaders } from "~/components/table.tsx";
import { useT, type Translate } from "~/lib/i18n/translate.ts";
import type { Formatter } from "~/lib/format.ts";
import { useFormat } from "~/lib/use-format.ts";
import { inspectionCsvPath, inspectionPath } from "../paths.ts";
import type { InspectionReport, ReportMeasurementRow } from "../report.server.ts";

type T = Translate<"inspectionReports">;

const byWhen = (t: T, f: Formatter, who: string | null, when: string | null) =>
  !when ? "—" : who ? t("report.byWhen", { who, when: f.dateTime(when) }) : f.dateTime(when);

const block = "ir-block card mb-6 print:rounded-none print:border-slate-400 print:p-3 print:shadow-none";

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs font-medium uppercase text-slate-600">{label}</dt>
      <dd className="break-words">{children}</dd>
    </div>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className={block}>
      <h2 id={id} className="mb-3 text-lg font-semibold print:text-base">
        {title}
      </h2>
      {children}
    </section>
  );
}

function Photos({ org, photos }: { org: string; photos: readonly FileSnapshot[] }) {
  const t = useT("inspectionReports");
  if (!photos.length) return <span className="text-slate-500">{t("defects.noPhotos")}</span>;
  return (
    <ul className="flex flex-wrap gap-2">
      {photos.map((photo) => (
        <li key={photo.id} aria-label={t("report.photoOf", { name: photo.name })}>
          <FilePreview org={org} file={photo} size="sm" />
        </li>
      ))}
    </ul>
  );
}

const tableBox = "overflow-x-auto rounded-lg border border-slate-200 bg-white print:overflow-visible print:rounded-none print:border-slate-400";
const headClass = "bg-slate-50 text-xs uppercase text-slate-600 print:bg-white";
const headCell = "border-b border-slate-300 px-3 py-2";
const cell = "border-b border-slate-200 px-3 py-2";

function Verdict({ ok, children }: { ok: boolean | null; children: ReactNode }) {
  if (ok === false)
    return (
      <strong className="font-bold text-red-800 print:text-black">
        <span aria-hidden>✗ </span>
        {children}
      </strong>
    );
  if (ok === null) return <span className="italic text-amber-900 print:text-black">{children}</span>;
  return (
    <span className="text-green-800 print:text-black">
      <span aria-hidden>✓ </span>
      {children}
    </span>
  );
}

function MeasurementRow({ row }: { row: ReportMeasurementRow }) {
  const t = useT("inspectionReports");
  return (
    <tr className="ir-row align-top">
      <th scope="row" className={`${cell} font-mono font-semibold`}>
        {row.number}
      </th>
      <td className={cell}>
        <div className="font-medium">{row.name}</div>
        <div className="font-mono">{row.requirement}</div>
        <div className="text-xs text-slate-600">
          {t(`class.${row.class}`)} · {row.limits}
        </div>
      </td>
      <td className={cell}>
        <ul className="flex flex-wrap gap-x-3 gap-y-1">
          {row.readings.map((r) => (
            <li key={r.sample} className="whitespace-nowrap">
              <span className="text-xs text-slate-600">{r.sample}:</span>{" "}
              {r.verdict === "fail" ? (
                <strong className="font-mono text-red-800 print:text-black">
                  <span aria-hidden>✗ </span>
                  {r.raw.trim()}
                  <span className="sr-only"> {t("cellVerdict.fail")}</span>
                </strong>
              ) : r.verdict === "empty" ? (
                <span className="text-slate-500">—</span>
              ) : (
                <span className="font-mono">{r.raw.trim()}</span>
              )}
            </li>
          ))}
        </ul>
        {row.min !== null ? <div className="mt-1 text-xs text-slate-600">{`${row.min} / ${row.max ?? ""} / ${row.mean ?? ""}`}</div> : null}
      </td>
      <td className={cell}>
        <Verdict ok={row.verdict === "pass" ? true : row.verdict === "fail" ? false : null}>{t(`rowVerdict.${row.verdict}`)}</Verdict>
      </td>
    </tr>
  );
}

export function InspectionReportView({ org, report }: { org: { slug: string }; report: InspectionReport }) {
  const t = useT("inspectionReports");
  const f = useFormat();
  const { header: h, plan, quantity: q, result, decision } = report;
  const count = (value: number | null) => (value === null ? t("quantity.notRecorded") : f.count(value));
  return (
    <article className="text-slate-900 print:leading-snug">
      <div className="mb-4 flex flex-wrap items-center justify-between gap-2 print:hidden">
        <Link className="link text-sm" to={inspectionPath(org.slug, report.id)}>
          {t("report.back")}
        </Link>
        <div className="flex flex-wrap gap-2">
          <a className="btn-secondary" href={inspectionCsvPath(org.slug, report.id)} download>
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
          {h.title} <span className="font-normal text-slate-700">({h.productCode})</span>
        </h1>
        <p className="mt-1 text-sm text-slate-700">{t("report.subtitle")}</p>
      </div>

      <section aria-labelledby="ir-summary" className={block}>
        <h2 id="ir-summary" className="sr-only">
          {t("report.summary")}
        </h2>
        <dl className="grid grid-cols-2 gap-x-4 gap-y-2 text-sm lg:grid-cols-3 print:grid-cols-3 print:gap-y-1">
          <Fact label={t("report.specVersion")}>
            {h.productCode} · {t("report.versionShort", { number: h.versionNumber })}
          </Fact>
          <Fact label={t("report.status")}>{t(`status.${h.status}`)}</Fact>
          <Fact label={t("report.type")}>{t(`type.${h.type}`)}</Fact>
          <Fact label={t("report.importer")}>{h.importer}</Fact>
          <Fact label={t("report.factory")}>{h.factory}</Fact>
          <Fact label={t("report.poNumber")}>{h.poNumber}</Fact>
          <Fact label={t("report.orderQuantity")}>{f.count(h.orderQuantity)}</Fact>
          <Fact label={t("report.lotSize")}>{f.count(h.lotSize)}</Fact>
          <Fact label={t("report.proposedDate")}>{f.calendarDay(h.proposedDate)}</Fact>
          <Fact label={t("report.expectedShipDate")}>{h.expectedShipDate ? f.calendarDay(h.expectedShipDate) : "—"}</Fact>
          <Fact label={t("report.inspectedBy")}>{t(`side.${h.inspectedBy}`)}</Fact>
          {h.reinspectionOfId ? (
            <Fact label={t("report.reinspectionOf")}>
              <Link className="link" to={inspectionPath(org.slug, h.reinspectionOfId)}>
                {t("report.reinspectionLink")}
              </Link>
            </Fact>
          ) : null}
        </dl>
      </section>

      <Section id="ir-plan" title={t("plan.heading")}>
        <dl className="mb-3 grid grid-cols-2 gap-x-4 gap-y-2 text-sm lg:grid-cols-3 print:grid-cols-3">
          <Fact label={t("plan.edition")}>{plan.edition}</Fact>
          <Fact label={t("plan.level")}>{plan.level}</Fact>
          <Fact label={t("plan.severity")}>{t(`severity.${plan.severity}`)}</Fact>
          <Fact label={t("plan.severityReason")}>{plan.severityReason ? t(`severityReason.${plan.severityReason}`) : t("plan.severityFromStart")}</Fact>
          <Fact label={t("plan.sampleSize")}>{f.count(plan.sampleSize)}</Fact>
          <Fact label={t("plan.measuredSample")}>
            {plan.measured.level
              ? t("plan.measuredLevel", { count: plan.measured.sampleSize, level: plan.measured.level })
              : t("plan.measuredCount", { count: plan.measured.sampleSize })}
          </Fact>
        </dl>
        <div className={tableBox}>
          <table className="w-full min-w-[32rem] border-collapse text-left text-sm print:min-w-0 print:text-xs">
            <caption className="sr-only">{t("plan.heading")}</caption>
            <ColumnHeaders
              className={headClass}
              cellClassName={headCell}
              headers={[
                t("plan.class"),
                t("plan.aql"),
                t("plan.codeLetter"),
                t("plan.sampleSize"),
                t("plan.accept"),
                t("plan.reject"),
                t("plan.found"),
                t("plan.verdict"),
              ]}
            />
            <tbody>
              {plan.classes.map((c) => (
                <tr key={c.class} className="ir-row">
                  <th scope="row" className={cell}>
                    {t(`class.${c.class}`)}
                  </th>
                  <td className={cell}>{c.aql ?? t("plan.zeroDefects")}</td>
                  <td className={`${cell} font-mono`}>{c.codeLetter}</td>
                  <td className={cell}>
                    {f.count(c.sampleSize)}
                    {c.fullInspection ? <div className="text-xs text-slate-600">{t("plan.fullInspection")}</div> : null}
                  </td>
                  <td className={cell}>{c.accept}</td>
                  <td className={cell}>{c.reject}</td>
                  <td className={cell}>{c.found}</td>
                  <td className={cell}>
                    <Verdict ok={c.verdict === "accept"}>{t(`classVerdict.${c.verdict}`)}</Verdict>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Section>

      <Section id="ir-quantity" title={t("quantity.heading")}>
        <dl className="grid grid-cols-2 gap-x-4 gap-y-2 text-sm lg:grid-cols-3 print:grid-cols-3">
          <Fact label={t("quantity.cartonsTotal")}>{count(q.cartonsTotal)}</Fact>
          <Fact label={t("quantity.cartonsChecked")}>{count(q.cartonsChecked)}</Fact>
          <Fact label={t("quantity.packedPercent")}>{count(q.packedPercent)}</Fact>
          <Fact label={t("quantity.steadyProduction")}>{q.steadyProduction ? t("csv.yes") : t("csv.no")}</Fact>
          {q.note ? (
            <Fact label={t("quantity.note")}>
              <span className="whitespace-pre-line">{q.note}</span>
            </Fact>
          ) : null}
        </dl>
      </Section>

      <Section id="ir-measurements" title={t("measurements.heading")}>
        {report.measurements.length === 0 ? (
          <p className="text-sm text-slate-600">{t("measurements.none")}</p>
        ) : (
          <div className={tableBox}>
            <table className="w-full min-w-[34rem] border-collapse text-left text-sm print:min-w-0 print:text-xs">
              <caption className="sr-only">{t("measurements.heading")}</caption>
              <ColumnHeaders
                className={headClass}
                cellClassName={headCell}
                headers={[
                  { label: t("measurements.number"), className: "w-16" },
                  t("measurements.characteristic"),
                  t("measurements.readings"),
                  { label: t("measurements.verdict"), className: "w-32" },
                ]}
              />
              <tbody>
                {report.measurements.map((row) => (
                  <MeasurementRow key={row.key} row={row} />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Section>

      <Section id="ir-defects" title={t("defects.heading")}>
        {report.defects.length === 0 ? (
          <p className="text-sm text-slate-600">{t("defects.none")}</p>
        ) : (
          <ul className="space-y-3">
            {report.defects.map((d) => (
              <li key={d.id} className="ir-row border-b border-slate-200 pb-3 last:border-0">
                <p className="text-sm">
                  <span className="font-semibold">{t(`class.${d.class}`)}</span> · {d.description} ·{" "}
                  <span className="font-semibold">
                    {t("defects.count")} {d.count}
                  </span>
                </p>
                {d.exampleDescription || d.exampleKey ? (
                  <p className="text-xs text-slate-600">
                    {t("defects.example")}: {d.exampleDescription ?? d.exampleKey}
                  </p>
                ) : null}
                <div className="mt-2">
                  <Photos org={org.slug} photos={d.photos} />
                </div>
              </li>
            ))}
          </ul>
        )}
        {report.photos.length ? (
          <div className="mt-4">
            <h3 className="mb-2 text-sm font-semibold">{t("photos.heading")}</h3>
            <Photos org={org.slug} photos={report.photos} />
          </div>
        ) : null}
      </Section>

      <Section id="ir-checks" title={t("checks.heading")}>
        {report.checks.length === 0 ? (
          <p className="text-sm text-slate-600">{t("checks.none")}</p>
        ) : (
          <div className={tableBox}>
            <table className="w-full border-collapse text-left text-sm print:text-xs">
              <caption className="sr-only">{t("checks.heading")}</caption>
              <ColumnHeaders className={headClass} cellClassName={headCell} headers={[t("checks.check"), t("checks.result"), t("checks.note")]} />
              <tbody>
                {report.checks.map((c) => (
                  <tr key={c.key} className="ir-row align-top">
                    <th scope="row" className={`${cell} font-normal`}>
                      {c.label}
                    </th>
                    <td className={cell}>
                      {c.result ? (
                        <Verdict ok={c.result === "FAIL" ? false : true}>{t(`checkResult.${c.result}`)}</Verdict>
                      ) : (
                        <Verdict ok={null}>{t("checks.notChecked")}</Verdict>
                      )}
                    </td>
                    <td className={`${cell} whitespace-pre-line break-words`}>{c.note}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Section>

      <Section id="ir-result" title={t("result.heading")}>
        <dl className="grid grid-cols-2 gap-x-4 gap-y-2 text-sm lg:grid-cols-3 print:grid-cols-3">
          <Fact label={t("result.computed")}>
            {result.computed ? <Verdict ok={result.computed === "PASS"}>{t(`result.${result.computed}`)}</Verdict> : t("result.none")}
          </Fact>
          <Fact label={t("result.submittedAt")}>{byWhen(t, f, result.submittedBy, result.submittedAt)}</Fact>
          {result.pendingDecision ? <Fact label={t("result.pendingDecision")}>{t("csv.yes")}</Fact> : null}
          {result.note ? (
            <Fact label={t("result.note")}>
              <span className="whitespace-pre-line">{result.note}</span>
            </Fact>
          ) : null}
        </dl>
      </Section>

      <Section id="ir-decision" title={t("decision.heading")}>
        {report.abort ? (
          <dl className="grid grid-cols-2 gap-x-4 gap-y-2 text-sm">
            <Fact label={t("abort.reason")}>{t(`abortReason.${report.abort.reason}`)}</Fact>
            <Fact label={t("abort.at")}>{byWhen(t, f, report.abort.abortedBy, report.abort.abortedAt)}</Fact>
            {report.abort.note ? <Fact label={t("abort.note")}>{report.abort.note}</Fact> : null}
          </dl>
        ) : decision.decidedAt ? (
          <div className="text-sm">
            <p>{t("decision.decided", { decision: t(`status.${decision.status}`), when: byWhen(t, f, decision.decidedBy, decision.decidedAt) })}</p>
            {decision.note ? (
              <div className="mt-2">
                <h3 className="text-xs font-medium uppercase text-slate-600">
                  {decision.status === "ACCEPTED_WITH_DEVIATION" ? t("decision.deviation") : t("decision.note")}
                </h3>
                <p className="whitespace-pre-line break-words">{decision.note}</p>
              </div>
            ) : null}
          </div>
        ) : (
          <p className="text-sm text-slate-600">{t("decision.none")}</p>
        )}
      </Section>

      <p className="mt-6 text-xs text-slate-600">{t("report.footnote")}</p>
    </article>
  );
}
