import { useFormat } from "~/lib/use-format.ts";
import { useT } from "~/lib/i18n/translate.ts";
import { changeLine, type Change, type ChangeWords } from "../changes.ts";

/** The reader's words for an event's changes: the catalogues its codes' labels come from, and the page's formatter. */
function useChangeWords(): ChangeWords {
  return {
    history: useT("history"),
    common: useT("common"),
    correctiveActions: useT("correctiveActions"),
    firstArticles: useT("firstArticles"),
    members: useT("members"),
    partners: useT("partners"),
    specs: useT("specs"),
    threads: useT("threads"),
    format: useFormat(),
  };
}

/** What an audit event changed, one field a line, in the reader's words; nothing when it logged no change. */
export function AuditChanges({ subjectType, changes }: { subjectType: string; changes: readonly Change[] }) {
  const words = useChangeWords();
  if (!changes.length) return null;
  return (
    <ul className="break-words text-slate-600" data-testid="audit-changes">
      {changes.map((change) => (
        <li key={change.field}>{changeLine(words, subjectType, change)}</li>
      ))}
    </ul>
  );
}
