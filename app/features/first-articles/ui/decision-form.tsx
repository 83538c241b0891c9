import { Form } from "@remix-run/react";
import { useState } from "react";
import { summarizeRow } from "~/features/first-articles/judge.ts";
import { DECISIONS } from "~/features/first-articles/schemas.ts";
import type { CharacteristicSnapshot } from "~/features/specs/snapshot.ts";
import { SubmitButton } from "~/components/forms.tsx";
import { FieldError, FormMessage, useFormRefusal } from "~/components/form-refusal.tsx";
import { useFormat } from "~/lib/use-format.ts";
import { useT } from "~/lib/i18n/translate.ts";

interface FaForDecision {
  status: "DRAFT" | "SUBMITTED" | "APPROVED" | "CONDITIONALLY_APPROVED" | "REJECTED" | "WITHDRAWN";
  revision: number;
  submittedAt: string | null;
  submittedBy: string | null;
  decidedAt: string | null;
  decidedBy: string | null;
  decisionNote: string | null;
  findings: Record<string, string>;
}

/** Who submitted and who decided, with the conditions or reasons. */
export function FaDecisionSummary({ fa, characteristics }: { fa: FaForDecision; characteristics: CharacteristicSnapshot[] }) {
  const t = useT("firstArticles");
  const f = useFormat();
  const when = (iso: string | null) => (iso ? f.dateTime(iso) : "");
  const byKey = new Map(characteristics.map((c) => [c.key, c]));
  const tone = fa.status === "REJECTED" ? "border-red-300 bg-red-50" : fa.status === "SUBMITTED" ? "border-sky-300 bg-sky-50" : "border-green-300 bg-green-50";
  return (
    <section className={`mb-4 rounded-lg border p-4 text-sm ${tone}`} aria-label={t("summary.label")}>
      {fa.submittedAt ? (
        <p>
          {fa.submittedBy
            ? t("summary.submittedBy", { name: fa.submittedBy, when: when(fa.submittedAt) })
            : t("summary.submitted", { when: when(fa.submittedAt) })}
        </p>
      ) : null}
      {fa.status === "SUBMITTED" ? <p className="mt-1 font-medium">{t("summary.waiting")}</p> : null}
      {fa.decidedAt ? (
        <p className="mt-1 font-semibold">
          {fa.decidedBy
            ? t("summary.decidedBy", { status: fa.status, name: fa.decidedBy, when: when(fa.decidedAt) })
            : t("summary.decided", { status: fa.status, when: when(fa.decidedAt) })}
        </p>
      ) : null}
      {fa.decisionNote ? <p className="mt-2 whitespace-pre-line">{fa.decisionNote}</p> : null}
      {Object.keys(fa.findings).length ? (
        <ul className="mt-2 list-disc pl-5">
          {Object.entries(fa.findings).map(([key, reason]) => (
            <li key={key}>
              <span className="font-medium">
                {byKey.get(key)?.number} {byKey.get(key)?.name}:
              </span>{" "}
              {reason}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

/** The importer's decision: final for this round. */
export function FaDecisionForm({
  fa,
  characteristics,
  readings,
  values,
  result,
}: {
  fa: FaForDecision;
  characteristics: CharacteristicSnapshot[];
  readings: Record<string, string[]>;
  values?: Record<string, string>;
  /** The server's reply to a refused decision: shown and focused here, not at the top of the page. */
  result?: Parameters<typeof useFormRefusal>[1];
}) {
  // `values`: what a refused post had typed, so it is not lost without JavaScript.
  const t = useT("firstArticles");
  const typedDecision = DECISIONS.find((d) => d === values?.decision);
  const [decision, setDecision] = useState<(typeof DECISIONS)[number] | "">(typedDecision ?? "");
  const refusal = useFormRefusal("decide", result);
  const failing = characteristics.filter((c) => summarizeRow(c, readings[c.key] ?? []).verdict === "fail");
  return (
    <section className="card space-y-3 lg:col-span-2" aria-labelledby="decide-heading">
      <h2 id="decide-heading" className="font-semibold">
        {t("form.heading")}
      </h2>
      <p className="text-sm text-slate-600">
        {failing.length ? t("form.failing", { count: failing.length }) : t("form.allWithin")} {t("form.final")}
      </p>
      <Form method="post" className="space-y-3" {...refusal.form}>
        <FormMessage refusal={refusal} />
        <input type="hidden" name="intent" value="decide" />
        <input type="hidden" name="revision" value={fa.revision} />
        <fieldset className="flex flex-wrap gap-2">
          <legend className="sr-only">{t("form.decision")}</legend>
          {DECISIONS.map((d) => (
            <label
              key={d}
              className="flex min-h-11 cursor-pointer items-center gap-2 rounded-md border border-slate-300 px-3 py-2 text-sm sm:min-h-0 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50"
            >
              <input type="radio" name="decision" value={d} required defaultChecked={typedDecision === d} onChange={() => setDecision(d)} />
              {t(`decision.${d}`)}
            </label>
          ))}
        </fieldset>
        <FieldError refusal={refusal} name="decision" />
        <div>
          <label className="block text-sm">
            <span className="font-medium text-slate-700">
              {decision === "CONDITIONALLY_APPROVED" ? t("form.conditions") : decision === "REJECTED" ? t("form.reason") : t("form.note")}
            </span>
            <textarea name="note" rows={3} className="input mt-1" maxLength={5000} defaultValue={values?.note} {...refusal.field("note")} />
          </label>
          <FieldError refusal={refusal} name="note" />
        </div>
        {failing.length && decision !== "APPROVED" ? (
          <fieldset className="space-y-2">
            <legend className="text-sm font-medium text-slate-700">{t("form.findings")}</legend>
            {failing.map((c) => (
              <div key={c.key}>
                <label className="block text-sm">
                  <span className="text-slate-700">
                    {c.number} {c.name}
                  </span>
                  <input
                    name={`finding.${c.key}`}
                    className="input mt-1"
                    maxLength={1000}
                    defaultValue={values?.[`finding.${c.key}`]}
                    {...refusal.field(`finding.${c.key}`)}
                  />
                </label>
                <FieldError refusal={refusal} name={`finding.${c.key}`} />
              </div>
            ))}
          </fieldset>
        ) : null}
        <SubmitButton pendingText={t("form.recording")}>{t("form.record")}</SubmitButton>
      </Form>
    </section>
  );
}
