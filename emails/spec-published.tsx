import { z } from "zod";
import { httpLink, positiveInt, shortText } from "./components/fields.ts";
import { EmailLayout, Paragraph, Quote } from "./components/layout.tsx";
import { t } from "./i18n.ts";
import { specPublishedSample } from "./samples.ts";

export const specPublishedSchema = z.object({
  importerName: shortText,
  title: shortText,
  productCode: shortText,
  version: positiveInt,
  link: httpLink,
  diffLink: httpLink.nullable(),
  // The importer's "what changed and why"; absent in emails queued before it existed.
  changeNote: z.string().trim().max(500).nullish(),
});

export type SpecPublishedData = z.infer<typeof specPublishedSchema>;
export type SpecPublishedProps = SpecPublishedData & { locale: string };

export function specPublishedSubject(locale: string, data: SpecPublishedData) {
  return t(locale, "specPublished.subject", { importer: data.importerName, title: data.title, version: String(data.version) });
}

export function SpecPublishedEmail({ locale, importerName, title, productCode, version, link, diffLink, changeNote }: SpecPublishedProps) {
  return (
    <EmailLayout
      locale={locale}
      heading={t(locale, "specPublished.heading", { importer: importerName, title, version: String(version) })}
      actions={[{ href: link, label: t(locale, "specPublished.button") }, diffLink ? { href: diffLink, label: t(locale, "specPublished.diff") } : null]}
    >
      <Paragraph>{t(locale, "specPublished.product", { code: productCode })}</Paragraph>
      {changeNote ? (
        <>
          <Paragraph>{t(locale, "specPublished.changeNote")}</Paragraph>
          <Quote>{changeNote}</Quote>
        </>
      ) : null}
      <Paragraph>{t(locale, "specPublished.body")}</Paragraph>
    </EmailLayout>
  );
}

// The react-email preview server (`email dev --dir emails`) shows the sample the tests render.
SpecPublishedEmail.PreviewProps = { locale: "en", ...specPublishedSample };

export default SpecPublishedEmail;
