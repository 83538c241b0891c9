import { z } from "zod";
import { httpLink, positiveInt, shortText } from "./components/fields.ts";
import { EmailLayout, Paragraph } from "./components/layout.tsx";
import { t } from "./i18n.ts";
import { firstArticleSubmittedSample } from "./samples.ts";

export const firstArticleSubmittedSchema = z.object({
  factoryName: shortText,
  title: shortText,
  version: positiveInt,
  round: positiveInt,
  poNumber: shortText,
  link: httpLink,
});
export type FirstArticleSubmittedData = z.infer<typeof firstArticleSubmittedSchema>;

const vars = (d: FirstArticleSubmittedData) => ({ factory: d.factoryName, title: d.title, version: String(d.version), round: String(d.round), po: d.poNumber });

export function firstArticleSubmittedSubject(locale: string, data: FirstArticleSubmittedData) {
  return t(locale, "faSubmitted.subject", vars(data));
}

export function FirstArticleSubmittedEmail({ locale, ...data }: FirstArticleSubmittedData & { locale: string }) {
  return (
    <EmailLayout locale={locale} heading={t(locale, "faSubmitted.heading", vars(data))} actions={[{ href: data.link, label: t(locale, "faSubmitted.button") }]}>
      <Paragraph>{t(locale, "faSubmitted.body", vars(data))}</Paragraph>
    </EmailLayout>
  );
}

// The react-email preview server (`email dev --dir emails`) shows the sample the tests render.
FirstArticleSubmittedEmail.PreviewProps = { locale: "en", ...firstArticleSubmittedSample };

export default FirstArticleSubmittedEmail;
