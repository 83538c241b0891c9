// Readings saved as they are typed. Isomorphic: the grid builds the form, the action answers
// it, and the page's clientAction turns a save that never reached the server into an answer
// the grid can show ("Not saved — retrying") instead of an error page that drops the typing.

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
}

/** The name of the field carrying the value a changed cell replaces. */
export const previousFieldName = (key: string, sample: number) => `was.${key}.${sample}`;

/** Whether a posted (url-encoded) request is an autosave, read from a copy so the request is still sent whole. */
export async function isReadingsAutosave(request: Request): Promise<boolean> {
  if (!(request.headers.get("content-type") ?? "").startsWith("application/x-www-form-urlencoded")) return false;
  const form = await request.clone().formData();
  return form.get("intent") === SAVE_READINGS_INTENT;
}

/** An autosave the server never answered, or refused by throwing: the grid keeps what was typed and says it is not saved. */
export function unsavedReadingsAnswer(error: unknown) {
  const status = typeof error === "object" && error !== null && "status" in error ? Number((error as { status: unknown }).status) : 0;
  const data = typeof error === "object" && error !== null && "data" in error ? (error as { data: unknown }).data : null;
  const message = status && typeof data === "string" ? data : null;
  return {
    intent: SAVE_READINGS_INTENT,
    result: { status: "error" as const, error: message ? { "": [message] } : {} },
    unreachable: !status,
  };
}
