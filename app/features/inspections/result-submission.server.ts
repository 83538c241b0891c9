// Submitting an inspection's result: refused, each problem pointing at its field, while a section
// is incomplete; otherwise the result is computed (result.ts), stored with who submitted it, and
// the inspection moves CONFIRMED → SUBMITTED on the revision it was read at. In the same
// transaction: the audit for both orgs, the importer's owners and quality leads emailed, and an
// original inspection's lot given to the switching rules.
import { completenessProblems } from "~/features/first-articles/judge.ts";
import { enqueueEmails } from "~/features/notifications/outbox.server.ts";
import { DECIDERS, emailsTo, loadRecipients } from "~/features/notifications/recipients.server.ts";
import { appUrl } from "~/lib/app-url.server.ts";
import { memberAction, recordAudit } from "~/lib/audit.server.ts";
import { ensureCan } from "~/lib/authorize.server.ts";
import { prisma, type Tx } from "~/lib/db.server.ts";
import { UserError } from "~/lib/errors.ts";
import { message } from "~/lib/i18n/message.ts";
import type { TenantContext } from "~/lib/tenant.server.ts";
import { inspectionSubject, type LoadedInspection } from "./inspections.server.ts";
import { inspectionPath } from "./paths.ts";
import { checkField, defectField, fieldId } from "./recording-fields.ts";
import { readingsOfInspection, type RecordingVersion } from "./recording.server.ts";
import { inspectionResult, type CheckAnswer, type InspectionOutcome } from "./result.ts";
import { recordLotForSwitching } from "./switching.server.ts";

export interface SubmitProblem {
  message: string;
  /** The id of the field it is about, for a link. */
  fieldId: string;
}

/** What the result is computed from, as stored. */
export function outcomeOf(inspection: Pick<LoadedInspection, "plan" | "defects" | "checks" | "measurements">, version: RecordingVersion): InspectionOutcome {
  const readings = readingsOfInspection(inspection);
  const size = inspection.plan.measured.sampleSize;
  const checks = new Map(inspection.checks.map((c) => [c.key, c.result]));
  return inspectionResult({
    plan: inspection.plan,
    defects: inspection.defects.map((d) => ({ class: d.class, count: d.count })),
    measured: version.characteristics.map((c) => ({
      characteristic: c,
      readings: Array.from({ length: size }, (_, i) => readings[c.key]?.[i] ?? ""),
    })),
    checks: version.lines.map((line) => ({ key: line.key, label: line.label, result: (checks.get(line.key) ?? null) as CheckAnswer | null })),
  });
}

/** Every section still incomplete, in page order. */
export function submissionProblems(inspection: LoadedInspection, version: RecordingVersion): SubmitProblem[] {
  const problems: SubmitProblem[] = [];
  if (inspection.cartonsChecked === null) problems.push({ message: message("inspecting", "problem.cartonsChecked"), fieldId: fieldId("cartonsChecked") });
  if (inspection.packedPercent === null) problems.push({ message: message("inspecting", "problem.packedPercent"), fieldId: fieldId("packedPercent") });
  if (inspection.cartonsChecked !== null && inspection.cartonsTotal !== null && inspection.cartonsChecked > inspection.cartonsTotal) {
    problems.push({ message: message("inspecting", "problem.cartonsOverTotal"), fieldId: fieldId("cartonsChecked") });
  }
  const size = inspection.plan.measured.sampleSize;
  for (const p of completenessProblems(version.characteristics, readingsOfInspection(inspection), size)) {
    problems.push({ message: p.message, fieldId: p.cellId });
  }
  for (const d of inspection.defects) {
    if (d.count > 0 && !d.description.trim()) {
      problems.push({ message: message("inspecting", "problem.defectDescription", { count: d.count }), fieldId: fieldId(defectField(d.id, "description")) });
    }
  }
  const answered = new Set(inspection.checks.filter((c) => c.result !== null).map((c) => c.key));
  for (const line of version.lines) {
    if (!answered.has(line.key)) {
      problems.push({ message: message("inspecting", "problem.check", { label: line.label }), fieldId: fieldId(checkField(line.key, "result")) });
    }
  }
  return problems;
}

async function notifyResult(tx: Tx, ctx: TenantContext, inspection: LoadedInspection, result: "PASS" | "FAIL") {
  const [importer, version] = await Promise.all([
    loadRecipients(tx, inspection.importerId, DECIDERS),
    tx.specVersion.findUniqueOrThrow({ where: { id: inspection.versionId }, select: { number: true, spec: { select: { title: true } } } }),
  ]);
  return enqueueEmails(
    tx,
    emailsTo(inspection.importerId, importer.memberships, `inspection-result:${inspection.id}`, {
      template: "inspection-result",
      data: {
        inspectorName: ctx.org.name,
        title: version.spec.title,
        version: version.number,
        poNumber: inspection.poNumber,
        result,
        pendingDecision: inspection.pendingDecision,
        link: appUrl(inspectionPath(importer.slug, inspection.id)),
      },
    }),
  );
}

/**
 * Submits the result of `inspection` (read after the page's last save, at `revision`).
 * Returns the problems that keep it back, or the result and how many were emailed.
 */
export async function submitInspectionResult(
  ctx: TenantContext,
  inspection: LoadedInspection,
  version: RecordingVersion,
): Promise<{ ok: false; problems: SubmitProblem[] } | { ok: true; outcome: InspectionOutcome; emailed: number }> {
  ensureCan(
    ctx.ability,
    "submit",
    inspectionSubject(inspection),
    inspection.status === "CONFIRMED" ? message("inspecting", "errors.roleCannotSubmit") : message("inspecting", "errors.notRecording"),
  );
  const problems = submissionProblems(inspection, version);
  if (problems.length) return { ok: false, problems };
  const outcome = outcomeOf(inspection, version);
  const emailed = await prisma.$transaction(async (tx) => {
    const { count } = await tx.inspection.updateMany({
      where: { id: inspection.id, status: "CONFIRMED", revision: inspection.revision },
      data: { status: "SUBMITTED", result: outcome.result, submittedAt: new Date(), submittedById: ctx.user.id, revision: { increment: 1 } },
    });
    if (count !== 1) throw new UserError(message("inspecting", "errors.changedReload"), 409);
    for (const orgId of [inspection.importerId, inspection.factoryId]) {
      await recordAudit(tx, {
        ...memberAction(ctx, "inspection.submit", "Inspection", inspection.id, orgId),
        before: { status: "CONFIRMED" },
        after: { status: "SUBMITTED", result: outcome.result, inspectedBy: inspection.inspectedBy },
      });
    }
    const emailed = await notifyResult(tx, ctx, inspection, outcome.result);
    if (inspection.type !== "RE_INSPECTION") {
      await recordLotForSwitching(tx, ctx, inspection, {
        accepted: outcome.accepted,
        classes: outcome.switching,
        steadyProduction: inspection.steadyProduction,
      });
    }
    return emailed;
  });
  return { ok: true, outcome, emailed };
}
