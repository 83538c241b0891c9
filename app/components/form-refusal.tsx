import { useFormAction } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { FormAlert } from "./form-alert.tsx";
import { ErrorList } from "./forms.tsx";

/** conform's reply to a form (`ActionData["result"]`): field errors by name, the form's own under "". */
type Reply = { error?: Record<string, string[] | null | undefined> | null } | null | undefined;

const MESSAGE = "[data-form-message]";

/**
 * A form that answers its own refusal where the reader is: the messages stay inside the form,
 * next to the control that was used, and the reader is taken there. Without JavaScript the
 * form posts to its own URL with its id as the fragment, so the refused page opens scrolled to
 * the form; with JavaScript (and once a refused page has hydrated) focus moves to the first
 * invalid field, or to the form's message when no field is to blame.
 *
 * `options.action`: where the form posts, when not to the page itself (`"?upload=evidence"`).
 * Spread `form` on the <Form>, `field(name)` on each control the server may refuse, and show
 * `<FormMessage refusal={…} />` and `<FieldError refusal={…} name=… />` inside the form.
 */
export function useFormRefusal(id: string, reply: Reply, options: { action?: string } = {}) {
  const ref = useRef<HTMLFormElement>(null);
  // The URL the form posts to, as Remix resolves it (`?index` on an index route, a relative `?upload=…`).
  const action = useFormAction(options.action);
  const errors = reply?.error ?? {};
  useEffect(() => {
    const refused = Object.entries(reply?.error ?? {}).filter(([, messages]) => messages?.length);
    if (!refused.length) return;
    // By name, not by aria-invalid: a conform form marks its fields a render later (and focuses the same field itself).
    const names = new Set(refused.map(([name]) => name).filter(Boolean));
    const form = ref.current;
    const field = Array.from(form?.elements ?? []).find(
      (element): element is HTMLElement =>
        element instanceof HTMLElement && names.has(element.getAttribute("name") ?? "") && element.getAttribute("type") !== "hidden",
    );
    (field ?? form?.querySelector<HTMLElement>(MESSAGE))?.focus();
    // Each reply is a new object: a second refusal of the same form moves focus again.
  }, [reply]);
  const messagesOf = (name: string) => (errors[name] ?? []).filter(Boolean);
  return {
    id,
    /** The <Form>'s id, ref and action (this page's action, with the form as the fragment). */
    form: { id, ref, action: `${action}#${id}` },
    messages: messagesOf(""),
    errorsOf: messagesOf,
    errorId: (name: string) => `${id}-${name}-error`,
    /** A control's id and its refusal's ARIA wiring: invalid, and described by the message under it. */
    field(name: string, describedBy?: string) {
      const invalid = messagesOf(name).length > 0;
      return {
        id: `${id}-${name}`,
        "aria-invalid": invalid || undefined,
        "aria-describedby": [invalid ? `${id}-${name}-error` : null, describedBy].filter(Boolean).join(" ") || undefined,
      };
    },
  };
}

export type FormRefusal = ReturnType<typeof useFormRefusal>;

/** The form's own message (a conflict, an incomplete whole), inside the form; focused when no field is to blame. */
export function FormMessage({ refusal }: { refusal: FormRefusal }) {
  if (!refusal.messages.length) return null;
  return (
    <div id={`${refusal.id}-message`} tabIndex={-1} data-form-message className="outline-none focus-visible:ring-2 focus-visible:ring-red-400">
      <FormAlert messages={refusal.messages} />
    </div>
  );
}

/** The messages under a control, named by `field(name)`'s aria-describedby. */
export function FieldError({ refusal, name }: { refusal: FormRefusal; name: string }) {
  return <ErrorList id={refusal.errorId(name)} errors={refusal.errorsOf(name)} />;
}
