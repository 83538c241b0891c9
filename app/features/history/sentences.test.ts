import { describe, expect, it } from "vitest";
import { translatorFor } from "~/lib/i18n/translate.server.ts";
import { formatterFor } from "~/lib/format.ts";
import { sentenceIn, sentenceInEnglish as said } from "../../../tests/support/history.ts";
import { changeLine, changeList, changeWordsOf, type Change } from "./changes.ts";
import { actionLabel, sentenceOf, subjectTypeLabel, TIMELINE_ACTIONS, type EventRow } from "./sentences.ts";

const row = (action: string, changes: EventRow["changes"] = null, actorName: string | null = "Ann Lee"): EventRow => ({
  action,
  changes,
  actorName,
  importerName: "Acme Imports",
  factoryName: "Ningbo Plastics",
});

describe("an audit event as a sentence", () => {
  it("says a rejection with its reason, for the importer", () => {
    const s = sentenceOf(
      row("firstArticle.decide", { status: { from: "SUBMITTED", to: "REJECTED" }, decisionNote: { from: null, to: "  Burrs on the rim " } }),
    );
    expect(s).toMatchObject({ who: "Ann Lee", org: "Acme Imports", note: { label: "note.reason", text: "Burrs on the rim" } });
    expect(said(s)).toBe("Ann Lee (Acme Imports) rejected it | Reason: Burrs on the rim");
  });

  it("names conditions of a conditional approval and counts the findings of a decision", () => {
    const s = sentenceOf(
      row("firstArticle.decide", {
        status: { from: "SUBMITTED", to: "CONDITIONALLY_APPROVED" },
        decisionNote: { from: null, to: "Deburr the next lot" },
        findings: { from: null, to: { k1: "too tall", k2: "scratched" } },
      }),
    );
    expect(said(s)).toBe("Ann Lee (Acme Imports) approved it with conditions, with findings on 2 characteristics | Conditions: Deburr the next lot");
    expect(said(sentenceOf(row("firstArticle.decide", { status: { to: "APPROVED" }, findings: { to: { k1: "scratched" } } })))).toBe(
      "Ann Lee (Acme Imports) approved it, with findings on 1 characteristic",
    );
    expect(said(sentenceOf(row("firstArticle.decide", { status: { to: "APPROVED" } })))).toBe("Ann Lee (Acme Imports) approved it");
  });

  it("gives the factory's steps to the factory and keeps a question as the note", () => {
    expect(sentenceOf(row("specVersion.query", { question: { from: null, to: "Which clay?" } }))).toMatchObject({
      who: "Ann Lee",
      org: "Ningbo Plastics",
      note: { label: "note.question", text: "Which clay?" },
    });
    expect(said(sentenceOf(row("specVersion.query", { question: { to: "Which clay?" } })))).toBe(
      "Ann Lee (Ningbo Plastics) queried this version | Question: Which clay?",
    );
    expect(said(sentenceOf(row("firstArticle.submit")))).toBe("Ann Lee (Ningbo Plastics) submitted it for review");
    expect(said(sentenceOf(row("correctiveAction.implement")))).toBe("Ann Lee (Ningbo Plastics) reported the actions done");
  });

  it("says the plan's review with the reviewer's comment, and leaves out an empty one", () => {
    expect(said(sentenceOf(row("correctiveAction.accept-plan", { note: { from: null, to: "Go ahead" } })))).toBe(
      "Ann Lee (Acme Imports) accepted the plan | Comment: Go ahead",
    );
    expect(sentenceOf(row("correctiveAction.accept-plan", { status: { from: "PLAN_SUBMITTED", to: "PLAN_ACCEPTED" } }))?.note).toBeNull();
    expect(said(sentenceOf(row("correctiveAction.return-plan", { note: { to: "Root cause missing" } })))).toBe(
      "Ann Lee (Acme Imports) returned the plan | Reason: Root cause missing",
    );
    expect(said(sentenceOf(row("correctiveAction.verify-close", { note: { to: "0 of 40 cracked" } })))).toBe(
      "Ann Lee (Acme Imports) verified the actions and closed it | Effectiveness: 0 of 40 cracked",
    );
    expect(said(sentenceOf(row("correctiveAction.reopen", { note: { to: "Cracks again" } })))).toBe(
      "Ann Lee (Acme Imports) reopened it | Reason: Cracks again",
    );
  });

  it("names versions, rounds and the factory a share concerns", () => {
    expect(said(sentenceOf(row("specVersion.publish", { number: { from: null, to: 3 } })))).toBe("Ann Lee (Acme Imports) published version 3");
    expect(said(sentenceOf(row("specVersion.create", { number: { to: 2 } })))).toBe("Ann Lee (Acme Imports) started version 2 as a draft");
    expect(said(sentenceOf(row("firstArticle.create", { round: { to: 2 } })))).toBe("Ann Lee (Ningbo Plastics) started round 2");
    expect(said(sentenceOf(row("firstArticle.create", { round: { to: 1 } })))).toBe("Ann Lee (Ningbo Plastics) started the first article");
    expect(said(sentenceOf(row("spec.share", { factoryId: { to: "f1" } })))).toBe("Ann Lee (Acme Imports) shared the specification with Ningbo Plastics");
    expect(said(sentenceOf({ ...row("spec.unshare"), factoryName: null }))).toBe("Ann Lee (Acme Imports) stopped sharing the specification with a factory");
  });

  it("says Someone for a user who is gone, leaves out an org it does not know, and nothing for work in progress or unknown actions", () => {
    expect(said(sentenceOf(row("firstArticle.submit", null, null)))).toBe("Someone (Ningbo Plastics) submitted it for review");
    expect(said(sentenceOf({ ...row("specVersion.acknowledge"), factoryName: null }))).toBe("Ann Lee acknowledged this version");
    for (const action of ["firstArticle.update", "specVersion.update", "correctiveAction.save-answer", "comment.create", "nonsense"]) {
      expect(sentenceOf(row(action)), action).toBeNull();
      expect(TIMELINE_ACTIONS).not.toContain(action);
    }
  });

  it("is told whole in the reader's language, names and notes as they were written", () => {
    const rejected = sentenceOf(
      row("firstArticle.decide", {
        status: { to: "REJECTED" },
        decisionNote: { to: "Burrs on the rim" },
        findings: { to: { k1: "burr", k2: "chip", k3: "glaze" } },
      }),
    )!;
    expect(sentenceIn("zh-CN", rejected)).toBe("Ann Lee（Acme Imports）拒绝了，其中 3 个特性有发现项 | 原因： Burrs on the rim");
    expect(sentenceIn("zh-CN", sentenceOf(row("correctiveAction.submit-plan"))!)).toBe("Ann Lee（Ningbo Plastics）提交了计划");
    const pseudo = sentenceIn("en-XA", sentenceOf(row("specVersion.publish", { number: { to: 3 } }))!);
    expect(pseudo).toMatch(/^⟦.*Ann Lee.*Acme Imports.*3.*⟧$/);
    expect(pseudo).not.toContain("published");
  });
});

