// The one place where permissions are decided. Loaders and actions build it
// per request; what a page may offer reaches the UI as flags its loader
// computed from it. Conditions are Prisma `where` inputs, so the same rule
// filters lists (`accessibleBy`) and checks records (`asSubject`).
import { type Ability, AbilityBuilder, subject } from "@casl/ability";
import { createPrismaAbility, type PrismaQueryOf, type Subjects } from "@casl/prisma/runtime";
import type {
  Acknowledgement,
  Attachment,
  AuditEvent,
  Comment,
  CorrectiveAction,
  FirstArticle,
  Inspection,
  Invitation,
  Membership,
  Organization,
  OrgKind,
  Partnership,
  Prisma,
  Role,
  SamplingSetting,
  SamplingState,
  Spec,
  SpecShare,
  SpecVersion,
} from "~/generated/prisma/client.ts";

export type Action =
  | "read"
  | "create"
  | "update"
  | "delete"
  | "end"
  | "publish"
  | "share"
  | "acknowledge"
  | "comment"
  | "submit"
  | "decide"
  | "review"
  | "implement"
  | "verify"
  | "reopen"
  | "withdraw"
  | "confirm"
  | "reschedule"
  | "abort";

// Relations that some rules look through; a record checked against such a
// rule must be loaded with them (see the `*ForAbility` selects in features).
type SharesForAbility = (Pick<SpecShare, "factoryId"> & { partnership?: Pick<Partnership, "status"> })[];
type SpecWithShares = Spec & { shares?: SharesForAbility };
type VersionWithSpec = SpecVersion & { spec?: Partial<Spec> & { shares?: SharesForAbility } };

type SubjectMap = {
  Organization: Organization;
  Membership: Membership;
  Partnership: Partnership;
  Invitation: Invitation;
  Spec: SpecWithShares;
  SpecVersion: VersionWithSpec;
  SpecShare: SpecShare;
  Acknowledgement: Acknowledgement;
  Comment: Comment;
  Attachment: Attachment;
  FirstArticle: FirstArticle & { partnership?: Pick<Partnership, "status"> };
  CorrectiveAction: CorrectiveAction & { partnership?: Pick<Partnership, "status"> };
  Inspection: Inspection & { partnership?: Pick<Partnership, "status"> };
  SamplingSetting: SamplingSetting;
  SamplingState: SamplingState;
  AuditEvent: AuditEvent;
};
export type SubjectName = keyof SubjectMap;
// Partial: an instance check answers for the fields the record has (see `asSubject`).
export type AppSubjects = Subjects<{ [N in SubjectName]: Partial<SubjectMap[N]> }>;
export type AppAbility = Ability<[Action, AppSubjects], PrismaQueryOf<Prisma.TypeMap>>;

export interface AbilityContext {
  userId: string;
  orgId: string;
  orgKind: OrgKind;
  role: Role;
}

type Builder = AbilityBuilder<AppAbility>;
type RuleSet = (builder: Builder, ctx: AbilityContext) => void;

const isOwner = (ctx: AbilityContext) => ctx.role === "OWNER";
// Owners and quality leads make the decisions; members take part; viewers read.
const decides = (ctx: AbilityContext) => ctx.role === "OWNER" || ctx.role === "QUALITY";
const takesPart = (ctx: AbilityContext) => ctx.role !== "VIEWER";

const organizationRules: RuleSet = ({ can }, ctx) => {
  can("read", "Organization", { id: ctx.orgId });
  if (isOwner(ctx)) can("update", "Organization", { id: ctx.orgId });
  // The org's audit log (everything logged on its side) is its owners'; a record's own
  // history is read through that record's read rule instead (features/history).
  if (isOwner(ctx)) can("read", "AuditEvent", { orgId: ctx.orgId });
};

const membershipRules: RuleSet = ({ can }, ctx) => {
  can("read", "Membership", { orgId: ctx.orgId });
  if (isOwner(ctx)) {
    can(["create", "update", "delete"], "Membership", { orgId: ctx.orgId });
    can(["read", "create", "delete"], "Invitation", { orgId: ctx.orgId, kind: "MEMBER" });
  }
};

const partnershipRules: RuleSet = ({ can }, ctx) => {
  if (ctx.orgKind === "IMPORTER") {
    can("read", "Partnership", { importerId: ctx.orgId });
    if (isOwner(ctx)) {
      can("create", "Partnership", { importerId: ctx.orgId });
      can("end", "Partnership", { importerId: ctx.orgId, status: "ACTIVE" });
      can(["read", "create", "delete"], "Invitation", { orgId: ctx.orgId, kind: "PARTNER" });
    }
  } else {
    // INVITED partnerships have no factory yet, so this never shows pending ones.
    can("read", "Partnership", { factoryId: ctx.orgId });
  }
};

