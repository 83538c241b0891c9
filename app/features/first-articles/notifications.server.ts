import { enqueueEmails } from "~/features/notifications/outbox.server.ts";
import { DECIDERS, emailsTo, loadRecipients } from "~/features/notifications/recipients.server.ts";
import type { Tx } from "~/lib/db.server.ts";
import { appUrl } from "~/lib/app-url.server.ts";
import { firstArticlePath } from "./paths.ts";

type Fa = { id: string; importerId: string; factoryId: string; specId: string; versionId: string; round: number; poNumber: string; revision: number };

const faUrl = (slug: string, id: string) => appUrl(firstArticlePath(slug, id));

async function describe(tx: Tx, fa: Fa) {
  const version = await tx.specVersion.findUniqueOrThrow({ where: { id: fa.versionId }, select: { number: true, spec: { select: { title: true } } } });
  return { title: version.spec.title, version: version.number, round: fa.round, poNumber: fa.poNumber };
}

/** "First article submitted" → the importer's owners and quality leads, with a link to review it. Returns how many were emailed. */
export async function notifySubmitted(tx: Tx, fa: Fa, factoryName: string): Promise<number> {
  const [importer, described] = await Promise.all([loadRecipients(tx, fa.importerId, DECIDERS), describe(tx, fa)]);
  return enqueueEmails(
    tx,
    emailsTo(fa.importerId, importer.memberships, `fa-submitted:${fa.id}`, {
      template: "first-article-submitted",
      data: { factoryName, ...described, link: faUrl(importer.slug, fa.id) },
    }),
  );
}

/** "First article decided" → every member of the factory, with a link to the result. Returns how many were emailed. */
export async function notifyDecided(
  tx: Tx,
  fa: Fa,
  input: { decision: "APPROVED" | "CONDITIONALLY_APPROVED" | "REJECTED"; note: string | null; importerName: string },
): Promise<number> {
  const [factory, described] = await Promise.all([loadRecipients(tx, fa.factoryId), describe(tx, fa)]);
  return enqueueEmails(
    tx,
    emailsTo(fa.factoryId, factory.memberships, `fa-decided:${fa.id}`, {
      template: "first-article-decided",
      data: { importerName: input.importerName, ...described, decision: input.decision, note: input.note, link: faUrl(factory.slug, fa.id) },
    }),
  );
}
