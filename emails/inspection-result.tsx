import { z } from "zod";
import { httpLink, positiveInt, shortText } from "./components/fields.ts";
import { EmailLayout, Paragraph } from "./components/layout.tsx";
import { t } from "./i18n.ts";
import { inspectionResultSample } from "./samples.ts";

export const inspectionResultSchema = z.object({
  inspectorName: shortText,
  title: shortText,
  version: positiveInt,
  poNumber: shortText,
  result: z.enum(["PASS", "FAIL"]),
  pendingDecision: z.boolean(),
  link: httpLink,
});
export type InspectionResultData = z.infer<typeof inspectionResultSchema>;

const vars = (d: InspectionResultData) => ({ inspector: d.inspectorName, title: d.title, version: String(d.version), po: d.poNumber });

export function inspectionResultSubject(locale: string, data: InspectionResultData) {
  return t(locale, data.result === "PASS" ? "inspectionResult.subjectPass" : "inspectionResult.subjectFail", vars(data));
}

export function InspectionResultEmail({ locale, ...data }: InspectionResultData & { locale: string }) {
  return (
    <EmailLayout
      locale={locale}
      heading={t(locale, data.result === "PASS" ? "inspectionResult.headingPass" : "inspectionResult.headingFail", vars(data))}
      actions={[{ href: data.link, label: t(locale, "inspectionResult.button") }]}
    >
      <Paragraph>{t(locale, "inspectionResult.body", vars(data))}</Paragraph>
      {data.pendingDecision ? <Paragraph>{t(locale, "inspectionResult.pending", vars(data))}</Paragraph> : null}
    </EmailLayout>
  );
}

InspectionResultEmail.PreviewProps = { locale: "en", ...inspectionResultSample };

export default InspectionResultEmail;
