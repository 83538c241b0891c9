import { z } from "zod";
import { displayName, httpLink, positiveInt } from "./components/fields.ts";
import { EmailLayout, Paragraph } from "./components/layout.tsx";
import { t } from "./i18n.ts";

export const signupConfirmSchema = z.object({
  name: displayName,
  confirmUrl: httpLink,
  hours: positiveInt,
});

export type SignupConfirmData = z.infer<typeof signupConfirmSchema>;
export type SignupConfirmProps = SignupConfirmData & { locale: string };

export function signupConfirmSubject(locale: string) {
  return t(locale, "signupConfirm.subject");
}

export function SignupConfirmEmail({ locale, name, confirmUrl, hours }: SignupConfirmProps) {
  return (
    <EmailLayout
      locale={locale}
      heading={t(locale, "signupConfirm.heading", { name })}
      actions={[{ href: confirmUrl, label: t(locale, "signupConfirm.button") }]}
      notes={[t(locale, "signupConfirm.expires", { hours }), t(locale, "signupConfirm.ignore")]}
    >
      <Paragraph>{t(locale, "signupConfirm.body")}</Paragraph>
    </EmailLayout>
  );
}

SignupConfirmEmail.PreviewProps = {
  locale: "en",
  name: "Li Wei",
  confirmUrl: "http://localhost:3000/signup/confirm/sample-token",
  hours: 24,
} satisfies SignupConfirmProps;

export default SignupConfirmEmail;
