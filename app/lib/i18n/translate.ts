// The one way to put words on a screen: `const t = useT("common")`, then `t("nav.specs")`. Keys are
// typed from the English catalogue, so a missing or misspelt key fails the typecheck; values fill
// the ICU message's placeholders and plurals. The namespaces a page used while it was rendered on
// the server are the ones it ships (<CatalogueScript>); a page reached later by a link that needs
// another waits for that namespace's chunk before it shows.
import type { I18n, Messages } from "@lingui/core";
import { useLingui } from "@lingui/react";
import { useSyncExternalStore } from "react";
import { loaders } from "virtual:catalogues";
import type attachments from "~/locales/en/attachments.json";
import type auth from "~/locales/en/auth.json";
import type common from "~/locales/en/common.json";
import type correctiveActions from "~/locales/en/correctiveActions.json";
import type dashboard from "~/locales/en/dashboard.json";
import type firstArticles from "~/locales/en/firstArticles.json";
import type history from "~/locales/en/history.json";
import type inspecting from "~/locales/en/inspecting.json";
import type inspectionReports from "~/locales/en/inspectionReports.json";
import type inspections from "~/locales/en/inspections.json";
import type landing from "~/locales/en/landing.json";
import type lotDecisions from "~/locales/en/lotDecisions.json";
import type members from "~/locales/en/members.json";
import type partners from "~/locales/en/partners.json";
import type preferences from "~/locales/en/preferences.json";
import type specs from "~/locales/en/specs.json";
import type threads from "~/locales/en/threads.json";
import type { Language } from "./languages.ts";
import { parseMessage } from "./message.ts";

export interface Catalogues {
  attachments: typeof attachments;
  auth: typeof auth;
  common: typeof common;
  correctiveActions: typeof correctiveActions;
  dashboard: typeof dashboard;
  firstArticles: typeof firstArticles;
  history: typeof history;
  inspecting: typeof inspecting;
  inspectionReports: typeof inspectionReports;
  inspections: typeof inspections;
  landing: typeof landing;
  lotDecisions: typeof lotDecisions;
  members: typeof members;
  partners: typeof partners;
  preferences: typeof preferences;
  specs: typeof specs;
  threads: typeof threads;
}
export type Namespace = keyof Catalogues;
export type MessageKey<N extends Namespace> = keyof Catalogues[N] & string;
export type MessageValues = Record<string, string | number | Date>;
export type Translate<N extends Namespace> = (key: MessageKey<N>, values?: MessageValues) => string;

/** What an i18n instance holds whole: "*" on the server (everything), else the "<language>/<namespace>" loaded so far. */
const held = new WeakMap<I18n, Set<string>>();
/** The "<language>/<namespace>" a page arrived with only in part (the messages it showed), the rest on its way. */
const partial = new WeakMap<I18n, Set<string>>();
/** The namespaces each instance was asked for while it rendered, and the messages it wrote: what the page ships. */
const used = new WeakMap<I18n, Set<string>>();
const usedIds = new WeakMap<I18n, Set<string>>();
const pending = new Map<string, Promise<void>>();

// Each arrival of a namespace, for the components that wrote around a message not here yet (see
// translator): they render again once it is. A render never waits for one, so an update that is
// no transition (a form's own check) never suspends.
let arrivals = 0;
const listeners = new Set<() => void>();
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};
const arrived = () => {
  arrivals++;
  for (const listener of listeners) listener();
};

/** The server's page instance: every catalogue, and a record of what the page writes. */
export function holdsEverything(i18n: I18n) {
  held.set(i18n, new Set(["*"]));
  used.set(i18n, new Set());
  usedIds.set(i18n, new Set());
}

/**
 * The browser's instance, holding what the server shipped: the messages the page showed of each
 * namespace. The rest of those namespaces is fetched at once, beside hydration, for whatever the
 * page shows next (a refusal, a state it changes to); it is not part of what the page waits for.
 */
export function arrivedWith(i18n: I18n, namespaces: readonly string[]) {
  held.set(i18n, new Set());
  partial.set(i18n, new Set(namespaces.map((namespace) => `${i18n.locale}/${namespace}`)));
  for (const namespace of namespaces) void loadNamespace(i18n, i18n.locale, namespace).catch(() => undefined);
}

/** Loads a namespace of a language (its own chunk) into the instance, once. */
function loadNamespace(i18n: I18n, language: string, namespace: string): Promise<void> {
  const id = `${language}/${namespace}`;
  let loading = pending.get(id);
  if (!loading) {
    const load = loaders[id];
    loading = load
      ? load().then(({ default: messages }) => {
          i18n.load(language, messages);
          held.get(i18n)?.add(id);
          partial.get(i18n)?.delete(id);
          arrived();
        })
      : Promise.reject(new Error(`No catalogue ${id}`));
    pending.set(id, loading);
  }
  return loading;
}

