import { describe, expect, it } from "vitest";
import { z } from "zod";
import { CommentSchema, EditCommentSchema } from "~/features/threads/thread.ts";
import { VersionContentSchema } from "~/features/specs/schemas.ts";
import { checkFormIntent, checkFormLimits, checkFormShape, FORM_LIMITS, parseFieldName } from "./form-shape.server.ts";
import { parseSubmission } from "./forms.server.ts";

const ThreadIntentSchema = z.discriminatedUnion("intent", [CommentSchema, EditCommentSchema]);

const form = (entries: [string, string][]) => {
  const f = new FormData();
  for (const [k, v] of entries) f.append(k, v);
  return f;
};

/** The status and message a refusal carries (refusals are thrown as `data(message, { status })`). */
function refusal(run: () => unknown): { status: number; message: string } | null {
  try {
    run();
    return null;
  } catch (error) {
    const thrown = error as { init?: { status?: number }; data?: unknown };
    return { status: thrown.init?.status ?? 0, message: String(thrown.data) };
  }
}

const Schema = z.object({
  intent: z.literal("save"),
  title: z.string().max(100),
  tags: z.array(z.string()).max(3).optional(),
  items: z
    .array(z.object({ name: z.string(), dueAt: z.string() }))
    .max(5)
    .optional(),
  findings: z.record(z.string()).optional(),
});

describe("field names", () => {
  it("reads conform's notation into segments", () => {
    expect(parseFieldName("items[2].dueAt")).toEqual(["items", 2, "dueAt"]);
    expect(parseFieldName("tags[]")).toEqual(["tags", ""]);
    expect(parseFieldName("m.abc.3")).toEqual(["m", "abc", "3"]);
  });

  it("refuses what is not a name: empty, too long, too deep, prototype keys, stray dots", () => {
    for (const name of ["", "a".repeat(FORM_LIMITS.nameLength + 1), "a.".repeat(20) + "a", "__proto__.x", "a..b", ".a", "a[", "a]b", "x[1234567]"]) {
      expect(parseFieldName(name), name).toBeNull();
    }
  });
});

describe("limits every form shares", () => {
  it("refuse an index past the bound before any parser sees it (the one-request crash)", () => {
    expect(
      refusal(() =>
        checkFormLimits(
          form([
            ["email", ""],
            ["password", ""],
            ["x[99999999]", "1"],
          ]),
        ),
      ),
    ).toMatchObject({ status: 400 });
    expect(refusal(() => checkFormLimits(form([["x[10000]", "1"]])))).toMatchObject({ status: 400 });
    expect(refusal(() => checkFormLimits(form([["x[9999]", "1"]])))).toBeNull();
  });

  it("refuse a name nested thousands of levels deep", () => {
    expect(refusal(() => checkFormLimits(form([["a" + ".a".repeat(2000), "1"]])))).toMatchObject({ status: 400 });
    expect(refusal(() => checkFormLimits(form([["a" + "[0]".repeat(2000), "1"]])))).toMatchObject({ status: 400 });
  });

  it("refuse more fields than any page has with a 413", () => {
    const many = form(Array.from({ length: FORM_LIMITS.fields + 1 }, (_, i) => [`f${i}`, ""] as [string, string]));
    expect(refusal(() => checkFormLimits(many))).toMatchObject({ status: 413 });
  });

  it("keep the name in the message short", () => {
    const out = refusal(() => checkFormLimits(form([["x[" + "9".repeat(5) + "]" + "]".repeat(150), "1"]])));
    expect(out!.message.length).toBeLessThan(150);
  });
});

