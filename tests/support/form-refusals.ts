// For unit tests of the form checks (app/lib/form-shape.server.ts) and of the schemas they guard.
import { translateMessage } from "~/lib/i18n/translate.server.ts";

/** A FormData with these entries, in this order (a name may repeat). */
export function formOf(entries: [string, string][]) {
  const form = new FormData();
  for (const [name, value] of entries) form.append(name, value);
  return form;
}

/**
 * The status and message a refusal carries (refusals are thrown as `data(message, { status })`), the message as an
 * English reader reads it, or null if none was thrown.
 */
export function refusal(run: () => unknown): { status: number; message: string } | null {
  try {
    run();
    return null;
  } catch (error) {
    const thrown = error as { init?: { status?: number }; data?: unknown };
    return { status: thrown.init?.status ?? 0, message: translateMessage("en", String(thrown.data)) };
  }
}
