// The languages the portal speaks, one list for screens and emails. A language is added by
// adding its folder of catalogues under app/locales and its name here (docs/translating.md).

export const LANGUAGES = ["en", "zh-CN", "vi", "es"] as const;
/** Accented, bracketed English: shows any text that does not come from a catalogue. Development and tests only. */
export const PSEUDO_LANGUAGE = "en-XA";
export type Language = (typeof LANGUAGES)[number] | typeof PSEUDO_LANGUAGE;
export const DEFAULT_LANGUAGE: Language = "en";

/** Each language by its own name, as a person looking for theirs reads it. */
export const LANGUAGE_NAMES: Record<Language, string> = { en: "English", "zh-CN": "简体中文", vi: "Tiếng Việt", es: "Español", "en-XA": "Ƥşḗŭḓǿ" };

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && ((LANGUAGES as readonly string[]).includes(value) || value === PSEUDO_LANGUAGE);
}

/** A stored or asked-for tag ("zh", "zh-Hans-CN", "es-MX", "vi-VN") as one of ours, or null. */
export function toLanguage(tag: string | null | undefined): Language | null {
  if (!tag) return null;
  if (isLanguage(tag)) return tag;
  const base = tag.toLowerCase().split(/[-_]/)[0];
  if (base === "zh") return /\b(tw|hk|mo|hant)\b/i.test(tag.replace(/[-_]/g, " ")) ? null : "zh-CN";
  return LANGUAGES.find((language) => language === base) ?? null;
}

/** The first language of an Accept-Language header that we speak, by the weights it gives. */
export function fromAcceptLanguage(header: string | null | undefined): Language | null {
  if (!header) return null;
  const asked = header
    .slice(0, 1000)
    .split(",")
    .slice(0, 30)
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const weight = q ? Number(q.slice(2)) : 1;
      return { tag: tag ?? "", weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((a) => a.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  for (const { tag } of asked) {
    const language = toLanguage(tag);
    if (language && language !== PSEUDO_LANGUAGE) return language;
  }
  return null;
}
