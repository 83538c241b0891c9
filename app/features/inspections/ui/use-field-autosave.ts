import { useCallback, useEffect, useRef, useState } from "react";
import type { AutosaveStatus } from "~/features/first-articles/ui/index.ts";
import { messagesOf } from "~/lib/action-data.ts";
import { postFields, previousValueName, SAVE_FIELDS_INTENT, typedFieldName, type SaveFieldsAnswer } from "../recording-fields.ts";

/** Typing pauses this long before the changed fields are sent (the grid's delay). */
export const FIELD_AUTOSAVE_DELAY_MS = 800;
const RETRY_MS = 5000;

type Fields = Record<string, string>;
const norm = (value: string | undefined) => (value ?? "").trim();

function changedFields(values: Fields, base: Fields, conflicts: Fields) {
  return Object.keys(values)
    .filter((name) => norm(values[name]) !== norm(base[name]) && !(name in conflicts))
    .map((name) => ({ name, value: norm(values[name]), was: norm(base[name]) }));
}

/**
 * The sections' fields other than the grid: what is shown, what the server is known to hold, and,
 * given `autosaveTo`, the changed fields posted there once typing pauses (or a field is left),
 * one save in flight at a time. A field someone else changed comes back as a conflict and keeps
 * what was typed until the typist chooses.
 */
export function useFieldAutosave(shown: Fields, stored: Fields, autosaveTo: string | undefined) {
  const signature = JSON.stringify([shown, stored]);
  const [seen, setSeen] = useState(signature);
  const [values, setValues] = useState(shown);
  const [base, setBase] = useState(stored);
  const [conflicts, setConflicts] = useState<Fields>({});
  const [status, setStatus] = useState<AutosaveStatus>({ state: "idle" });
  if (seen !== signature) {
    setSeen(signature);
    // What was typed and not yet saved keeps its text when the server's values come again.
    const typed = (name: string) => autosaveTo !== undefined && norm(values[name]) !== norm(base[name]);
    setValues(Object.fromEntries(Object.entries(shown).map(([name, v]) => [name, typed(name) ? values[name]! : v])));
    setBase(stored);
  }
  const latest = useRef({ values, base, conflicts });
  useEffect(() => {
    latest.current = { values, base, conflicts };
  });
  const sending = useRef(false);
  const [inFlight, setInFlight] = useState(false);
  const [answer, setAnswer] = useState<SaveFieldsAnswer | undefined>(undefined);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);

  const flush = useCallback(() => {
    clearTimeout(timer.current);
    if (!autosaveTo || sending.current) return;
    const changes = changedFields(latest.current.values, latest.current.base, latest.current.conflicts);
    if (changes.length === 0) {
      setStatus((s) => (s.state === "saving" ? { state: "idle" } : s));
      return;
    }
    if (!navigator.onLine) return setStatus({ state: "retrying" });
    const form = new FormData();
    form.set("intent", SAVE_FIELDS_INTENT);
    for (const c of changes) {
      form.set(typedFieldName(c.name), c.value);
      form.set(previousValueName(c.name), c.was);
    }
    sending.current = true;
    setInFlight(true);
    setStatus({ state: "saving" });
    void postFields(autosaveTo, form).then(setAnswer);
  }, [autosaveTo]);

  const schedule = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = setTimeout(flush, FIELD_AUTOSAVE_DELAY_MS);
  }, [flush]);

  const [handled, setHandled] = useState<SaveFieldsAnswer | undefined>(undefined);
  if (answer && answer !== handled) {
    setHandled(answer);
    setInFlight(false);
    const saved = answer.saved ?? [];
    const conflicted = answer.conflicts ?? [];
    if (saved.length) setBase({ ...base, ...Object.fromEntries(saved.map((s) => [s.name, s.value])) });
    if (conflicted.length) {
      setConflicts({ ...conflicts, ...Object.fromEntries(conflicted.map((c) => [c.name, c.theirs])) });
      setStatus({ state: "conflict", count: conflicted.length });
    } else if (answer.savedAt) setStatus({ state: "saved", at: answer.savedAt });
    else if (answer.unreachable) setStatus({ state: "retrying" });
    else setStatus({ state: "refused", message: messagesOf(answer.result ?? undefined)[0], signedOut: answer.signedOut });
  }
  useEffect(() => {
    if (!handled) return;
    sending.current = false;
    if (handled.savedAt) timer.current = setTimeout(flush, FIELD_AUTOSAVE_DELAY_MS);
    else if (handled.unreachable) timer.current = setTimeout(flush, RETRY_MS);
  }, [handled, flush]);

  useEffect(() => {
    window.addEventListener("online", flush);
    return () => {
      window.removeEventListener("online", flush);
      clearTimeout(timer.current);
    };
  }, [flush]);

  /** A change, sent once typing pauses (a counter's taps in a row go as one). */
  const setField = (name: string, value: string) => {
    setValues((prev) => ({ ...prev, [name]: value }));
    if (!autosaveTo) return;
    setStatus((s) => (s.state === "idle" || s.state === "saved" ? { state: "saving" } : s));
    schedule();
  };
  const resolve = (name: string, keep: "mine" | "theirs") => {
    const theirs = conflicts[name] ?? "";
    setBase((prev) => ({ ...prev, [name]: theirs }));
    if (keep === "theirs") setValues((prev) => ({ ...prev, [name]: theirs }));
    setConflicts(({ [name]: _, ...rest }) => rest);
    schedule();
  };
  const unsaved = inFlight || Object.keys(conflicts).length > 0 || changedFields(values, base, {}).length > 0;
  return { values, setField, flush, status, conflictOf: (name: string) => conflicts[name], resolve, unsaved };
}
