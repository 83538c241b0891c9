import type { InspectionOutcome } from "../result.ts";
import { useT } from "~/lib/i18n/translate.ts";

/** The computed result: overall PASS or FAIL, per class found against Ac/Re, each measured characteristic, the failed checks. */
export function ResultSummary({ outcome }: { outcome: InspectionOutcome }) {
  const t = useT("inspecting");
  const pass = outcome.result === "PASS";
  return (
    <section id="result" aria-labelledby="result-heading" className="card space-y-3">
      <h2 id="result-heading" className="text-lg font-semibold">
        {t("section.result")}
      </h2>
      <p
        data-testid="overall-result"
        data-result={outcome.result}
        className={`rounded-md px-4 py-3 text-2xl font-bold ${pass ? "bg-green-100 text-green-900" : "bg-red-600 text-white"}`}
      >
        <span aria-hidden="true">{pass ? "✓ " : "✗ "}</span>
        {pass ? t("result.pass") : t("result.fail")}
      </p>
      <ul className="space-y-1 text-sm">
        {outcome.classes.map((c) => (
          <li key={c.defectClass} data-testid={`result-${c.defectClass}`} className={c.passed ? "" : "font-semibold text-red-700"}>
            <span aria-hidden="true">{c.passed ? "✓ " : "✗ "}</span>
            {t("result.classLine", { class: t(`class.${c.defectClass}`), found: c.found, ac: c.accept, re: c.reject })}{" "}
            {c.passed ? t("result.accepted") : t("result.rejected")}
          </li>
        ))}
      </ul>
      {outcome.measured.length ? (
        <>
          <h3 className="font-semibold">{t("result.measured")}</h3>
          <ul className="space-y-1 text-sm">
            {outcome.measured.map((m) => (
              <li key={m.key} className={m.passed ? "" : "font-semibold text-red-700"}>
                <span aria-hidden="true">{m.passed ? "✓ " : "✗ "}</span>
                {m.passed
                  ? t("result.measuredPass", { number: m.number, name: m.name })
                  : m.failing === 0 && m.missing > 0
                    ? t("result.measuredMissing", { number: m.number, name: m.name, count: m.missing })
                    : t("result.measuredFail", { number: m.number, name: m.name, count: m.failing })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {outcome.failedChecks.length ? (
        <>
          <h3 className="font-semibold">{t("result.failedChecks")}</h3>
          <ul className="list-disc pl-5 text-sm">
            {outcome.failedChecks.map((c) => (
              <li key={c.key}>{c.label}</li>
            ))}
          </ul>
          <p className="text-xs text-slate-600">{t("result.failedChecksNote")}</p>
        </>
      ) : null}
    </section>
  );
}
