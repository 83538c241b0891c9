import { z } from "zod";
import { t } from "./i18n.ts";
import { CallToAction, EmailLayout, Heading, Paragraph } from "./layout.tsx";

const text = z.string().trim().min(1).max(300);

export const firstArticleSubmittedSchema = z.object({
  factoryName: text,
  title: text,
  version: z.number().int().positive(),
  round: z.number().int().positive(),
  poNumber: text,
  link: z
    .string()
    .url()
    .regex(/^https?:\/\//, { message: "must be an http(s) URL" }),
});
export type FirstArticleSubmittedData = z.infer<typeof firstArticleSubmittedSchema>;

const vars = (d: FirstArticleSubmittedData) => ({ factory: d.factoryName, title: d.title, version: String(d.version), round: String(d.round), po: d.poNumber });

export function firstArticleSubmittedSubject(locale: string, data: FirstArticleSubmittedData) {
  return t(locale, "faSubmitted.subject", vars(data));
}

export function FirstArticleSubmittedEmail({ locale, ...data }: FirstArticleSubmittedData & { locale: string }) {
  const heading = t(locale, "faSubmitted.heading", vars(data));
  return (
    <EmailLayout locale={locale} preview={heading}>
      <Heading>{heading}</Heading>
      <Paragraph>{t(locale, "faSubmitted.body", vars(data))}</Paragraph>
      <CallToAction locale={locale} href={data.link} label={t(locale, "faSubmitted.button")} />
    </EmailLayout>
  );
}

FirstArticleSubmittedEmail.PreviewProps = {
  locale: "en",
  factoryName: "Bright Ceramics",
  title: "Stoneware mug 350 ml",
  version: 2,
  round: 1,
  poNumber: "PO-4411",
  link: "http://localhost:3000/northwind/first-articles/abc",
};

export default FirstArticleSubmittedEmail;
