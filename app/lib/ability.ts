// The one place where permissions are decided. Isomorphic: loaders and
// actions build it per request, the UI rebuilds it from the same rules to
// hide what is not allowed. Conditions are Prisma `where` inputs, so the same
// rule filters lists (`accessibleBy`) and checks loaded records (`subject`).
import { type Ability, AbilityBuilder, subject } from "@casl/ability";
import { createPrismaAbility, type PrismaQueryOf, type Subjects } from "@casl/prisma/runtime";
import type {
  Invitation,
  Membership,
  Organization,
  OrgKind,
  Partnership,
  Prisma,
  Role,
} from "~/generated/prisma/client.ts";

export type Action = "read" | "create" | "update" | "delete" | "end";

type SubjectMap = {
  Organization: Organization;
  Membership: Membership;
  Partnership: Partnership;
  Invitation: Invitation;
};
export type SubjectName = keyof SubjectMap;
export type AppSubjects = Subjects<SubjectMap>;
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

const organizationRules: RuleSet = ({ can }, ctx) => {
  can("read", "Organization", { id: ctx.orgId });
  if (isOwner(ctx)) can("update", "Organization", { id: ctx.orgId });
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

// Each capability adds its rule set here (specs, first articles, corrective
// actions, threads, attachments) without touching the ones above.
const ruleSets: RuleSet[] = [organizationRules, membershipRules, partnershipRules];

export function defineAbility(ctx: AbilityContext): AppAbility {
  const builder = new AbilityBuilder<AppAbility>(createPrismaAbility);
  for (const rules of ruleSets) rules(builder, ctx);
  return builder.build();
}

/** Rebuilds an ability from rules sent by the server (for the UI). */
export function abilityFromRules(rules: AppAbility["rules"]): AppAbility {
  return createPrismaAbility(rules) as AppAbility;
}

/** Marks a loaded record with its model name for instance checks. */
export function asSubject<N extends SubjectName>(name: N, record: SubjectMap[N]) {
  return subject(name, record);
}
