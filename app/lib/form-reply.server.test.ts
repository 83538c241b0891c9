import { parseWithZod } from "@conform-to/zod";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { boundedReply } from "./form-reply.server.ts";

const schema = z.object({ email: z.string().email(), password: z.string().min(10) });

function submit(fields: Record<string, string>) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  return parseWithZod(form, { schema });
}

describe("boundedReply", () => {
  it("sends back only the listed fields, cut to their limits, and never a field listed with 0", () => {
    const reply = boundedReply(submit({ email: `${"a".repeat(300)}@x`, password: "short", extra: "x".repeat(10_000) }), { email: 254, password: 0 });
    expect(reply.initialValue).toEqual({ email: "a".repeat(254) });
    expect(Object.keys(reply.error ?? {}).sort()).toEqual(["email", "password"]);
    expect(reply.fields).toEqual(["email", "password"]);
    expect(JSON.stringify(reply)).not.toContain("short");
    expect(JSON.stringify(reply).length).toBeLessThan(600);
  });

  it("adds the form-level message it is given", () => {
    const reply = boundedReply(
      submit({ email: "ana@example.com", password: "long enough password" }),
      { email: 254, password: 0 },
      { formErrors: ["Wrong email or password."] },
    );
    expect(reply).toEqual({
      status: "error",
      initialValue: { email: "ana@example.com" },
      error: { "": ["Wrong email or password."] },
      fields: ["email", "password"],
    });
  });
});
