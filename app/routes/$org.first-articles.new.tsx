import { getFormProps, getInputProps, getSelectProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { EmptyState, PageHeader } from "~/components/app-shell.tsx";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { ErrorList, Field, SubmitButton, TextareaField } from "~/components/forms.tsx";
import { useSchemaForm } from "~/components/use-schema-form.ts";
import { createFirstArticle, ensureCanStart, listStartableVersions } from "~/features/first-articles/first-articles.server.ts";
import { NewFirstArticleSchema } from "~/features/first-articles/schemas.ts";
import { versionPath } from "~/features/specs/paths.ts";
import { dispatchForm } from "~/lib/actions.server.ts";
import { readForm } from "~/lib/forms.server.ts";
import { requireMembership } from "~/lib/tenant.server.ts";
import { redirectWithToast } from "~/lib/toast.server.ts";
import { isoDay } from "~/lib/dates.ts";
import { useT } from "~/lib/i18n/translate.ts";
import { firstArticlePath } from "~/features/first-articles/paths.ts";
import { pageTitle } from "~/lib/i18n/page-title.ts";
import { accountTranslator } from "~/lib/i18n/translate.server.ts";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "firstArticles", "meta.new") }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireMembership(request, params.org);
  ensureCanStart(ctx);
  const versions = await listStartableVersions(ctx);
  return { org: ctx.org, versions, preselected: new URL(request.url).searchParams.get("version") ?? "" };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const ctx = await requireMembership(request, params.org);
  ensureCanStart(ctx);
  return dispatchForm(await readForm(request), { start: NewFirstArticleSchema }, async (input) => {
    const fa = await createFirstArticle(ctx, input);
    return redirectWithToast(firstArticlePath(ctx.org.slug, fa.id), { message: accountTranslator(ctx.user, "firstArticles")("toast.started") });
  });
}

export default function NewFirstArticle() {
  const t = useT("firstArticles");
  const { org, versions, preselected } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const today = isoDay(new Date());
  const [form, fields] = useSchemaForm(NewFirstArticleSchema, {
    id: "new-fa",
    lastResult: actionData?.result,
    defaultValue: { versionId: preselected || versions.find((v) => v.acknowledged)?.versionId, sampleCount: "5", inspectedOn: today },
  });
  const unacknowledged = versions.filter((v) => !v.acknowledged);
  return (
    <>
      <PageHeader title={t("new.title")} description={t("new.description")} />
      {versions.length === 0 ? (
        <EmptyState title={t("new.emptyTitle")}>{t("new.emptyBody")}</EmptyState>
      ) : (
        <Form method="post" className="card max-w-2xl space-y-4" {...getFormProps(form)}>
          <div>
            <label htmlFor={fields.versionId.id} className="block text-sm font-medium text-slate-700">
              {t("new.specification")}
            </label>
            <select {...getSelectProps(fields.versionId)} className="input mt-1">
              {versions.map((v) => (
                <option key={v.versionId} value={v.versionId} disabled={!v.acknowledged}>
                  {v.acknowledged
                    ? t("new.versionOption", { title: v.title, code: v.productCode, number: v.number })
                    : t("new.versionOptionUnacknowledged", { title: v.title, code: v.productCode, number: v.number })}
                </option>
              ))}
            </select>
            <ErrorList id={fields.versionId.errorId} errors={fields.versionId.errors} />
          </div>
          {unacknowledged.length ? (
            <div className="rounded-md bg-amber-50 p-3 text-sm text-amber-900">
              <p>{t("new.unacknowledged")}</p>
              <ul className="mt-1 list-disc pl-5">
                {unacknowledged.map((v) => (
                  <li key={v.versionId}>
                    <Link className="link" to={versionPath(org.slug, v.specId, v.number)}>
                      {t("new.versionLink", { title: v.title, number: v.number })}
                    </Link>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          <div className="grid gap-4 sm:grid-cols-2">
            <Field meta={fields.poNumber} label={t("new.poNumber")} />
            <Field meta={fields.lotNumber} label={t("new.lotNumber")} />
            <Field meta={fields.quantityProduced} label={t("new.quantityProduced")} type="number" />
            <Field meta={fields.sampleCount} label={t("new.sampleCount")} type="number" />
            <div>
              <label htmlFor={fields.inspectedOn.id} className="block text-sm font-medium text-slate-700">
                {t("new.inspectedOn")}
              </label>
              <input {...getInputProps(fields.inspectedOn, { type: "date" })} max={today} className="input mt-1" />
              <ErrorList id={fields.inspectedOn.errorId} errors={fields.inspectedOn.errors} />
            </div>
          </div>
          <TextareaField meta={fields.notes} label={t("new.notes")} rows={3} />
          <ErrorList id={form.errorId} errors={form.errors} />
          <SubmitButton pendingText={t("new.starting")}>{t("new.start")}</SubmitButton>
        </Form>
      )}
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
