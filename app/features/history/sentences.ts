// What an audit event says to a person reading a record's history: who did what, for which org,
// and the note they gave. Pure, so the same words serve the timeline, the audit log and its tests.

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

export interface Sentence {
  /** "Ann Lee", or "Someone" when the user is gone. */
  who: string;
  /** The org the person acted for. */
  org: string | null;
  /** "rejected round 1". */
  did: string;
  /** The note given with it, labelled as the step names it ("Reason", "Comment"). */
  note: { label: string; text: string } | null;
}

type Side = "importer" | "factory";

interface Step {
  side: Side;
  /** The clause after the actor's name. */
  did: (e: EventRow) => string;
  /** The changed field holding the note, and how the step calls it. */
  note?: (e: EventRow) => { field: string; label: string } | null;
}

const to = (e: EventRow, field: string) => e.changes?.[field]?.to;
const text = (value: unknown) => (typeof value === "string" && value.trim() ? value.trim() : null);
const numberOf = (value: unknown) => (typeof value === "number" && Number.isFinite(value) ? value : null);

const DECISIONS: Record<string, { did: string; label: string }> = {
  APPROVED: { did: "approved it", label: "Comment" },
  CONDITIONALLY_APPROVED: { did: "approved it with conditions", label: "Conditions" },
  REJECTED: { did: "rejected it", label: "Reason" },
};

function round(e: EventRow) {
  const n = numberOf(to(e, "round"));
  return n && n > 1 ? `round ${n}` : "the first article";
}

function findingsCount(e: EventRow) {
  const findings = to(e, "findings");
  return findings && typeof findings === "object" ? Object.keys(findings).length : 0;
}

/** The steps a record's history shows, by audit action. Anything else (draft edits, saved readings) is work in progress, not history. */
export const TIMELINE_STEPS: Record<string, Step> = {
  "specVersion.create": {
    side: "importer",
    did: (e) => {
      const n = numberOf(to(e, "number"));
      return n ? `started version ${n} as a draft` : "started this version as a draft";
    },
  },
  "specVersion.publish": {
    side: "importer",
    did: (e) => {
      const n = numberOf(to(e, "number"));
      return n ? `published version ${n}` : "published this version";
    },
  },
  "spec.share": { side: "importer", did: (e) => `shared the specification with ${e.factoryName ?? "a factory"}` },
  "spec.unshare": { side: "importer", did: (e) => `stopped sharing the specification with ${e.factoryName ?? "a factory"}` },
  "specVersion.acknowledge": { side: "factory", did: () => "acknowledged this version" },
  "specVersion.query": { side: "factory", did: () => "queried this version", note: () => ({ field: "question", label: "Question" }) },
  "firstArticle.create": { side: "factory", did: (e) => `started ${round(e)}` },
  "firstArticle.submit": { side: "factory", did: () => "submitted it for review" },
  "firstArticle.decide": {
    side: "importer",
    did: (e) => {
      const decision = DECISIONS[String(to(e, "status"))]?.did ?? "decided on it";
      const findings = findingsCount(e);
      return findings ? `${decision}, with findings on ${findings} characteristic${findings === 1 ? "" : "s"}` : decision;
    },
    note: (e) => ({ field: "decisionNote", label: DECISIONS[String(to(e, "status"))]?.label ?? "Note" }),
  },
  "correctiveAction.open": { side: "importer", did: () => "opened the corrective action" },
  "correctiveAction.submit-plan": { side: "factory", did: () => "submitted the plan" },
  "correctiveAction.accept-plan": { side: "importer", did: () => "accepted the plan", note: () => ({ field: "note", label: "Comment" }) },
  "correctiveAction.return-plan": { side: "importer", did: () => "returned the plan", note: () => ({ field: "note", label: "Reason" }) },
  "correctiveAction.implement": { side: "factory", did: () => "reported the actions done" },
  "correctiveAction.verify-close": {
    side: "importer",
    did: () => "verified the actions and closed it",
    note: () => ({ field: "note", label: "Effectiveness" }),
  },
  "correctiveAction.reopen": { side: "importer", did: () => "reopened it", note: () => ({ field: "note", label: "Reason" }) },
};

export const TIMELINE_ACTIONS = Object.keys(TIMELINE_STEPS);

/** One event as a sentence, or null for an action that is not part of a record's history. */
export function sentenceOf(e: EventRow): Sentence | null {
  const step = TIMELINE_STEPS[e.action];
  if (!step) return null;
  const where = step.note?.(e);
  const note = where ? text(to(e, where.field)) : null;
  return {
    who: e.actorName ?? "Someone",
    org: step.side === "importer" ? e.importerName : e.factoryName,
    did: step.did(e),
    note: where && note ? { label: where.label, text: note } : null,
  };
}

/** Words for an audit action in the log's filter and rows: "firstArticle.decide" is "First article: decide". */
export function actionLabel(action: string) {
  const [type = "", verb = ""] = action.split(".");
  return verb ? `${subjectTypeLabel(type)}: ${verb.replace(/-/g, " ")}` : action;
}

const SUBJECT_TYPE_LABELS: Record<string, string> = {
  Spec: "Specification",
  SpecVersion: "Specification version",
  FirstArticle: "First article",
  CorrectiveAction: "Corrective action",
  Comment: "Comment",
  Partnership: "Partnership",
  Invitation: "Invitation",
  Membership: "Membership",
  Organization: "Organization",
  User: "User",
};

/** "FirstArticle" (or "firstArticle") is "First article"; an unknown type is shown as stored. */
export function subjectTypeLabel(type: string) {
  return SUBJECT_TYPE_LABELS[type] ?? SUBJECT_TYPE_LABELS[type.charAt(0).toUpperCase() + type.slice(1)] ?? type;
}

/** A short line for a change set: "status: SUBMITTED → REJECTED; decisionNote: Burrs". */
export function changesSummary(changes: Changes, max = 300) {
  if (!changes) return "";
  const show = (value: unknown) => (value === null || value === undefined ? "—" : typeof value === "object" ? JSON.stringify(value) : String(value));
  const parts = Object.entries(changes).map(([field, change]) =>
    change?.from === null || change?.from === undefined ? `${field}: ${show(change?.to)}` : `${field}: ${show(change.from)} → ${show(change.to)}`,
  );
  const line = parts.join("; ");
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}
