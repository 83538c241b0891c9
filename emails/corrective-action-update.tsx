import { z } from "zod";
import { httpLink, isoDate, shortText } from "./components/fields.ts";
import { EmailLayout, Paragraph, Quote } from "./components/layout.tsx";
import { dueDay, t, type MessageKey } from "./i18n.ts";
import { correctiveActionUpdateSample } from "./samples.ts";

const EVENTS = ["opened", "plan-submitted", "plan-accepted", "plan-returned", "implemented", "closed", "reopened"] as const;

export const correctiveActionUpdateSchema = z.object({
  event: z.enum(EVENTS),
  orgName: shortText,
  title: shortText,
  planDueAt: isoDate,
  /** The factory's time zone, named beside the due date (absent in emails queued before it was). */
  dueZone: z.string().max(64).nullish(),
  note: z.string().max(5000).nullable(),
  link: httpLink,
});
export type CorrectiveActionUpdateData = z.infer<typeof correctiveActionUpdateSchema>;

const subjectKeys: Record<(typeof EVENTS)[number], MessageKey> = {
  opened: "ca.subject.opened",
  "plan-submitted": "ca.subject.planSubmitted",
  "plan-accepted": "ca.subject.planAccepted",
  "plan-returned": "ca.subject.planReturned",
  implemented: "ca.subject.implemented",
  closed: "ca.subject.closed",
  reopened: "ca.subject.reopened",
};

export function correctiveActionUpdateSubject(locale: string, data: CorrectiveActionUpdateData) {
  return t(locale, subjectKeys[data.event], { org: data.orgName, title: data.title });
}

export function CorrectiveActionUpdateEmail({ locale, ...data }: CorrectiveActionUpdateData & { locale: string }) {
  return (
    <EmailLayout locale={locale} heading={correctiveActionUpdateSubject(locale, data)} actions={[{ href: data.link, label: t(locale, "ca.button") }]}>
      {data.event === "opened" ? <Paragraph>{t(locale, "ca.body.opened", { date: dueDay(locale, data.planDueAt, data.dueZone) })}</Paragraph> : null}
      {data.note ? <Quote>{data.note.slice(0, 1000)}</Quote> : null}
    </EmailLayout>
  );
}

// The react-email preview server (`email dev --dir emails`) shows the sample the tests render.
CorrectiveActionUpdateEmail.PreviewProps = { locale: "en", ...correctiveActionUpdateSample };

export default CorrectiveActionUpdateEmail;
