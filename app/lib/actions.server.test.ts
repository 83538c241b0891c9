import { redirect } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { dispatchIntents, refusal, typedValues } from "./actions.server.ts";
import { UserError } from "./errors.ts";
import { translateMessage } from "./i18n/translate.server.ts";

const form = (entries: [string, string][]) => {
  const f = new FormData();
  for (const [k, v] of entries) f.append(k, v);
  return f;
};

/** The status and body of a thrown or returned answer. */
async function answerOf(run: () => Promise<unknown>): Promise<{ status: number; data: unknown; location?: string | null }> {
  let value: unknown;
  try {
    value = await run();
  } catch (thrown) {
    value = thrown;
  }
  if (value instanceof Response) return { status: value.status, data: null, location: value.headers.get("Location") };
  const answer = value as { init?: { status?: number } | null; data: unknown };
  return { status: answer.init?.status ?? 200, data: answer.data };
}

const schemas = {
  rename: z.object({ intent: z.literal("rename"), name: z.string({ required_error: "Give a name" }).min(1).max(20) }),
  tags: z.object({ tags: z.array(z.string()).max(3) }),
};
const handlers = {
  rename: async ({ name }: { name: string }) => {
    if (name === "taken") throw new UserError("That name is taken.", 409);
    return redirect(`/renamed/${name}`);
  },
  tags: async () => redirect("/tagged"),
};

/** A form of `fields` (a list where a name repeats) posted to a page with the intents above. */
const post = (fields: Record<string, string> | [string, string][], options?: Parameters<typeof dispatchIntents<typeof schemas, typeof handlers>>[3]) =>
  answerOf(() => dispatchIntents(form(Array.isArray(fields) ? fields : Object.entries(fields)), schemas, handlers, options));

describe("dispatchIntents", () => {
  it("runs the handler of the intent the form names, with the input its schema parsed", async () => {
    expect(await post({ intent: "rename", name: "Mug" })).toMatchObject({ status: 302, location: "/renamed/Mug" });
  });

  it("refuses an intent the page does not have, a repeated one and a missing one with a 400 before parsing", async () => {
    const repeated: [string, string][] = [
      ["intent", "rename"],
      ["intent", "rename"],
    ];
    const asked: (Record<string, string> | [string, string][])[] = [{ intent: "drop-tables" }, { intent: "constructor" }, {}, repeated];
    for (const fields of asked) {
      expect((await post(fields)).status, JSON.stringify(fields)).toBe(400);
    }
  });

  it("takes the default intent for a form that names none", async () => {
    expect(await post({ tags: "a" }, { defaultIntent: "tags" })).toMatchObject({ status: 302, location: "/tagged" });
  });

  it("answers an invalid form with its intent and conform's reply (400)", async () => {
    const out = await post({ intent: "rename", name: "" });
    expect(out.status).toBe(400);
    expect(out.data).toMatchObject({ intent: "rename", result: { status: "error", error: { name: ["Give a name"] } } });
  });

  it("checks the form's shape against the intent's own schema: another intent's field is a 400", async () => {
    const out = await post({ intent: "rename", name: "Mug", tags: "a" });
    expect(out.status).toBe(400);
    expect(translateMessage("en", String(out.data))).toMatch(/does not know/);
  });

  it("answers a UserError as the form's message with its status", async () => {
    const out = await post({ intent: "rename", name: "taken" });
    expect(out.status).toBe(409);
    expect(out.data).toMatchObject({ intent: "rename", result: { error: { "": ["That name is taken."] } } });
  });

  it("authorizes before parsing: a forbidden intent is a 403 however invalid its fields", async () => {
    const forbid = () => {
      throw new Response("Forbidden", { status: 403 });
    };
    expect((await post({ intent: "rename" }, { authorize: { rename: forbid } })).status).toBe(403);
  });

  it("adds an intent's extras to each of its refusals, and sends back only the listed fields when told to", async () => {
    const out = await post({ intent: "rename", name: "x".repeat(30) }, { extras: { rename: () => ({ typed: "kept" }) }, replyFields: { name: 5 } });
    expect(out.status).toBe(400);
    expect(out.data).toMatchObject({ intent: "rename", typed: "kept", result: { initialValue: { name: "xxxxx" } } });
  });
});

describe("refusal and typedValues", () => {
  it("builds the same shape for a form read by its own parser", async () => {
    expect(await answerOf(async () => refusal("upload", 413, ["Too large."]))).toEqual({
      status: 413,
      data: { intent: "upload", result: { status: "error", error: { "": ["Too large."] } } },
    });
  });

  it("keeps the named text fields exactly as typed, empty ones too", () => {
    expect(
      typedValues(
        form([
          ["note", "  "],
          ["decision", ""],
          ["other", "x"],
        ]),
        (name) => name !== "other",
      ),
    ).toEqual({ note: "  ", decision: "" });
  });
});
