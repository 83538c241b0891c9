// Two deciders decide the same submitted lot at the same moment, ten times over: the first
// decision wins, the second is told someone else decided, and only one decision is recorded
// (one audit event per org, one set of emails). On PostgreSQL the two actions really run in
// parallel on separate connections; on PGlite they queue, and the rule is the same.
import { describe, expect, it } from "vitest";
import { prisma } from "~/lib/db.server.ts";
import * as inspectionRoute from "~/routes/$org.inspections.$inspectionId._index.tsx";
import { createAcknowledgement, createInspection, createMember, createSpec, createSpecShare } from "../support/factories.ts";
import { call, formErrors, inEnglish, signedInMember } from "../support/routes.ts";

const CONFLICT = "Someone else decided this lot a moment ago. Reload to see their decision.";

async function scene() {
  const first = await signedInMember("IMPORTER", "QUALITY");
  const second = await signedInMember("IMPORTER", "OWNER", first.org);
  const factoryOwner = await createMember("FACTORY", "OWNER");
  const factoryQuality = await createMember("FACTORY", "QUALITY", factoryOwner.org);
  const { spec, version } = await createSpec(first.org.id);
  await createSpecShare(spec.id, first.org.id, factoryOwner.org.id);
  await createAcknowledgement(version, factoryOwner.org.id);
  const inspection = await createInspection(first.org, factoryOwner.org, spec, version, {
    status: "SUBMITTED",
    result: "FAIL",
    defects: [{ class: "MAJOR", count: 12 }],
  });
  return {
    importer: first.org,
    factory: factoryOwner.org,
    deciders: [first, second],
    everyone: [first.user, second.user, factoryOwner.user, factoryQuality.user],
    inspection,
  };
}

describe("two deciders deciding one lot at once", () => {
  for (let round = 1; round <= 10; round++) {
    it(`records exactly one decision, round ${round}: one 302 and one 409, one audit event per org, one set of emails`, async () => {
      const s = await scene();
      const path = `/${s.importer.slug}/inspections/${s.inspection.id}`;
      const decide = (decider: (typeof s.deciders)[number], form: Record<string, string>) =>
        call(inspectionRoute.action, path, {
          cookie: decider.cookie,
          params: { org: s.importer.slug, inspectionId: s.inspection.id },
          form: { intent: "decide-lot", revision: String(s.inspection.revision), ...form },
        });
      const outcomes = await Promise.all([
        decide(s.deciders[0]!, { decision: "REJECT", note: "Twelve major defects." }),
        decide(s.deciders[1]!, { decision: "ACCEPT_WITH_DEVIATION", note: "Waiver W-3." }),
      ]);
      expect(outcomes.map((o) => o.status).sort()).toEqual([302, 409]);
      const winnerIndex = outcomes.findIndex((o) => o.status === 302);
      expect(inEnglish(formErrors(outcomes[1 - winnerIndex]!))).toEqual([CONFLICT]);

      const winner = s.deciders[winnerIndex]!;
      const status = winnerIndex === 0 ? "REJECTED" : "ACCEPTED_WITH_DEVIATION";
      const stored = await prisma.inspection.findUniqueOrThrow({ where: { id: s.inspection.id } });
      expect(stored).toMatchObject({ status, decidedById: winner.user.id, revision: s.inspection.revision + 1 });
      expect(stored.decisionNote).toBe(winnerIndex === 0 ? "Twelve major defects." : "Waiver W-3.");

      const audits = await prisma.auditEvent.findMany({ where: { subjectType: "Inspection", subjectId: s.inspection.id, action: "inspection.decide" } });
      expect(audits.map((a) => a.orgId).sort()).toEqual([s.importer.id, s.factory.id].sort());
      expect(audits.every((a) => a.actorId === winner.user.id)).toBe(true);

      const emails = await prisma.outboxEmail.findMany({
        where: { template: "inspection-decided", idempotencyKey: { startsWith: `inspection-decided:${s.inspection.id}:` } },
      });
      expect(emails.map((e) => e.idempotencyKey).sort()).toEqual(s.everyone.map((u) => `inspection-decided:${s.inspection.id}:${u.id}`).sort());
      expect(emails.every((e) => (e.data as { decision: string }).decision === status)).toBe(true);
    });
  }
});
