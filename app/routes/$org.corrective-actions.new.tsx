import { getFormProps, getInputProps, getSelectProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { EmptyState, PageHeader } from "~/components/app-shell.tsx";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { ErrorList, Field, SubmitButton, TextareaField } from "~/components/forms.tsx";
import { useSchemaForm } from "~/components/use-schema-form.ts";
import { ensureCanOpen, openCorrectiveAction } from "~/features/corrective-actions/corrective-actions.server.ts";
import { prefillFromFirstArticle, prefillFromInspection } from "~/features/corrective-actions/prefill.server.ts";
import { OpenSchema, SEVERITIES } from "~/features/corrective-actions/schemas.ts";
import { listActivePartnerOrgs } from "~/features/partners/partners.server.ts";
import { dispatchForm } from "~/lib/actions.server.ts";
import { readForm } from "~/lib/forms.server.ts";
import { requireMembership } from "~/lib/tenant.server.ts";
import { redirectWithToast } from "~/lib/toast.server.ts";
import { DAY_MS, isoDay } from "~/lib/dates.ts";
import { correctiveActionPath } from "~/features/corrective-actions/paths.ts";
import { useT } from "~/lib/i18n/translate.ts";
import { pageTitle } from "~/lib/i18n/page-title.ts";
import { accountTranslator } from "~/lib/i18n/translate.server.ts";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "correctiveActions", "meta.new") }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireMembership(request, params.org);
  ensureCanOpen(ctx);
  const url = new URL(request.url);
  const fromFa = url.searchParams.get("firstArticle");
  const fromInspection = url.searchParams.get("inspection");
  const id = (value: string | null) => (value && /^[a-z0-9]{10,40}$/i.test(value) ? value : null);
  const prefill: { factoryId: string; title: string; problem: string; firstArticleId?: string; inspectionId?: string } | null = id(fromFa)
    ? await prefillFromFirstArticle(ctx, id(fromFa)!)
    : id(fromInspection)
      ? await prefillFromInspection(ctx, id(fromInspection)!)
      : null;
  const factories = await listActivePartnerOrgs(ctx);
  const due = isoDay(new Date(Date.now() + 7 * DAY_MS));
  return {
    factories,
    prefill,
    defaults: {
      planDueAt: due,
      severity: "MAJOR",
      factoryId: prefill?.factoryId ?? factories[0]?.id ?? "",
      title: prefill?.title ?? "",
      problem: prefill?.problem ?? "",
      firstArticleId: prefill?.firstArticleId ?? "",
      inspectionId: prefill?.inspectionId ?? "",
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const ctx = await requireMembership(request, params.org);
  ensureCanOpen(ctx);
  return dispatchForm(await readForm(request), { open: OpenSchema }, async (input) => {
    const { ca, emailed } = await openCorrectiveAction(ctx, input);
    return redirectWithToast(correctiveActionPath(ctx.org.slug, ca.id), {
      message: accountTranslator(ctx.user, "correctiveActions")("toast.opened", { emailed }),
    });
  });
}

export default function NewCorrectiveAction() {
  const { factories, prefill, defaults } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT("correctiveActions");
  const [form, fields] = useSchemaForm(OpenSchema, { id: "open-ca", lastResult: actionData?.result, defaultValue: defaults });
  if (factories.length === 0) return <EmptyState title={t("new.noFactories.title")}>{t("new.noFactories.body")}</EmptyState>;
  return (
    <>
      <PageHeader title={t("new.title")} description={t("new.description")} />
      <Form method="post" className="card max-w-3xl space-y-4" {...getFormProps(form)}>
        {prefill?.firstArticleId ? <input {...getInputProps(fields.firstArticleId, { type: "hidden" })} /> : null}
        {prefill?.inspectionId ? <input {...getInputProps(fields.inspectionId, { type: "hidden" })} /> : null}
        <div className="grid gap-4 sm:grid-cols-3">
          <div>
            <label htmlFor={fields.factoryId.id} className="block text-sm font-medium text-slate-700">
              {t("new.factory")}
            </label>
            <select {...getSelectProps(fields.factoryId)} className="input mt-1" disabled={!!prefill}>
              {factories.map((f) => (
                <option key={f.id} value={f.id}>
                  {f.name}
                </option>
              ))}
            </select>
            {prefill ? <input type="hidden" name={fields.factoryId.name} value={defaults.factoryId} /> : null}
            <ErrorList id={fields.factoryId.errorId} errors={fields.factoryId.errors} />
          </div>
          <div>
            <label htmlFor={fields.severity.id} className="block text-sm font-medium text-slate-700">
              {t("new.severity")}
            </label>
            <select {...getSelectProps(fields.severity)} className="input mt-1">
              {SEVERITIES.map((s) => (
                <option key={s} value={s}>
                  {t(`severityName.${s}`)}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor={fields.planDueAt.id} className="block text-sm font-medium text-slate-700">
              {t("new.planDue")}
            </label>
            <input
              {...getInputProps(fields.planDueAt, { type: "date" })}
              aria-describedby={fields.planDueAt.errors ? `plan-due-hint ${fields.planDueAt.errorId}` : "plan-due-hint"}
              className="input mt-1"
            />
            <p id="plan-due-hint" className="mt-1 text-xs text-slate-500">
              {t("due.newPlanHint")}
            </p>
            <ErrorList id={fields.planDueAt.errorId} errors={fields.planDueAt.errors} />
          </div>
        </div>
        <Field meta={fields.title} label={t("new.titleLabel")} />
        <TextareaField meta={fields.problem} label={t("new.problem")} rows={8} className="font-mono text-sm" />
        <ErrorList id={form.errorId} errors={form.errors} />
        <SubmitButton pendingText={t("new.opening")}>{t("new.submit")}</SubmitButton>
      </Form>
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
