import { asSubject, type Action } from "~/lib/ability.ts";
import { memberAction, recordAudit } from "~/lib/audit.server.ts";
import { accessible, ensureCan } from "~/lib/authorize.server.ts";
import { prisma, type Tx } from "~/lib/db.server.ts";
import { UserError } from "~/lib/errors.ts";
import { notFound } from "~/lib/http.server.ts";
import { message } from "~/lib/i18n/message.ts";
import type { TenantContext } from "~/lib/tenant.server.ts";
import type { CorrectiveActionStatus, Prisma } from "~/generated/prisma/client.ts";
import { isPastDue } from "./due.ts";
import { notifyCorrectiveAction, type CaEvent } from "./notifications.server.ts";
import { planProblems, type Answer } from "./schemas.ts";

const include = {
  partnership: { select: { status: true, importer: { select: { name: true } }, factory: { select: { name: true } } } },
  items: { orderBy: { position: "asc" } },
} satisfies Prisma.CorrectiveActionInclude;

export async function loadCorrectiveAction(ctx: TenantContext, id: string) {
  const ca = await prisma.correctiveAction.findFirst({ where: { AND: [accessible(ctx.ability, "read", "CorrectiveAction"), { id }] }, include });
  if (!ca) notFound(message("correctiveActions", "errors.notFound"));
  return ca;
}
export type LoadedCorrectiveAction = Awaited<ReturnType<typeof loadCorrectiveAction>>;

const day = (iso: string) => new Date(`${iso}T23:59:59Z`);

/** "May this member open corrective actions?": one of this importer's. */
export const correctiveActionToOpen = (ctx: TenantContext) => asSubject("CorrectiveAction", { importerId: ctx.org.id, status: "OPEN" });

/** The role check for opening, made before anything in the form is looked at. */
export function ensureCanOpen(ctx: TenantContext) {
  ensureCan(ctx.ability, "create", correctiveActionToOpen(ctx), message("correctiveActions", "errors.cannotOpen"));
}

/** The importer opens a corrective action against an active partner factory. */
export async function openCorrectiveAction(
  ctx: TenantContext,
  input: {
    factoryId: string;
    title: string;
    problem: string;
    severity: "CRITICAL" | "MAJOR" | "MINOR";
    planDueAt: string;
    firstArticleId?: string;
    inspectionId?: string;
    specId?: string;
  },
) {
  ensureCanOpen(ctx);
  const partnership = await prisma.partnership.findFirst({
    where: { importerId: ctx.org.id, factoryId: input.factoryId, status: "ACTIVE" },
    select: { id: true, status: true, factory: { select: { timeZone: true } } },
  });
  if (!partnership) throw new UserError(message("correctiveActions", "errors.factoryNotActive"), 400);
  // The plan's day ends at midnight in the factory's zone: one already over there would be late at once.
  if (isPastDue(day(input.planDueAt), partnership.factory?.timeZone ?? "UTC"))
    throw new UserError(message("correctiveActions", "validation.planDueInPast"), 400);
  if (input.firstArticleId) {
    const fa = await prisma.firstArticle.findFirst({
      where: { AND: [accessible(ctx.ability, "read", "FirstArticle"), { id: input.firstArticleId, factoryId: input.factoryId }] },
      select: { specId: true },
    });
    if (!fa) throw new UserError(message("correctiveActions", "errors.firstArticleNotFactorys"), 400);
    input.specId = fa.specId;
  } else if (input.inspectionId) {
    // A rejected lot of this factory, one the importer can read.
    const inspection = await prisma.inspection.findFirst({
      where: { AND: [accessible(ctx.ability, "read", "Inspection"), { id: input.inspectionId, factoryId: input.factoryId, status: "REJECTED" }] },
      select: { specId: true },
    });
    if (!inspection) throw new UserError(message("lotDecisions", "errors.inspectionNotFactorys"), 400);
    input.specId = inspection.specId;
  } else if (input.specId) {
    const spec = await prisma.spec.count({ where: { AND: [accessible(ctx.ability, "read", "Spec"), { id: input.specId }] } });
    if (!spec) throw new UserError(message("correctiveActions", "errors.specNotYours"), 400);
  }
  return prisma.$transaction(async (tx) => {
    const ca = await tx.correctiveAction.create({
      data: {
        importerId: ctx.org.id,
        factoryId: input.factoryId,
        partnershipId: partnership.id,
        firstArticleId: input.firstArticleId || null,
        inspectionId: input.inspectionId || null,
        specId: input.specId || null,
        title: input.title,
        problem: input.problem,
        severity: input.severity,
        planDueAt: day(input.planDueAt),
        openedById: ctx.user.id,
      },
    });
    for (const orgId of [ctx.org.id, input.factoryId]) {
      await recordAudit(tx, {
        ...memberAction(ctx, "correctiveAction.open", "CorrectiveAction", ca.id, orgId),
        after: { title: ca.title, severity: ca.severity, planDueAt: ca.planDueAt, ...(ca.inspectionId ? { inspectionId: ca.inspectionId } : {}) },
      });
    }
    // How many were emailed, for the page to say so.
    const emailed = await notifyCorrectiveAction(tx, ca, "opened", ctx.org.name);
    return { ca, emailed };
  });
}

