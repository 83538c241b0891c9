// The catalogues (app/locales) read in a browser test as the app reads them, so a test clicks and
// expects the words a reader of a language sees without typing them; and what of a page a reader
// of Chinese would still meet in English.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { type I18n, setupI18n } from "@lingui/core";
import { compileMessage } from "@lingui/message-utils/compileMessage";
import type { Locator } from "@playwright/test";
import { FILE_TYPES } from "../../app/features/attachments/file-types.ts";
import type { Catalogues } from "../../app/lib/i18n/translate.ts";
import type emailCatalogue from "../../app/locales/en/emails.json";

type Books = Catalogues & { emails: typeof emailCatalogue };
type Book = keyof Books;
type Language = "en" | "zh-CN";
type Values = Record<string, string | number>;

const LOCALES = path.resolve("app/locales");
const books = new Map<string, Record<string, string>>();
function book(language: Language, namespace: Book) {
  const id = `${language}/${namespace}`;
  let messages = books.get(id);
  if (!messages) books.set(id, (messages = JSON.parse(readFileSync(path.join(LOCALES, language, `${namespace}.json`), "utf8")) as Record<string, string>));
  return messages;
}

const instances = new Map<Language, I18n>();
/** A message of the catalogue, written in `language` with `values`. A key the language lacks fails the test: no fallback to English here. */
export function say<N extends Book>(language: Language, namespace: N, key: keyof Books[N] & string, values: Values = {}): string {
  let i18n = instances.get(language);
  if (!i18n) instances.set(language, (i18n = setupI18n({ locale: language, messages: { [language]: {} } })));
  const id = `${namespace}:${key}`;
  if (!(id in i18n.messages)) {
    const source = book(language, namespace)[key];
    if (source === undefined) throw new Error(`No ${id} in the ${language} catalogue`);
    i18n.load(language, { [id]: compileMessage(source) });
  }
  return i18n._(id, values);
}
export const zh = <N extends Book>(namespace: N, key: keyof Books[N] & string, values?: Values) => say("zh-CN", namespace, key, values);
export const en = <N extends Book>(namespace: N, key: keyof Books[N] & string, values?: Values) => say("en", namespace, key, values);

/** The whole of a message, with what the test cannot know in advance (a date, a time) left open. */
export function sayPattern<N extends Book>(language: Language, namespace: N, key: keyof Books[N] & string, known: Values, open: string[]) {
  const marker = "\u0001";
  const text = say(language, namespace, key, { ...known, ...Object.fromEntries(open.map((name) => [name, marker])) });
  return new RegExp(`^${text.split(marker).map(escapeRegExp).join(".+?")}$`);
}
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Latin words that are not English left over: those the Chinese catalogues themselves write (the
 * product's name, CSV, PDF, UTC) and the names of the file formats the portal accepts (WebP, STEP).
 */
export const LATIN_IN_CHINESE = (() => {
  const words = new Set<string>();
  // A compiled message is text and arguments [name, type?, branches?]: only the text, in every branch, is read.
  const walk = (parts: unknown): void => {
    if (typeof parts === "string") for (const word of parts.match(/[A-Za-z]{3,}/g) ?? []) words.add(word);
    if (!Array.isArray(parts)) return;
    for (const part of parts) {
      if (!Array.isArray(part)) walk(part);
      else if (part[2] && typeof part[2] === "object") for (const branch of Object.values(part[2] as Record<string, unknown>)) walk(branch);
    }
  };
  for (const file of readdirSync(path.join(LOCALES, "zh-CN"))) {
    const messages = JSON.parse(readFileSync(path.join(LOCALES, "zh-CN", file), "utf8")) as Record<string, string>;
    for (const message of Object.values(messages)) walk(compileMessage(message));
  }
  for (const { label } of Object.values(FILE_TYPES)) words.add(label);
  return [...words].sort();
})();

// ── What a Chinese reader sees.

/** The words of `text` a Chinese reader would read as English, once the people's data and links are taken out. */
export function englishWords(text: string, data: readonly string[]) {
  let rest = text.replace(/https?:\/\/\S+/g, " ");
  for (const datum of [...new Set(data)].filter(Boolean).sort((a, b) => b.length - a.length)) rest = rest.split(datum).join(" ");
  return (rest.match(/[A-Za-z]{3,}/g) ?? []).filter((word) => !LATIN_IN_CHINESE.includes(word));
}

/**
 * The texts of `root` a reader meets: each visible text node (screen-reader-only text included,
 * and the options of a closed list) and each label, title, placeholder and alt text.
 */
function textsIn(root: Locator) {
  return root.evaluate((element) => {
    const texts: string[] = [];
    const walker = element.ownerDocument.createTreeWalker(element, 4 /* NodeFilter.SHOW_TEXT */);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest("script, style, template")) continue;
      // An <option> of a closed list is not "visible", yet it is what the reader picks from.
      if (!parent.closest("option") && !parent.checkVisibility({ visibilityProperty: true })) continue;
      texts.push(node.textContent ?? "");
    }
    for (const labelled of element.querySelectorAll("[aria-label], [title], [placeholder], [alt], [aria-description]")) {
      if (!labelled.closest("option") && !labelled.checkVisibility({ visibilityProperty: true })) continue;
      for (const name of ["aria-label", "title", "placeholder", "alt", "aria-description"]) texts.push(labelled.getAttribute(name) ?? "");
    }
    return texts;
  });
}

/** Each text of `root` (see textsIn) that holds English, whole. */
// The time zone menu lists the zones by their IANA names, which every system shows as they are.
const ZONES = [...Intl.supportedValuesOf("timeZone"), "UTC"];

export async function englishIn(root: Locator, data: readonly string[]) {
  const found = (await textsIn(root)).filter((text) => englishWords(text, [...data, ...ZONES]).length).map((text) => `"${text.trim().replace(/\s+/g, " ")}"`);
  return [...new Set(found)];
}
