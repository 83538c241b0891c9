import { asSubject } from "~/lib/ability.ts";
import { memberAction, recordAudit } from "~/lib/audit.server.ts";
import { accessible, ensureCan } from "~/lib/authorize.server.ts";
import { prisma, type Tx } from "~/lib/db.server.ts";
import { UserError } from "~/lib/errors.ts";
import { notFound } from "~/lib/http.server.ts";
import type { TenantContext } from "~/lib/tenant.server.ts";
import type { CorrectiveActionStatus, Prisma } from "~/generated/prisma/client.ts";
import { notifyCorrectiveAction, type CaEvent } from "./notifications.server.ts";
import { planProblems, type Answer } from "./schemas.ts";

const include = {
  partnership: { select: { status: true, importer: { select: { name: true } }, factory: { select: { name: true } } } },
  items: { orderBy: { position: "asc" } },
} satisfies Prisma.CorrectiveActionInclude;

export async function loadCorrectiveAction(ctx: TenantContext, id: string) {
  const ca = await prisma.correctiveAction.findFirst({ where: { AND: [accessible(ctx.ability, "read", "CorrectiveAction"), { id }] }, include });
  if (!ca) notFound("Corrective action not found.");
  return ca;
}
export type LoadedCorrectiveAction = Awaited<ReturnType<typeof loadCorrectiveAction>>;

const day = (iso: string) => new Date(`${iso}T23:59:59Z`);

/** "May this member open corrective actions?": one of this importer's. */
export const correctiveActionToOpen = (ctx: TenantContext) => asSubject("CorrectiveAction", { importerId: ctx.org.id, status: "OPEN" });

/** The role check for opening, made before anything in the form is looked at. */
export function ensureCanOpen(ctx: TenantContext) {
  ensureCan(ctx.ability, "create", correctiveActionToOpen(ctx), "Importer owners, quality leads and members open corrective actions.");
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
    specId?: string;
  },
) {
  ensureCanOpen(ctx);
  const partnership = await prisma.partnership.findFirst({
    where: { importerId: ctx.org.id, factoryId: input.factoryId, status: "ACTIVE" },
    select: { id: true, status: true },
  });
  if (!partnership) throw new UserError("Choose a factory you are actively working with.", 400);
  if (input.firstArticleId) {
    const fa = await prisma.firstArticle.findFirst({
      where: { AND: [accessible(ctx.ability, "read", "FirstArticle"), { id: input.firstArticleId, factoryId: input.factoryId }] },
      select: { specId: true },
    });
    if (!fa) throw new UserError("That first article is not one of this factory's.", 400);
    input.specId = fa.specId;
  } else if (input.specId) {
    const spec = await prisma.spec.count({ where: { AND: [accessible(ctx.ability, "read", "Spec"), { id: input.specId }] } });
    if (!spec) throw new UserError("That specification is not yours.", 400);
  }
  return prisma.$transaction(async (tx) => {
    const ca = await tx.correctiveAction.create({
      data: {
        importerId: ctx.org.id,
        factoryId: input.factoryId,
        partnershipId: partnership.id,
        firstArticleId: input.firstArticleId || null,
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
        after: { title: ca.title, severity: ca.severity, planDueAt: ca.planDueAt },
      });
    }
    await notifyCorrectiveAction(tx, ca, "opened", ctx.org.name);
    return ca;
  });
}

