import { useFormat } from "~/lib/use-format.ts";
import { useT } from "~/lib/i18n/translate.ts";
import type { TimelineEntry } from "../history.server.ts";

/** A record's history, oldest first: who did what and when, with the note they gave. */
export function Timeline({ entries, id = "history" }: { entries: readonly TimelineEntry[]; id?: string }) {
  const t = useT("history");
  const f = useFormat();
  return (
    <section className="card mt-6 max-w-3xl" aria-labelledby={`${id}-heading`} data-testid="timeline">
      <h2 id={`${id}-heading`} className="mb-3 font-semibold">
        {t("timeline.heading")}
      </h2>
      {entries.length ? (
        <ol className="space-y-3 border-l-2 border-slate-200 pl-4">
          {entries.map((entry) => (
            <li key={entry.id} className="relative text-sm">
              <span aria-hidden="true" className="absolute -left-[1.4rem] top-1.5 h-2.5 w-2.5 rounded-full bg-brand-600" />
              <p>
                <span className="font-medium">{entry.who}</span>
                {entry.org ? <span className="text-slate-600"> ({entry.org})</span> : null} {entry.did}
              </p>
              <p className="text-xs text-slate-600">
                <time dateTime={entry.at}>{f.dateTime(entry.at)}</time>
              </p>
              {entry.note ? (
                <p className="mt-1 whitespace-pre-line break-words rounded bg-slate-50 px-2 py-1 text-slate-800">
                  <span className="font-medium">{entry.note.label}:</span> {entry.note.text}
                </p>
              ) : null}
            </li>
          ))}
        </ol>
      ) : (
        <p className="text-sm text-slate-600">{t("timeline.empty")}</p>
      )}
    </section>
  );
}