type StepRule = { action: Action; field?: string; refusal: (ca: LoadedCorrectiveAction) => string };

/**
 * Who may take each step, and what a refusal says: checked before a form of the step is read
 * (a forbidden write is a 403 whatever the fields hold), and again by the step itself.
 */
const STEP_RULES = {
  answer: {
    action: "update",
    field: "rootCause",
    refusal: (ca) => (ca.status === "OPEN" ? message("correctiveActions", "errors.cannotAnswer") : message("correctiveActions", "errors.planWithImporter")),
  },
  "submit-plan": { action: "submit", refusal: () => message("correctiveActions", "errors.cannotSubmit") },
  review: {
    action: "review",
    refusal: (ca) =>
      ca.status === "PLAN_SUBMITTED" ? message("correctiveActions", "errors.cannotReview") : message("correctiveActions", "errors.noPlanToReview"),
  },
  implement: {
    action: "implement",
    refusal: (ca) =>
      ca.status === "PLAN_ACCEPTED" ? message("correctiveActions", "errors.cannotImplement") : message("correctiveActions", "errors.planNotAccepted"),
  },
  verify: {
    action: "verify",
    refusal: (ca) =>
      ca.status === "IMPLEMENTED" ? message("correctiveActions", "errors.cannotVerify") : message("correctiveActions", "errors.notImplementedToVerify"),
  },
  reopen: {
    action: "reopen",
    refusal: (ca) =>
      ca.status === "IMPLEMENTED" ? message("correctiveActions", "errors.cannotReopen") : message("correctiveActions", "errors.notImplementedToReopen"),
  },
} satisfies Record<string, StepRule>;

export type CaStep = keyof typeof STEP_RULES;

export function ensureCanTake(ctx: TenantContext, ca: LoadedCorrectiveAction, step: CaStep) {
  const rule: StepRule = STEP_RULES[step];
  ensureCan(ctx.ability, rule.action, asSubject("CorrectiveAction", ca), rule.refusal(ca), rule.field);
}

const CHANGED = message("correctiveActions", "errors.changed");

type Transition = { from: CorrectiveActionStatus; to: CorrectiveActionStatus; event: CaEvent; stamp?: () => Prisma.CorrectiveActionUpdateManyMutationInput };

/** The status changes, each audited under `correctiveAction.<name>` and announced as its event. */
const TRANSITIONS = {
  "submit-plan": { from: "OPEN", to: "PLAN_SUBMITTED", event: "plan-submitted", stamp: () => ({ planSubmittedAt: new Date() }) },
  "accept-plan": { from: "PLAN_SUBMITTED", to: "PLAN_ACCEPTED", event: "plan-accepted", stamp: () => ({ planAcceptedAt: new Date() }) },
  "return-plan": { from: "PLAN_SUBMITTED", to: "OPEN", event: "plan-returned" },
  implement: { from: "PLAN_ACCEPTED", to: "IMPLEMENTED", event: "implemented", stamp: () => ({ implementedAt: new Date() }) },
  "verify-close": { from: "IMPLEMENTED", to: "CLOSED", event: "closed", stamp: () => ({ closedAt: new Date() }) },
  reopen: { from: "IMPLEMENTED", to: "OPEN", event: "reopened" },
} satisfies Record<string, Transition>;