// Each transition is conditional on the status it starts from (and the revision
// the page showed), so a stale page or a double click cannot apply it twice.
async function transition(
  tx: Tx,
  ctx: TenantContext,
  ca: LoadedCorrectiveAction,
  from: CorrectiveActionStatus,
  data: Prisma.CorrectiveActionUpdateManyMutationInput,
  audit: { action: string; event?: CaEvent; note?: string | null },
) {
  const { count } = await tx.correctiveAction.updateMany({
    where: { id: ca.id, status: from, revision: ca.revision },
    data: { ...data, revision: { increment: 1 } },
  });
  if (count !== 1) throw new UserError("This corrective action changed since you opened it. Reload to see where it stands.", 409);
  const to = typeof data.status === "string" ? data.status : from;
  for (const orgId of [ca.importerId, ca.factoryId]) {
    await recordAudit(tx, {
      ...memberAction(ctx, audit.action, "CorrectiveAction", ca.id, orgId),
      before: { status: from },
      after: { status: to, ...(audit.note ? { note: audit.note } : {}) },
    });
  }
  if (audit.event) await notifyCorrectiveAction(tx, ca, audit.event, ctx.org.name, audit.note ?? null);
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
  const subject = asSubject("CorrectiveAction", ca);
  ensureCan(
    ctx.ability,
    "update",
    subject,
    ca.status === "OPEN" ? "Your role cannot answer corrective actions." : "The plan is with the importer now and cannot change.",
    "rootCause",
  );
  if (submit) {
    ensureCan(ctx.ability, "submit", subject, "Only owners and quality leads submit the plan.");
    const problems = planProblems(answer);
    if (problems.length) return { ok: false as const, problems };
  }
  await prisma.$transaction(async (tx) => {
    if (submit) {
      await transition(
        tx,
        ctx,
        ca,
        "OPEN",
        { status: "PLAN_SUBMITTED", planSubmittedAt: new Date() },
        { action: "correctiveAction.submit-plan", event: "plan-submitted" },
      );
    } else {
      const { count } = await tx.correctiveAction.updateMany({
        where: { id: ca.id, status: "OPEN", revision: ca.revision },
        data: { revision: { increment: 1 } },
      });
      if (count !== 1) throw new UserError("This corrective action changed since you opened it. Reload to see where it stands.", 409);
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
  ensureCan(
    ctx.ability,
    "review",
    asSubject("CorrectiveAction", ca),
    ca.status === "PLAN_SUBMITTED" ? "Only owners and quality leads review plans." : "There is no plan waiting for review.",
  );
  await prisma.$transaction((tx) =>
    input.decision === "accept"
      ? transition(
          tx,
          ctx,
          ca,
          "PLAN_SUBMITTED",
          { status: "PLAN_ACCEPTED", planAcceptedAt: new Date(), reviewNote: input.note || null },
          { action: "correctiveAction.accept-plan", event: "plan-accepted", note: input.note || null },
        )
      : transition(
          tx,
          ctx,
          ca,
          "PLAN_SUBMITTED",
          { status: "OPEN", reviewNote: input.note },
          { action: "correctiveAction.return-plan", event: "plan-returned", note: input.note },
        ),
  );
}

/** The factory reports the actions done, with evidence stored in the same transaction. */
export async function markImplemented(ctx: TenantContext, ca: LoadedCorrectiveAction, saveEvidence: (tx: Tx) => Promise<Record<string, { id: string }[]>>) {
  ensureCan(
    ctx.ability,
    "implement",
    asSubject("CorrectiveAction", ca),
    ca.status === "PLAN_ACCEPTED" ? "Only owners and quality leads mark the actions done." : "Only an accepted plan can be marked implemented.",
  );
  await prisma.$transaction(async (tx) => {
    const files = Object.values(await saveEvidence(tx)).flat();
    if (files.length === 0) throw new UserError("Attach evidence: a photo or document showing the actions were done.", 400);
    await transition(
      tx,
      ctx,
      ca,
      "PLAN_ACCEPTED",
      { status: "IMPLEMENTED", implementedAt: new Date() },
      { action: "correctiveAction.implement", event: "implemented" },
    );
  });
}

export async function verifyAndClose(ctx: TenantContext, ca: LoadedCorrectiveAction, note: string) {
  ensureCan(
    ctx.ability,
    "verify",
    asSubject("CorrectiveAction", ca),
    ca.status === "IMPLEMENTED" ? "Only owners and quality leads verify." : "Only implemented actions can be verified.",
  );
  await prisma.$transaction((tx) =>
    transition(
      tx,
      ctx,
      ca,
      "IMPLEMENTED",
      { status: "CLOSED", closedAt: new Date(), effectivenessNote: note },
      { action: "correctiveAction.verify-close", event: "closed", note },
    ),
  );
}

export async function reopen(ctx: TenantContext, ca: LoadedCorrectiveAction, note: string) {
  ensureCan(
    ctx.ability,
    "reopen",
    asSubject("CorrectiveAction", ca),
    ca.status === "IMPLEMENTED" ? "Only owners and quality leads reopen." : "Only implemented actions can be reopened.",
  );
  await prisma.$transaction((tx) =>
    transition(tx, ctx, ca, "IMPLEMENTED", { status: "OPEN", reviewNote: note }, { action: "correctiveAction.reopen", event: "reopened", note }),
  );
}
