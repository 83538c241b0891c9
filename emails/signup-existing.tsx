import { z } from "zod";
import { displayName, httpLink } from "./components/fields.ts";
import { EmailLayout, Paragraph } from "./components/layout.tsx";
import { t } from "./i18n.ts";
import { signupExistingSample } from "./samples.ts";

// Sent instead of a confirmation when the address already has an account, so that the
// sign-up page answers the same whether or not it does.
export const signupExistingSchema = z.object({
  loginUrl: httpLink,
  /** The org whose invitation the login link leads to, when the sign-up came from one. */
  invitationOrgName: displayName.nullable(),
});

export type SignupExistingData = z.infer<typeof signupExistingSchema>;
export type SignupExistingProps = SignupExistingData & { locale: string };

export function signupExistingSubject(locale: string) {
  return t(locale, "signupExisting.subject");
}

export function SignupExistingEmail({ locale, loginUrl, invitationOrgName }: SignupExistingProps) {
  return (
    <EmailLayout
      locale={locale}
      heading={t(locale, "signupExisting.heading")}
      actions={[{ href: loginUrl, label: t(locale, "signupExisting.button") }]}
      notes={[t(locale, "signupExisting.ignore")]}
    >
      <Paragraph>{t(locale, "signupExisting.body")}</Paragraph>
      {invitationOrgName ? <Paragraph>{t(locale, "signupExisting.invitation", { org: invitationOrgName })}</Paragraph> : null}
    </EmailLayout>
  );
}

// The react-email preview server (`email dev --dir emails`) shows the sample the tests render.
SignupExistingEmail.PreviewProps = { locale: "en", ...signupExistingSample };

export default SignupExistingEmail;
