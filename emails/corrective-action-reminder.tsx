import { z } from "zod";
import { httpLink, isoDate, shortText } from "./components/fields.ts";
import { EmailLayout, Paragraph, Quote } from "./components/layout.tsx";
import { dueDay, t, type MessageKey } from "./i18n.ts";
import { correctiveActionReminderSample } from "./samples.ts";

// Sent by the reminder job (app/features/corrective-actions/reminders.server.ts):
// due-soon and overdue to the factory's owners and quality managers, escalated to the
// importer's owners, item-overdue to the factory for one late action of an accepted plan.

export const correctiveActionReminderSchema = z.object({
  kind: z.enum(["due-soon", "overdue", "escalated", "item-overdue"]),
  title: shortText,
  factoryName: shortText,
  importerName: shortText,
  /** The plan's due date, or the item's for item-overdue. */
  dueAt: isoDate,
  /** The factory's time zone, named beside the due date (absent in emails queued before it was). */
  dueZone: z.string().max(64).nullish(),
  /** The late action (item-overdue only). */
  item: z
    .object({ action: z.string().trim().min(1).max(1000), owner: z.string().trim().max(200) })
    .nullable()
    .default(null),
  link: httpLink,
});
export type CorrectiveActionReminderData = z.infer<typeof correctiveActionReminderSchema>;
export type CorrectiveActionReminderKind = CorrectiveActionReminderData["kind"];

const messages: Record<CorrectiveActionReminderKind, { subject: MessageKey; body: MessageKey; ask: MessageKey }> = {
  "due-soon": { subject: "caReminder.subjectDueSoon", body: "caReminder.dueSoon", ask: "caReminder.dueSoonAsk" },
  overdue: { subject: "caReminder.subjectOverdue", body: "caReminder.overdue", ask: "caReminder.overdueAsk" },
  escalated: { subject: "caReminder.subjectEscalated", body: "caReminder.escalated", ask: "caReminder.escalatedAsk" },
  "item-overdue": { subject: "caReminder.subjectItemOverdue", body: "caReminder.itemOverdue", ask: "caReminder.itemAsk" },
};

const vars = (locale: string, d: CorrectiveActionReminderData) => ({
  title: d.title,
  factory: d.factoryName,
  importer: d.importerName,
  date: dueDay(locale, d.dueAt, d.dueZone),
});

export function correctiveActionReminderSubject(locale: string, data: CorrectiveActionReminderData) {
  return t(locale, messages[data.kind].subject, vars(locale, data));
}

export function CorrectiveActionReminderEmail({ locale, ...data }: CorrectiveActionReminderData & { locale: string }) {
  const keys = messages[data.kind];
  const v = vars(locale, data);
  return (
    <EmailLayout locale={locale} heading={correctiveActionReminderSubject(locale, data)} actions={[{ href: data.link, label: t(locale, "caReminder.button") }]}>
      <Paragraph>{t(locale, keys.body, v)}</Paragraph>
      {data.kind === "item-overdue" && data.item ? (
        <>
          <Quote>{data.item.action}</Quote>
          {data.item.owner ? <Paragraph muted>{t(locale, "caReminder.itemOwner", { owner: data.item.owner })}</Paragraph> : null}
        </>
      ) : null}
      <Paragraph>{t(locale, keys.ask, v)}</Paragraph>
    </EmailLayout>
  );
}

// The react-email preview server (`email dev --dir emails`) shows the sample the tests render.
CorrectiveActionReminderEmail.PreviewProps = { locale: "en", ...correctiveActionReminderSample };

export default CorrectiveActionReminderEmail;
