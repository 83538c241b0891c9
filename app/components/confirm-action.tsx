import { Form } from "@remix-run/react";
import type { ReactNode } from "react";

/**
 * A destructive action behind a second, explicit click. Built on <details> so
 * that it works without JavaScript and from the keyboard.
 */
export function ConfirmAction({
  label,
  question,
  confirmLabel,
  fields,
}: {
  label: string;
  question: ReactNode;
  confirmLabel: string;
  fields: Record<string, string>;
}) {
  return (
    <details className="group relative inline-block">
      <summary className="btn-secondary cursor-pointer list-none text-red-700 [&::-webkit-details-marker]:hidden">{label}</summary>
      <div className="absolute right-0 z-10 mt-2 w-72 rounded-md border border-slate-200 bg-white p-4 text-left shadow-lg" role="dialog" aria-label={label}>
        <p className="text-sm text-slate-700">{question}</p>
        <Form method="post" className="mt-3 flex justify-end gap-2">
          {Object.entries(fields).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <button type="submit" className="btn-danger">
            {confirmLabel}
          </button>
        </Form>
      </div>
    </details>
  );
}
