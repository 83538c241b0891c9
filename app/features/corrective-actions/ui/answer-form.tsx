import { getFormProps, getInputProps, getSelectProps, getTextareaProps, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { AnswerSchema, ROOT_CAUSES } from "~/features/corrective-actions/schemas.ts";
import { ErrorList } from "~/components/forms.tsx";
import { FormMessage, useFormRefusal } from "~/components/form-refusal.tsx";
import { useSchemaForm } from "~/components/use-schema-form.ts";
import { useT } from "~/lib/i18n/translate.ts";

export interface AnswerValues {
  containment: string;
  rootCauseCategory: string | null;
  rootCause: string;
  preventive: string;
  items: { action: string; owner: string; dueAt: string }[];
}

/** The factory's 8D answer: containment, root cause about the process, actions with owners and dates. */
export function CaAnswerForm({ values, lastResult, canSubmit }: { values: AnswerValues; lastResult?: SubmissionResult<string[]>; canSubmit: boolean }) {
  const t = useT("correctiveActions");
  const [form, fields] = useSchemaForm(AnswerSchema, {
    id: "ca-answer",
    lastResult,
    defaultValue: { ...values, rootCauseCategory: values.rootCauseCategory ?? "" },
    constraint: false,
  });
  const refusal = useFormRefusal(form.id, lastResult);
  const items = fields.items.getFieldList();
  const area = (field: typeof fields.containment, label: string, hint: string) => (
    <div>
      <label htmlFor={field.id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      <p className="text-xs text-slate-500">{hint}</p>
      <textarea {...getTextareaProps(field)} rows={3} className="input mt-1" />
      <ErrorList id={field.errorId} errors={field.errors} />
    </div>
  );
  return (
    // Form-level messages (an incomplete plan, a conflict) show at the top of the form; each field says what it lacks.
    <Form method="post" className="card space-y-4" {...getFormProps(form, { ariaAttributes: false })} {...refusal.form}>
      <h2 className="font-semibold">{t("answer.heading")}</h2>
      <FormMessage refusal={refusal} />
      {area(fields.containment, t("answer.containment"), t("answer.containmentHint"))}
      <div>
        <label htmlFor={fields.rootCauseCategory.id} className="block text-sm font-medium text-slate-700">
          {t("answer.rootCauseCategory")}
        </label>
        <select {...getSelectProps(fields.rootCauseCategory)} className="input mt-1">
          <option value="">{t("answer.choose")}</option>
          {ROOT_CAUSES.map((c) => (
            <option key={c} value={c}>
              {t(`rootCause.${c}`)}
            </option>
          ))}
        </select>
        <ErrorList id={fields.rootCauseCategory.errorId} errors={fields.rootCauseCategory.errors} />
      </div>
      {area(fields.rootCause, t("answer.rootCause"), t("answer.rootCauseHint"))}
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-700">{t("answer.items")}</legend>
        {items.map((item, index) => {
          const f = item.getFieldset();
          return (
            <div key={item.key} className="grid gap-2 rounded-md border border-slate-200 p-3 sm:grid-cols-[2fr_1fr_1fr_auto]" data-testid="ca-item">
              <label className="block text-xs font-medium text-slate-600">
                {t("answer.action")}
                <input {...getInputProps(f.action, { type: "text" })} className="input mt-0.5" />
                <ErrorList errors={f.action.errors} />
              </label>
              <label className="block text-xs font-medium text-slate-600">
                {t("answer.owner")}
                <input {...getInputProps(f.owner, { type: "text" })} className="input mt-0.5" />
                <ErrorList errors={f.owner.errors} />
              </label>
              <label className="block text-xs font-medium text-slate-600">
                {t("answer.due")}
                <input {...getInputProps(f.dueAt, { type: "date" })} className="input mt-0.5" />
                <ErrorList errors={f.dueAt.errors} />
              </label>
              <button
                {...form.remove.getButtonProps({ name: fields.items.name, index })}
                className="btn-secondary self-end text-red-700"
                aria-label={t("answer.removeLabel", { number: index + 1 })}
              >
                {t("answer.remove")}
              </button>
            </div>
          );
        })}
        <ErrorList id={fields.items.errorId} errors={fields.items.errors} />
        <button {...form.insert.getButtonProps({ name: fields.items.name })} className="btn-secondary">
          {t("answer.add")}
        </button>
      </fieldset>
      {area(fields.preventive, t("answer.preventive"), t("answer.preventiveHint"))}
      <div className="flex flex-wrap gap-2">
        <button type="submit" name="intent" value="save-answer" className="btn-secondary">
          {t("answer.saveDraft")}
        </button>
        {canSubmit ? (
          <button type="submit" name="intent" value="submit-plan" className="btn-primary">
            {t("answer.submit")}
          </button>
        ) : (
          <p className="self-center text-sm text-slate-600">{t("answer.ownerSends")}</p>
        )}
      </div>
    </Form>
  );
}
