import { Form } from "@remix-run/react";
import { useRef, type ReactNode } from "react";

/**
 * An action behind a second, explicit click. Built on <details> so that it
 * works without JavaScript and from the keyboard; with JavaScript it behaves
 * as a dialog: focus moves to the confirm button and Escape closes it.
 */
export function ConfirmAction({
  label,
  question,
  confirmLabel,
  fields,
  tone = "danger",
}: {
  label: string;
  question: ReactNode;
  confirmLabel: string;
  fields: Record<string, string>;
  /** "primary" for a step that is weighty but not destructive, e.g. publishing. */
  tone?: "danger" | "primary";
}) {
  const details = useRef<HTMLDetailsElement>(null);
  const confirm = useRef<HTMLButtonElement>(null);
  return (
    <details
      ref={details}
      className="group relative inline-block"
      onToggle={(e) => {
        if (e.currentTarget.open) confirm.current?.focus();
      }}
      onKeyDown={(e) => {
        if (e.key !== "Escape" || !details.current?.open) return;
        details.current.open = false;
        details.current.querySelector("summary")?.focus();
      }}
    >
      <summary className={`${tone === "danger" ? "btn-secondary text-red-700" : "btn-primary"} cursor-pointer list-none [&::-webkit-details-marker]:hidden`}>
        {label}
      </summary>
      <div
        className="absolute right-0 z-10 mt-2 w-72 rounded-md max-sm:fixed max-sm:inset-x-4 max-sm:bottom-4 max-sm:w-auto border border-slate-200 bg-white p-4 text-left shadow-lg"
        role="dialog"
        aria-label={label}
      >
        <div className="text-sm text-slate-700">{question}</div>
        <Form method="post" className="mt-3 flex justify-end gap-2">
          {Object.entries(fields).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <button ref={confirm} type="submit" className={tone === "danger" ? "btn-danger" : "btn-primary"}>
            {confirmLabel}
          </button>
        </Form>
      </div>
    </details>
  );
}
