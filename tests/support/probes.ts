// Isolation tests call every loader and action of a capability as an outsider
// and expect the same thing of each: 404, and nothing of the record in the answer.
import { expect } from "vitest";
import type { Outcome } from "./routes.ts";

export interface Probe {
  label: string;
  run: (slug: string, cookie: string) => Promise<Outcome>;
}

export const serializeOutcome = (out: Outcome) => (typeof out.data === "string" ? out.data : JSON.stringify(out.data));

/** Every probe answers 404 and its outcome never carries any of the secrets. */
export async function expectAllNotFound(probes: Probe[], slug: string, cookie: string, secrets: string[]) {
  for (const probe of probes) {
    const out = await probe.run(slug, cookie);
    expect(out.status, `${probe.label} as /${slug}`).toBe(404);
    for (const secret of secrets) expect(serializeOutcome(out), `${probe.label} as /${slug}`).not.toContain(secret);
  }
}
