import { formatTime } from "~/lib/format.ts";
import type { AutosaveStatus } from "./use-grid-readings.ts";

const TEXT: { [S in AutosaveStatus["state"]]: (status: Extract<AutosaveStatus, { state: S }>) => string } = {
  idle: () => "Readings save as you type.",
  saving: () => "Saving…",
  saved: ({ at }) => `Saved ${formatTime(at)}`,
  retrying: () => "Not saved — retrying",
  refused: ({ message }) => `Not saved: ${message}`,
  conflict: ({ count }) => `Not saved: ${count === 1 ? "a reading was" : `${count} readings were`} changed by someone else. Choose below.`,
};

const STYLE: Record<AutosaveStatus["state"], string> = {
  idle: "text-slate-600",
  saving: "text-slate-600",
  saved: "text-green-800",
  retrying: "font-medium text-amber-900",
  refused: "font-medium text-red-700",
  conflict: "font-medium text-red-700",
};

/** Where the grid's autosave stands, read out as it changes. */
export function AutosaveStatusLine({ status }: { status: AutosaveStatus }) {
  const text = (TEXT[status.state] as (s: AutosaveStatus) => string)(status);
  return (
    <p aria-live="polite" data-testid="autosave-status" data-state={status.state} className={`text-sm ${STYLE[status.state]}`}>
      {text}
    </p>
  );
}

/** A cell someone else saved a different reading in: what was typed stays until the typist picks one. */
export function CellConflictNote({
  theirs,
  label,
  onKeepMine,
  onTakeTheirs,
}: {
  theirs: string;
  label: string;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
}) {
  return (
    <div className="mt-1 max-w-[14rem] text-xs text-red-800">
      <p>Someone else saved {theirs ? `“${theirs}”` : "an empty cell"} here.</p>
      <div className="mt-1 flex flex-wrap gap-1">
        <button type="button" className="btn-secondary min-h-8 px-2 py-1 text-xs" onClick={onKeepMine} aria-label={`Keep my reading for ${label}`}>
          Keep mine
        </button>
        <button type="button" className="btn-secondary min-h-8 px-2 py-1 text-xs" onClick={onTakeTheirs} aria-label={`Use their reading for ${label}`}>
          Use theirs
        </button>
      </div>
    </div>
  );
}
