import { z } from "zod";
import { t } from "./i18n.ts";
import { CallToAction, EmailLayout, Heading, Paragraph } from "./layout.tsx";

const text = z.string().trim().min(1).max(300);
const link = z
  .string()
  .url()
  .regex(/^https?:\/\//, { message: "must be an http(s) URL" });

export const specPublishedSchema = z.object({
  importerName: text,
  title: text,
  productCode: text,
  version: z.number().int().positive(),
  link,
  diffLink: link.nullable(),
});

export type SpecPublishedData = z.infer<typeof specPublishedSchema>;
export type SpecPublishedProps = SpecPublishedData & { locale: string };

export function specPublishedSubject(locale: string, data: SpecPublishedData) {
  return t(locale, "specPublished.subject", { importer: data.importerName, title: data.title, version: String(data.version) });
}

export function SpecPublishedEmail({ locale, importerName, title, productCode, version, link, diffLink }: SpecPublishedProps) {
  const heading = t(locale, "specPublished.heading", { importer: importerName, title, version: String(version) });
  return (
    <EmailLayout locale={locale} preview={heading}>
      <Heading>{heading}</Heading>
      <Paragraph>{t(locale, "specPublished.product", { code: productCode })}</Paragraph>
      <Paragraph>{t(locale, "specPublished.body")}</Paragraph>
      <CallToAction locale={locale} href={link} label={t(locale, "specPublished.button")} />
      {diffLink ? <CallToAction locale={locale} href={diffLink} label={t(locale, "specPublished.diff")} /> : null}
    </EmailLayout>
  );
}

SpecPublishedEmail.PreviewProps = {
  locale: "en",
  importerName: "Nordic Home Goods",
  title: "Stoneware mug 350 ml",
  productCode: "MUG-350",
  version: 2,
  link: "http://localhost:3000/bright-ceramics/specs/abc/v/2",
  diffLink: "http://localhost:3000/bright-ceramics/specs/abc/diff?from=1&to=2",
} satisfies SpecPublishedProps;

export default SpecPublishedEmail;
