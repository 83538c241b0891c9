import { z } from "zod";
import { displayName, httpLink, isoDate } from "./components/fields.ts";
import { EmailLayout, Paragraph } from "./components/layout.tsx";
import { formatterFor } from "../app/lib/format.ts";
import { t, type EmailReader } from "./i18n.ts";
import { memberInvitationSample } from "./samples.ts";

export const memberInvitationSchema = z.object({
  inviterName: displayName,
  orgName: displayName,
  role: z.enum(["OWNER", "QUALITY", "MEMBER", "VIEWER"]),
  acceptUrl: httpLink,
  expiresAt: isoDate,
});

export type MemberInvitationData = z.infer<typeof memberInvitationSchema>;
export type MemberInvitationProps = MemberInvitationData & EmailReader;

export function memberInvitationSubject(locale: string, data: MemberInvitationData) {
  return t(locale, "member.subject", { inviter: data.inviterName, org: data.orgName });
}

export function MemberInvitationEmail({ locale, timeZone, inviterName, orgName, role, acceptUrl, expiresAt }: MemberInvitationProps) {
  return (
    <EmailLayout
      locale={locale}
      heading={t(locale, "member.heading", { inviter: inviterName, org: orgName, role: t(locale, `role.${role}`) })}
      actions={[{ href: acceptUrl, label: t(locale, "member.button", { org: orgName }) }]}
      notes={[t(locale, "common.expires", { date: formatterFor(locale, timeZone).day(expiresAt, "long") }), t(locale, "common.ignore")]}
    >
      <Paragraph>{t(locale, "member.body")}</Paragraph>
    </EmailLayout>
  );
}

// The react-email preview server (`email dev --dir emails`) shows the sample the tests render.
MemberInvitationEmail.PreviewProps = { locale: "en", ...memberInvitationSample };

export default MemberInvitationEmail;
