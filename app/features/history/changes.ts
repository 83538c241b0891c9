// What an audit event changed, for the audit log and its export: the server sends the change set
// as data (values as stored, capped), and each reader's page (or the requester's CSV) writes it in
// its own words: field names from the `history` catalogue, codes as the labels the record's pages
// use, dates and numbers in the reader's format. Ids and what people typed stay as they are.
// Pure, so the page and the export say the same.
import type { Formatter } from "~/lib/format.ts";
import type { MessageKey, Namespace, Translate } from "~/lib/i18n/translate.ts";
import { subjectTypeLabel, type Changes } from "./sentences.ts";

/** A stored value as sent: a list or object (findings, attachments) only as its size. */
export type StoredValue = string | number | boolean | null | { count: number };

export interface Change {
  field: string;
  /** null when the field had no value before (or the event only logs the new one). */
  from: StoredValue;
  to: StoredValue;
}

/** The change set as data, one entry per field; long text is cut at `max` characters. */
export function changeList(changes: Changes, max = 300): Change[] {
  if (!changes) return [];
  const stored = (value: unknown): StoredValue => {
    if (value === null || value === undefined) return null;
    if (Array.isArray(value)) return { count: value.length };
    if (typeof value === "object") return { count: Object.keys(value).length };
    if (typeof value === "number" || typeof value === "boolean") return value;
    const text = String(value);
    return text.length > max ? `${text.slice(0, max - 1)}…` : text;
  };
  return Object.entries(changes).map(([field, change]) => ({ field, from: stored(change?.from), to: stored(change?.to) }));
}

/** The translators and formatter a reader's words come from. */
export interface ChangeWords {
  history: Translate<"history">;
  common: Translate<"common">;
  correctiveActions: Translate<"correctiveActions">;
  firstArticles: Translate<"firstArticles">;
  members: Translate<"members">;
  partners: Translate<"partners">;
  specs: Translate<"specs">;
  threads: Translate<"threads">;
  format: Formatter;
}

/** The words of one language, from a way to get any namespace's translator (the server's, a test's). */
export function changeWordsOf(translate: <N extends Namespace>(namespace: N) => Translate<N>, format: Formatter): ChangeWords {
  return {
    history: translate("history"),
    common: translate("common"),
    correctiveActions: translate("correctiveActions"),
    firstArticles: translate("firstArticles"),
    members: translate("members"),
    partners: translate("partners"),
    specs: translate("specs"),
    threads: translate("threads"),
    format,
  };
}

/** The codes a catalogue has labels for under a prefix ("status."), so a list of them is checked against it. */
type CodesOf<N extends Namespace, P extends string> = MessageKey<N> extends infer K ? (K extends `${P}${infer C}` ? C : never) : never;
const isOneOf = <C extends string>(codes: readonly C[], value: StoredValue): value is C =>
  typeof value === "string" && (codes as readonly string[]).includes(value);

const FIRST_ARTICLE_STATUS = ["DRAFT", "SUBMITTED", "APPROVED", "CONDITIONALLY_APPROVED", "REJECTED", "WITHDRAWN"] as const satisfies readonly CodesOf<
  "firstArticles",
  "status."
>[];
const CORRECTIVE_ACTION_STATUS = ["OPEN", "PLAN_SUBMITTED", "PLAN_ACCEPTED", "IMPLEMENTED", "CLOSED"] as const satisfies readonly CodesOf<
  "correctiveActions",
  "status."
>[];
const VERSION_STATUS = ["DRAFT", "PUBLISHED", "SUPERSEDED"] as const satisfies readonly CodesOf<"specs", "status.">[];
const PARTNERSHIP_STATUS = ["INVITED", "ACTIVE", "ENDED"] as const satisfies readonly CodesOf<"partners", "status.">[];
const ROLES = ["OWNER", "QUALITY", "MEMBER", "VIEWER"] as const satisfies readonly CodesOf<"members", "role.">[];
const SEVERITIES = ["CRITICAL", "MAJOR", "MINOR"] as const satisfies readonly CodesOf<"correctiveActions", "severityName.">[];
const ORG_KINDS = ["IMPORTER", "FACTORY"] as const satisfies readonly CodesOf<"common", "kind.">[];
const INVITATION_KINDS = ["MEMBER", "PARTNER"] as const satisfies readonly CodesOf<"history", "audit.invitationKind.">[];
// An acknowledgement's status, logged on the spec version it answers.
const ACK_STATES = { ACKNOWLEDGED: "acknowledged", QUERIED: "queried" } as const satisfies Record<string, CodesOf<"specs", "ackState.">>;

