import type { Formatter } from "~/lib/format.ts";
import { useMessageText, useT, type Translate } from "~/lib/i18n/translate.ts";
import { useFormat } from "~/lib/use-format.ts";
import type { AutosaveStatus } from "./use-grid-readings.ts";

/**
 * The line's words for each state, in the reader's language. A refusal's own words come as the
 * route sent them (a message() from the readings route) and are written here, like every form's.
 */
function statusText(t: Translate<"firstArticles">, f: Formatter, say: (text: string) => string, status: AutosaveStatus): string {
  switch (status.state) {
    case "idle":
      return t("autosave.idle");
    case "saving":
      return t("autosave.saving");
    case "saved":
      return t("autosave.saved", { time: f.time(status.at) });
    case "retrying":
      return t("autosave.retrying");
    case "refused":
      return t("autosave.refused", {
        message: status.signedOut ? t("autosave.signedOut") : status.message ? say(status.message) : t("autosave.refusedByServer"),
      });
    case "conflict":
      return t("autosave.conflict", { count: status.count });
  }
}

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
  const t = useT("firstArticles");
  const say = useMessageText();
  const text = statusText(t, useFormat(), say, status);
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
  const t = useT("firstArticles");
  return (
    <div className="mt-1 max-w-[14rem] text-xs text-red-800">
      <p>{theirs ? t("conflict.theirs", { theirs }) : t("conflict.theirsEmpty")}</p>
      <div className="mt-1 flex flex-wrap gap-1">
        <button
          type="button"
          className="btn-secondary min-h-8 px-2 py-1 text-xs"
          onClick={onKeepMine}
          aria-label={t("conflict.keepMineLabel", { cell: label })}
        >
          {t("conflict.keepMine")}
        </button>
        <button
          type="button"
          className="btn-secondary min-h-8 px-2 py-1 text-xs"
          onClick={onTakeTheirs}
          aria-label={t("conflict.useTheirsLabel", { cell: label })}
        >
          {t("conflict.useTheirs")}
        </button>
      </div>
    </div>
  );
}
