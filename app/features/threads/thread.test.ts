import { describe, expect, it } from "vitest";
import { z } from "zod";
import { checkFormShape } from "~/lib/form-shape.server.ts";
import { formOf, refusal } from "../../../tests/support/form-refusals.ts";
import { CommentSchema, EditCommentSchema } from "./thread.ts";

const ThreadIntentSchema = z.discriminatedUnion("intent", [CommentSchema, EditCommentSchema]);

describe("the comment form's shape", () => {
  it("refuses more attachments than a comment holds", () => {
    const attachments = formOf([["intent", "comment"], ["body", "hi"], ...Array.from({ length: 11 }, () => ["attachmentIds", "a"] as [string, string])]);
    expect(refusal(() => checkFormShape(attachments, ThreadIntentSchema))).toMatchObject({ status: 400 });
  });

  it("refuses a huge attachment index", () => {
    expect(
      refusal(() =>
        checkFormShape(
          formOf([
            ["intent", "comment"],
            ["body", "x"],
            ["attachmentIds[50000]", "a"],
          ]),
          CommentSchema,
        ),
      ),
    ).toMatchObject({ status: 400 });
  });
});
