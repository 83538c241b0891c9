import type { SubmissionResult } from "@conform-to/react";
import { data } from "@remix-run/node";
import { UserError } from "./errors.ts";

/**
 * Runs a domain call for an action; a UserError becomes the form's error
 * message with its status, anything else propagates (a real 500).
 */
export async function attempt<T>(
  run: () => Promise<T>,
  reply: (options: { formErrors: string[] }) => SubmissionResult<string[]>,
  intent?: string,
): Promise<{ ok: true; value: T } | { ok: false; response: ReturnType<typeof data<{ intent?: string; result: SubmissionResult<string[]> }>> }> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    if (error instanceof UserError) {
      return { ok: false, response: data({ intent, result: reply({ formErrors: [error.message] }) }, { status: error.status }) };
    }
    throw error;
  }
}
