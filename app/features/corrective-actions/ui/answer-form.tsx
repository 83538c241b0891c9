import { getFormProps, getInputProps, getSelectProps, getTextareaProps, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { AnswerSchema, ROOT_CAUSE_LABELS, ROOT_CAUSES } from "~/features/corrective-actions/schemas.ts";
import { ErrorList } from "~/components/forms.tsx";
import { FormMessage, useFormRefusal } from "~/components/form-refusal.tsx";
import { useSchemaForm } from "~/components/use-schema-form.ts";

export interface AnswerValues {
  containment: string;
  rootCauseCategory: string | null;
  rootCause: string;
  preventive: string;
  items: { action: string; owner: string; dueAt: string }[];
}

/** The factory's 8D answer: containment, root cause about the process, actions with owners and dates. */
export function CaAnswerForm({ values, lastResult, canSubmit }: { values: AnswerValues; lastResult?: SubmissionResult<string[]>; canSubmit: boolean }) {
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
      <h2 className="font-semibold">Your answer</h2>
      <FormMessage refusal={refusal} />
      {area(fields.containment, "Containment", "What was done now to protect shipments and stock (sort, hold, rework)?")}
      <div>
        <label htmlFor={fields.rootCauseCategory.id} className="block text-sm font-medium text-slate-700">
          Where did the problem come from?
        </label>
        <select {...getSelectProps(fields.rootCauseCategory)} className="input mt-1">
          <option value="">Choose…</option>
          {ROOT_CAUSES.map((c) => (
            <option key={c} value={c}>
              {ROOT_CAUSE_LABELS[c]}
            </option>
          ))}
        </select>
        <ErrorList id={fields.rootCauseCategory.errorId} errors={fields.rootCauseCategory.errors} />
      </div>
      {area(fields.rootCause, "Root cause", "Ask “why?” until you reach the step of the process that allowed it. This is about the process, not a person.")}
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-700">Corrective actions</legend>
        {items.map((item, index) => {
          const f = item.getFieldset();
          return (
            <div key={item.key} className="grid gap-2 rounded-md border border-slate-200 p-3 sm:grid-cols-[2fr_1fr_1fr_auto]" data-testid="ca-item">
              <label className="block text-xs font-medium text-slate-600">
                Action
                <input {...getInputProps(f.action, { type: "text" })} className="input mt-0.5" />
                <ErrorList errors={f.action.errors} />
              </label>
              <label className="block text-xs font-medium text-slate-600">
                Owner
                <input {...getInputProps(f.owner, { type: "text" })} className="input mt-0.5" />
                <ErrorList errors={f.owner.errors} />
              </label>
              <label className="block text-xs font-medium text-slate-600">
                Due
                <input {...getInputProps(f.dueAt, { type: "date" })} className="input mt-0.5" />
                <ErrorList errors={f.dueAt.errors} />
              </label>
              <button
                {...form.remove.getButtonProps({ name: fields.items.name, index })}
                className="btn-secondary self-end text-red-700"
                aria-label={`Remove action ${index + 1}`}
              >
                Remove
              </button>
            </div>
          );
        })}
        <ErrorList id={fields.items.errorId} errors={fields.items.errors} />
        <button {...form.insert.getButtonProps({ name: fields.items.name })} className="btn-secondary">
          + Add an action
        </button>
      </fieldset>
      {area(fields.preventive, "Preventive action (optional)", "What stops it happening on other products or lines?")}
      <div className="flex flex-wrap gap-2">
        <button type="submit" name="intent" value="save-answer" className="btn-secondary">
          Save draft
        </button>
        {canSubmit ? (
          <button type="submit" name="intent" value="submit-plan" className="btn-primary">
            Send the plan to the importer
          </button>
        ) : (
          <p className="self-center text-sm text-slate-600">An owner or quality lead sends the plan.</p>
        )}
      </div>
    </Form>
  );
}
