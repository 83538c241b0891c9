import { Form, useLocation } from "@remix-run/react";
import { useRef } from "react";
import { useLingui } from "@lingui/react";
import { LANGUAGE_NAMES, LANGUAGES } from "~/lib/i18n/languages.ts";
import { useT } from "~/lib/i18n/translate.ts";
import { TimeZoneField } from "./time-zone-select.tsx";
import { useFormat } from "~/lib/use-format.ts";

/**
 * The language menu of every page's header: one button per language, and the reader's time zone
 * (a select and a button), so both work without JavaScript too.
 */
export function LanguageMenu() {
  const t = useT("common");
  const { i18n } = useLingui();
  const location = useLocation();
  const tp = useT("preferences");
  const { timeZone } = useFormat();
  const back = `${location.pathname}${location.search}`;
  const menu = useRef<HTMLDetailsElement>(null);
  // The page answers a choice without reloading: the menu closes as a reloaded page's would.
  const close = () => menu.current?.removeAttribute("open");
  return (
    <details ref={menu} className="relative" data-testid="language-menu" onSubmit={close}>
      <summary className="flex min-h-11 min-w-11 cursor-pointer list-none items-center justify-center gap-1 rounded-md px-1 text-sm sm:px-2 text-slate-600 hover:text-slate-900 sm:min-h-8 [&::-webkit-details-marker]:hidden">
        <svg aria-hidden viewBox="0 0 20 20" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth="1.5">
          <circle cx="10" cy="10" r="8" />
          <path d="M2 10h16M10 2c2.5 2.2 3.5 5 3.5 8s-1 5.8-3.5 8c-2.5-2.2-3.5-5-3.5-8s1-5.8 3.5-8z" />
        </svg>
        <span className="sr-only">{t("language.label")}: </span>
        {/* On a phone the globe alone: the header stays one row. */}
        <span className="max-sm:hidden">{LANGUAGE_NAMES[i18n.locale as keyof typeof LANGUAGE_NAMES] ?? i18n.locale}</span>
      </summary>
      {/* On a phone the panel spans the screen below the header, whatever its button's place in it. */}
      <div className="absolute right-0 z-30 mt-1 w-72 rounded-md max-sm:fixed max-sm:inset-x-2 max-sm:top-14 max-sm:w-auto border border-slate-200 bg-white py-1 shadow-lg">
        <Form method="post" action="/language">
          <p className="px-3 py-1 text-xs font-semibold uppercase text-slate-500">{t("language.choose")}</p>
          <input type="hidden" name="redirectTo" value={back} />
          {LANGUAGES.map((language) => (
            <button
              key={language}
              type="submit"
              name="language"
              value={language}
              lang={language}
              aria-current={language === i18n.locale ? "true" : undefined}
              className="flex min-h-11 w-full items-center px-3 py-2 text-left text-sm hover:bg-slate-50 aria-[current]:font-semibold sm:min-h-0"
            >
              {LANGUAGE_NAMES[language]}
            </button>
          ))}
        </Form>
        <Form method="post" action="/language" className="border-t border-slate-100 px-3 pb-2 pt-1" data-testid="time-zone-form">
          <input type="hidden" name="intent" value="timeZone" />
          <input type="hidden" name="redirectTo" value={back} />
          <TimeZoneField
            id="header-time-zone"
            label={tp("timeZone.label")}
            hint={tp("timeZone.hint")}
            current={timeZone}
            labelClassName="block py-1 text-xs font-semibold uppercase text-slate-500"
          />
          <button type="submit" className="btn-secondary mt-2 min-h-11 w-full sm:min-h-8">
            {tp("timeZone.save")}
          </button>
        </Form>
      </div>
    </details>
  );
}
