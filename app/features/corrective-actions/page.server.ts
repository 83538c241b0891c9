import { filesOn, mergeFiles } from "~/features/first-articles/pair-files.server.ts";
import { listComments } from "~/features/threads/comments.server.ts";
import { asSubject } from "~/lib/ability.ts";
import { accessible } from "~/lib/authorize.server.ts";
import { prisma } from "~/lib/db.server.ts";
import { notFound } from "~/lib/http.server.ts";
import { message } from "~/lib/i18n/message.ts";
import type { TenantContext } from "~/lib/tenant.server.ts";
import { caThread } from "./actions.server.ts";
import { isItemOverdue, isOverdue, isPlanOverdue } from "./due.ts";
import { isoDay } from "~/lib/dates.ts";

const iso = (d: Date | null) => d?.toISOString() ?? null;

/**
 * Everything the corrective-action page shows, for either side: the record
 * with its plan items, both orgs' names and the evidence files in one
 * statement (404 unless readable), then its thread.
 */
export async function loadCorrectiveActionPage(ctx: TenantContext, id: string, url: URL) {
  const ca = await prisma.correctiveAction.findFirst({
    where: { AND: [accessible(ctx.ability, "read", "CorrectiveAction"), { id }] },
    include: {
      partnership: {
        select: {
          status: true,
          importer: { select: { name: true, attachments: filesOn("CorrectiveAction", id) } },
          factory: { select: { name: true, timeZone: true, attachments: filesOn("CorrectiveAction", id) } },
        },
      },
      items: { orderBy: { position: "asc" }, select: { id: true, action: true, owner: true, dueAt: true } },
    },
  });
  if (!ca) notFound(message("correctiveActions", "errors.notFound"));
  const thread = await listComments(ctx, caThread(ca), { before: url.searchParams.get("before") });
  const subject = asSubject("CorrectiveAction", ca);
  const { importer, factory } = ca.partnership;
  // Due dates are days of the factory's zone (due.ts); the page names it next to them.
  const dueTimeZone = factory?.timeZone ?? "UTC";
  return {
    ca: {
      id: ca.id,
      title: ca.title,
      problem: ca.problem,
      severity: ca.severity,
      status: ca.status,
      planDueAt: ca.planDueAt.toISOString(),
      containment: ca.containment,
      rootCauseCategory: ca.rootCauseCategory,
      rootCause: ca.rootCause,
      preventive: ca.preventive,
      reviewNote: ca.reviewNote,
      effectivenessNote: ca.effectivenessNote,
      firstArticleId: ca.firstArticleId,
      inspectionId: ca.inspectionId,
      planSubmittedAt: iso(ca.planSubmittedAt),
      planAcceptedAt: iso(ca.planAcceptedAt),
      implementedAt: iso(ca.implementedAt),
      closedAt: iso(ca.closedAt),
      importer: importer.name,
      factory: factory?.name ?? "",
      items: ca.items.map((i) => ({ id: i.id, action: i.action, owner: i.owner, dueAt: isoDay(i.dueAt), overdue: isItemOverdue(ca, i, dueTimeZone) })),
      overdue: isOverdue(ca, dueTimeZone),
      planOverdue: isPlanOverdue(ca, dueTimeZone),
      dueTimeZone,
    },
    evidence: mergeFiles(importer.attachments, factory?.attachments),
    thread,
    can: {
      answer: ctx.ability.can("update", subject, "rootCause"),
      submit: ctx.ability.can("submit", subject),
      review: ctx.ability.can("review", subject),
      implement: ctx.ability.can("implement", subject),
      verify: ctx.ability.can("verify", subject),
      reopen: ctx.ability.can("reopen", subject),
    },
  };
}
