// Page titles in the reader's language. A route's `meta` cannot use hooks, so it reads the
// page's language from the root loader's data and takes the words from the one catalogue
// instance each side registers: the server's, which holds every catalogue of every language,
// and the browser's, which holds what the page has loaded.
import type { I18n } from "@lingui/core";
import { DEFAULT_LANGUAGE, isLanguage, type Language } from "./languages.ts";
import { type MessageKey, type MessageValues, type Namespace, translator } from "./translate.ts";

const PRODUCT = "Supplier Portal";
let instanceFor: ((language: Language) => I18n) | undefined;

/** Called once by each entry: how to reach the catalogues of a language. */
export function registerTitleCatalogues(resolve: (language: Language) => I18n) {
  instanceFor = resolve;
}

type MetaMatches = readonly { id: string; data?: unknown }[];

function languageOf(matches: MetaMatches): Language {
  const language = (matches.find((m) => m.id === "root")?.data as { language?: unknown } | undefined)?.language;
  return isLanguage(language) ? language : DEFAULT_LANGUAGE;
}

/**
 * "<title> · Supplier Portal" in the page's language, the title a catalogue message
 * (`meta.*` of the route's namespace); the product's name alone while no catalogue is at hand.
 */
export function pageTitle<N extends Namespace>(matches: MetaMatches, namespace: N, key: MessageKey<N>, values?: MessageValues) {
  const i18n = instanceFor?.(languageOf(matches));
  if (!i18n) return PRODUCT;
  const id = `${namespace}:${key}`;
  // A namespace still on its way reads as the product's name for that moment, never as its id.
  if (!(id in i18n.messages)) return PRODUCT;
  return `${translator(i18n, namespace)(key, values)} · ${PRODUCT}`;
}

/** A title that is data (a spec's own title, an org's name): as it is, with the product's name. */
export function dataTitle(text: string | undefined | null) {
  return text ? `${text} · ${PRODUCT}` : PRODUCT;
}
