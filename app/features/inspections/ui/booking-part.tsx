// The inspection page's booking part: the booking as agreed so far and whose turn it is, then
// the forms this member may use: confirm the other side's date, propose another (with a reason
// from the cut-off), and call the inspection off with a reason code (behind a second click).
import { getFormProps, getInputProps, getSelectProps, getTextareaProps, type SubmissionResult } from "@conform-to/react";
import { Form, Link } from "@remix-run/react";
import { ErrorList, SubmitButton } from "~/components/forms.tsx";
import { useSchemaForm } from "~/components/use-schema-form.ts";
import { replyTo } from "~/lib/action-data.ts";
import { useFormat } from "~/lib/use-format.ts";
import { useT } from "~/lib/i18n/translate.ts";
import type { BookingView } from "../booking-view.server.ts";
import { inspectionPath } from "../paths.ts";
import { AbortSchema, RescheduleSchema } from "../schemas.ts";
import { InspectionStatusBadge } from "./inspection-status-badge.tsx";

type Reply = { intent: string; result: SubmissionResult<string[]> } | undefined;

export function BookingPanel({ page, orgSlug, actionData }: { page: { booking: unknown; inspection: { id: string } }; orgSlug: string; actionData: unknown }) {
  const t = useT("inspections");
  const format = useFormat();
  const booking = page.booking as BookingView;
  const reply = actionData as Reply;
  const confirmReply = replyTo(reply, "confirm");
  return (
    <section aria-labelledby="booking-heading" className="card mb-6 space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="booking-heading" className="text-lg font-semibold">
          {t("booking.heading")}
        </h2>
        <InspectionStatusBadge status={booking.status} />
      </div>
      {booking.turn ? (
        <p className="rounded-md bg-amber-50 p-3 text-sm text-amber-900" data-testid="booking-turn">
          {booking.turn === "mine" ? t("booking.turnMine", { org: booking.proposerName }) : t("booking.turnTheirs")}
        </p>
      ) : null}
      {booking.status === "ABORTED" && booking.abortReason ? (
        <p className="rounded-md bg-slate-50 p-3 text-sm text-slate-800">
          {t("booking.abortedBecause", { reason: t(`abortReason.${booking.abortReason}`) })}
          {booking.abortNote ? <span className="mt-1 block whitespace-pre-line">{booking.abortNote}</span> : null}
        </p>
      ) : null}
      <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2">
        <Item label={t("booking.type")} value={t(`type.${booking.type}`)} />
        <Item label={t("booking.po")} value={booking.poNumber} />
        <Item label={t("booking.orderQuantity")} value={format.count(booking.orderQuantity)} />
        <Item label={t("booking.lotSize")} value={format.count(booking.lotSize)} />
        <Item
          label={booking.status === "BOOKED" ? t("booking.proposedDate") : t("booking.date")}
          value={
            booking.confirmedAt
              ? t("booking.confirmedDay", { date: format.calendarDay(booking.proposedDate, "long") })
              : format.calendarDay(booking.proposedDate, "long")
          }
        />
        <Item label={t("booking.shipDate")} value={booking.expectedShipDate ? format.calendarDay(booking.expectedShipDate, "long") : t("booking.noShipDate")} />
        <Item
          label={t("booking.inspectedBy")}
          value={
            booking.inspectedBy === "FACTORY"
              ? t("booking.byFactory", { org: booking.inspectingOrgName })
              : t("booking.byImporter", { org: booking.inspectingOrgName })
          }
        />
        {booking.reinspectionOfId ? (
          <div>
            <dt className="font-medium text-slate-600">{t("booking.reinspectionOf")}</dt>
            <dd>
              <Link className="link" to={inspectionPath(orgSlug, booking.reinspectionOfId)}>
                {t("booking.originalLink")}
              </Link>
            </dd>
          </div>
        ) : null}
      </dl>
      {booking.can.confirm ? (
        <Form method="post" id="confirm-booking" className="space-y-2">
          <input type="hidden" name="intent" value="confirm" />
          <input type="hidden" name="revision" value={booking.revision} />
          <ErrorList id="confirm-booking-error" errors={confirmReply?.result.error?.[""]} />
          <SubmitButton pendingText={t("booking.confirming")}>{t("booking.confirm", { date: format.calendarDay(booking.proposedDate, "long") })}</SubmitButton>
        </Form>
      ) : null}
      {booking.can.reschedule ? <RescheduleForm booking={booking} reply={replyTo(reply, "reschedule")} /> : null}
      {booking.can.abort ? <AbortForm booking={booking} reply={replyTo(reply, "abort")} /> : null}
    </section>
  );
}

