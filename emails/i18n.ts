// Email text in the recipient's language, from the same catalogues as the screens
// (app/locales/<language>/emails.json, ICU messages; docs/translating.md). Many readers have
// English as a second language, so sentences stay short and literal; a key missing in a
// language reads in English.
//
// Emails are also rendered by the worker under plain tsx, outside Vite, so the catalogues are
// read as JSON here and each message is compiled with Lingui's compiler the first time it is
// used, then formatted by Lingui's runtime (one instance per language).
import { setupI18n, type I18n } from "@lingui/core";
import { compileMessage } from "@lingui/message-utils/compileMessage";
import en from "../app/locales/en/emails.json";
import es from "../app/locales/es/emails.json";
import vi from "../app/locales/vi/emails.json";
import zhCN from "../app/locales/zh-CN/emails.json";
import { formatterFor } from "../app/lib/format.ts";
import { DEFAULT_LANGUAGE, LANGUAGES, toLanguage } from "../app/lib/i18n/languages.ts";

export const locales = LANGUAGES;
export type Locale = (typeof LANGUAGES)[number];
export type MessageKey = keyof typeof en;
type Catalogue = Partial<Record<MessageKey, string>>;

const catalogues: Record<Locale, Catalogue> = { en, "zh-CN": zhCN, vi, es };

/** Maps stored values such as "zh", "zh-CN", "es_MX", "vi-VN" or "" to a language we write emails in; else English. */
export function toLocale(value: string | null | undefined): Locale {
  const language = toLanguage(value);
  return language && (LANGUAGES as readonly string[]).includes(language) ? (language as Locale) : (DEFAULT_LANGUAGE as Locale);
}

const instances = new Map<Locale, I18n>();
const compiled = new Map<Locale, Set<MessageKey>>();

/** The language's Lingui instance, holding the messages compiled so far. */
function i18nFor(locale: Locale, key: MessageKey): I18n {
  let i18n = instances.get(locale);
  if (!i18n) {
    i18n = setupI18n({ locale, messages: { [locale]: {} } });
    instances.set(locale, i18n);
    compiled.set(locale, new Set());
  }
  const done = compiled.get(locale)!;
  if (!done.has(key)) {
    i18n.load(locale, { [key]: compileMessage(catalogues[locale][key] ?? en[key]) });
    done.add(key);
  }
  return i18n;
}

export function t(locale: string, key: MessageKey, vars: Record<string, string | number> = {}): string {
  const language = toLocale(locale);
  return i18nFor(language, key)._(key, vars);
}

/** Whom an email is written for: their language, and the zone its times are in (UTC if unknown). */
export interface EmailReader {
  locale: string;
  timeZone?: string;
}

/** Value for <html lang>. */
export function htmlLang(locale: string): string {
  return toLocale(locale);
}

/**
 * A due date as its calendar day ("13 December 2026"), and, when the factory's zone is known, the
 * zone it ends in: a corrective action is late from the end of that day there (docs/decisions/015).
 */
export function dueDay(locale: string, isoDate: string, zone?: string | null): string {
  const date = formatterFor(locale).calendarDay(isoDate, "long");
  return zone ? t(locale, "common.dueInZone", { date, zone }) : date;
}
