// What an audit event says to a person reading a record's history: who did what, for which org,
// and the note they gave, each as a whole sentence of the `history` catalogue that the reader's
// page writes in the reader's language. Pure, so the same words serve the timeline, the audit log
// and its tests.
import type { MessageParams } from "~/lib/i18n/message.ts";
import type { MessageKey, Translate } from "~/lib/i18n/translate.ts";

/** `changes` as recordAudit stores it: { field: { from, to } } for the fields that changed. */
export type Changes = Record<string, { from?: unknown; to?: unknown } | undefined> | null;

export interface EventRow {
  action: string;
  changes: Changes;
  actorName: string | null;
  /** The orgs on each side of the record: the importer, and the factory when the event concerns one. */
  importerName: string | null;
  factoryName: string | null;
}

type HistoryKey = MessageKey<"history">;

export interface Sentence {
  /** "Ann Lee", or null when the user is gone (the reader's page says "Someone"). */
  who: string | null;
  /** The org the person acted for. */
  org: string | null;
  /**
   * The whole sentence, as a `history` key with its values: the reader's page fills in `who` and
   * `org` (`<0>{who}</0> <1>({org})</1> rejected it`), so each language orders its own words.
   */
  did: { key: HistoryKey; values: MessageParams };
  /** The note given with it, labelled as the step names it ("Reason:", "Comment:"). */
  note: { label: HistoryKey; text: string } | null;
}

type Side = "importer" | "factory";

interface Step {
  /** The side the actor acted for; a step either side takes says it in the event (`by`), or reads it from the record (`inspectedBy`). */
  side: Side | ((e: EventRow) => Side);
  /** The sentence after the actor's name, as a key and its values. */
  did: (e: EventRow) => Sentence["did"];
  /** The changed field holding the note, and how the step calls it. */
  note?: (e: EventRow) => { field: string; label: HistoryKey } | null;
}

const to = (e: EventRow, field: string) => e.changes?.[field]?.to;
const text = (value: unknown) => (typeof value === "string" && value.trim() ? value.trim() : null);
const numberOf = (value: unknown) => (typeof value === "number" && Number.isFinite(value) ? value : null);
const said = (key: HistoryKey, values: MessageParams = {}): Sentence["did"] => ({ key, values });

const DECISIONS: Record<string, { did: HistoryKey; label: HistoryKey }> = {
  APPROVED: { did: "event.firstArticle.approved", label: "note.comment" },
  CONDITIONALLY_APPROVED: { did: "event.firstArticle.conditionallyApproved", label: "note.conditions" },
  REJECTED: { did: "event.firstArticle.rejected", label: "note.reason" },
};

function findingsCount(e: EventRow) {
  const findings = to(e, "findings");
  return findings && typeof findings === "object" ? Object.keys(findings).length : 0;
}

const LOT_DECISIONS: Record<string, { did: HistoryKey; label: HistoryKey }> = {
  RELEASED: { did: "event.inspection.released", label: "note.note" },
  REJECTED: { did: "event.inspection.rejected", label: "note.reason" },
  ACCEPTED_WITH_DEVIATION: { did: "event.inspection.acceptedWithDeviation", label: "note.inspection.deviation" },
};

/** A step about a numbered thing ("version 3"), or its unnumbered sentence when the number was not logged. */
const numbered = (e: EventRow, field: string, withNumber: HistoryKey, without: HistoryKey, name: string) => {
  const n = numberOf(to(e, field));
  return n ? said(withNumber, { [name]: n }) : said(without);
};

