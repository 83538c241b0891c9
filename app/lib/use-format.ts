// The page's formatter: the words' language (Lingui's, which follows the root loader) and the
// reader's time zone, which the root layout provides from its loader (UTC when none is known).
import { useLingui } from "@lingui/react";
import { createContext, useContext } from "react";
import { formatterFor, type Formatter } from "./format.ts";
import { DEFAULT_TIME_ZONE } from "./time-zones.ts";

const ReaderTimeZone = createContext<string>(DEFAULT_TIME_ZONE);
/** Wraps the page in app/root.tsx with the root loader's `timeZone`. */
export const TimeZoneProvider = ReaderTimeZone.Provider;

export function useFormat(): Formatter {
  const { i18n } = useLingui();
  return formatterFor(i18n.locale, useContext(ReaderTimeZone));
}
