import { RichText } from "~/lib/i18n/rich-text.tsx";
import { useFormat } from "~/lib/use-format.ts";
import { useT } from "~/lib/i18n/translate.ts";
import type { TimelineEntry } from "../history.server.ts";

/** Stands for the "(org)" of a sentence whose org is unknown: it drops the words it wraps. */
const Omitted = () => null;

/** A record's history, oldest first: who did what and when, with the note they gave, each sentence whole in the reader's language. */
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
                <RichText
                  namespace="history"
                  id={entry.did.key}
                  values={{ ...entry.did.values, who: entry.who ?? t("someone"), org: entry.org ?? "" }}
                  components={{ 0: <span className="font-medium" />, 1: entry.org ? <span className="text-slate-600" /> : <Omitted /> }}
                />
              </p>
              <p className="text-xs text-slate-600">
                <time dateTime={entry.at}>{f.dateTime(entry.at)}</time>
              </p>
              {entry.note ? (
                <p className="mt-1 whitespace-pre-line break-words rounded bg-slate-50 px-2 py-1 text-slate-800">
                  <span className="font-medium">{t(entry.note.label)}</span> {entry.note.text}
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
