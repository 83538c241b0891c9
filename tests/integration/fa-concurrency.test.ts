// Two reviewers decide the same submitted first article at the same moment:
// the first decision wins, the second is told someone else decided, and only
// one decision is recorded (one audit event per org, one set of emails).
// On PostgreSQL the two actions really run in parallel on separate connections.
import { describe, expect, it } from "vitest";
import type { FaActionData } from "~/features/first-articles/actions.server.ts";
import { messagesOf } from "~/lib/action-data.ts";
import { prisma } from "~/lib/db.server.ts";
import * as faRoute from "~/routes/$org.first-articles.$faId._index.tsx";
import { createAcknowledgement, createFirstArticle, createMember, createSpec, createSpecShare } from "../support/factories.ts";
import { call, cookieFor } from "../support/routes.ts";
import { translateMessage } from "~/lib/i18n/translate.server.ts";

/** Messages as an English reader reads them (the server sends them as catalogue keys with values). */
const inEnglish = (messages: readonly string[]) => messages.map((text) => translateMessage("en", text));

const CONFLICT = "Someone else decided this first article a moment ago. Reload to see their decision.";

async function scene() {
  const first = await createMember("IMPORTER", "QUALITY");
  const second = await createMember("IMPORTER", "QUALITY", first.org);
  const factoryOwner = await createMember("FACTORY", "OWNER");
  const factoryQuality = await createMember("FACTORY", "QUALITY", factoryOwner.org);
  const factoryMember = await createMember("FACTORY", "MEMBER", factoryOwner.org);
  const factoryViewer = await createMember("FACTORY", "VIEWER", factoryOwner.org);
  const { spec, version } = await createSpec(first.org.id);
  await createSpecShare(spec.id, first.org.id, factoryOwner.org.id);
  await createAcknowledgement(version, factoryOwner.org.id);
  const key = (await prisma.characteristic.findFirstOrThrow({ where: { versionId: version.id } })).key;
  const fa = await createFirstArticle(first.org, factoryOwner.org, spec, version, {
    status: "SUBMITTED",
    createdById: factoryQuality.user.id,
    readings: [1, 2, 3].map((sample) => ({ key, sample, raw: "95.0", value: "95.0", passed: true })),
  });
  return {
    importer: first.org,
    reviewers: [
      { ...first, cookie: await cookieFor(first.user.id) },
      { ...second, cookie: await cookieFor(second.user.id) },
    ],
    factory: factoryOwner.org,
    factoryUsers: [factoryOwner, factoryQuality, factoryMember, factoryViewer].map((m) => m.user),
    fa,
  };
}

describe("two reviewers deciding at once", () => {
  it("records exactly one decision: one 302, one 409 with the conflict message, one audit event per org and one set of emails", async () => {
    const s = await scene();
    const { revision } = await prisma.firstArticle.findUniqueOrThrow({ where: { id: s.fa.id } });
    const path = `/${s.importer.slug}/first-articles/${s.fa.id}`;
    const decide = (reviewer: (typeof s.reviewers)[number], form: Record<string, string>) =>
      call(faRoute.action, path, {
        cookie: reviewer.cookie,
        params: { org: s.importer.slug, faId: s.fa.id },
        form: { intent: "decide", revision: String(revision), ...form },
      });

    const outcomes = await Promise.all([
      decide(s.reviewers[0]!, { decision: "REJECTED", note: "Height is out of tolerance." }),
      decide(s.reviewers[1]!, { decision: "APPROVED", note: "" }),
    ]);

    expect(outcomes.map((o) => o.status).sort()).toEqual([302, 409]);
    const winnerIndex = outcomes.findIndex((o) => o.status === 302);
    const loser = outcomes[1 - winnerIndex]!;
    expect(inEnglish(messagesOf((loser.data as FaActionData).result))).toEqual([CONFLICT]);
    expect(outcomes[winnerIndex]!.location).toBe(path);

    const winner = s.reviewers[winnerIndex]!;
    const decision = winnerIndex === 0 ? "REJECTED" : "APPROVED";
    const stored = await prisma.firstArticle.findUniqueOrThrow({ where: { id: s.fa.id } });
    expect(stored).toMatchObject({ status: decision, decidedById: winner.user.id, revision: revision + 1 });
    expect(stored.decisionNote).toBe(decision === "REJECTED" ? "Height is out of tolerance." : null);

    // One decision: the importer's audit trail and the factory's each hold it once, by the winner.
    const audits = await prisma.auditEvent.findMany({ where: { subjectType: "FirstArticle", subjectId: s.fa.id, action: "firstArticle.decide" } });
    expect(audits.map((a) => a.orgId).sort()).toEqual([s.importer.id, s.factory.id].sort());
    expect(audits.every((a) => a.actorId === winner.user.id)).toBe(true);

    // One "decided" email per factory member, carrying the winning decision; nothing for the importer.
    const emails = await prisma.outboxEmail.findMany({
      where: { template: "first-article-decided", idempotencyKey: { startsWith: `fa-decided:${s.fa.id}:` } },
    });
    expect(emails.map((e) => e.idempotencyKey).sort()).toEqual(s.factoryUsers.map((u) => `fa-decided:${s.fa.id}:${u.id}`).sort());
    expect(emails.map((e) => e.to).sort()).toEqual(s.factoryUsers.map((u) => u.email).sort());
    expect(emails.every((e) => e.orgId === s.factory.id && (e.data as { decision: string }).decision === decision)).toBe(true);
  });
});