/** The fields recordAudit logs (see its callers in app/features), each with its name in the catalogue. */
const FIELDS = [
  "attachment",
  "attachmentIds",
  "attachments",
  "body",
  "changeNote",
  "characteristics",
  "copiedFrom",
  "decisionNote",
  "defectExample",
  "description",
  "email",
  "factoryId",
  "findings",
  "items",
  "kind",
  "materials",
  "name",
  "note",
  "notes",
  "number",
  "packaging",
  "planDueAt",
  "poNumber",
  "previous",
  "productCode",
  "question",
  "readings",
  "readingsChanged",
  "revokedAt",
  "role",
  "round",
  "sampleCount",
  "severity",
  "slug",
  "status",
  "threadId",
  "threadType",
  "timeZone",
  "title",
  "userId",
  "versionId",
  "visibility",
] as const satisfies readonly CodesOf<"history", "audit.field.">[];
const isField = (field: string): field is (typeof FIELDS)[number] => (FIELDS as readonly string[]).includes(field);

/** A status code as the record's own pages call it; a code they do not know is shown as stored. */
function statusLabel(w: ChangeWords, subjectType: string, code: StoredValue) {
  if (subjectType === "FirstArticle" && isOneOf(FIRST_ARTICLE_STATUS, code)) return w.firstArticles(`status.${code}`);
  if (subjectType === "CorrectiveAction" && isOneOf(CORRECTIVE_ACTION_STATUS, code)) return w.correctiveActions(`status.${code}`);
  if (subjectType === "SpecVersion" && typeof code === "string" && code in ACK_STATES)
    return w.specs(`ackState.${ACK_STATES[code as keyof typeof ACK_STATES]}`);
  if (subjectType === "SpecVersion" && isOneOf(VERSION_STATUS, code)) return w.specs(`status.${code}`);
  if (subjectType === "Partnership" && isOneOf(PARTNERSHIP_STATUS, code)) return w.partners(`status.${code}`);
  return null;
}

/** A code a field holds, in the reader's words, or null when it is no code the app labels. */
function codeLabel(w: ChangeWords, subjectType: string, field: string, value: StoredValue) {
  switch (field) {
    case "status":
      return statusLabel(w, subjectType, value);
    case "role":
      return isOneOf(ROLES, value) ? w.members(`role.${value}`) : null;
    case "severity":
      return isOneOf(SEVERITIES, value) ? w.correctiveActions(`severityName.${value}`) : null;
    case "kind":
      if (isOneOf(ORG_KINDS, value)) return w.common(`kind.${value}`);
      return isOneOf(INVITATION_KINDS, value) ? w.history(`audit.invitationKind.${value}`) : null;
    case "visibility":
      // The log a comment is in is its own org's, so an internal note is "only your organization sees it".
      return value === "SHARED" ? w.threads("visibility.shared") : value === "INTERNAL" ? w.threads("visibility.internalOwn") : null;
    case "threadType":
      return typeof value === "string" ? subjectTypeLabel(w.history, value) : null;
    default:
      return null;
  }
}

const isDate = (value: string) => /^\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?$/.test(value) && !Number.isNaN(Date.parse(value));

/** One value in the reader's words: "—" for none, a label for a code, a count for a list, the rest as stored. */
export function valueText(w: ChangeWords, subjectType: string, field: string, value: StoredValue): string {
  if (value === null || value === "") return "—";
  const label = codeLabel(w, subjectType, field, value);
  if (label) return label;
  if (typeof value === "object") {
    if (field === "findings") return w.history("audit.count.findings", { count: value.count });
    if (field === "attachments" || field === "attachmentIds") return w.history("audit.count.files", { count: value.count });
    return w.history("audit.count.entries", { count: value.count });
  }
  if (typeof value === "number") return w.format.count(value);
  // No field the app logs is a flag today; should one be, a mark reads the same in every language.
  if (typeof value === "boolean") return value ? "✓" : "✗";
  // A due date is a calendar day; a moment (revoked at) is shown in the reader's zone.
  if (field === "planDueAt" && isDate(value)) return w.format.calendarDay(value);
  if (field === "revokedAt" && isDate(value)) return w.format.dateTime(value);
  return value;
}

/** A field's name in the reader's words; one the catalogue does not know is shown as stored. */
export const fieldLabel = (w: ChangeWords, field: string) => (isField(field) ? w.history(`audit.field.${field}`) : field);

/** One change as a line: "Status: Awaiting review → Rejected", or "Note: Burrs" when there was nothing before. */
export function changeLine(w: ChangeWords, subjectType: string, change: Change) {
  const field = fieldLabel(w, change.field);
  const to = valueText(w, subjectType, change.field, change.to);
  if (change.from === null) return w.history("audit.changeTo", { field, to });
  return w.history("audit.change", { field, from: valueText(w, subjectType, change.field, change.from), to });
}
