import { useCallback, useEffect, useRef, useState } from "react";
import { postReadings, previousFieldName, SAVE_READINGS_INTENT, type SaveReadingsAnswer } from "~/features/first-articles/autosave.ts";
import { readingFieldName, type Readings } from "~/features/first-articles/judge.ts";
import { messagesOf } from "~/lib/action-data.ts";

/** Typing pauses this long before the changed cells are sent. */
export const AUTOSAVE_DELAY_MS = 800;
const RETRY_MS = 5000;

export type AutosaveStatus =
  | { state: "idle" }
  | { state: "saving" }
  | { state: "saved"; at: string }
  | { state: "retrying" }
  /** `message`: the server's own words, when it gave any. */
  | { state: "refused"; message?: string; signedOut?: boolean }
  | { state: "conflict"; count: number };

const cellKey = (key: string, sample: number) => `${key}\n${sample}`;
const norm = (raw: string | undefined) => (raw ?? "").trim();

function withCells(readings: Readings, cells: readonly { key: string; sample: number; raw: string }[]): Readings {
  const next = { ...readings };
  for (const { key, sample, raw } of cells) next[key] = (next[key] ?? []).map((v, i) => (i === sample - 1 ? raw : v));
  return next;
}

/** Cells whose shown value differs from what the server has; a cell in conflict waits for the typist's choice. */
function changedCells(values: Readings, base: Readings, conflicts: Record<string, string>) {
  const changes: { key: string; sample: number; raw: string; was: string }[] = [];
  for (const [key, row] of Object.entries(values)) {
    row.forEach((raw, i) => {
      const was = norm(base[key]?.[i]);
      if (norm(raw) !== was && !(cellKey(key, i + 1) in conflicts)) changes.push({ key, sample: i + 1, raw: norm(raw), was });
    });
  }
  return changes;
}

/**
 * The grid's readings: what is shown, what the server is known to hold, and, given `autosaveTo`,
 * the changed cells posted there once typing pauses (or a cell is left). One
 * save is in flight at a time; what is typed meanwhile goes in the next. A cell someone else
 * changed comes back as a conflict and keeps what was typed until the typist chooses.
 *
 * `shown` are the readings to show (the server's, or a refused form's as typed); `stored` what
 * the server holds. When they change under autosave, cells typed since and not yet saved keep their text.
 */
export function useGridReadings(shown: Readings, stored: Readings, autosaveTo: string | undefined) {
  const autosave = autosaveTo !== undefined;
  const signature = JSON.stringify([shown, stored]);
  const [seen, setSeen] = useState(signature);
  const [values, setValues] = useState(shown);
  const [base, setBase] = useState(stored);
  const [conflicts, setConflicts] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<AutosaveStatus>({ state: "idle" });
  if (seen !== signature) {
    setSeen(signature);
    // Without autosave every change of the server's readings answers a whole-grid save or an import: it replaces what is shown.
    const keepTyped = (key: string, i: number) => autosave && norm(values[key]?.[i]) !== norm(base[key]?.[i]);
    setValues(Object.fromEntries(Object.entries(shown).map(([key, row]) => [key, row.map((v, i) => (keepTyped(key, i) ? values[key]![i]! : v))])));
    setBase(stored);
  }

  const [lastSavedAt, setLastSavedAt] = useState<string | null>(null);
  const latest = useRef({ values, base, conflicts, lastSavedAt });
  useEffect(() => {
    latest.current = { values, base, conflicts, lastSavedAt };
  });
  // Set as a save is sent, cleared once its answer is handled: one save in flight at a time.
  const sending = useRef(false);
  const [inFlight, setInFlight] = useState(false);
  const [answer, setAnswer] = useState<SaveReadingsAnswer | undefined>(undefined);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);

  const flush = useCallback(() => {
    clearTimeout(timer.current);
    if (!autosaveTo || sending.current) return;
    const { values, base, conflicts } = latest.current;
    const changes = changedCells(values, base, conflicts);
    if (changes.length === 0) {
      // Typed and typed back: nothing to send, and the last save still stands.
      const at = latest.current.lastSavedAt;
      setStatus((s) => (s.state === "saving" ? (at ? { state: "saved", at } : { state: "idle" }) : s));
      return;
    }
    if (!navigator.onLine) return setStatus({ state: "retrying" });
    const form = new FormData();
    form.set("intent", SAVE_READINGS_INTENT);
    for (const c of changes) {
      form.set(readingFieldName(c.key, c.sample), c.raw);
      form.set(previousFieldName(c.key, c.sample), c.was);
    }
    sending.current = true;
    setInFlight(true);
    setStatus({ state: "saving" });
    void postReadings(autosaveTo, form).then(setAnswer);
  }, [autosaveTo]);

  const schedule = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = setTimeout(flush, AUTOSAVE_DELAY_MS);
  }, [flush]);

  // The answer, taken in as it is rendered: what was saved becomes the server's, conflicts wait for a choice.
  const [handled, setHandled] = useState<SaveReadingsAnswer | undefined>(undefined);
  if (answer && answer !== handled) {
    setHandled(answer);
    setInFlight(false);
    const saved = answer.saved ?? [];
    const conflicted = answer.conflicts ?? [];
    if (saved.length) setBase(withCells(base, saved));
    if (conflicted.length) {
      setConflicts({ ...conflicts, ...Object.fromEntries(conflicted.map((c) => [cellKey(c.key, c.sample), c.theirs])) });
      setStatus({ state: "conflict", count: conflicted.length });
    } else if (answer.savedAt) {
      setLastSavedAt(answer.savedAt);
      setStatus({ state: "saved", at: answer.savedAt });
    } else if (answer.unreachable) setStatus({ state: "retrying" });
    else setStatus({ state: "refused", message: messagesOf(answer.result ?? undefined)[0], signedOut: answer.signedOut });
  }
  useEffect(() => {
    if (!handled) return;
    sending.current = false;
    // What was typed while the save was on its way goes in the next one; a save that got no answer is tried again.
    if (handled.savedAt) timer.current = setTimeout(flush, AUTOSAVE_DELAY_MS);
    else if (handled.unreachable) timer.current = setTimeout(flush, RETRY_MS);
  }, [handled, flush]);

  useEffect(() => {
    window.addEventListener("online", flush);
    return () => {
      window.removeEventListener("online", flush);
      clearTimeout(timer.current);
    };
  }, [flush]);

  const setCell = (key: string, sample: number, raw: string) => {
    setValues((prev) => withCells(prev, [{ key, sample, raw }]));
    // Typed and not yet sent is not "Saved": the line says a save is coming until its answer is in.
    if (autosave) setStatus((s) => (s.state === "idle" || s.state === "saved" ? { state: "saving" } : s));
    schedule();
  };
  const resolve = (key: string, sample: number, keep: "mine" | "theirs") => {
    const theirs = conflicts[cellKey(key, sample)] ?? "";
    setBase((prev) => withCells(prev, [{ key, sample, raw: theirs }]));
    if (keep === "theirs") setValues((prev) => withCells(prev, [{ key, sample, raw: theirs }]));
    setConflicts(({ [cellKey(key, sample)]: _, ...rest }) => rest);
    schedule();
  };
  const conflictOf = (key: string, sample: number): string | undefined => conflicts[cellKey(key, sample)];
  const unsaved = inFlight || Object.keys(conflicts).length > 0 || changedCells(values, base, {}).length > 0;
  return { values, setCell, flush, status, conflictOf, resolve, unsaved };
}
