import { z } from "zod";
import { displayName, httpLink, positiveInt } from "./components/fields.ts";
import { EmailLayout, Paragraph } from "./components/layout.tsx";
import { t } from "./i18n.ts";
import { signupConfirmSample } from "./samples.ts";

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

// The react-email preview server (`email dev --dir emails`) shows the sample the tests render.
SignupConfirmEmail.PreviewProps = { locale: "en", ...signupConfirmSample };

export default SignupConfirmEmail;