/** The steps a record's history shows, by audit action. Anything else (draft edits, saved readings) is work in progress, not history. */
export const TIMELINE_STEPS: Record<string, Step> = {
  "specVersion.create": {
    side: "importer",
    did: (e) => numbered(e, "number", "event.specVersion.create", "event.specVersion.createUnnumbered", "number"),
  },
  "specVersion.publish": {
    side: "importer",
    did: (e) => numbered(e, "number", "event.specVersion.publish", "event.specVersion.publishUnnumbered", "number"),
  },
  "spec.share": {
    side: "importer",
    did: (e) => (e.factoryName ? said("event.spec.share", { factory: e.factoryName }) : said("event.spec.shareUnnamed")),
  },
  "spec.unshare": {
    side: "importer",
    did: (e) => (e.factoryName ? said("event.spec.unshare", { factory: e.factoryName }) : said("event.spec.unshareUnnamed")),
  },
  "specVersion.acknowledge": { side: "factory", did: () => said("event.specVersion.acknowledge") },
  "specVersion.query": { side: "factory", did: () => said("event.specVersion.query"), note: () => ({ field: "question", label: "note.question" }) },
  "firstArticle.create": {
    side: "factory",
    did: (e) => {
      const n = numberOf(to(e, "round"));
      return n && n > 1 ? said("event.firstArticle.createRound", { round: n }) : said("event.firstArticle.createFirst");
    },
  },
  "firstArticle.submit": { side: "factory", did: () => said("event.firstArticle.submit") },
  "inspection.submit": {
    side: (e) => (to(e, "inspectedBy") === "IMPORTER" ? "importer" : "factory"),
    did: (e) => said(to(e, "result") === "PASS" ? "event.inspection.submitPass" : "event.inspection.submitFail"),
  },
  "firstArticle.decide": {
    side: "importer",
    did: (e) => said(DECISIONS[String(to(e, "status"))]?.did ?? "event.firstArticle.decided", { findings: findingsCount(e) }),
    note: (e) => ({ field: "decisionNote", label: DECISIONS[String(to(e, "status"))]?.label ?? "note.note" }),
  },
  "correctiveAction.open": { side: "importer", did: () => said("event.correctiveAction.open") },
  "correctiveAction.submit-plan": { side: "factory", did: () => said("event.correctiveAction.submitPlan") },
  "correctiveAction.accept-plan": {
    side: "importer",
    did: () => said("event.correctiveAction.acceptPlan"),
    note: () => ({ field: "note", label: "note.comment" }),
  },
  "correctiveAction.return-plan": {
    side: "importer",
    did: () => said("event.correctiveAction.returnPlan"),
    note: () => ({ field: "note", label: "note.reason" }),
  },
  "correctiveAction.implement": { side: "factory", did: () => said("event.correctiveAction.implement") },
  "correctiveAction.verify-close": {
    side: "importer",
    did: () => said("event.correctiveAction.verifyClose"),
    note: () => ({ field: "note", label: "note.effectiveness" }),
  },
  "correctiveAction.reopen": { side: "importer", did: () => said("event.correctiveAction.reopen"), note: () => ({ field: "note", label: "note.reason" }) },
  "inspection.book": {
    side: (e) => bySide(e),
    did: (e) => (to(e, "reinspectionOfId") ? said("event.inspection.bookReinspection") : said("event.inspection.book")),
  },
  "inspection.confirm": { side: (e) => bySide(e), did: () => said("event.inspection.confirm") },
  "inspection.reschedule": {
    side: (e) => bySide(e),
    did: () => said("event.inspection.reschedule"),
    note: () => ({ field: "reason", label: "note.reason" }),
  },
  "inspection.abort": {
    side: (e) => bySide(e),
    did: (e) => said(ABORT_SENTENCES[String(to(e, "abortReason"))] ?? "event.inspection.abort.OTHER"),
    note: () => ({ field: "abortNote", label: "note.note" }),
  },
  "inspection.decide": {
    side: "importer",
    did: (e) => said(LOT_DECISIONS[String(to(e, "status"))]?.did ?? "event.inspection.decided"),
    note: (e) => ({ field: "decisionNote", label: LOT_DECISIONS[String(to(e, "status"))]?.label ?? "note.note" }),
  },
};

/** Who acted on an inspection, as its audit event says (`by`: either side books, confirms and reschedules). */
function bySide(e: EventRow): Side {
  return to(e, "by") === "importer" ? "importer" : "factory";
}

const ABORT_SENTENCES: Record<string, HistoryKey> = {
  GOODS_NOT_READY: "event.inspection.abort.GOODS_NOT_READY",
  UNDER_80_PERCENT_PACKED: "event.inspection.abort.UNDER_80_PERCENT_PACKED",
  NO_ACCESS: "event.inspection.abort.NO_ACCESS",
  EQUIPMENT_MISSING: "event.inspection.abort.EQUIPMENT_MISSING",
  OTHER: "event.inspection.abort.OTHER",
};

export const TIMELINE_ACTIONS = Object.keys(TIMELINE_STEPS);

