import { z } from "zod";
import { t, type MessageKey } from "./i18n.ts";
import { CallToAction, EmailLayout, Heading, Paragraph } from "./layout.tsx";

const text = z.string().trim().min(1).max(300);

export const firstArticleDecidedSchema = z.object({
  importerName: text,
  title: text,
  version: z.number().int().positive(),
  round: z.number().int().positive(),
  poNumber: text,
  decision: z.enum(["APPROVED", "CONDITIONALLY_APPROVED", "REJECTED"]),
  note: z.string().max(5000).nullable(),
  link: z
    .string()
    .url()
    .regex(/^https?:\/\//, { message: "must be an http(s) URL" }),
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
  const heading = firstArticleDecidedSubject(locale, data);
  return (
    <EmailLayout locale={locale} preview={heading}>
      <Heading>{heading}</Heading>
      {data.note ? (
        <>
          <Paragraph>{t(locale, data.decision === "CONDITIONALLY_APPROVED" ? "faDecided.conditions" : "faDecided.reason")}</Paragraph>
          <Paragraph>“{data.note.slice(0, 1000)}”</Paragraph>
        </>
      ) : null}
      {data.decision === "REJECTED" ? <Paragraph>{t(locale, "faDecided.nextRound")}</Paragraph> : null}
      <CallToAction locale={locale} href={data.link} label={t(locale, "faDecided.button")} />
    </EmailLayout>
  );
}

FirstArticleDecidedEmail.PreviewProps = {
  locale: "en",
  importerName: "Northwind Home Goods",
  title: "Stoneware mug 350 ml",
  version: 2,
  round: 1,
  poNumber: "PO-4411",
  decision: "REJECTED",
  note: "Height above the upper limit on sample 2.",
  link: "http://localhost:3000/bright/first-articles/abc",
} satisfies FirstArticleDecidedData & { locale: string };

export default FirstArticleDecidedEmail;
