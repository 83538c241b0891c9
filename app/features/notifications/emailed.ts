import { formatterFor } from "~/lib/format.ts";

/**
 * What a page says after an action that notifies people: exactly how many emails were
 * queued, or `none` when there were none, so a toast never claims an email that was not sent.
 */
export function emailedSentence(count: number, none: string): string {
  if (count <= 0) return none;
  return `${count === 1 ? "1 person" : `${formatterFor("en").count(count)} people`} will be emailed.`;
}
