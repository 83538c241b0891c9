import { enqueueEmails } from "~/features/notifications/outbox.server.ts";
import { DECIDERS, emailsTo, loadRecipients, recipientSelect } from "~/features/notifications/recipients.server.ts";
import { prisma, type Tx } from "~/lib/db.server.ts";
import { appUrl } from "~/lib/app-url.server.ts";
import { diffPath, versionPath } from "./paths.ts";

const versionUrl = (orgSlug: string, specId: string, number: number) => appUrl(versionPath(orgSlug, specId, number));

/**
 * Who hears of a published version: every member of each factory the spec is
 * shared with through an active partnership; `factoryIds` narrows it (a new
 * share). The publish confirmation asks here too, so it names exactly who the
 * email goes to.
 */
function publishRecipients(db: Tx, specId: string, factoryIds?: string[]) {
  return db.specShare.findMany({
    where: { specId, partnership: { status: "ACTIVE" }, ...(factoryIds ? { factoryId: { in: factoryIds } } : {}) },
    select: {
      factory: {
        select: {
          id: true,
          slug: true,
          name: true,
          memberships: recipientSelect,
          acknowledgements: { where: { version: { specId }, status: "ACKNOWLEDGED" }, select: { version: { select: { number: true } } } },
        },
      },
    },
    orderBy: { createdAt: "asc" },
  });
}

/** The factories that would be emailed if the spec's draft were published now, with how many people at each. */
export async function publishAudience(specId: string) {
  const shares = await publishRecipients(prisma, specId);
  return shares.map(({ factory }) => ({ name: factory.name, people: factory.memberships.length })).filter((f) => f.people > 0);
}

/**
 * "Spec version published to a partner", written in the publishing (or sharing)
 * transaction. Returns how many emails were queued, for the page to say so.
 */
export async function notifySpecPublished(
  tx: Tx,
  input: { spec: { id: string; title?: string }; versionId: string; number: number; importerName: string; factoryIds?: string[] },
): Promise<number> {
  const [spec, version, shares] = await Promise.all([
    tx.spec.findUniqueOrThrow({ where: { id: input.spec.id }, select: { id: true, title: true, productCode: true } }),
    tx.specVersion.findUniqueOrThrow({ where: { id: input.versionId }, select: { changeNote: true } }),
    publishRecipients(tx, input.spec.id, input.factoryIds),
  ]);
  const emails = shares.flatMap(({ factory }) => {
    const lastAcknowledged = Math.max(0, ...factory.acknowledgements.map((a) => a.version.number).filter((n) => n < input.number));
    const link = versionUrl(factory.slug, spec.id, input.number);
    return emailsTo(factory.id, factory.memberships, `spec-published:${input.versionId}`, {
      template: "spec-published",
      data: {
        importerName: input.importerName,
        title: spec.title,
        productCode: spec.productCode,
        version: input.number,
        link,
        diffLink: lastAcknowledged ? appUrl(diffPath(factory.slug, spec.id, lastAcknowledged, input.number)) : null,
        changeNote: version.changeNote || null,
      },
    });
  });
  return enqueueEmails(tx, emails);
}

/** "Acknowledgement or query" → the importer's owners and quality leads. */
export async function notifyAcknowledgement(
  tx: Tx,
  input: {
    importerId: string;
    specId: string;
    versionId: string;
    number: number;
    factoryName: string;
    status: "ACKNOWLEDGED" | "QUERIED";
    question: string | null;
    ackId: string;
  },
) {
  const [importer, spec] = await Promise.all([
    loadRecipients(tx, input.importerId, DECIDERS),
    tx.spec.findUniqueOrThrow({ where: { id: input.specId }, select: { title: true } }),
  ]);
  // A factory may query, then acknowledge: each is its own event.
  const event = `spec-ack:${input.ackId}:${input.status}:${Date.now()}`;
  await enqueueEmails(
    tx,
    emailsTo(input.importerId, importer.memberships, event, {
      template: "spec-acknowledged",
      data: {
        factoryName: input.factoryName,
        title: spec.title,
        version: input.number,
        status: input.status,
        question: input.question,
        link: versionUrl(importer.slug, input.specId, input.number),
      },
    }),
  );
}
