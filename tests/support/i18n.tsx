// Component tests render in a language, as the app does: every catalogue of it at hand.
import { setupI18n } from "@lingui/core";
import { I18nProvider } from "@lingui/react";
import { type ReactNode, useState } from "react";
import { expect } from "vitest";
import allCatalogues from "virtual:catalogues/all";
import type { Language } from "~/lib/i18n/languages.ts";
import { holdsEverything } from "~/lib/i18n/translate.ts";

export function i18nFor(language: Language = "en") {
  const i18n = setupI18n({ locale: language, messages: { [language]: allCatalogues[language] ?? {} } });
  holdsEverything(i18n);
  return i18n;
}

/** A `wrapper` for testing-library's render: the component in `language` (English by default). */
export function InLanguage({ language = "en", children }: { language?: Language; children: ReactNode }) {
  const [i18n] = useState(() => i18nFor(language));
  return <I18nProvider i18n={i18n}>{children}</I18nProvider>;
}

/**
 * The text a reader sees in `root` that did not come from a catalogue, in the pseudo-locale:
 * each visible text node (and label attribute) outside ⟦…⟧, less what `isData` says is the
 * user's own data (names, codes, numbers).
 */
export function textOutsideCatalogues(root: HTMLElement, isData: (text: string) => boolean = () => false): string[] {
  const strays: string[] = [];
  const check = (text: string | null | undefined) => {
    // A message may fill another (⟦Round ⟦…⟧ of ⟦…⟧⟧): the innermost brackets go first, then those around them.
    let rest = text ?? "";
    for (let before = ""; before !== rest;) [before, rest] = [rest, rest.replace(/⟦[^⟦⟧]*⟧/g, " ")];
    rest = plainWords(rest).join(" ");
    if (rest && !isData(rest)) strays.push(rest);
  };
  const walker = root.ownerDocument.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.parentElement?.closest("script, style, [hidden], [aria-hidden=true]")) continue;
    check(node.textContent);
  }
  for (const element of root.querySelectorAll("[aria-label], [title], [placeholder], [alt]"))
    for (const name of ["aria-label", "title", "placeholder", "alt"]) check(element.getAttribute(name));
  return strays;
}

/**
 * The words of `text` that can be plain English: what is left of a message split by the elements
 * inside it (a link in a sentence) is accented, not English, so only words of plain Latin letters
 * count; punctuation, symbols and digits separate words.
 */
export function plainWords(text: string) {
  return text
    .replace(/[\s\p{P}\p{S}\d]+/gu, " ")
    .split(" ")
    .filter((word) => /^[A-Za-z]+$/.test(word));
}

/**
 * An `isData` for textOutsideCatalogues: true when the stray words are, in order, nothing but the
 * plain words of the given values (a name, a code, a name then an address in one line), so a
 * word of the portal's own between or around them is still reported.
 */
export function isDataOf(values: Iterable<string>) {
  const phrases = [...new Set([...values].map((value) => plainWords(value).join(" ")).filter(Boolean))].map((phrase) => phrase.split(" "));
  return (text: string) => {
    const words = text.split(" ");
    // covered[i]: the first i words are a run of whole phrases.
    const covered = [true, ...words.map(() => false)];
    for (let i = 0; i < words.length; i++) {
      if (!covered[i]) continue;
      for (const phrase of phrases) {
        if (phrase.every((word, k) => words[i + k] === word)) covered[i + phrase.length] = true;
      }
    }
    return covered[words.length]!;
  };
}

/** Expects `root`, rendered in the pseudo-locale, to show no words outside the catalogues but `data` (the user's own). */
export function expectNoStrayText(root: HTMLElement, data: Iterable<string> = []) {
  expect(textOutsideCatalogues(root, isDataOf(data))).toEqual([]);
}