// Each transition is conditional on the status it starts from (and the revision
// the page showed), so a stale page or a double click cannot apply it twice.
async function transition(
  tx: Tx,
  ctx: TenantContext,
  ca: LoadedCorrectiveAction,
  name: keyof typeof TRANSITIONS,
  data: Prisma.CorrectiveActionUpdateManyMutationInput = {},
  note: string | null = null,
) {
  const step: Transition = TRANSITIONS[name];
  const { count } = await tx.correctiveAction.updateMany({
    where: { id: ca.id, status: step.from, revision: ca.revision },
    data: { ...data, ...step.stamp?.(), status: step.to, revision: { increment: 1 } },
  });
  if (count !== 1) throw new UserError(CHANGED, 409);
  for (const orgId of [ca.importerId, ca.factoryId]) {
    await recordAudit(tx, {
      ...memberAction(ctx, `correctiveAction.${name}`, "CorrectiveAction", ca.id, orgId),
      before: { status: step.from },
      after: { status: step.to, ...(note ? { note } : {}) },
    });
  }
  await notifyCorrectiveAction(tx, ca, step.event, ctx.org.name, note);
}

async function writeAnswer(tx: Tx, ca: LoadedCorrectiveAction, answer: Answer) {
  await tx.correctiveAction.update({
    where: { id: ca.id },
    data: { containment: answer.containment, rootCauseCategory: answer.rootCauseCategory ?? null, rootCause: answer.rootCause, preventive: answer.preventive },
  });
  await tx.correctiveActionItem.deleteMany({ where: { correctiveActionId: ca.id } });
  await tx.correctiveActionItem.createMany({
    data: answer.items.map((item, position) => ({ correctiveActionId: ca.id, position, action: item.action, owner: item.owner, dueAt: day(item.dueAt) })),
  });
}

/** The factory saves its answer as a draft (any member), or submits it as the plan (owners and quality leads). */
export async function saveAnswer(ctx: TenantContext, ca: LoadedCorrectiveAction, answer: Answer, submit: boolean) {
  ensureCanTake(ctx, ca, "answer");
  if (submit) {
    ensureCanTake(ctx, ca, "submit-plan");
    const problems = planProblems(answer);
    if (problems.length) return { ok: false as const, problems };
  }
  await prisma.$transaction(async (tx) => {
    if (submit) {
      await transition(tx, ctx, ca, "submit-plan");
    } else {
      const { count } = await tx.correctiveAction.updateMany({
        where: { id: ca.id, status: "OPEN", revision: ca.revision },
        data: { revision: { increment: 1 } },
      });
      if (count !== 1) throw new UserError(CHANGED, 409);
      await recordAudit(tx, {
        ...memberAction(ctx, "correctiveAction.save-answer", "CorrectiveAction", ca.id),
        after: { items: answer.items.length },
      });
    }
    await writeAnswer(tx, ca, answer);
  });
  return { ok: true as const };
}

export async function reviewPlan(ctx: TenantContext, ca: LoadedCorrectiveAction, input: { decision: "accept" | "return"; note: string }) {
  ensureCanTake(ctx, ca, "review");
  await prisma.$transaction((tx) =>
    input.decision === "accept"
      ? transition(tx, ctx, ca, "accept-plan", { reviewNote: input.note || null }, input.note || null)
      : transition(tx, ctx, ca, "return-plan", { reviewNote: input.note }, input.note),
  );
}

/** The factory reports the actions done, with evidence stored in the same transaction. */
export async function markImplemented(ctx: TenantContext, ca: LoadedCorrectiveAction, saveEvidence: (tx: Tx) => Promise<Record<string, { id: string }[]>>) {
  ensureCanTake(ctx, ca, "implement");
  await prisma.$transaction(async (tx) => {
    const files = Object.values(await saveEvidence(tx)).flat();
    if (files.length === 0) throw new UserError(message("correctiveActions", "errors.evidenceRequired"), 400);
    await transition(tx, ctx, ca, "implement");
  });
}

export async function verifyAndClose(ctx: TenantContext, ca: LoadedCorrectiveAction, note: string) {
  ensureCanTake(ctx, ca, "verify");
  await prisma.$transaction((tx) => transition(tx, ctx, ca, "verify-close", { effectivenessNote: note }, note));
}

export async function reopen(ctx: TenantContext, ca: LoadedCorrectiveAction, note: string) {
  ensureCanTake(ctx, ca, "reopen");
  await prisma.$transaction((tx) => transition(tx, ctx, ca, "reopen", { reviewNote: note }, note));
}
