import { Form, Link } from "@remix-run/react";
import { useState } from "react";
import { FieldError, FormMessage, useFormRefusal } from "~/components/form-refusal.tsx";
import { SubmitButton } from "~/components/forms.tsx";
import { useT } from "~/lib/i18n/translate.ts";
import { useFormat } from "~/lib/use-format.ts";
import { LOT_DECISIONS, NOTE_MAX, type LotDecision } from "../decision.ts";
import type { loadInspectionPage } from "../page.server.ts";

type Page = Awaited<ReturnType<typeof loadInspectionPage>>;
type Refused = { intent?: string; result?: Parameters<typeof useFormRefusal>[1]; decisionValues?: Record<string, string> };

const refusedDecision = (actionData: unknown): Refused | null => {
  const data = actionData as Refused | null | undefined;
  return data && data.intent === "decide-lot" ? data : null;
};

/**
 * The inspection page's decision part: the importer's deciders release, reject or accept the lot
 * with a deviation while the result waits for them; both sides see the decision afterwards, and
 * after a rejection the way on (the re-inspection, a corrective action).
 */
export function LotDecisionPanel({ page, actionData }: { page: Page; orgSlug: string; actionData: unknown }) {
  const view = page.decision;
  if (view.decision) return <DecisionSummary view={view} />;
  if (view.waiting && view.canDecide) return <DecisionForm view={view} revision={page.inspection.revision} refused={refusedDecision(actionData)} />;
  if (view.waiting) return <Waiting />;
  return null;
}

type View = Page["decision"];

function Waiting() {
  const t = useT("lotDecisions");
  return (
    <section id="decision" className="card mt-6 text-sm" aria-labelledby="decision-heading">
      <h2 id="decision-heading" className="font-semibold">
        {t("title")}
      </h2>
      <p className="mt-1 text-slate-600">{t("waiting")}</p>
    </section>
  );
}

function ClassLines({ view }: { view: View }) {
  const t = useT("lotDecisions");
  return (
    <ul className="mt-2 space-y-1 text-sm">
      {view.classes.map((c) => (
        <li key={c.class} className={c.found >= c.reject ? "font-medium text-red-800" : "text-slate-700"}>
          {t(c.zeroAllowed ? "classLineZero" : "classLine", { class: t(`class.${c.class}`), found: c.found, accept: c.accept, reject: c.reject })}
        </li>
      ))}
    </ul>
  );
}

function DecisionForm({ view, revision, refused }: { view: View; revision: number; refused: Refused | null }) {
  const t = useT("lotDecisions");
  const typed = LOT_DECISIONS.find((d) => d === refused?.decisionValues?.decision);
  const [decision, setDecision] = useState<LotDecision | "">(typed ?? "");
  const refusal = useFormRefusal("decide-lot", refused?.result);
  const noteLabel = decision === "REJECT" ? t("form.reason") : decision === "ACCEPT_WITH_DEVIATION" ? t("form.deviation") : t("form.note");
  return (
    <section id="decision" className="card mt-6 space-y-3" aria-labelledby="decision-heading">
      <h2 id="decision-heading" className="font-semibold">
        {t("form.heading")}
      </h2>
      <p className="text-sm text-slate-700">
        {view.result === "FAIL" ? t("form.resultFail") : t("form.resultPass")} {view.pendingDecision ? t("form.pending") : null}
      </p>
      <ClassLines view={view} />
      <Form method="post" className="space-y-3" {...refusal.form}>
        <FormMessage refusal={refusal} />
        <input type="hidden" name="intent" value="decide-lot" />
        <input type="hidden" name="revision" value={revision} />
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium text-slate-700">{t("form.decision")}</legend>
          {LOT_DECISIONS.map((d) => (
            <label
              key={d}
              className="flex min-h-11 cursor-pointer items-start gap-2 rounded-md border border-slate-300 px-3 py-2 text-sm has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50"
            >
              <input type="radio" name="decision" value={d} className="mt-1" defaultChecked={typed === d} onChange={() => setDecision(d)} />
              <span>
                <span className="font-medium">{t(`decision.${d}`)}</span>
                <span className="block text-slate-600">{t(`decisionHint.${d}`)}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <FieldError refusal={refusal} name="decision" />
        <div>
          <label className="block text-sm" htmlFor={refusal.field("note").id}>
            <span className="font-medium text-slate-700">{noteLabel}</span>
          </label>
          <p id="decide-lot-note-hint" className="text-xs text-slate-500">
            {t("form.noteHint")}
          </p>
          <textarea
            name="note"
            rows={3}
            className="input mt-1"
            maxLength={NOTE_MAX}
            defaultValue={refused?.decisionValues?.note}
            {...refusal.field("note", "decide-lot-note-hint")}
          />
          <FieldError refusal={refusal} name="note" />
        </div>
        {/* The decision is final: a second, explicit click records it (works without JavaScript). */}
        <details className="group">
          <summary className="btn-primary cursor-pointer list-none [&::-webkit-details-marker]:hidden">{t("form.record")}</summary>
          <div className="mt-2 space-y-2 rounded-md border border-slate-200 bg-white p-3 text-sm">
            <p>{t("form.final")}</p>
            <SubmitButton pendingText={t("form.recording")}>{t("form.confirm")}</SubmitButton>
          </div>
        </details>
      </Form>
    </section>
  );
}

function DecisionSummary({ view }: { view: View }) {
  const t = useT("lotDecisions");
  const f = useFormat();
  const decision = view.decision!;
  const tone =
    decision.status === "REJECTED"
      ? "border-red-300 bg-red-50"
      : decision.status === "RELEASED"
        ? "border-green-300 bg-green-50"
        : "border-amber-300 bg-amber-50";
  const when = decision.decidedAt ? f.dateTime(decision.decidedAt) : "";
  const after = view.afterRejection;
  return (
    <section id="decision" className={`mt-6 rounded-lg border p-4 text-sm ${tone}`} aria-labelledby="decision-heading">
      <h2 id="decision-heading" className="font-semibold">
        {t(`status.${decision.status}`)}
      </h2>
      <p className="mt-1">{decision.decidedBy ? t("summary.decidedBy", { name: decision.decidedBy, when }) : t("summary.decided", { when })}</p>
      {decision.note ? (
        <div className="mt-2">
          <p className="font-medium">
            {decision.status === "ACCEPTED_WITH_DEVIATION" ? t("summary.deviation") : decision.status === "REJECTED" ? t("summary.reason") : t("summary.note")}
          </p>
          <p className="whitespace-pre-line">{decision.note}</p>
        </div>
      ) : null}
      <ClassLines view={view} />
      {after ? (
        <div className="mt-3 flex flex-wrap gap-2">
          {after.reinspection ? (
            <Link className="btn-secondary" to={after.reinspection.path}>
              {t("after.openReinspection")}
            </Link>
          ) : after.bookPath ? (
            <Link className="btn-primary" to={after.bookPath}>
              {t("after.bookReinspection")}
            </Link>
          ) : null}
          {after.correctiveAction ? (
            <Link className="btn-secondary" to={after.correctiveAction.path}>
              {t("after.openedCorrectiveAction", { title: after.correctiveAction.title })}
            </Link>
          ) : after.openCorrectiveActionPath ? (
            <Link className="btn-secondary" to={after.openCorrectiveActionPath}>
              {t("after.openCorrectiveAction")}
            </Link>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
