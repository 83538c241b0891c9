import { z } from "zod";
import { httpLink, positiveInt, shortText } from "./components/fields.ts";
import { EmailLayout, Paragraph } from "./components/layout.tsx";
import { t } from "./i18n.ts";

export const specPublishedSchema = z.object({
  importerName: shortText,
  title: shortText,
  productCode: shortText,
  version: positiveInt,
  link: httpLink,
  diffLink: httpLink.nullable(),
});

export type SpecPublishedData = z.infer<typeof specPublishedSchema>;
export type SpecPublishedProps = SpecPublishedData & { locale: string };

export function specPublishedSubject(locale: string, data: SpecPublishedData) {
  return t(locale, "specPublished.subject", { importer: data.importerName, title: data.title, version: String(data.version) });
}

export function SpecPublishedEmail({ locale, importerName, title, productCode, version, link, diffLink }: SpecPublishedProps) {
  return (
    <EmailLayout
      locale={locale}
      heading={t(locale, "specPublished.heading", { importer: importerName, title, version: String(version) })}
      actions={[{ href: link, label: t(locale, "specPublished.button") }, diffLink ? { href: diffLink, label: t(locale, "specPublished.diff") } : null]}
    >
      <Paragraph>{t(locale, "specPublished.product", { code: productCode })}</Paragraph>
      <Paragraph>{t(locale, "specPublished.body")}</Paragraph>
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
