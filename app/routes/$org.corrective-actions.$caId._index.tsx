import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { PageHeader } from "~/components/app-shell.tsx";
import { CaAnswerForm } from "~/features/corrective-actions/ui/answer-form.tsx";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { FileInput, FilePreview } from "~/features/attachments/ui/file-preview.tsx";
import { SubmitButton } from "~/components/forms.tsx";
import { Thread } from "~/features/threads/ui/thread.tsx";
import { correctiveActionHistory } from "~/features/history/history.server.ts";
import { Timeline } from "~/features/history/ui/index.ts";
import { handleCorrectiveActionAction } from "~/features/corrective-actions/actions.server.ts";
import { loadCorrectiveAction } from "~/features/corrective-actions/corrective-actions.server.ts";
import { loadCorrectiveActionPage } from "~/features/corrective-actions/page.server.ts";
import type { CA_STATUSES, ROOT_CAUSES } from "~/features/corrective-actions/schemas.ts";
import { idParam } from "~/features/specs/params.server.ts";
import { messagesOf, replyTo } from "~/lib/action-data.ts";
import { requireMembership } from "~/lib/tenant.server.ts";
import { useDueDate } from "~/features/corrective-actions/ui/due-date.ts";
import { Breadcrumb } from "~/components/breadcrumb.tsx";
import { FormAlert } from "~/components/form-alert.tsx";
import { FieldError, FormMessage, useFormRefusal } from "~/components/form-refusal.tsx";
import { correctiveActionsPath } from "~/features/corrective-actions/paths.ts";
import { firstArticlePath } from "~/features/first-articles/paths.ts";
import { inspectionPath } from "~/features/inspections/paths.ts";
import { useMessageText, useT, type Translate } from "~/lib/i18n/translate.ts";
import { pageTitle, dataTitle } from "~/lib/i18n/page-title.ts";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: data ? dataTitle(data.ca.title) : pageTitle(matches, "correctiveActions", "meta.detail") },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireMembership(request, params.org);
  const page = await loadCorrectiveActionPage(ctx, idParam(params.caId), new URL(request.url));
  return { org: ctx.org, ...page, history: await correctiveActionHistory(ctx, page.ca.id) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const ctx = await requireMembership(request, params.org);
  const ca = await loadCorrectiveAction(ctx, idParam(params.caId));
  return handleCorrectiveActionAction(request, ctx, ca);
}

/** Whose turn it is, and by when: the first thing both sides need to know. */
function turn(t: Translate<"correctiveActions">, ca: { status: (typeof CA_STATUSES)[number]; factory: string; importer: string }, due: string) {
  return t(`turn.${ca.status}`, { factory: ca.factory, importer: ca.importer, date: due });
}