/** The fields of a spec version that are edited while it is a draft. */
export const SPEC_VERSION_CONTENT_FIELDS = ["description", "notes", "packaging", "changeNote", "materials", "characteristics", "defectExamples", "attachments"];

const specRules: RuleSet = ({ can }, ctx) => {
  if (ctx.orgKind === "IMPORTER") {
    can("read", "Spec", { orgId: ctx.orgId });
    can("read", "SpecVersion", { orgId: ctx.orgId });
    can("read", "SpecShare", { importerId: ctx.orgId });
    can("read", "Acknowledgement", { importerId: ctx.orgId });
    if (decides(ctx)) {
      can(["create", "update", "share"], "Spec", { orgId: ctx.orgId });
      can("create", "SpecVersion", { orgId: ctx.orgId });
      // Published versions are immutable: every write rule requires DRAFT.
      can("update", "SpecVersion", SPEC_VERSION_CONTENT_FIELDS, { orgId: ctx.orgId, status: "DRAFT" });
      can(["publish", "delete"], "SpecVersion", { orgId: ctx.orgId, status: "DRAFT" });
      can(["create", "delete"], "SpecShare", { importerId: ctx.orgId });
    }
    return;
  }
  // A factory sees a spec only while it is shared with it through an active
  // partnership, and only once a version is published; never a draft.
  const sharedWithMe = { some: { factoryId: ctx.orgId, partnership: { is: { status: "ACTIVE" as const } } } };
  can("read", "Spec", { currentVersionId: { not: null }, shares: sharedWithMe });
  can("read", "SpecVersion", { status: { in: ["PUBLISHED", "SUPERSEDED"] }, spec: { is: { shares: sharedWithMe } } });
  can("read", "SpecShare", { factoryId: ctx.orgId });
  can("read", "Acknowledgement", { factoryId: ctx.orgId });
  if (takesPart(ctx)) {
    can("acknowledge", "SpecVersion", { status: "PUBLISHED", spec: { is: { shares: sharedWithMe } } });
  }
};

/** What the factory records on a first article; the importer's decision fields are separate. */
export const FIRST_ARTICLE_FACTORY_FIELDS = ["poNumber", "lotNumber", "quantityProduced", "sampleCount", "inspectedOn", "notes", "measurements", "attachments"];
export const FIRST_ARTICLE_DECISION_FIELDS = ["status", "decisionNote", "findings"];

const firstArticleRules: RuleSet = ({ can }, ctx) => {
  if (ctx.orgKind === "IMPORTER") {
    // A factory's draft is its own work in progress until it is submitted, and a withdrawn one never was.
    can("read", "FirstArticle", { importerId: ctx.orgId, status: { notIn: ["DRAFT", "WITHDRAWN"] } });
    if (decides(ctx)) can("decide", "FirstArticle", FIRST_ARTICLE_DECISION_FIELDS, { importerId: ctx.orgId, status: "SUBMITTED" });
    return;
  }
  // Only while the partnership it was made under is active, like everything shared through it.
  const mine = { factoryId: ctx.orgId, partnership: { is: { status: "ACTIVE" as const } } };
  can("read", "FirstArticle", mine);
  if (takesPart(ctx)) {
    can("create", "FirstArticle", mine);
    can("update", "FirstArticle", FIRST_ARTICLE_FACTORY_FIELDS, { ...mine, status: "DRAFT" });
    // Whether the draft can still be submitted (its version is current) is the workflow's check.
    can("withdraw", "FirstArticle", { ...mine, status: "DRAFT" });
  }
  if (decides(ctx)) can("submit", "FirstArticle", { ...mine, status: "DRAFT" });
};

/** The factory's answer; the importer's fields (problem, due date, review and verification) are separate. */
export const CORRECTIVE_ACTION_ANSWER_FIELDS = ["containment", "rootCauseCategory", "rootCause", "preventive", "items"];

const correctiveActionRules: RuleSet = ({ can }, ctx) => {
  if (ctx.orgKind === "IMPORTER") {
    can("read", "CorrectiveAction", { importerId: ctx.orgId });
    if (takesPart(ctx)) can("create", "CorrectiveAction", { importerId: ctx.orgId });
    if (decides(ctx)) {
      can("review", "CorrectiveAction", { importerId: ctx.orgId, status: "PLAN_SUBMITTED" });
      can(["verify", "reopen"], "CorrectiveAction", { importerId: ctx.orgId, status: "IMPLEMENTED" });
    }
    return;
  }
  const mine = { factoryId: ctx.orgId, partnership: { is: { status: "ACTIVE" as const } } };
  can("read", "CorrectiveAction", mine);
  // Members may draft the answer; owners and quality leads commit to it.
  if (takesPart(ctx)) can("update", "CorrectiveAction", CORRECTIVE_ACTION_ANSWER_FIELDS, { ...mine, status: "OPEN" });
  if (decides(ctx)) {
    can("submit", "CorrectiveAction", { ...mine, status: "OPEN" });
    can("implement", "CorrectiveAction", { ...mine, status: "PLAN_ACCEPTED" });
  }
};

