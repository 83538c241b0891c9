import { getInputProps, getSelectProps, getTextareaProps, type FieldMetadata } from "@conform-to/react";
import { useNavigation } from "@remix-run/react";
import type { ReactNode } from "react";
import { useMessageText } from "~/lib/i18n/translate.ts";

export function ErrorList({ id, errors }: { id?: string; errors?: unknown }) {
  const say = useMessageText();
  const list = Array.isArray(errors) ? errors.filter((e): e is string => typeof e === "string" && e.length > 0) : [];
  if (!list.length) return null;
  return (
    // Not a <ul>: role="alert" would take the list's role away and leave its items orphaned.
    <div id={id} className="mt-1 space-y-0.5 text-sm text-red-700" role="alert">
      {list.map((e) => (
        <p key={e}>{say(e)}</p>
      ))}
    </div>
  );
}

type InputType = "text" | "email" | "password" | "number" | "date" | "hidden" | "search" | "url" | "tel";

export function Field({
  meta,
  label,
  type = "text",
  hint,
  ...rest
}: {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any field of any form
  meta: FieldMetadata<any, any, any>;
  label: string;
  type?: InputType;
  hint?: string;
  autoComplete?: string;
  placeholder?: string;
  autoFocus?: boolean;
}) {
  const hintId = hint ? `${meta.id}-hint` : undefined;
  return (
    <div>
      <label htmlFor={meta.id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      <input
        {...getInputProps(meta, { type, ariaAttributes: true })}
        {...rest}
        aria-describedby={[Array.isArray(meta.errors) && meta.errors.length ? meta.errorId : null, hintId].filter(Boolean).join(" ") || undefined}
        className="input mt-1"
      />
      {hint ? (
        <p id={hintId} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      <ErrorList id={meta.errorId} errors={meta.errors} />
    </div>
  );
}

export function SelectField({
  meta,
  label,
  options,
}: {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any field of any form
  meta: FieldMetadata<any, any, any>;
  label: string;
  options: readonly { value: string; label: string }[];
}) {
  return (
    <div>
      <label htmlFor={meta.id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      <select {...getSelectProps(meta)} className="input mt-1">
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <ErrorList id={meta.errorId} errors={meta.errors} />
    </div>
  );
}

export function TextareaField({
  meta,
  label,
  rows = 4,
  className = "",
}: {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any field of any form
  meta: FieldMetadata<any, any, any>;
  label: string;
  rows?: number;
  /** Added to the textarea's classes (a monospace problem description). */
  className?: string;
}) {
  return (
    <div>
      <label htmlFor={meta.id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      <textarea {...getTextareaProps(meta)} rows={rows} className={`input mt-1 ${className}`.trim()} />
      <ErrorList id={meta.errorId} errors={meta.errors} />
    </div>
  );
}

/** A submit button that says when its form is being sent. */
export function SubmitButton({
  children,
  pendingText,
  className = "btn-primary",
  name,
  value,
  form,
}: {
  children: ReactNode;
  pendingText?: string;
  className?: string;
  name?: string;
  value?: string;
  /** The id of the form it submits, when it sits outside it. */
  form?: string;
}) {
  const navigation = useNavigation();
  const pending = navigation.state === "submitting" && (!name || navigation.formData?.get(name) === value);
  return (
    <button type="submit" className={className} name={name} value={value} form={form} disabled={pending}>
      {pending && pendingText ? pendingText : children}
    </button>
  );
}