describe("the shape a schema accepts", () => {
  it("accepts every name the schema has a place for", () => {
    const ok = form([
      ["intent", "save"],
      ["title", "Mug"],
      ["tags", "a"],
      ["tags", "b"],
      ["items[0].name", "x"],
      ["items[4].dueAt", "2026-01-01"],
      ["findings.k1", "why"],
    ]);
    expect(refusal(() => checkFormShape(ok, Schema))).toBeNull();
  });

  it("refuses a name the schema does not know", () => {
    expect(refusal(() => checkFormShape(form([["nope", "1"]]), Schema))).toMatchObject({ status: 400, message: expect.stringContaining("does not know") });
    expect(refusal(() => checkFormShape(form([["title.deeper", "1"]]), Schema))).toMatchObject({ status: 400 });
    expect(refusal(() => checkFormShape(form([["items[0].other", "1"]]), Schema))).toMatchObject({ status: 400 });
  });

  it("refuses a list position at or past the list's max", () => {
    expect(refusal(() => checkFormShape(form([["items[5].name", "x"]]), Schema))).toMatchObject({ status: 400, message: expect.stringContaining("more rows") });
    expect(refusal(() => checkFormShape(form([["characteristics[1600].name", "x"]]), VersionContentSchema))).toMatchObject({ status: 400 });
  });

  it("refuses a name repeated more often than its list holds", () => {
    const attachments = form([["intent", "comment"], ["body", "hi"], ...Array.from({ length: 11 }, () => ["attachmentIds", "a"] as [string, string])]);
    expect(refusal(() => checkFormShape(attachments, ThreadIntentSchema))).toMatchObject({ status: 400 });
    expect(
      refusal(() =>
        checkFormShape(
          form([
            ["title", "a"],
            ["title", "b"],
          ]),
          Schema,
        ),
      ),
    ).toMatchObject({ status: 400 });
  });

  it("refuses the comment form's huge attachment index", () => {
    expect(
      refusal(() =>
        checkFormShape(
          form([
            ["intent", "comment"],
            ["body", "x"],
            ["attachmentIds[50000]", "a"],
          ]),
          CommentSchema,
        ),
      ),
    ).toMatchObject({ status: 400 });
  });

  it("lets a route read fields of its own outside the schema", () => {
    expect(
      refusal(() =>
        checkFormShape(
          form([
            ["title", "a"],
            ["then", "view"],
            ["m.key.0", "1.5"],
            ["m.key.1", "1.6"],
          ]),
          Schema,
          { extraFields: ["then", "m.*"] },
        ),
      ),
    ).toBeNull();
  });

  it("holds those fields to their plain shape: no list positions, no nesting under a plain name, each sent once", () => {
    const options = { extraFields: ["then", "m.*"] };
    // The bypass a review found: under an extra name, conform would build lists of 10,000 slots.
    for (const name of ["then[5][9999]", "then.x", "m[9999]", "m.key[3]", "m.key.0[1]", "m"]) {
      expect(
        refusal(() =>
          checkFormShape(
            form([
              ["title", "a"],
              [name, "x"],
            ]),
            Schema,
            options,
          ),
        ),
        name,
      ).toMatchObject({ status: 400 });
    }
    expect(
      refusal(() =>
        checkFormShape(
          form([
            ["then", "a"],
            ["then", "b"],
          ]),
          Schema,
          options,
        ),
      ),
    ).toMatchObject({ status: 400 });
    expect(
      refusal(() =>
        checkFormShape(
          form([
            ["m.k.1", "a"],
            ["m.k.1", "b"],
          ]),
          Schema,
          options,
        ),
      ),
    ).toMatchObject({ status: 400 });
  });
});

describe("conform's intent field", () => {
  const intent = (value: string) =>
    form([
      ["title", "x"],
      ["__intent__", value],
    ]);

  it("accepts the intents the forms send", () => {
    for (const value of [
      { type: "insert", payload: { name: "items" } },
      { type: "insert", payload: { name: "items", defaultValue: { name: "n" } } },
      { type: "remove", payload: { name: "items", index: 2 } },
      { type: "reorder", payload: { name: "items", from: 0, to: 4 } },
      { type: "validate", payload: { name: "title" } },
    ]) {
      expect(
        refusal(() => checkFormIntent(intent(JSON.stringify(value)), Schema)),
        JSON.stringify(value),
      ).toBeNull();
    }
  });

  it("refuses malformed, unknown, non-list and out-of-range intents with a 400", () => {
    for (const value of [
      "x",
      "{",
      "null",
      "[]",
      '{"type":"insert"}',
      '{"type":"explode","payload":{}}',
      '{"type":"remove","payload":{"name":"title","index":0}}',
      '{"type":"remove","payload":{"name":"items","index":5}}',
      '{"type":"reorder","payload":{"name":"items","from":0,"to":99999999}}',
      '{"type":"insert","payload":{"name":"nope"}}',
      '{"type":"validate","payload":{"name":"a[99999999]"}}',
    ]) {
      expect(
        refusal(() => checkFormIntent(intent(value), Schema)),
        value,
      ).toMatchObject({ status: 400 });
    }
    expect(
      refusal(() =>
        checkFormIntent(
          form([
            ["__intent__", "a"],
            ["__intent__", "b"],
          ]),
          Schema,
        ),
      ),
    ).toMatchObject({ status: 400 });
  });

  it("answers a remove aimed at a field that holds text instead of a list with a 400, not a crash", () => {
    const f = form([
      ["intent", "save"],
      ["title", "x"],
      ["items", "not a list"],
      ["__intent__", '{"type":"remove","payload":{"name":"items","index":0}}'],
    ]);
    expect(refusal(() => parseSubmission(f, Schema))).toMatchObject({ status: 400 });
  });
});
