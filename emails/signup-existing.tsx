import { z } from "zod";
import { t } from "./i18n.ts";
import { CallToAction, EmailLayout, Heading, Paragraph } from "./layout.tsx";

const link = z
  .string()
  .url()
  .regex(/^https?:\/\//, { message: "must be an http(s) URL" });

// Sent instead of a confirmation when the address already has an account, so that the
// sign-up page answers the same whether or not it does.
export const signupExistingSchema = z.object({
  loginUrl: link,
  /** The org whose invitation the login link leads to, when the sign-up came from one. */
  invitationOrgName: z.string().trim().min(1).max(200).nullable(),
});

export type SignupExistingData = z.infer<typeof signupExistingSchema>;
export type SignupExistingProps = SignupExistingData & { locale: string };

export function signupExistingSubject(locale: string) {
  return t(locale, "signupExisting.subject");
}

export function SignupExistingEmail({ locale, loginUrl, invitationOrgName }: SignupExistingProps) {
  const heading = t(locale, "signupExisting.heading");
  return (
    <EmailLayout locale={locale} preview={heading}>
      <Heading>{heading}</Heading>
      <Paragraph>{t(locale, "signupExisting.body")}</Paragraph>
      {invitationOrgName ? <Paragraph>{t(locale, "signupExisting.invitation", { org: invitationOrgName })}</Paragraph> : null}
      <CallToAction locale={locale} href={loginUrl} label={t(locale, "signupExisting.button")} />
      <Paragraph muted>{t(locale, "signupExisting.ignore")}</Paragraph>
    </EmailLayout>
  );
}

SignupExistingEmail.PreviewProps = {
  locale: "en",
  loginUrl: "http://localhost:3000/login",
  invitationOrgName: null,
} satisfies SignupExistingProps;

export default SignupExistingEmail;
