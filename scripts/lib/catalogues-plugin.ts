// Compiles the message catalogues (app/locales/<language>/<namespace>.json, ICU messages) at
// build time with Lingui's compiler, so no message parser ships to the browser. Two virtual
// modules: `virtual:catalogues` loads one namespace of one language on demand (each its own
// chunk, so a page downloads only what it shows), `virtual:catalogues/all` holds every one,
// for the server. The pseudo-locale is made from English here, never written by hand.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { compileMessage } from "@lingui/message-utils/compileMessage";
import type { Plugin } from "vite";
import { pseudoMessage } from "../../app/lib/i18n/pseudo.ts";

const LAZY = "virtual:catalogues";
const ALL = "virtual:catalogues/all";
const ONE = "virtual:catalogue/";
const PSEUDO = "en-XA";

export function cataloguesPlugin(root = process.cwd()): Plugin {
  const dir = path.join(root, "app/locales");
  const languages = () => readdirSync(dir).filter((name) => !name.includes("."));
  const namespaces = () =>
    readdirSync(path.join(dir, "en"))
      .filter((f) => f.endsWith(".json"))
      .map((f) => f.slice(0, -5));
  const read = (language: string, namespace: string): Record<string, string> => {
    try {
      return JSON.parse(readFileSync(path.join(dir, language, `${namespace}.json`), "utf8")) as Record<string, string>;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return {};
      throw error;
    }
  };
  // A key a language lacks reads in English rather than as its id (the catalogue test keeps every language whole).
  const compiled = (language: string, namespace: string) => {
    const messages = language === PSEUDO || language === "en" ? read("en", namespace) : { ...read("en", namespace), ...read(language, namespace) };
    return Object.fromEntries(
      Object.entries(messages).map(([key, message]) => [`${namespace}:${key}`, compileMessage(language === PSEUDO ? pseudoMessage(message) : message)]),
    );
  };
  const watch = (context: { addWatchFile(file: string): void }, language: string, namespace: string) => {
    const file = path.join(dir, language, `${namespace}.json`);
    if (existsSync(file)) context.addWatchFile(file);
  };
  const pairs = () => [...languages(), PSEUDO].flatMap((language) => namespaces().map((namespace) => [language, namespace] as const));
  return {
    name: "supplier-portal-catalogues",
    enforce: "pre",
    resolveId(id) {
      return id === LAZY || id === ALL || id.startsWith(ONE) ? `\0${id}` : null;
    },
    load(id) {
      if (!id.startsWith("\0virtual:catalogue")) return null;
      const name = id.slice(1);
      if (name === LAZY) {
        const entries = pairs().map(([l, n]) => `  ${JSON.stringify(`${l}/${n}`)}: () => import(${JSON.stringify(`${ONE}${l}/${n}`)}),`);
        return `export const loaders = {\n${entries.join("\n")}\n};\n`;
      }
      if (name === ALL) {
        const all: Record<string, Record<string, unknown>> = {};
        for (const [l, n] of pairs()) all[l] = { ...all[l], ...compiled(l, n) };
        for (const language of languages()) for (const n of namespaces()) watch(this, language, n);
        return `export default ${JSON.stringify(all)};\n`;
      }
      const [language, namespace] = name.slice(ONE.length).split("/") as [string, string];
      for (const source of new Set(["en", language === PSEUDO ? "en" : language])) watch(this, source, namespace);
      return `export default ${JSON.stringify(compiled(language, namespace))};\n`;
    },
  };
}