/**
 * Follows the language the root loader found (after logging in, or choosing one in the menu):
 * the page waits until the namespaces it shows have arrived in that language, then switches.
 */
export function useFollowLanguage(language: Language) {
  const { i18n } = useLingui();
  const have = held.get(i18n);
  if (!have || have.has("*") || i18n.locale === language) return;
  const namespaces = new Set([...have, ...(partial.get(i18n) ?? [])].map((id) => id.slice(id.indexOf("/") + 1)));
  throw Promise.all([...namespaces].map((namespace) => loadNamespace(i18n, language, namespace))).then(() => i18n.activate(language));
}

export function translator<N extends Namespace>(i18n: I18n, namespace: N): Translate<N> {
  return (key, values) => {
    const id = `${namespace}:${key}`;
    usedIds.get(i18n)?.add(id);
    // A message the server did not ship, while the rest of its namespace is still on its way: nothing
    // for that moment (never the key), and the component renders again once it has arrived.
    if (!(id in i18n.messages) && partial.get(i18n)?.has(`${i18n.locale}/${namespace}`)) {
      void loadNamespace(i18n, i18n.locale, namespace).catch(() => undefined);
      return "";
    }
    return i18n._(id, values);
  };
}

/** Whether a name is one of the catalogues' namespaces (every language has the English ones). */
export function isNamespace(name: string): name is Namespace {
  return Object.hasOwn(loaders, `en/${name}`);
}

/**
 * `ensure(namespace)` during a render: the page ships that namespace, and a page reached by a link
 * suspends until its words have arrived (React keeps the last page meanwhile).
 */
export function useNamespace(): (namespace: Namespace) => void {
  const { i18n } = useLingui();
  const ensure = (namespace: Namespace) => {
    used.get(i18n)?.add(namespace);
    const have = held.get(i18n);
    const id = `${i18n.locale}/${namespace}`;
    if (have && !have.has("*") && !have.has(id) && !partial.get(i18n)?.has(id)) throw loadNamespace(i18n, i18n.locale, namespace);
  };
  return ensure;
}

export function useT<N extends Namespace>(namespace: N): Translate<N> {
  const { i18n } = useLingui();
  useSyncExternalStore(
    subscribe,
    () => arrivals,
    () => 0,
  );
  useNamespace()(namespace);
  return translator(i18n, namespace);
}

/** Writes a message made by message() in the language of `i18n`; any other text is shown as it is. */
export function writeMessage(i18n: I18n, text: string): string {
  const parsed = parseMessage(text);
  if (!parsed || !isNamespace(parsed.namespace)) return text;
  return translator(i18n, parsed.namespace)(parsed.key as never, parsed.values);
}

/**
 * In a component: `const say = useMessageText()`, then `say(error)`. A message of a namespace the
 * page has not loaded is fetched, and written once it has arrived: a form's own check shows it in
 * an update that is no transition, which must not suspend.
 */
export function useMessageText(): (text: string) => string {
  const { i18n } = useLingui();
  useSyncExternalStore(
    subscribe,
    () => arrivals,
    () => 0,
  );
  return (text) => {
    const parsed = parseMessage(text);
    if (!parsed || !isNamespace(parsed.namespace)) return text;
    used.get(i18n)?.add(parsed.namespace);
    const have = held.get(i18n);
    const id = `${i18n.locale}/${parsed.namespace}`;
    if (have && !have.has("*") && !have.has(id) && !partial.get(i18n)?.has(id)) {
      void loadNamespace(i18n, i18n.locale, parsed.namespace).catch(() => undefined);
      return "";
    }
    return translator(i18n, parsed.namespace)(parsed.key as never, parsed.values);
  };
}

/** What a page rendered on the server ships for the browser to pick up: its language and the messages it used. */
export interface ShippedCatalogues {
  language: Language;
  namespaces: string[];
  messages: Messages;
}
export function shippedCatalogues(i18n: I18n): ShippedCatalogues {
  const namespaces = [...(used.get(i18n) ?? [])].sort();
  const ids = usedIds.get(i18n) ?? new Set();
  // Titles are written by the routes' meta in the browser too, from whatever the page holds: each namespace's go along.
  const titles = namespaces.map((n) => `${n}:meta.`);
  const messages = Object.fromEntries(Object.entries(i18n.messages).filter(([id]) => ids.has(id) || titles.some((p) => id.startsWith(p))));
  return { language: i18n.locale as Language, namespaces, messages };
}
