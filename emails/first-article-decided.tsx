import { z } from "zod";
import { httpLink, positiveInt, shortText } from "./components/fields.ts";
import { EmailLayout, Paragraph, Quote } from "./components/layout.tsx";
import { t, type MessageKey } from "./i18n.ts";
import { firstArticleDecidedSample } from "./samples.ts";

export const firstArticleDecidedSchema = z.object({
  importerName: shortText,
  title: shortText,
  version: positiveInt,
  round: positiveInt,
  poNumber: shortText,
  decision: z.enum(["APPROVED", "CONDITIONALLY_APPROVED", "REJECTED"]),
  note: z.string().max(5000).nullable(),
  link: httpLink,
});
export type FirstArticleDecidedData = z.infer<typeof firstArticleDecidedSchema>;

const vars = (d: FirstArticleDecidedData) => ({ importer: d.importerName, title: d.title, version: String(d.version), round: String(d.round), po: d.poNumber });
const subjectKey: Record<FirstArticleDecidedData["decision"], MessageKey> = {
  APPROVED: "faDecided.subjectApproved",
  CONDITIONALLY_APPROVED: "faDecided.subjectConditional",
  REJECTED: "faDecided.subjectRejected",
};

export function firstArticleDecidedSubject(locale: string, data: FirstArticleDecidedData) {
  return t(locale, subjectKey[data.decision], vars(data));
}

export function FirstArticleDecidedEmail({ locale, ...data }: FirstArticleDecidedData & { locale: string }) {
  return (
    <EmailLayout locale={locale} heading={firstArticleDecidedSubject(locale, data)} actions={[{ href: data.link, label: t(locale, "faDecided.button") }]}>
      {data.note ? (
        <>
          <Paragraph>{t(locale, data.decision === "CONDITIONALLY_APPROVED" ? "faDecided.conditions" : "faDecided.reason")}</Paragraph>
          <Quote>{data.note.slice(0, 1000)}</Quote>
        </>
      ) : null}
      {data.decision === "REJECTED" ? <Paragraph>{t(locale, "faDecided.nextRound")}</Paragraph> : null}
    </EmailLayout>
  );
}

// The react-email preview server (`email dev --dir emails`) shows the sample the tests render.
FirstArticleDecidedEmail.PreviewProps = { locale: "en", ...firstArticleDecidedSample };

export default FirstArticleDecidedEmail;
