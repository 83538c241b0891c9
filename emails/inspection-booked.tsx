import { z } from "zod";
import { httpLink, isoDate, positiveInt, shortText } from "./components/fields.ts";
import { EmailLayout, Paragraph } from "./components/layout.tsx";
import { formatterFor } from "../app/lib/format.ts";
import { t, type MessageKey } from "./i18n.ts";
import { inspectionBookedSample } from "./samples.ts";

export const INSPECTION_EMAIL_TYPES = ["DURING_PRODUCTION", "PRE_SHIPMENT", "RE_INSPECTION"] as const;

/** What every inspection email names: who acted, the spec, the PO, the type and the day, and the link. */
export const inspectionEmailFields = {
  orgName: shortText,
  title: shortText,
  productCode: shortText,
  version: positiveInt,
  poNumber: shortText,
  type: z.enum(INSPECTION_EMAIL_TYPES),
  date: isoDate,
  link: httpLink,
};

export const inspectionBookedSchema = z.object(inspectionEmailFields);
export type InspectionBookedData = z.infer<typeof inspectionBookedSchema>;

const TYPE_KEYS: Record<(typeof INSPECTION_EMAIL_TYPES)[number], MessageKey> = {
  DURING_PRODUCTION: "inspectionBooked.type.DURING_PRODUCTION",
  PRE_SHIPMENT: "inspectionBooked.type.PRE_SHIPMENT",
  RE_INSPECTION: "inspectionBooked.type.RE_INSPECTION",
};

/** The values every inspection email's sentences take. An inspection day is a calendar day: written as such, never shifted by a zone. */
export const inspectionVars = (locale: string, d: InspectionBookedData) => ({
  org: d.orgName,
  title: d.title,
  code: d.productCode,
  version: String(d.version),
  po: d.poNumber,
  type: t(locale, TYPE_KEYS[d.type]),
  date: formatterFor(locale).calendarDay(d.date, "long"),
});

export function inspectionBookedSubject(locale: string, data: InspectionBookedData) {
  return t(locale, "inspectionBooked.subject", inspectionVars(locale, data));
}

export function InspectionBookedEmail({ locale, ...data }: InspectionBookedData & { locale: string }) {
  const vars = inspectionVars(locale, data);
  return (
    <EmailLayout
      locale={locale}
      heading={t(locale, "inspectionBooked.heading", vars)}
      actions={[{ href: data.link, label: t(locale, "inspectionBooked.button") }]}
    >
      <Paragraph>{t(locale, "inspectionBooked.body", vars)}</Paragraph>
    </EmailLayout>
  );
}

InspectionBookedEmail.PreviewProps = { locale: "en", ...inspectionBookedSample };

export default InspectionBookedEmail;
