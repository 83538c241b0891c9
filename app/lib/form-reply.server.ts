// conform's `submission.reply()` sends back every submitted field as `initialValue` and
// every submitted name as `fields`: a refused sign-in or sign-up would carry the whole
// payload (whatever was posted, however long) in the page or JSON it answers with. The
// reply built here names only the form's own fields and keeps, of those, only the values a
// person would retype, cut to what the form accepts: never a password.
import type { SubmissionResult } from "@conform-to/react";

type ReplyOptions = { formErrors?: string[]; fieldErrors?: Record<string, string[]> };

/**
 * `fields` maps each of the form's field names to the longest value sent back for it;
 * 0 means the field's errors are shown but its value never returns.
 */
export function boundedReply(
  submission: { reply(options?: ReplyOptions): SubmissionResult<string[]> },
  fields: Readonly<Record<string, number>>,
  options: ReplyOptions = {},
): SubmissionResult<string[]> {
  const result = submission.reply(options);
  const known = (name: string) => Object.hasOwn(fields, name);
  const initialValue: Record<string, string> = {};
  for (const [name, max] of Object.entries(fields)) {
    const value = result.initialValue?.[name];
    if (max > 0 && typeof value === "string") initialValue[name] = value.slice(0, max);
  }
  const error = Object.fromEntries(Object.entries(result.error ?? {}).filter(([name]) => name === "" || known(name)));
  return {
    status: "error",
    initialValue,
    error,
    fields: (result.fields ?? []).filter(known),
  };
}
