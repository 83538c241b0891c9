import { describe, expect, it } from "vitest";
import { actionLabel, changesSummary, sentenceOf, TIMELINE_ACTIONS, type EventRow } from "./sentences.ts";

const row = (action: string, changes: EventRow["changes"] = null, actorName: string | null = "Ann Lee"): EventRow => ({
  action,
  changes,
  actorName,
  importerName: "Acme Imports",
  factoryName: "Ningbo Plastics",
});

describe("an audit event as a sentence", () => {
  it("says a rejection with its reason, for the importer", () => {
    expect(
      sentenceOf(row("firstArticle.decide", { status: { from: "SUBMITTED", to: "REJECTED" }, decisionNote: { from: null, to: "  Burrs on the rim " } })),
    ).toEqual({
      who: "Ann Lee",
      org: "Acme Imports",
      did: "rejected it",
      note: { label: "Reason", text: "Burrs on the rim" },
    });
  });

  it("names conditions of a conditional approval and counts the findings of a decision", () => {
    const s = sentenceOf(
      row("firstArticle.decide", {
        status: { from: "SUBMITTED", to: "CONDITIONALLY_APPROVED" },
        decisionNote: { from: null, to: "Deburr the next lot" },
        findings: { from: null, to: { k1: "too tall", k2: "scratched" } },
      }),
    );
    expect(s).toMatchObject({ did: "approved it with conditions, with findings on 2 characteristics", note: { label: "Conditions" } });
    expect(sentenceOf(row("firstArticle.decide", { status: { to: "APPROVED" } }))).toMatchObject({ did: "approved it", note: null });
  });

  it("gives the factory's steps to the factory and keeps a question as the note", () => {
    expect(sentenceOf(row("specVersion.query", { question: { from: null, to: "Which clay?" } }))).toEqual({
      who: "Ann Lee",
      org: "Ningbo Plastics",
      did: "queried this version",
      note: { label: "Question", text: "Which clay?" },
    });
    expect(sentenceOf(row("firstArticle.submit"))).toMatchObject({ org: "Ningbo Plastics", did: "submitted it for review" });
    expect(sentenceOf(row("correctiveAction.implement"))).toMatchObject({ org: "Ningbo Plastics", did: "reported the actions done" });
  });

  it("says the plan's review with the reviewer's comment, and leaves out an empty one", () => {
    expect(sentenceOf(row("correctiveAction.accept-plan", { note: { from: null, to: "Go ahead" } }))?.note).toEqual({ label: "Comment", text: "Go ahead" });
    expect(sentenceOf(row("correctiveAction.accept-plan", { status: { from: "PLAN_SUBMITTED", to: "PLAN_ACCEPTED" } }))?.note).toBeNull();
    expect(sentenceOf(row("correctiveAction.return-plan", { note: { to: "Root cause missing" } }))?.note).toEqual({
      label: "Reason",
      text: "Root cause missing",
    });
    expect(sentenceOf(row("correctiveAction.verify-close", { note: { to: "0 of 40 cracked" } }))).toMatchObject({
      did: "verified the actions and closed it",
      note: { label: "Effectiveness" },
    });
    expect(sentenceOf(row("correctiveAction.reopen", { note: { to: "Cracks again" } }))).toMatchObject({ did: "reopened it", note: { label: "Reason" } });
  });

  it("names versions, rounds and the factory a share concerns", () => {
    expect(sentenceOf(row("specVersion.publish", { number: { from: null, to: 3 } }))?.did).toBe("published version 3");
    expect(sentenceOf(row("specVersion.create", { number: { to: 2 } }))?.did).toBe("started version 2 as a draft");
    expect(sentenceOf(row("firstArticle.create", { round: { to: 2 } }))?.did).toBe("started round 2");
    expect(sentenceOf(row("firstArticle.create", { round: { to: 1 } }))?.did).toBe("started the first article");
    expect(sentenceOf(row("spec.share", { factoryId: { to: "f1" } }))).toMatchObject({
      org: "Acme Imports",
      did: "shared the specification with Ningbo Plastics",
    });
    expect(sentenceOf({ ...row("spec.unshare"), factoryName: null })?.did).toBe("stopped sharing the specification with a factory");
  });

  it("says Someone for a user who is gone, and nothing for work in progress or unknown actions", () => {
    expect(sentenceOf(row("firstArticle.submit", null, null))?.who).toBe("Someone");
    for (const action of ["firstArticle.update", "specVersion.update", "correctiveAction.save-answer", "comment.create", "nonsense"]) {
      expect(sentenceOf(row(action)), action).toBeNull();
      expect(TIMELINE_ACTIONS).not.toContain(action);
    }
  });
});

describe("the audit log's words", () => {
  it("labels actions by record type and verb", () => {
    expect(actionLabel("firstArticle.decide")).toBe("First article: decide");
    expect(actionLabel("correctiveAction.accept-plan")).toBe("Corrective action: accept plan");
    expect(actionLabel("odd")).toBe("odd");
  });

  it("summarises a change set in one capped line", () => {
    expect(changesSummary({ status: { from: "SUBMITTED", to: "REJECTED" }, decisionNote: { from: null, to: "Burrs" } })).toBe(
      "status: SUBMITTED → REJECTED; decisionNote: Burrs",
    );
    expect(changesSummary(null)).toBe("");
    expect(changesSummary({ notes: { from: null, to: "x".repeat(500) } }, 50)).toHaveLength(50);
  });
});