describe("the audit log's words", () => {
  it("names each action and record type in the reader's language, and shows an unknown one as stored", () => {
    const en = translatorFor("en", "history");
    expect(actionLabel(en, "firstArticle.decide")).toBe("First article decided");
    expect(actionLabel(en, "correctiveAction.accept-plan")).toBe("Corrective action plan accepted");
    expect(actionLabel(en, "odd")).toBe("odd");
    expect(subjectTypeLabel(en, "firstArticle")).toBe("First article");
    expect(subjectTypeLabel(en, "Gadget")).toBe("Gadget");
    const zh = translatorFor("zh-CN", "history");
    expect(actionLabel(zh, "correctiveAction.accept-plan")).toBe("接受纠正措施计划");
    expect(subjectTypeLabel(zh, "CorrectiveAction")).toBe("纠正措施");
    expect(actionLabel(translatorFor("en-XA", "history"), "spec.share")).toMatch(/^⟦.*⟧$/);
  });

  it("sends a change set as data, values as stored, long text cut and lists as their size", () => {
    expect(
      changeList({
        status: { from: "SUBMITTED", to: "REJECTED" },
        decisionNote: { from: null, to: "Burrs" },
        findings: { to: { dia: "Too wide", h: "Low" } },
        attachments: { to: ["a1", "a2", "a3"] },
        round: { from: undefined, to: 2 },
      }),
    ).toEqual([
      { field: "status", from: "SUBMITTED", to: "REJECTED" },
      { field: "decisionNote", from: null, to: "Burrs" },
      { field: "findings", from: null, to: { count: 2 } },
      { field: "attachments", from: null, to: { count: 3 } },
      { field: "round", from: null, to: 2 },
    ]);
    expect(changeList(null)).toEqual([]);
    const [long] = changeList({ notes: { from: null, to: "x".repeat(500) } }, 50);
    expect(long!.to).toHaveLength(50);
  });

  const wordsIn = (language: "en" | "zh-CN" | "en-XA") => changeWordsOf((namespace) => translatorFor(language, namespace), formatterFor(language, "UTC"));
  const lines = (language: "en" | "zh-CN" | "en-XA", subjectType: string, changes: Change[]) =>
    changes.map((change) => changeLine(wordsIn(language), subjectType, change));
  const decision: Change[] = [
    { field: "status", from: "SUBMITTED", to: "REJECTED" },
    { field: "decisionNote", from: null, to: "Out of tolerance" },
    { field: "findings", from: null, to: { count: 2 } },
    { field: "round", from: null, to: 2 },
  ];

  it("writes each change with the field's name and the labels the record's pages use", () => {
    expect(lines("en", "FirstArticle", decision)).toEqual([
      "Status: Awaiting review → Rejected",
      "Decision note: Out of tolerance",
      "Findings: 2 findings",
      "Round: 2",
    ]);
    expect(
      lines("en", "CorrectiveAction", [
        { field: "status", from: "OPEN", to: "PLAN_SUBMITTED" },
        { field: "severity", from: null, to: "MAJOR" },
        { field: "planDueAt", from: null, to: "2026-03-05T00:00:00.000Z" },
      ]),
    ).toEqual(["Status: Waiting for the factory's plan → Plan to review", "Severity: Major", "Plan due: 5 Mar 2026"]);
    expect(
      lines("en", "Invitation", [
        { field: "role", from: "MEMBER", to: "OWNER" },
        { field: "kind", from: null, to: "FACTORY" },
        { field: "email", from: null, to: "li@example.com" },
        { field: "attachmentIds", from: null, to: { count: 1 } },
        { field: "visibility", from: null, to: "INTERNAL" },
        { field: "threadType", from: null, to: "SpecVersion" },
      ]),
    ).toEqual([
      "Role: Member → Owner",
      "Kind: Factory",
      "Email address: li@example.com",
      "Attached files: 1 file",
      "Who can see it: Internal note — only your organization sees it",
      "Conversation on: Specification version",
    ]);
    expect(lines("en", "SpecVersion", [{ field: "status", from: "QUERIED", to: "ACKNOWLEDGED" }])).toEqual(["Status: queried → acknowledged"]);
    // What the app does not know is shown as stored; nothing is a dash.
    expect(lines("en", "Gadget", [{ field: "colour", from: "RED", to: null }])).toEqual(["colour: RED → —"]);
  });

  it("writes the changes in Chinese for a Chinese reader, the people's own words as they typed them", () => {
    expect(lines("zh-CN", "FirstArticle", decision)).toEqual(["状态：待审核 → 已拒绝", "判定说明：Out of tolerance", "发现项：2 项发现", "轮次：2"]);
  });

  it("leaves no English of its own in the pseudo-locale", () => {
    const pseudo = lines("en-XA", "FirstArticle", decision);
    for (const line of pseudo) expect(line).toMatch(/^⟦.*⟧$/);
    expect(pseudo.join(" ")).not.toMatch(/status|REJECTED|findings|round/i);
    expect(pseudo[1]).toContain("Out of tolerance");
  });
});