/** One event as a sentence, or null for an action that is not part of a record's history. */
export function sentenceOf(e: EventRow): Sentence | null {
  const step = TIMELINE_STEPS[e.action];
  if (!step) return null;
  const where = step.note?.(e);
  const note = where ? text(to(e, where.field)) : null;
  return {
    who: e.actorName,
    org: (typeof step.side === "function" ? step.side(e) : step.side) === "importer" ? e.importerName : e.factoryName,
    did: step.did(e),
    note: where && note ? { label: where.label, text: note } : null,
  };
}

/** What each audit action is called in the log's filter, rows and export. */
const ACTION_LABELS: Record<string, HistoryKey> = {
  "comment.create": "action.comment.create",
  "comment.edit": "action.comment.edit",
  "correctiveAction.open": "action.correctiveAction.open",
  "correctiveAction.save-answer": "action.correctiveAction.saveAnswer",
  "correctiveAction.submit-plan": "action.correctiveAction.submitPlan",
  "correctiveAction.accept-plan": "action.correctiveAction.acceptPlan",
  "correctiveAction.return-plan": "action.correctiveAction.returnPlan",
  "correctiveAction.implement": "action.correctiveAction.implement",
  "correctiveAction.verify-close": "action.correctiveAction.verifyClose",
  "correctiveAction.reopen": "action.correctiveAction.reopen",
  "firstArticle.create": "action.firstArticle.create",
  "firstArticle.update": "action.firstArticle.update",
  "firstArticle.submit": "action.firstArticle.submit",
  "inspection.update": "action.inspection.update",
  "inspection.submit": "action.inspection.submit",
  "firstArticle.decide": "action.firstArticle.decide",
  "firstArticle.withdraw": "action.firstArticle.withdraw",
  "inspection.book": "action.inspection.book",
  "inspection.confirm": "action.inspection.confirm",
  "inspection.reschedule": "action.inspection.reschedule",
  "inspection.abort": "action.inspection.abort",
  "invitation.create": "action.invitation.create",
  "invitation.revoke": "action.invitation.revoke",
  "membership.join": "action.membership.join",
  "membership.change-role": "action.membership.changeRole",
  "membership.remove": "action.membership.remove",
  "organization.create": "action.organization.create",
  "partnership.invite": "action.partnership.invite",
  "partnership.accept": "action.partnership.accept",
  "partnership.end": "action.partnership.end",
  "spec.create": "action.spec.create",
  "spec.share": "action.spec.share",
  "spec.unshare": "action.spec.unshare",
  "specVersion.create": "action.specVersion.create",
  "specVersion.update": "action.specVersion.update",
  "specVersion.publish": "action.specVersion.publish",
  "specVersion.delete": "action.specVersion.delete",
  "specVersion.add-files": "action.specVersion.addFiles",
  "specVersion.remove-file": "action.specVersion.removeFile",
  "specVersion.add-defect-example": "action.specVersion.addDefectExample",
  "specVersion.acknowledge": "action.specVersion.acknowledge",
  "specVersion.query": "action.specVersion.query",
  "user.signup": "action.user.signup",
  "inspection.decide": "action.inspection.decide",
  "samplingState.switch": "action.samplingState.switch",
  "samplingState.resume": "action.samplingState.resume",
  "samplingSetting.update": "action.samplingSetting.update",
};

/** An audit action in the reader's words: "firstArticle.decide" is "First article decided"; an unknown one is shown as stored. */
export function actionLabel(t: Translate<"history">, action: string) {
  const key = ACTION_LABELS[action];
  return key ? t(key) : action;
}

const SUBJECT_TYPES = [
  "Spec",
  "SpecVersion",
  "FirstArticle",
  "CorrectiveAction",
  "Inspection",
  "Comment",
  "Partnership",
  "Invitation",
  "Membership",
  "Organization",
  "User",
] as const;
const isSubjectType = (name: string): name is (typeof SUBJECT_TYPES)[number] => (SUBJECT_TYPES as readonly string[]).includes(name);

/** "FirstArticle" (or "firstArticle") in the reader's words ("First article"); an unknown type is shown as stored. */
export function subjectTypeLabel(t: Translate<"history">, type: string) {
  const known = [type, type.charAt(0).toUpperCase() + type.slice(1)].find(isSubjectType);
  return known ? t(`type.${known}`) : type;
}