export default function CorrectiveActionPage() {
  const { org, ca, evidence, thread, can, history } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT("correctiveActions");
  const lot = useT("lotDecisions");
  const dueDate = useDueDate();
  const say = useMessageText();
  const otherSide = org.kind === "IMPORTER" ? ca.factory : ca.importer;
  const showAnswer = ca.status !== "OPEN" || !can.answer;
  // Each form answers its own refusal while it is shown; the banner says what was refused of a form that is gone.
  const shown = { "save-answer": !showAnswer, "submit-plan": !showAnswer, review: can.review, close: can.verify, reopen: can.reopen, evidence: can.implement };
  const atForm = <I extends keyof typeof shown>(...intents: I[]) => replyTo(actionData, ...intents.filter((intent) => shown[intent]));
  const answered = atForm("save-answer", "submit-plan");
  const elsewhere = actionData && Object.hasOwn(shown, actionData.intent) && !shown[actionData.intent as keyof typeof shown] ? actionData : undefined;
  const errors = messagesOf(elsewhere?.result);
  const review = useFormRefusal("ca-review", atForm("review")?.result);
  const close = useFormRefusal("ca-verify", atForm("close")?.result);
  const reopen = useFormRefusal("ca-reopen", atForm("reopen")?.result);
  const implement = useFormRefusal("ca-implemented", atForm("evidence")?.result, { action: "?upload=evidence" });
  // What was typed in a refused review, close or reopen form (kept without JavaScript).
  const typed = (intent: "review" | "close" | "reopen") => replyTo(actionData, intent)?.values;
  return (
    <>
      <Breadcrumb links={[{ to: correctiveActionsPath(org.slug), label: t("list.title") }]} />
      <PageHeader
        title={ca.title}
        description={t("detail.description", { partner: otherSide, severity: t(`severity.${ca.severity}`), status: t(`status.${ca.status}`) })}
      />
      <p
        className={`mb-4 rounded-md border p-3 text-sm font-medium ${ca.overdue ? "border-red-300 bg-red-50 text-red-900" : "border-sky-200 bg-sky-50 text-sky-900"}`}
        data-testid="whose-turn"
      >
        {t(ca.overdue ? "detail.overdueWaitingFor" : "detail.waitingFor", { turn: turn(t, ca, dueDate(ca.planDueAt, ca.dueTimeZone)) })}
      </p>
      <FormAlert messages={errors}>
        {elsewhere?.problems?.length ? (
          <ul className="mt-1 list-disc pl-5">
            {elsewhere.problems.map((p) => (
              <li key={p.path}>{say(p.message)}</li>
            ))}
          </ul>
        ) : null}
      </FormAlert>
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="min-w-0 space-y-4 lg:col-span-2">
          <section className="card" aria-labelledby="problem">
            <h2 id="problem" className="font-semibold">
              {t("detail.problem")}
            </h2>
            <p className="mt-2 whitespace-pre-line text-sm text-slate-800">{ca.problem}</p>
            {ca.firstArticleId ? (
              <Link className="link tap-target mt-2 inline-block text-sm" to={firstArticlePath(org.slug, ca.firstArticleId)}>
                {t("detail.fromFirstArticle")}
              </Link>
            ) : null}
            {ca.inspectionId ? (
              <Link className="link tap-target mt-2 inline-block text-sm" to={inspectionPath(org.slug, ca.inspectionId, { section: "decision" })}>
                {lot("ca.fromInspection")}
              </Link>
            ) : null}
          </section>
          {ca.reviewNote && ca.status === "OPEN" ? (
            <section className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
              <p className="font-semibold">{t("detail.returnedBy", { importer: ca.importer })}</p>
              <p className="whitespace-pre-line">{ca.reviewNote}</p>
            </section>
          ) : null}
          {showAnswer ? <PlanView ca={ca} /> : <CaAnswerForm values={ca} lastResult={answered?.result} canSubmit={can.submit} />}
          {evidence.length ? (
            <section className="card" aria-labelledby="evidence">
              <h2 id="evidence" className="font-semibold">
                {t("detail.evidence")}
              </h2>
              <ul className="mt-2 flex flex-wrap gap-3">
                {evidence.map((f) => (
                  <li key={f.id}>
                    <FilePreview org={org} file={f} size="sm" />
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          {ca.effectivenessNote ? (
            <section className="card text-sm" aria-labelledby="effectiveness">
              <h2 id="effectiveness" className="font-semibold">
                {t("detail.verification")}
              </h2>
              <p className="mt-2 whitespace-pre-line">{ca.effectivenessNote}</p>
            </section>
          ) : null}
        </div>
        <aside className="space-y-4">
          {can.review ? (
            <Form method="post" className="card space-y-3" {...review.form}>
              <input type="hidden" name="intent" value="review" />
              <h2 className="font-semibold">{t("review.heading")}</h2>
              <FormMessage refusal={review} />
              <fieldset className="flex flex-wrap gap-2">
                <legend className="sr-only">{t("review.decision")}</legend>
                <label className="flex items-center gap-2 text-sm">
                  <input type="radio" name="decision" value="accept" required defaultChecked={typed("review")?.decision === "accept"} /> {t("review.accept")}
                </label>
                <label className="flex items-center gap-2 text-sm">
                  <input type="radio" name="decision" value="return" defaultChecked={typed("review")?.decision === "return"} /> {t("review.return")}
                </label>
              </fieldset>
              <FieldError refusal={review} name="decision" />
              <div>
                <label className="block text-sm">
                  <span className="font-medium text-slate-700">{t("review.comments")}</span>
                  <textarea name="note" rows={3} className="input mt-1" maxLength={5000} defaultValue={typed("review")?.note} {...review.field("note")} />
                </label>
                <FieldError refusal={review} name="note" />
              </div>
              <SubmitButton pendingText={t("sending")}>{t("review.send")}</SubmitButton>
            </Form>
          ) : null}
          {can.implement ? (
            <Form method="post" encType="multipart/form-data" className="card space-y-3" {...implement.form}>
              <h2 className="font-semibold">{t("implement.heading")}</h2>
              <FormMessage refusal={implement} />
              <p className="text-sm text-slate-600">{t("implement.hint")}</p>
              <FileInput name="evidence" label={t("detail.evidence")} multiple />
              <SubmitButton pendingText={t("sending")}>{t("implement.submit")}</SubmitButton>
            </Form>
          ) : null}
          {can.verify ? (
            <Form method="post" className="card space-y-3" {...close.form}>
              <input type="hidden" name="intent" value="close" />
              <h2 className="font-semibold">{t("verify.heading")}</h2>
              <FormMessage refusal={close} />
              <div>
                <label className="block text-sm">
                  <span className="font-medium text-slate-700">{t("verify.question")}</span>
                  <textarea
                    name="note"
                    rows={3}
                    className="input mt-1"
                    required
                    maxLength={5000}
                    defaultValue={typed("close")?.note}
                    {...close.field("note")}
                  />
                </label>
                <FieldError refusal={close} name="note" />
              </div>
              <SubmitButton pendingText={t("verify.closing")}>{t("verify.heading")}</SubmitButton>
            </Form>
          ) : null}
          {can.reopen ? (
            <Form method="post" className="card space-y-3" {...reopen.form}>
              <input type="hidden" name="intent" value="reopen" />
              <h2 className="font-semibold">{t("reopen.heading")}</h2>
              <FormMessage refusal={reopen} />
              <div>
                <label className="block text-sm">
                  <span className="font-medium text-slate-700">{t("reopen.question")}</span>
                  <textarea
                    name="note"
                    rows={2}
                    className="input mt-1"
                    required
                    maxLength={5000}
                    defaultValue={typed("reopen")?.note}
                    {...reopen.field("note")}
                  />
                </label>
                <FieldError refusal={reopen} name="note" />
              </div>
              <button type="submit" className="btn-secondary">
                {t("reopen.submit")}
              </button>
            </Form>
          ) : null}
        </aside>
      </div>
      <section id="thread" className="mt-6 max-w-3xl">
        <Thread {...thread} heading={t("detail.conversation")} orgSlug={org.slug} />
      </section>
      <Timeline entries={history} />
    </>
  );
}

function PlanView({
  ca,
}: {
  ca: {
    containment: string;
    rootCauseCategory: (typeof ROOT_CAUSES)[number] | null;
    rootCause: string;
    preventive: string;
    items: { id: string; action: string; owner: string; dueAt: string; overdue: boolean }[];
    planSubmittedAt: string | null;
    dueTimeZone: string;
  };
}) {
  const t = useT("correctiveActions");
  const dueDate = useDueDate();
  if (!ca.planSubmittedAt && !ca.containment && !ca.rootCause) {
    return <p className="card text-sm text-slate-600">{t("plan.notYet")}</p>;
  }
  return (
    <section className="card space-y-3 text-sm" aria-labelledby="plan">
      <h2 id="plan" className="font-semibold">
        {t("plan.heading")}
      </h2>
      <div>
        <h3 className="font-medium">{t("answer.containment")}</h3>
        <p className="whitespace-pre-line text-slate-700">{ca.containment || "—"}</p>
      </div>
      <div>
        <h3 className="font-medium">
          {ca.rootCauseCategory ? t("plan.rootCauseWith", { category: t(`rootCause.${ca.rootCauseCategory}`) }) : t("plan.rootCause")}
        </h3>
        <p className="whitespace-pre-line text-slate-700">{ca.rootCause || "—"}</p>
      </div>
      <div>
        <h3 className="font-medium">{t("plan.actions")}</h3>
        <ul className="mt-1 divide-y divide-slate-100">
          {ca.items.map((i) => (
            <li key={i.id} className="flex flex-wrap justify-between gap-2 py-1.5">
              <span>{i.action}</span>
              <span className="text-slate-600">
                {t("plan.itemDue", { owner: i.owner, date: dueDate(i.dueAt, ca.dueTimeZone) })}{" "}
                {i.overdue ? <span className="font-semibold text-red-700">{t("plan.pastDue")}</span> : null}
              </span>
            </li>
          ))}
        </ul>
      </div>
      {ca.preventive ? (
        <div>
          <h3 className="font-medium">{t("plan.preventive")}</h3>
          <p className="whitespace-pre-line text-slate-700">{ca.preventive}</p>
        </div>
      ) : null}
    </section>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
