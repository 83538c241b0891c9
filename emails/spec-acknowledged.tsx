import { z } from "zod";
import { httpLink, positiveInt, shortText } from "./components/fields.ts";
import { EmailLayout, Paragraph, Quote } from "./components/layout.tsx";
import { t } from "./i18n.ts";
import { specAcknowledgedSample } from "./samples.ts";

export const specAcknowledgedSchema = z.object({
  factoryName: shortText,
  title: shortText,
  version: positiveInt,
  status: z.enum(["ACKNOWLEDGED", "QUERIED"]),
  question: z.string().max(2000).nullable(),
  link: httpLink,
});

export type SpecAcknowledgedData = z.infer<typeof specAcknowledgedSchema>;
export type SpecAcknowledgedProps = SpecAcknowledgedData & { locale: string };

export function specAcknowledgedSubject(locale: string, data: SpecAcknowledgedData) {
  const key = data.status === "ACKNOWLEDGED" ? "specAck.subjectAcknowledged" : "specAck.subjectQueried";
  return t(locale, key, { factory: data.factoryName, title: data.title, version: String(data.version) });
}

export function SpecAcknowledgedEmail({ locale, ...data }: SpecAcknowledgedProps) {
  return (
    <EmailLayout locale={locale} heading={specAcknowledgedSubject(locale, data)} actions={[{ href: data.link, label: t(locale, "specAck.button") }]}>
      {data.status === "QUERIED" && data.question ? (
        <>
          <Paragraph>{t(locale, "specAck.question")}</Paragraph>
          <Quote>{data.question}</Quote>
          <Paragraph>{t(locale, "specAck.answer")}</Paragraph>
        </>
      ) : (
        <Paragraph>{t(locale, "specAck.body")}</Paragraph>
      )}
    </EmailLayout>
  );
}

// The react-email preview server (`email dev --dir emails`) shows the sample the tests render.
SpecAcknowledgedEmail.PreviewProps = { locale: "en", ...specAcknowledgedSample };

export default SpecAcknowledgedEmail;
