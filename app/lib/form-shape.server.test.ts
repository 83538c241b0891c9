import { describe, expect, it } from "vitest";
import { z } from "zod";
import { formOf as form, refusal } from "../../tests/support/form-refusals.ts";
import { checkFormIntent, checkFormLimits, checkFormShape, FORM_LIMITS, parseFieldName } from "./form-shape.server.ts";
import { parseSubmission } from "./forms.server.ts";
import { translateMessage } from "./i18n/translate.server.ts";

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

const limitsRefusal = (entries: [string, string][]) => refusal(() => checkFormLimits(form(entries)));
const shapeRefusal = (entries: [string, string][], schema: z.ZodTypeAny = Schema, options?: Parameters<typeof checkFormShape>[2]) =>
  refusal(() => checkFormShape(form(entries), schema, options));

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
      limitsRefusal([
        ["email", ""],
        ["password", ""],
        ["x[99999999]", "1"],
      ]),
    ).toMatchObject({ status: 400 });
    expect(limitsRefusal([["x[10000]", "1"]])).toMatchObject({ status: 400 });
    expect(limitsRefusal([["x[9999]", "1"]])).toBeNull();
  });

  it("refuse a name nested thousands of levels deep", () => {
    expect(limitsRefusal([["a" + ".a".repeat(2000), "1"]])).toMatchObject({ status: 400 });
    expect(limitsRefusal([["a" + "[0]".repeat(2000), "1"]])).toMatchObject({ status: 400 });
  });

  it("refuse more fields than any page has with a 413", () => {
    const many = form(Array.from({ length: FORM_LIMITS.fields + 1 }, (_, i) => [`f${i}`, ""] as [string, string]));
    expect(refusal(() => checkFormLimits(many))).toMatchObject({ status: 413 });
  });

  it("keep the name in the message short", () => {
    const out = limitsRefusal([["x[" + "9".repeat(5) + "]" + "]".repeat(150), "1"]]);
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
    expect(shapeRefusal([["nope", "1"]])).toMatchObject({ status: 400, message: expect.stringContaining("does not know") });
    expect(shapeRefusal([["title.deeper", "1"]])).toMatchObject({ status: 400 });
    expect(shapeRefusal([["items[0].other", "1"]])).toMatchObject({ status: 400 });
  });

  it("tells the refusal in the reader's language, with the field's name as it was sent", () => {
    let thrown: unknown;
    try {
      checkFormShape(form([["nope", "1"]]), Schema);
    } catch (error) {
      thrown = (error as { data?: unknown }).data;
    }
    expect(translateMessage("zh-CN", String(thrown))).toBe('表单中有一个此页面不认识的字段："nope"。');
  });

  it("refuses a list position at or past the list's max", () => {
    expect(shapeRefusal([["items[5].name", "x"]])).toMatchObject({ status: 400, message: expect.stringContaining("more rows") });
  });

  it("refuses a name repeated more often than its list holds", () => {
    expect(
      shapeRefusal([
        ["title", "a"],
        ["title", "b"],
      ]),
    ).toMatchObject({ status: 400 });
  });

  // Fields a route reads itself, beside the schema's (a redirect choice, a grid of measurements).
  const ownFields = { extraFields: ["then", "m.*"] };

  it("lets a route read fields of its own outside the schema", () => {
    const entries: [string, string][] = [
      ["title", "a"],
      ["then", "view"],
      ["m.key.0", "1.5"],
      ["m.key.1", "1.6"],
    ];
    expect(shapeRefusal(entries, Schema, ownFields)).toBeNull();
  });

  // The bypass a review found: under an extra name, conform would build lists of 10,000 slots.
  it.each(["then[5][9999]", "then.x", "m[9999]", "m.key[3]", "m.key.0[1]", "m"])(
    "holds a route's own fields to their plain shape (no list positions, no nesting under a plain name): refuses %s",
    (name) => {
      expect(
        shapeRefusal(
          [
            ["title", "a"],
            [name, "x"],
          ],
          Schema,
          ownFields,
        ),
        name,
      ).toMatchObject({ status: 400 });
    },
  );

  it.each(["then", "m.k.1"])("refuses a route's own field %s sent twice", (name) => {
    expect(
      shapeRefusal(
        [
          [name, "a"],
          [name, "b"],
        ],
        Schema,
        ownFields,
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
