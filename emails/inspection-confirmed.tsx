import { z } from "zod";
import { EmailLayout, Paragraph, Quote } from "./components/layout.tsx";
import { t } from "./i18n.ts";
import { inspectionEmailFields, inspectionVars } from "./inspection-booked.tsx";
import { inspectionConfirmedSample } from "./samples.ts";

/** A confirmed date, or (`rescheduled`) another date proposed, with the reason when one was given. */
export const inspectionConfirmedSchema = z.object({
  ...inspectionEmailFields,
  rescheduled: z.boolean(),
  reason: z.string().max(1000).nullable(),
});
export type InspectionConfirmedData = z.infer<typeof inspectionConfirmedSchema>;

export function inspectionConfirmedSubject(locale: string, data: InspectionConfirmedData) {
  return t(locale, data.rescheduled ? "inspectionConfirmed.subjectRescheduled" : "inspectionConfirmed.subject", inspectionVars(locale, data));
}

export function InspectionConfirmedEmail({ locale, ...data }: InspectionConfirmedData & { locale: string }) {
  const vars = inspectionVars(locale, data);
  return (
    <EmailLayout
      locale={locale}
      heading={inspectionConfirmedSubject(locale, data)}
      actions={[{ href: data.link, label: t(locale, data.rescheduled ? "inspectionConfirmed.buttonRescheduled" : "inspectionConfirmed.button") }]}
    >
      <Paragraph>{t(locale, data.rescheduled ? "inspectionConfirmed.bodyRescheduled" : "inspectionConfirmed.body", vars)}</Paragraph>
      {data.reason ? (
        <>
          <Paragraph>{t(locale, "inspectionConfirmed.reason")}</Paragraph>
          <Quote>{data.reason}</Quote>
        </>
      ) : null}
    </EmailLayout>
  );
}

InspectionConfirmedEmail.PreviewProps = { locale: "en", ...inspectionConfirmedSample };

export default InspectionConfirmedEmail;
