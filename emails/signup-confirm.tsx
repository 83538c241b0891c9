import { z } from "zod";
import { t } from "./i18n.ts";
import { CallToAction, EmailLayout, Heading, Paragraph } from "./layout.tsx";

const link = z
  .string()
  .url()
  .regex(/^https?:\/\//, { message: "must be an http(s) URL" });

export const signupConfirmSchema = z.object({
  name: z.string().trim().min(1).max(200),
  confirmUrl: link,
  hours: z.number().int().positive(),
});

export type SignupConfirmData = z.infer<typeof signupConfirmSchema>;
export type SignupConfirmProps = SignupConfirmData & { locale: string };

export function signupConfirmSubject(locale: string) {
  return t(locale, "signupConfirm.subject");
}

export function SignupConfirmEmail({ locale, name, confirmUrl, hours }: SignupConfirmProps) {
  const heading = t(locale, "signupConfirm.heading", { name });
  return (
    <EmailLayout locale={locale} preview={heading}>
      <Heading>{heading}</Heading>
      <Paragraph>{t(locale, "signupConfirm.body")}</Paragraph>
      <CallToAction locale={locale} href={confirmUrl} label={t(locale, "signupConfirm.button")} />
      <Paragraph muted>{t(locale, "signupConfirm.expires", { hours })}</Paragraph>
      <Paragraph muted>{t(locale, "signupConfirm.ignore")}</Paragraph>
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