function Item({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <dt className="font-medium text-slate-600">{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

function RescheduleForm({ booking, reply }: { booking: BookingView; reply: Reply }) {
  const t = useT("inspections");
  const [form, fields] = useSchemaForm(RescheduleSchema, {
    id: "reschedule-booking",
    lastResult: reply?.result,
    defaultValue: { intent: "reschedule", revision: String(booking.revision), proposedDate: booking.proposedDate },
  });
  return (
    <details className="rounded-md border border-slate-200 p-3" open={Boolean(reply)}>
      <summary className="cursor-pointer py-3 font-medium sm:py-0">{t("booking.rescheduleTitle")}</summary>
      <Form method="post" className="mt-3 space-y-3" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="reschedule" />
        <input type="hidden" name="revision" value={booking.revision} />
        <div>
          <label htmlFor={fields.proposedDate.id} className="block text-sm font-medium text-slate-700">
            {t("booking.newDate")}
          </label>
          <input {...getInputProps(fields.proposedDate, { type: "date" })} min={booking.today} className="input mt-1" />
          <ErrorList id={fields.proposedDate.errorId} errors={fields.proposedDate.errors} />
        </div>
        <div>
          <label htmlFor={fields.reason.id} className="block text-sm font-medium text-slate-700">
            {booking.reasonRequired ? t("booking.reasonRequired") : t("booking.reasonOptional")}
          </label>
          <textarea
            {...getTextareaProps(fields.reason)}
            required={booking.reasonRequired}
            rows={2}
            className="input mt-1"
            aria-describedby={`${fields.reason.id}-hint ${fields.reason.errorId}`}
          />
          <p id={`${fields.reason.id}-hint`} className="mt-1 text-xs text-slate-500">
            {t("booking.cutOffHint", { zone: booking.zone })}
          </p>
          <ErrorList id={fields.reason.errorId} errors={fields.reason.errors} />
        </div>
        <ErrorList id={form.errorId} errors={form.errors} />
        <SubmitButton pendingText={t("booking.proposing")}>{t("booking.propose")}</SubmitButton>
      </Form>
    </details>
  );
}

function AbortForm({ booking, reply }: { booking: BookingView; reply: Reply }) {
  const t = useT("inspections");
  const [form, fields] = useSchemaForm(AbortSchema, {
    id: "abort-booking",
    lastResult: reply?.result,
    defaultValue: { intent: "abort", revision: String(booking.revision) },
  });
  return (
    <details className="rounded-md border border-red-200 p-3" open={Boolean(reply)}>
      <summary className="cursor-pointer py-3 font-medium text-red-800 sm:py-0">{t("booking.abortTitle")}</summary>
      <Form method="post" className="mt-3 space-y-3" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="abort" />
        <input type="hidden" name="revision" value={booking.revision} />
        <div>
          <label htmlFor={fields.reason.id} className="block text-sm font-medium text-slate-700">
            {t("booking.abortReason")}
          </label>
          <select {...getSelectProps(fields.reason)} className="input mt-1">
            <option value="">{t("booking.chooseReason")}</option>
            {booking.abortReasons.map((r) => (
              <option key={r} value={r}>
                {t(`abortReason.${r}`)}
              </option>
            ))}
          </select>
          <ErrorList id={fields.reason.errorId} errors={fields.reason.errors} />
        </div>
        <div>
          <label htmlFor={fields.note.id} className="block text-sm font-medium text-slate-700">
            {t("booking.abortNote")}
          </label>
          <textarea {...getTextareaProps(fields.note)} rows={2} className="input mt-1" />
          <ErrorList id={fields.note.errorId} errors={fields.note.errors} />
        </div>
        <ErrorList id={form.errorId} errors={form.errors} />
        <p className="text-sm text-slate-700">{t("booking.abortWarning")}</p>
        <SubmitButton className="btn-danger" pendingText={t("booking.aborting")}>
          {t("booking.abortConfirm")}
        </SubmitButton>
      </Form>
    </details>
  );
}
