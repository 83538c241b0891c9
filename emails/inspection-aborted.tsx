import { z } from "zod";
import { EmailLayout, Paragraph, Quote } from "./components/layout.tsx";
import { t, type MessageKey } from "./i18n.ts";
import { inspectionEmailFields, inspectionVars } from "./inspection-booked.tsx";
import { inspectionAbortedSample } from "./samples.ts";

const REASONS = ["GOODS_NOT_READY", "UNDER_80_PERCENT_PACKED", "NO_ACCESS", "EQUIPMENT_MISSING", "OTHER"] as const;

export const inspectionAbortedSchema = z.object({
  ...inspectionEmailFields,
  reason: z.enum(REASONS),
  note: z.string().max(1000).nullable(),
});
export type InspectionAbortedData = z.infer<typeof inspectionAbortedSchema>;

const REASON_KEYS: Record<(typeof REASONS)[number], MessageKey> = {
  GOODS_NOT_READY: "inspectionAborted.reason.GOODS_NOT_READY",
  UNDER_80_PERCENT_PACKED: "inspectionAborted.reason.UNDER_80_PERCENT_PACKED",
  NO_ACCESS: "inspectionAborted.reason.NO_ACCESS",
  EQUIPMENT_MISSING: "inspectionAborted.reason.EQUIPMENT_MISSING",
  OTHER: "inspectionAborted.reason.OTHER",
};

export function inspectionAbortedSubject(locale: string, data: InspectionAbortedData) {
  return t(locale, "inspectionAborted.subject", inspectionVars(locale, data));
}

export function InspectionAbortedEmail({ locale, ...data }: InspectionAbortedData & { locale: string }) {
  const vars = inspectionVars(locale, data);
  return (
    <EmailLayout locale={locale} heading={inspectionAbortedSubject(locale, data)} actions={[{ href: data.link, label: t(locale, "inspectionAborted.button") }]}>
      <Paragraph>{t(locale, "inspectionAborted.body", { ...vars, reason: t(locale, REASON_KEYS[data.reason]) })}</Paragraph>
      {data.note ? <Quote>{data.note}</Quote> : null}
    </EmailLayout>
  );
}

InspectionAbortedEmail.PreviewProps = { locale: "en", ...inspectionAbortedSample };

export default InspectionAbortedEmail;
