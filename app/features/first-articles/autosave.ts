// Readings saved as they are typed. Isomorphic: the grid builds the form and posts it with its
// own fetch to the readings route (outside the router, so a save in flight never holds up or
// cuts short a navigation), and every way that can end, a save that never reached the server
// included, comes back as an answer the grid can show ("Not saved — retrying").

import { postBackgroundSave } from "~/lib/background-save.ts";

export const SAVE_READINGS_INTENT = "save-readings" as const;

/** A cell as stored after the save: its raw text as the server keeps it (trimmed), empty when cleared. */
export interface SavedCell {
  key: string;
  sample: number;
  raw: string;
}

/** A cell someone else changed since this page last heard from the server: not overwritten. */
export interface CellConflict {
  key: string;
  sample: number;
  theirs: string;
}

/** What a save-readings answer carries besides the reply. */
export interface SaveReadingsExtra {
  saved?: SavedCell[];
  conflicts?: CellConflict[];
  savedAt?: string;
  /** Set by the page, not the server: the save never got an answer (offline, a dropped connection). */
  unreachable?: boolean;
  /** Set by the page: the session ended, so the save went to the login page instead. */
  signedOut?: boolean;
}

/** The name of the field carrying the value a changed cell replaces. */
export const previousFieldName = (key: string, sample: number) => `was.${key}.${sample}`;

/** What the readings route answers, or what the page makes of a save that got no usable answer. */
export type SaveReadingsAnswer = SaveReadingsExtra & {
  intent: typeof SAVE_READINGS_INTENT;
  result?: { status?: string; error?: Record<string, string[] | null | undefined> | null };
};

/** Posts the changed cells to `path` (see `postBackgroundSave` for how each ending reads). */
export function postReadings(path: string, form: FormData): Promise<SaveReadingsAnswer> {
  return postBackgroundSave<typeof SAVE_READINGS_INTENT, SaveReadingsAnswer>(path, form, SAVE_READINGS_INTENT);
}
