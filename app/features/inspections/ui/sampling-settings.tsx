import { Form, Link } from "@remix-run/react";
import { useState } from "react";
import { ConfirmAction } from "~/components/confirm-action.tsx";
import { FieldError, FormMessage, useFormRefusal } from "~/components/form-refusal.tsx";
import { SubmitButton } from "~/components/forms.tsx";
import { useT } from "~/lib/i18n/translate.ts";
import { useFormat } from "~/lib/use-format.ts";
import { DEFECT_CLASSES, MEASURED_LEVELS } from "../plan.ts";
import { INSPECTION_LEVELS } from "../sampling.ts";
import { AQL_OPTIONS, MAX_MEASURED_COUNT, ZERO_DEFECTS, settingsFormValues } from "../sampling-settings.ts";
import type { SwitchReason, SwitchingSeverity } from "../switching.ts";

type Values = ReturnType<typeof settingsFormValues>;
type Reply = Parameters<typeof useFormRefusal>[1];

const AQL_FIELD = { CRITICAL: "criticalAql", MAJOR: "majorAql", MINOR: "minorAql" } as const;

/** The sampling choices as a form: level, AQL per class, the measured sample, reduced inspection allowed. */
export function SamplingSettingsForm({
  id,
  intent,
  specId,
  values,
  typed,
  reply,
  readOnly,
}: {
  id: string;
  intent: "save-defaults" | "save-spec";
  specId?: string;
  values: Values;
  /** What a refused post had typed, shown again instead of the stored values. */
  typed?: Record<string, string> | null;
  reply?: Reply;
  readOnly: boolean;
}) {
  const t = useT("lotDecisions");
  const refusal = useFormRefusal(id, reply);
  const shown = (name: keyof Values) => (typed ? (typed[name] ?? "") : String(values[name]));
  const [mode, setMode] = useState(typed?.measuredMode ?? values.measuredMode);
  const reduced = typed ? typed.reducedEnabled === "on" : values.reducedEnabled;
  return (
    <Form method="post" className="space-y-4" {...refusal.form}>
      <FormMessage refusal={refusal} />
      <input type="hidden" name="intent" value={intent} />
      {specId ? <input type="hidden" name="specId" value={specId} /> : null}
      <fieldset disabled={readOnly} className="space-y-4">
        <div>
          <label htmlFor={`${id}-level`} className="block text-sm font-medium text-slate-700">
            {t("settings.level")}
          </label>
          <select name="level" className="input mt-1 max-w-xs" defaultValue={shown("level")} {...refusal.field("level")}>
            {INSPECTION_LEVELS.map((level) => (
              <option key={level} value={level}>
                {t(`settings.levelName.${level}`)}
              </option>
            ))}
          </select>
          <FieldError refusal={refusal} name="level" />
        </div>
        <div className="grid gap-4 sm:grid-cols-3">
          {DEFECT_CLASSES.map((cls) => {
            const name = AQL_FIELD[cls];
            return (
              <div key={cls}>
                <label htmlFor={`${id}-${name}`} className="block text-sm font-medium text-slate-700">
                  {t("settings.aqlFor", { class: t(`class.${cls}`) })}
                </label>
                <select name={name} className="input mt-1" defaultValue={shown(name)} {...refusal.field(name)}>
                  {AQL_OPTIONS.map((option) => (
                    <option key={option} value={option}>
                      {option === ZERO_DEFECTS ? t("settings.zeroDefects") : t("settings.aql", { aql: option })}
                    </option>
                  ))}
                </select>
                <FieldError refusal={refusal} name={name} />
              </div>
            );
          })}
        </div>
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium text-slate-700">{t("settings.measured")}</legend>
          <p className="text-xs text-slate-500">{t("settings.measuredHint")}</p>
          <div className="flex flex-wrap items-center gap-3">
            <label className="flex min-h-11 items-center gap-2 text-sm">
              <input type="radio" name="measuredMode" value="level" defaultChecked={mode !== "count"} onChange={() => setMode("level")} />
              {t("settings.measuredByLevel")}
            </label>
            <label className="sr-only" htmlFor={`${id}-measuredLevel`}>
              {t("settings.measuredLevel")}
            </label>
            <select name="measuredLevel" id={`${id}-measuredLevel`} className="input w-auto" defaultValue={shown("measuredLevel")}>
              {MEASURED_LEVELS.map((level) => (
                <option key={level} value={level}>
                  {t(`settings.levelName.${level}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="flex flex-wrap items-center gap-3">
            <label className="flex min-h-11 items-center gap-2 text-sm">
              <input type="radio" name="measuredMode" value="count" defaultChecked={mode === "count"} onChange={() => setMode("count")} />
              {t("settings.measuredByCount")}
            </label>
            <label className="sr-only" htmlFor={refusal.field("measuredCount").id}>
              {t("settings.measuredCount")}
            </label>
            <input
              name="measuredCount"
              type="number"
              inputMode="numeric"
              min={1}
              max={MAX_MEASURED_COUNT}
              className="input w-28"
              defaultValue={shown("measuredCount")}
              {...refusal.field("measuredCount")}
            />
          </div>
          <FieldError refusal={refusal} name="measuredCount" />
        </fieldset>
        <div>
          <label className="flex min-h-11 items-start gap-2 text-sm">
            <input type="checkbox" name="reducedEnabled" defaultChecked={reduced} className="mt-1" aria-describedby={`${id}-reduced-hint`} />
            <span>
              <span className="font-medium text-slate-700">{t("settings.reduced")}</span>
              <span id={`${id}-reduced-hint`} className="block text-xs text-slate-500">
                {t("settings.reducedHint")}
              </span>
            </span>
          </label>
        </div>
      </fieldset>
      {readOnly ? null : <SubmitButton pendingText={t("settings.saving")}>{t("settings.save")}</SubmitButton>}
    </Form>
  );
}

export interface SpecRow {
  id: string;
  title: string;
  productCode: string;
  own: Values | null;
  state: { severity: SwitchingSeverity; score: number; reason: SwitchReason | null; switchedAt: string | null; canResume: boolean };
}

const severityTone: Record<SwitchingSeverity, string> = {
  normal: "bg-slate-100 text-slate-700",
  tightened: "bg-amber-100 text-amber-900",
  reduced: "bg-green-100 text-green-800",
  stopped: "bg-red-100 text-red-800",
};

/** The specs shared with the factory: whose settings each samples by, and where its switching rules stand. */
export function SpecSamplingList({ specs, canEdit, editPath }: { specs: SpecRow[]; canEdit: boolean; editPath: (specId: string) => string }) {
  const t = useT("lotDecisions");
  const f = useFormat();
  if (specs.length === 0) return <p className="text-sm text-slate-600">{t("settings.noSpecs")}</p>;
  return (
    <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
      {specs.map((spec) => (
        <li key={spec.id} className="flex flex-wrap items-start gap-3 p-4" data-testid="spec-sampling-row">
          <div className="min-w-0 flex-1 text-sm">
            <p className="font-medium [overflow-wrap:anywhere]">
              {spec.title} <span className="text-slate-500">{spec.productCode}</span>
            </p>
            <p className="text-slate-600">
              {spec.own
                ? t("settings.ownSummary", {
                    level: spec.own.level,
                    critical: spec.own.criticalAql === ZERO_DEFECTS ? t("settings.zeroShort") : spec.own.criticalAql,
                    major: spec.own.majorAql === ZERO_DEFECTS ? t("settings.zeroShort") : spec.own.majorAql,
                    minor: spec.own.minorAql === ZERO_DEFECTS ? t("settings.zeroShort") : spec.own.minorAql,
                  })
                : t("settings.usesDefaults")}
            </p>
            <p className="mt-1">
              <span className={`rounded px-2 py-0.5 text-xs font-semibold ${severityTone[spec.state.severity]}`}>{t(`severity.${spec.state.severity}`)}</span>{" "}
              {spec.state.severity === "normal" ? <span className="text-slate-600">{t("settings.score", { score: spec.state.score })}</span> : null}
            </p>
            {spec.state.reason ? (
              <p className="mt-1 text-slate-600">
                {t(`reason.${spec.state.reason}`)}
                {spec.state.switchedAt ? ` (${f.day(spec.state.switchedAt)})` : null}
              </p>
            ) : null}
          </div>
          <div className="flex flex-wrap gap-2">
            {canEdit ? (
              <Link className="btn-secondary" to={editPath(spec.id)}>
                {spec.own ? t("settings.editOwn") : t("settings.addOwn")}
              </Link>
            ) : null}
            {canEdit && spec.own ? (
              <ConfirmAction
                label={t("settings.removeOwn")}
                question={t("settings.removeQuestion", { title: spec.title })}
                confirmLabel={t("settings.removeConfirm")}
                fields={{ intent: "remove-spec", specId: spec.id }}
              />
            ) : null}
            {spec.state.canResume ? (
              <ConfirmAction
                tone="primary"
                label={t("settings.resume")}
                question={t("settings.resumeQuestion", { title: spec.title })}
                confirmLabel={t("settings.resumeConfirm")}
                fields={{ intent: "resume", specId: spec.id }}
              />
            ) : null}
          </div>
        </li>
      ))}
    </ul>
  );
}
