import { DEFECT_CLASSES, type InspectionPlan } from "../plan.ts";
import { useT } from "~/lib/i18n/translate.ts";
import { useFormat } from "~/lib/use-format.ts";

/** The plan the inspection was booked with: edition, level, severity and why, and per class the code letter, sample and Ac/Re. */
export function SamplingPlanSummary({ plan }: { plan: InspectionPlan }) {
  const t = useT("inspecting");
  const f = useFormat();
  return (
    <section id="plan" aria-labelledby="plan-heading" className="card space-y-3">
      <h2 id="plan-heading" className="text-lg font-semibold">
        {t("section.plan")}
      </h2>
      <dl className="grid grid-cols-2 gap-x-4 gap-y-1 text-sm sm:grid-cols-4">
        <dt className="text-slate-600">{t("plan.edition")}</dt>
        <dd>{plan.edition}</dd>
        <dt className="text-slate-600">{t("plan.level")}</dt>
        <dd>{plan.level}</dd>
        <dt className="text-slate-600">{t("plan.severity")}</dt>
        <dd data-testid="plan-severity">
          {t(`severity.${plan.severity}`)}
          {plan.severityReason ? <span className="block text-xs text-slate-600">{t(`severityReason.${plan.severityReason}`)}</span> : null}
        </dd>
        <dt className="text-slate-600">{t("plan.lotSize")}</dt>
        <dd>{f.count(plan.lotSize)}</dd>
      </dl>
      <div className="overflow-x-auto">
        <table className="min-w-full text-sm">
          <thead>
            <tr className="text-left text-slate-600">
              <th scope="col" className="py-1 pr-2">
                {t("plan.class")}
              </th>
              <th scope="col" className="py-1 pr-2">
                {t("plan.aql")}
              </th>
              <th scope="col" className="py-1 pr-2">
                {t("plan.codeLetter")}
              </th>
              <th scope="col" className="py-1 pr-2 text-right">
                {t("plan.sampleSize")}
              </th>
              <th scope="col" className="py-1 pr-2 text-right">
                {t("plan.acRe")}
              </th>
            </tr>
          </thead>
          <tbody>
            {DEFECT_CLASSES.map((c) => {
              const p = plan.classes[c];
              return (
                <tr key={c} className="border-t border-slate-200 align-top" data-testid={`plan-${c}`}>
                  <th scope="row" className="py-1 pr-2 text-left font-medium">
                    {t(`class.${c}`)}
                  </th>
                  <td className="py-1 pr-2">
                    {p.aql === null ? (
                      <>
                        {t("plan.zeroAllowed")}
                        <span className="block text-xs text-slate-600">{t("plan.zeroAllowedNote")}</span>
                      </>
                    ) : (
                      p.aql
                    )}
                  </td>
                  <td className="py-1 pr-2">
                    {p.tableLetter === p.codeLetter ? p.codeLetter : t("plan.letterAfterArrow", { table: p.tableLetter, used: p.codeLetter })}
                  </td>
                  <td className="py-1 pr-2 text-right tabular-nums">
                    {f.count(p.sampleSize)}
                    {p.fullInspection ? <span className="block text-xs text-slate-600">{t("plan.fullInspection")}</span> : null}
                  </td>
                  <td className="py-1 pr-2 text-right tabular-nums">{t("plan.acReValue", { ac: p.accept, re: p.reject })}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className="text-sm">
        {t("plan.inspect", { count: plan.sampleSize })}{" "}
        {plan.measured.count !== null
          ? t("plan.measuredCount", { count: plan.measured.sampleSize })
          : t("plan.measuredLevel", { count: plan.measured.sampleSize, level: plan.measured.level ?? "" })}
      </p>
    </section>
  );
}
