import { describe, expect, it } from "vitest";
import { translateMessage } from "~/lib/i18n/translate.server.ts";
import { AnswerSchema, OpenSchema, planProblems } from "./schemas.ts";

describe("what a corrective action's forms say when they refuse", () => {
  it("tells a factory in Chinese what its plan still lacks", () => {
    const answer = AnswerSchema.parse({ containment: "Sorted all stock." });
    expect(planProblems(answer).map((problem) => translateMessage("zh-CN", problem.message))).toEqual([
      "请选择问题的来源",
      "请说明根本原因（不断追问“为什么？”，直到找到具体的工序步骤）",
      "请至少添加一项纠正措施，并写明负责人和截止日期",
    ]);
  });

  it("writes an opening form's refusals from the catalogue, with the limit as a number of the reader's language", () => {
    const refused = OpenSchema.safeParse({ factoryId: "f1", title: "x".repeat(201), problem: "Cracks", planDueAt: "2099-12-31" });
    const said = (language: "en" | "en-XA") => refused.error?.issues.map((issue) => translateMessage(language, issue.message));
    expect(said("en")).toEqual(["Use at most 200 characters", "Describe the problem: what, where, how many, since when"]);
    for (const text of said("en-XA")!) expect(text).toMatch(/^⟦.*⟧$/);
  });
});
