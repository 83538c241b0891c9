import { z } from "zod";
import { httpLink, positiveInt, shortText } from "./components/fields.ts";
import { EmailLayout, Paragraph, Quote } from "./components/layout.tsx";
import { t, type MessageKey } from "./i18n.ts";
import { inspectionDecidedSample } from "./samples.ts";

export const inspectionDecidedSchema = z.object({
  importerName: shortText,
  title: shortText,
  poNumber: shortText,
  lotSize: positiveInt,
  decision: z.enum(["RELEASED", "REJECTED", "ACCEPTED_WITH_DEVIATION"]),
  note: z.string().max(5000).nullable(),
  link: httpLink,
});
export type InspectionDecidedData = z.infer<typeof inspectionDecidedSchema>;

const vars = (d: InspectionDecidedData) => ({ importer: d.importerName, title: d.title, po: d.poNumber, lot: d.lotSize });
const subjectKey: Record<InspectionDecidedData["decision"], MessageKey> = {
  RELEASED: "inspectionDecided.subjectReleased",
  REJECTED: "inspectionDecided.subjectRejected",
  ACCEPTED_WITH_DEVIATION: "inspectionDecided.subjectDeviation",
};

export function inspectionDecidedSubject(locale: string, data: InspectionDecidedData) {
  return t(locale, subjectKey[data.decision], vars(data));
}

export function InspectionDecidedEmail({ locale, ...data }: InspectionDecidedData & { locale: string }) {
  return (
    <EmailLayout locale={locale} heading={inspectionDecidedSubject(locale, data)} actions={[{ href: data.link, label: t(locale, "inspectionDecided.button") }]}>
      {data.note ? (
        <>
          <Paragraph>{t(locale, data.decision === "ACCEPTED_WITH_DEVIATION" ? "inspectionDecided.deviation" : "inspectionDecided.reason")}</Paragraph>
          <Quote>{data.note.slice(0, 1000)}</Quote>
        </>
      ) : null}
      {data.decision === "REJECTED" ? <Paragraph>{t(locale, "inspectionDecided.reinspect")}</Paragraph> : null}
      {data.decision === "RELEASED" ? <Paragraph>{t(locale, "inspectionDecided.ship")}</Paragraph> : null}
    </EmailLayout>
  );
}

// The react-email preview server (`email dev --dir emails`) shows the sample the tests render.
InspectionDecidedEmail.PreviewProps = { locale: "en", ...inspectionDecidedSample };

export default InspectionDecidedEmail;
