import { z } from "zod";
import { displayName, httpLink, isoDate } from "./components/fields.ts";
import { EmailLayout, Paragraph } from "./components/layout.tsx";
import { formatterFor } from "../app/lib/format.ts";
import { t, type EmailReader } from "./i18n.ts";
import { partnerInvitationSample } from "./samples.ts";

export const partnerInvitationSchema = z.object({
  inviterName: displayName,
  importerName: displayName,
  acceptUrl: httpLink,
  expiresAt: isoDate,
});

export type PartnerInvitationData = z.infer<typeof partnerInvitationSchema>;
export type PartnerInvitationProps = PartnerInvitationData & EmailReader;

export function partnerInvitationSubject(locale: string, data: PartnerInvitationData) {
  return t(locale, "partner.subject", { importer: data.importerName });
}

export function PartnerInvitationEmail({ locale, timeZone, inviterName, importerName, acceptUrl, expiresAt }: PartnerInvitationProps) {
  return (
    <EmailLayout
      locale={locale}
      heading={t(locale, "partner.heading", { inviter: inviterName, importer: importerName })}
      actions={[{ href: acceptUrl, label: t(locale, "partner.button") }]}
      notes={[t(locale, "common.expires", { date: formatterFor(locale, timeZone).day(expiresAt, "long") }), t(locale, "common.ignore")]}
    >
      <Paragraph>{t(locale, "partner.body")}</Paragraph>
      <Paragraph>{t(locale, "partner.free")}</Paragraph>
    </EmailLayout>
  );
}

// The react-email preview server (`email dev --dir emails`) shows the sample the tests render.
PartnerInvitationEmail.PreviewProps = { locale: "en", ...partnerInvitationSample };

export default PartnerInvitationEmail;
