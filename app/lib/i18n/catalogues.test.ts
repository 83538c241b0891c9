// The catalogues are whole: every language has every key of the English source, with the same
// placeholders, each message compiles, and no key is left that the code never asks for.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { compileMessage } from "@lingui/message-utils/compileMessage";
import { describe, expect, it } from "vitest";
import { LANGUAGES } from "./languages.ts";

const root = path.resolve(import.meta.dirname, "../../..");
const locales = path.join(root, "app/locales");
const read = (language: string, namespace: string) =>
  JSON.parse(readFileSync(path.join(locales, language, `${namespace}.json`), "utf8")) as Record<string, string>;
const namespaces = readdirSync(path.join(locales, "en")).map((f) => f.replace(/\.json$/, ""));

/** The names a compiled message fills in (placeholders, plural and select arguments), sorted. */
function placeholders(message: string): string[] {
  const names = new Set<string>();
  // A compiled message is a string or a list of parts; a part is text or an argument [name, type?, format or branches?].
  const walkMessage = (parts: unknown): void => {
    if (!Array.isArray(parts)) return;
    for (const part of parts) {
      if (!Array.isArray(part)) continue;
      names.add(String(part[0]));
      if (part[2] && typeof part[2] === "object") for (const branch of Object.values(part[2] as Record<string, unknown>)) walkMessage(branch);
    }
  };
  walkMessage(compileMessage(message));
  return [...names].sort();
}

/** The words a message writes itself: its text and that of its plural and select branches, not the names it fills in. */
function literalText(message: string): string {
  const texts: string[] = [];
  const walk = (parts: unknown): void => {
    if (typeof parts === "string") return void texts.push(parts);
    if (!Array.isArray(parts)) return;
    for (const part of parts) {
      if (typeof part === "string") texts.push(part);
      else if (Array.isArray(part) && part[2] && typeof part[2] === "object")
        for (const branch of Object.values(part[2] as Record<string, unknown>)) walk(branch);
    }
  };
  walk(compileMessage(message));
  return texts.join(" ");
}

/** The element tags of a rich message (`<0>`, `</0>`), sorted. */
const elements = (message: string) => (message.match(/<\/?\d+>/g) ?? []).sort();

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" || entry.name === "locales" ? [] : sourceFiles(full);
    return /\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

describe("message catalogues", () => {
  it("reads the placeholders of a message, in plural branches too", () => {
    expect(placeholders("{count, plural, one {# file by {name}} other {# files}} at {time, date, short}")).toEqual(["count", "name", "time"]);
    expect(placeholders("No placeholders")).toEqual([]);
  });

  it("has the languages' folders, each with every namespace", () => {
    for (const language of LANGUAGES) expect(readdirSync(path.join(locales, language)).sort(), language).toEqual(readdirSync(path.join(locales, "en")).sort());
  });

  for (const namespace of namespaces) {
    it(`${namespace}: every language has every key, with the English placeholders, and each compiles`, () => {
      const en = read("en", namespace);
      for (const language of LANGUAGES) {
        const messages = read(language, namespace);
        expect(Object.keys(messages).sort(), `${language}/${namespace}`).toEqual(Object.keys(en).sort());
        for (const [key, message] of Object.entries(messages)) {
          expect(message.trim(), `${language}/${namespace} ${key} is empty`).not.toBe("");
          expect(placeholders(message), `${language}/${namespace} ${key}`).toEqual(placeholders(en[key]!));
          // The elements a message wraps (<0>…</0>, see RichText) are the English ones, each opened and closed.
          expect(elements(message), `${language}/${namespace} ${key} elements`).toEqual(elements(en[key]!));
        }
      }
    });
  }

  it("has every message translated: none is left as its English words", () => {
    // Words a language shares with English, or that stay as they are in it (the product, formats, units, "PO").
    const units = ["mm", "ml", "cm", "kg", "KB", "MB", "GB"];
    // Examples a placeholder gives: a product code ("MUG-350") and a standard's name ("GB 4806.4", "TCVN 7148").
    const examples = ["MUG", "GB", "TCVN"];
    // File formats by their names, and the HTML a refused upload names for a developer.
    const formats = [
      "PNG",
      "JPEG",
      "WebP",
      "GIF",
      "HEIC",
      "PDF",
      "DXF",
      "DWG",
      "STEP",
      "STP",
      "IGES",
      "XLSX",
      "DOCX",
      "ZIP",
      "multipart",
      "enctype",
      "form",
      "data",
    ];
    const shared: Record<string, string[]> = {
      // ISO 2859-1's own abbreviations (AQL, Ac, Re) and level numerals (II, III) stay as the standard writes them in every language.
      "zh-CN": ["Supplier", "Portal", "CSV", "PDF", "UTC", "YYYY", "MM", "DD", "PO", "ISO", "AQL", "Ac", "Re", "II", "III"],
      vi: ["Supplier", "Portal", "CSV", "PDF", "UTC", "YYYY", "MM", "DD", "PO", "Email", "ISO", "AQL", "Ac", "Re", "II", "III"],
      es: [
        "Supplier",
        "Portal",
        "CSV",
        "PDF",
        "UTC",
        "PO",
        "Nominal",
        "General",
        "Material",
        "Error",
        "Asia",
        "Australia",
        "ISO",
        "AQL",
        "Ac",
        "Re",
        "II",
        "III",
        "Normal",
        "normal",
        "No",
      ],
    };
    const untranslated: string[] = [];
    for (const language of LANGUAGES.filter((l) => l !== "en")) {
      for (const namespace of namespaces) {
        const en = read("en", namespace);
        for (const [key, text] of Object.entries(read(language, namespace))) {
          const words =
            literalText(text)
              .replace(/<\/?\d+>/g, " ")
              .match(/[A-Za-z]{2,}/g) ?? [];
          const english = words.filter(
            (word) => !shared[language]!.includes(word) && !units.includes(word) && !formats.includes(word) && !examples.includes(word),
          );
          if (language === "zh-CN" ? english.length > 0 : english.length > 0 && text === en[key]) untranslated.push(`${language}/${namespace} ${key}: ${text}`);
        }
      }
    }
    expect(untranslated).toEqual([]);
  });

  it("has no key the code never asks for", () => {
    const code = [...sourceFiles(path.join(root, "app")), ...sourceFiles(path.join(root, "emails"))].map((f) => readFileSync(f, "utf8")).join("\n");
    const unused: string[] = [];
    for (const namespace of namespaces) {
      for (const key of Object.keys(read("en", namespace))) {
        // A key is asked for by name ("nav.specs") or by a template of its family (`kind.${org.kind}`).
        const family = key.includes(".") ? key.slice(0, key.lastIndexOf(".") + 1) : null;
        const byTemplate = family && key.split(".").length >= 2 && code.includes(`\`${family}\${`);
        const byInnerTemplate = /^(\w+)\.(\w+)\.(\w+)$/.exec(key);
        const byMiddle = byInnerTemplate && code.includes(`\`${byInnerTemplate[1]}.\${`) && code.includes(`}.${byInnerTemplate[3]}\``);
        if (!code.includes(`"${key}"`) && !byTemplate && !byMiddle) unused.push(`${namespace}:${key}`);
      }
    }
    expect(unused).toEqual([]);
  });
});
