// Words the server writes for a person (a toast after their action): in that person's language,
// from the same catalogues as the screens. One instance per language, holding all of its catalogues.
import { type I18n, setupI18n } from "@lingui/core";
import allCatalogues from "virtual:catalogues/all";
import { requestLanguage } from "./language.server.ts";
import { DEFAULT_LANGUAGE, type Language, toLanguage } from "./languages.ts";
import { type Namespace, type Translate, translator, writeMessage } from "./translate.ts";

const instances = new Map<Language, I18n>();

/** The server's instance of a language (never a page's own: that one also records what the page used). */
export function instanceFor(language: Language): I18n {
  let i18n = instances.get(language);
  if (!i18n) instances.set(language, (i18n = setupI18n({ locale: language, messages: { [language]: allCatalogues[language] ?? {} } })));
  return i18n;
}

export function translatorFor<N extends Namespace>(language: Language, namespace: N): Translate<N> {
  return translator(instanceFor(language), namespace);
}

/** A signed-in person's language: their account's (also the locale their numbers are written in). */
export function accountLanguage(account: { locale: string }): Language {
  return toLanguage(account.locale) ?? DEFAULT_LANGUAGE;
}

/** The translator for a signed-in person: their account's language. */
export function accountTranslator<N extends Namespace>(account: { locale: string }, namespace: N): Translate<N> {
  return translatorFor(accountLanguage(account), namespace);
}

/** The translator for whoever sent `request`: their account's language, else the browser's (see requestLanguage). */
export function requestTranslator<N extends Namespace>(request: Request, account: { locale: string } | null | undefined, namespace: N): Translate<N> {
  return translatorFor(requestLanguage(request, account), namespace);
}

/** A message (see message.ts) written in `language`, for an answer read as it is (JSON, plain text). */
export function translateMessage(language: Language, text: string): string {
  return writeMessage(instanceFor(language), text);
}
