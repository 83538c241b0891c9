// Readings saved as they are typed. Isomorphic: the grid builds the form and posts it with its
// own fetch to the readings route (outside the router, so a save in flight never holds up or
// cuts short a navigation), and every way that can end, a save that never reached the server
// included, comes back as an answer the grid can show ("Not saved — retrying").

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

const refused = (message: string | null, unreachable: boolean): SaveReadingsAnswer => ({
  intent: SAVE_READINGS_INTENT,
  result: { status: "error", error: message ? { "": [message] } : {} },
  unreachable,
});

/**
 * Posts the changed cells to `path`. No answer, or a server that is down (5xx), is worth trying
 * again; a refusal (403, 404, 413) carries the route's message; an ended session says so.
 */
export async function postReadings(path: string, form: FormData): Promise<SaveReadingsAnswer> {
  const body = new URLSearchParams();
  for (const [name, value] of form) if (typeof value === "string") body.append(name, value);
  let response: Response;
  try {
    response = await fetch(path, { method: "POST", body, headers: { Accept: "application/json" }, redirect: "manual" });
  } catch {
    return refused(null, true);
  }
  if (response.type === "opaqueredirect" || (response.status >= 300 && response.status < 400)) {
    return { ...refused(null, false), signedOut: true };
  }
  const answer: unknown = await response.json().catch(() => undefined);
  if (typeof answer === "object" && answer !== null && (answer as { intent?: unknown }).intent === SAVE_READINGS_INTENT) return answer as SaveReadingsAnswer;
  if (response.status >= 500 || answer === undefined) return refused(null, true);
  // The route's own refusal (403, 404, 413) says why; anything else reads as the page's own "refused" words.
  return refused(typeof answer === "string" ? answer : null, false);
}
