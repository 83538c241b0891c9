import { z } from "zod";
import { formatDate, t } from "./i18n.ts";
import { CallToAction, EmailLayout, Heading, Paragraph } from "./layout.tsx";

// Data is stored in the outbox as JSON and rendered later, so it is validated
// both when enqueued and when rendered.
const displayName = z.string().trim().min(1).max(200);
const link = z
  .string()
  .url()
  .regex(/^https?:\/\//, { message: "must be an http(s) URL" });
const isoDate = z.string().datetime({ offset: true });

export const partnerInvitationSchema = z.object({
  inviterName: displayName,
  importerName: displayName,
  acceptUrl: link,
  expiresAt: isoDate,
});

export type PartnerInvitationData = z.infer<typeof partnerInvitationSchema>;
export type PartnerInvitationProps = PartnerInvitationData & { locale: string };

export function partnerInvitationSubject(locale: string, data: PartnerInvitationData) {
  return t(locale, "partner.subject", { importer: data.importerName });
}

export function PartnerInvitationEmail({ locale, inviterName, importerName, acceptUrl, expiresAt }: PartnerInvitationProps) {
  const heading = t(locale, "partner.heading", { inviter: inviterName, importer: importerName });
  return (
    <EmailLayout locale={locale} preview={heading}>
      <Heading>{heading}</Heading>
      <Paragraph>{t(locale, "partner.body")}</Paragraph>
      <Paragraph>{t(locale, "partner.free")}</Paragraph>
      <CallToAction locale={locale} href={acceptUrl} label={t(locale, "partner.button")} />
      <Paragraph muted>{t(locale, "common.expires", { date: formatDate(locale, expiresAt) })}</Paragraph>
      <Paragraph muted>{t(locale, "common.ignore")}</Paragraph>
    </EmailLayout>
  );
}

// Sample props for the react-email preview server (`email dev --dir emails`).
PartnerInvitationEmail.PreviewProps = {
  locale: "en",
  inviterName: "Anna Berg",
  importerName: "Nordic Home Goods",
  acceptUrl: "http://localhost:3000/invitations/sample-token",
  expiresAt: "2027-01-15T12:00:00.000Z",
} satisfies PartnerInvitationProps;

export default PartnerInvitationEmail;