/** What the inspector records while the inspection is under way; the booking and the decision are separate. */
export const INSPECTION_RESULT_FIELDS = [
  "cartonsTotal",
  "cartonsChecked",
  "packedPercent",
  "quantityNote",
  "steadyProduction",
  "defects",
  "checks",
  "measurements",
  "resultNote",
  "pendingDecision",
  "attachments",
];
export const INSPECTION_DECISION_FIELDS = ["status", "decisionNote"];

// Either side books; the other confirms the date or proposes another. Whoever inspects (the
// factory's own QC or the importer's inspector) records and submits; the importer decides the lot.
const inspectionRules: RuleSet = ({ can }, ctx) => {
  const importer = ctx.orgKind === "IMPORTER";
  const mine = importer ? { importerId: ctx.orgId } : { factoryId: ctx.orgId, partnership: { is: { status: "ACTIVE" as const } } };
  const side = importer ? ("IMPORTER" as const) : ("FACTORY" as const);
  // The other side's proposal is what this side confirms.
  const theirProposal = { ...mine, status: "BOOKED" as const, proposedByOrgId: { not: ctx.orgId } };
  can("read", "Inspection", mine);
  can("read", ["SamplingSetting", "SamplingState"], mine);
  // Importers: owners, quality leads and members book and confirm; factories: owners and quality leads.
  const books = importer ? takesPart(ctx) : decides(ctx);
  if (books) {
    can("create", "Inspection", mine);
    can("confirm", "Inspection", theirProposal);
  }
  if (decides(ctx)) {
    can("reschedule", "Inspection", { ...mine, status: { in: ["BOOKED", "CONFIRMED"] } });
  }
  // The inspecting side records as it inspects, and calls off an inspection that cannot go ahead.
  if (takesPart(ctx)) {
    can("update", "Inspection", INSPECTION_RESULT_FIELDS, { ...mine, inspectedBy: side, status: "CONFIRMED" });
    can("abort", "Inspection", { ...mine, inspectedBy: side, status: { in: ["BOOKED", "CONFIRMED"] } });
  }
  // A factory's self-inspection result is committed by its owners and quality leads; the importer's inspector submits their own.
  if (importer ? takesPart(ctx) : decides(ctx)) can("submit", "Inspection", { ...mine, inspectedBy: side, status: "CONFIRMED" });
  if (importer && decides(ctx)) {
    can("decide", "Inspection", INSPECTION_DECISION_FIELDS, { ...mine, status: "SUBMITTED" });
    can("update", "SamplingSetting", { importerId: ctx.orgId });
    // Resuming acceptance after it stopped (clause 9.4) is the importer's call.
    can("update", "SamplingState", { importerId: ctx.orgId, severity: "stopped" });
  }
};

// Comments: the thread's record is checked by the caller (it must be readable);
// these rules add who may see and write which comment within it.
const threadRules: RuleSet = ({ can }, ctx) => {
  const party = { OR: [{ importerId: ctx.orgId }, { factoryId: ctx.orgId }] };
  can("read", "Comment", { AND: [party, { OR: [{ visibility: "SHARED" as const }, { orgId: ctx.orgId }] }] });
  if (takesPart(ctx)) {
    can("create", "Comment", { AND: [party, { orgId: ctx.orgId }] });
    // Editing is the author's, within a time window the threads module enforces.
    can("update", "Comment", { authorId: ctx.userId, orgId: ctx.orgId });
    can("create", "Attachment", { orgId: ctx.orgId });
  }
  // There is no read rule for files: a file is readable exactly when the
  // record it belongs to is (the download route asks that record's owner
  // check), so ending a partnership closes the factory's own uploads too.
};

// Each capability adds its rule set here (first articles, corrective actions)
// without touching the ones above.
const ruleSets: RuleSet[] = [
  organizationRules,
  membershipRules,
  partnershipRules,
  specRules,
  firstArticleRules,
  correctiveActionRules,
  inspectionRules,
  threadRules,
];

export function defineAbility(ctx: AbilityContext): AppAbility {
  const builder = new AbilityBuilder<AppAbility>(createPrismaAbility);
  for (const rules of ruleSets) rules(builder, ctx);
  return builder.build();
}

/**
 * Marks a record with its model name for instance checks: a loaded record, or
 * for "may I create this?" only the fields the rules for that action look at
 * (`{ orgId }`, `{ factoryId, partnership: { status } }`). A field left out
 * fails an equality or relation condition, so the answer is no, never a
 * wrong yes; but it passes a negated one (`not`, `notIn`, `isNot`, `none`),
 * which only read rules use: ask `read` of loaded records only.
 */
export function asSubject<N extends SubjectName>(name: N, record: Partial<SubjectMap[N]>) {
  return subject(name, record);
}
