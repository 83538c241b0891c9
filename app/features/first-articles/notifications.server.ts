import { enqueueEmails } from "~/features/notifications/outbox.server.ts";
import type { Tx } from "~/lib/db.server.ts";
import { appUrl } from "~/lib/app-url.server.ts";
import { firstArticlePath } from "./paths.ts";

type Fa = { id: string; importerId: string; factoryId: string; specId: string; versionId: string; round: number; poNumber: string; revision: number };

const faUrl = (slug: string, id: string) => appUrl(firstArticlePath(slug, id));

async function describe(tx: Tx, fa: Fa) {
  return tx.specVersion.findUniqueOrThrow({ where: { id: fa.versionId }, select: { number: true, spec: { select: { title: true } } } });
}

/** "First article submitted" → the importer's owners and quality leads, with a link to review it. */
export async function notifySubmitted(tx: Tx, fa: Fa, factoryName: string) {
  const [importer, version] = await Promise.all([
    tx.organization.findUniqueOrThrow({
      where: { id: fa.importerId },
      select: {
        slug: true,
        memberships: { where: { role: { in: ["OWNER", "QUALITY"] } }, select: { user: { select: { id: true, email: true, locale: true } } } },
      },
    }),
    describe(tx, fa),
  ]);
  await enqueueEmails(
    tx,
    importer.memberships.map(({ user }) => ({
      orgId: fa.importerId,
      to: user.email,
      locale: user.locale,
      template: "first-article-submitted" as const,
      idempotencyKey: `fa-submitted:${fa.id}:${user.id}`,
      data: { factoryName, title: version.spec.title, version: version.number, round: fa.round, poNumber: fa.poNumber, link: faUrl(importer.slug, fa.id) },
    })),
  );
}

/** "First article decided" → every member of the factory, with a link to the result. */
export async function notifyDecided(
  tx: Tx,
  fa: Fa,
  input: { decision: "APPROVED" | "CONDITIONALLY_APPROVED" | "REJECTED"; note: string | null; importerName: string },
) {
  const [factory, version] = await Promise.all([
    tx.organization.findUniqueOrThrow({
      where: { id: fa.factoryId },
      select: { slug: true, memberships: { select: { user: { select: { id: true, email: true, locale: true } } } } },
    }),
    describe(tx, fa),
  ]);
  await enqueueEmails(
    tx,
    factory.memberships.map(({ user }) => ({
      orgId: fa.factoryId,
      to: user.email,
      locale: user.locale,
      template: "first-article-decided" as const,
      idempotencyKey: `fa-decided:${fa.id}:${user.id}`,
      data: {
        importerName: input.importerName,
        title: version.spec.title,
        version: version.number,
        round: fa.round,
        poNumber: fa.poNumber,
        decision: input.decision,
        note: input.note,
        link: faUrl(factory.slug, fa.id),
      },
    })),
  );
}
