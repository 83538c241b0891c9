// The one shape every page action answers with when it does not redirect. Isomorphic: the
// server builds it (actions.server.ts), the page reads it with `useActionData<typeof action>()`.
import type { SubmissionResult } from "@conform-to/react";

/**
 * Which of the page's forms is answered (`intent`) and conform's reply to it (`result`: field
 * errors by name, form-level errors under "", what was typed). A page adds what only it shows
 * again (`Extra`: the first-article grid's readings). A thread form's reply is one of these,
 * with a thread intent.
 */
export type ActionData<Intent extends string = string, Extra extends object = object> = {
  intent: Intent;
  result: SubmissionResult<string[]>;
} & Extra;

/** The answer when it is for one of `intents` (the form that sent it), else undefined. */
export function replyTo<Data extends { intent: string }, Intent extends Data["intent"]>(
  data: Data | undefined,
  ...intents: Intent[]
): (Data & { intent: Intent }) | undefined {
  return data && (intents as string[]).includes(data.intent) ? (data as Data & { intent: Intent }) : undefined;
}

/** Every message of a reply, form-level first: for pages that show a refusal in one banner. */
export function messagesOf(result: { error?: Record<string, string[] | null | undefined> | null } | undefined): string[] {
  const error = result?.error ?? {};
  const { "": form, ...fields } = error;
  return [...(form ?? []), ...Object.values(fields).flatMap((messages) => messages ?? [])];
}
