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

export const memberInvitationSchema = z.object({
  inviterName: displayName,
  orgName: displayName,
  role: z.enum(["OWNER", "QUALITY", "MEMBER", "VIEWER"]),
  acceptUrl: link,
  expiresAt: isoDate,
});

export type MemberInvitationData = z.infer<typeof memberInvitationSchema>;
export type MemberInvitationProps = MemberInvitationData & { locale: string };

export function memberInvitationSubject(locale: string, data: MemberInvitationData) {
  return t(locale, "member.subject", { inviter: data.inviterName, org: data.orgName });
}

export function MemberInvitationEmail({ locale, inviterName, orgName, role, acceptUrl, expiresAt }: MemberInvitationProps) {
  const heading = t(locale, "member.heading", { inviter: inviterName, org: orgName, role: t(locale, `role.${role}`) });
  return (
    <EmailLayout locale={locale} preview={heading}>
      <Heading>{heading}</Heading>
      <Paragraph>{t(locale, "member.body")}</Paragraph>
      <CallToAction locale={locale} href={acceptUrl} label={t(locale, "member.button", { org: orgName })} />
      <Paragraph muted>{t(locale, "common.expires", { date: formatDate(locale, expiresAt) })}</Paragraph>
      <Paragraph muted>{t(locale, "common.ignore")}</Paragraph>
    </EmailLayout>
  );
}

MemberInvitationEmail.PreviewProps = {
  locale: "en",
  inviterName: "Li Wei",
  orgName: "Ningbo Bright Ceramics",
  role: "QUALITY",
  acceptUrl: "http://localhost:3000/invitations/sample-token",
  expiresAt: "2027-01-15T12:00:00.000Z",
} satisfies MemberInvitationProps;

export default MemberInvitationEmail;
