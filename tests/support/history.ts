// A history sentence (app/features/history/sentences.ts) as plain text in a language, the way the
// timeline reads it: "Ann Lee (Acme Imports) rejected it | Reason: Burrs".
import type { Sentence } from "~/features/history/sentences.ts";
import type { Language } from "~/lib/i18n/languages.ts";
import { translatorFor } from "~/lib/i18n/translate.server.ts";

export function sentenceIn(language: Language, sentence: Sentence): string {
  const t = translatorFor(language, "history");
  const written = t(sentence.did.key, { ...sentence.did.values, who: sentence.who ?? t("someone"), org: sentence.org ?? "" });
  // The timeline drops the "(org)" element when the org is unknown, and keeps every other element's words.
  const text = (sentence.org ? written : written.replace(/<1>.*?<\/1>/g, ""))
    .replace(/<\/?\d+>/g, "")
    .replace(/\s{2,}/g, " ")
    .trim();
  return sentence.note ? `${text} | ${t(sentence.note.label)} ${sentence.note.text}` : text;
}

/** The same in English. */
export const sentenceInEnglish = (sentence: Sentence | null) => (sentence ? sentenceIn("en", sentence) : null);
