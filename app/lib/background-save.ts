// The one way a page posts what it saves in the background (readings, fields as they are typed)
// to a resource route answering JSON: every way the post can end comes back as an answer the page
// can show. No answer, or a server that is down (5xx), is worth trying again; a refusal (403, 404,
// 413) carries the route's message; an ended session (a redirect to log in) says so.

export interface BackgroundSaveRefusal<Intent extends string> {
  intent: Intent;
  result: { status: "error"; error: Record<string, string[]> };
  unreachable: boolean;
  signedOut?: boolean;
}

const refused = <Intent extends string>(intent: Intent, message: string | null, unreachable: boolean): BackgroundSaveRefusal<Intent> => ({
  intent,
  result: { status: "error", error: message ? { "": [message] } : {} },
  unreachable,
});

export async function postBackgroundSave<Intent extends string, Answer extends { intent: Intent }>(
  path: string,
  form: FormData,
  intent: Intent,
): Promise<Answer | BackgroundSaveRefusal<Intent>> {
  const body = new URLSearchParams();
  for (const [name, value] of form) if (typeof value === "string") body.append(name, value);
  let response: Response;
  try {
    response = await fetch(path, { method: "POST", body, headers: { Accept: "application/json" }, redirect: "manual" });
  } catch {
    return refused(intent, null, true);
  }
  if (response.type === "opaqueredirect" || (response.status >= 300 && response.status < 400)) return { ...refused(intent, null, false), signedOut: true };
  const answer: unknown = await response.json().catch(() => undefined);
  if (typeof answer === "object" && answer !== null && (answer as { intent?: unknown }).intent === intent) return answer as Answer;
  if (response.status >= 500 || answer === undefined) return refused(intent, null, true);
  // The route's own refusal says why; anything else reads as the page's own "refused" words.
  return refused(intent, typeof answer === "string" ? answer : null, false);
}
