import { z } from "zod";
import { t } from "./i18n.ts";
import { CallToAction, EmailLayout, Heading, Paragraph } from "./layout.tsx";

const text = z.string().trim().min(1).max(300);

export const specAcknowledgedSchema = z.object({
  factoryName: text,
  title: text,
  version: z.number().int().positive(),
  status: z.enum(["ACKNOWLEDGED", "QUERIED"]),
  question: z.string().max(2000).nullable(),
  link: z
    .string()
    .url()
    .regex(/^https?:\/\//, { message: "must be an http(s) URL" }),
});

export type SpecAcknowledgedData = z.infer<typeof specAcknowledgedSchema>;
export type SpecAcknowledgedProps = SpecAcknowledgedData & { locale: string };

export function specAcknowledgedSubject(locale: string, data: SpecAcknowledgedData) {
  const key = data.status === "ACKNOWLEDGED" ? "specAck.subjectAcknowledged" : "specAck.subjectQueried";
  return t(locale, key, { factory: data.factoryName, title: data.title, version: String(data.version) });
}

export function SpecAcknowledgedEmail({ locale, factoryName, title, version, status, question, link }: SpecAcknowledgedProps) {
  const heading = specAcknowledgedSubject(locale, { factoryName, title, version, status, question, link });
  return (
    <EmailLayout locale={locale} preview={heading}>
      <Heading>{heading}</Heading>
      {status === "QUERIED" && question ? (
        <>
          <Paragraph>{t(locale, "specAck.question")}</Paragraph>
          <Paragraph>“{question}”</Paragraph>
          <Paragraph>{t(locale, "specAck.answer")}</Paragraph>
        </>
      ) : (
        <Paragraph>{t(locale, "specAck.body")}</Paragraph>
      )}
      <CallToAction locale={locale} href={link} label={t(locale, "specAck.button")} />
    </EmailLayout>
  );
}

SpecAcknowledgedEmail.PreviewProps = {
  locale: "en",
  factoryName: "Bright Ceramics",
  title: "Stoneware mug 350 ml",
  version: 2,
  status: "QUERIED",
  question: "Is the handle pull test done before or after glazing?",
  link: "http://localhost:3000/northwind/specs/abc/v/2",
} satisfies SpecAcknowledgedProps;

export default SpecAcknowledgedEmail;
