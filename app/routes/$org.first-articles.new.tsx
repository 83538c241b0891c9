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
import { firstArticlePath } from "~/features/first-articles/paths.ts";

export const meta: MetaFunction = () => [{ title: "Start a first article · Supplier Portal" }];

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
    return redirectWithToast(firstArticlePath(ctx.org.slug, fa.id), { message: "First article started. Enter the readings, add photos, then submit." });
  });
}

export default function NewFirstArticle() {
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
      <PageHeader title="Start a first article" description="Choose the specification you inspected against, then describe the lot." />
      {versions.length === 0 ? (
        <EmptyState title="No specifications shared with you yet">
          When an importer shares and publishes a specification, you can inspect against it.
        </EmptyState>
      ) : (
        <Form method="post" className="card max-w-2xl space-y-4" {...getFormProps(form)}>
          <div>
            <label htmlFor={fields.versionId.id} className="block text-sm font-medium text-slate-700">
              Specification
            </label>
            <select {...getSelectProps(fields.versionId)} className="input mt-1">
              {versions.map((v) => (
                <option key={v.versionId} value={v.versionId} disabled={!v.acknowledged}>
                  {v.title} ({v.productCode}) — version {v.number}
                  {v.acknowledged ? "" : " — acknowledge it first"}
                </option>
              ))}
            </select>
            <ErrorList id={fields.versionId.errorId} errors={fields.versionId.errors} />
          </div>
          {unacknowledged.length ? (
            <div className="rounded-md bg-amber-50 p-3 text-sm text-amber-900">
              <p>A first article is checked against a version you have read and acknowledged. Not acknowledged yet:</p>
              <ul className="mt-1 list-disc pl-5">
                {unacknowledged.map((v) => (
                  <li key={v.versionId}>
                    <Link className="link" to={versionPath(org.slug, v.specId, v.number)}>
                      {v.title} version {v.number}
                    </Link>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          <div className="grid gap-4 sm:grid-cols-2">
            <Field meta={fields.poNumber} label="PO number" />
            <Field meta={fields.lotNumber} label="Lot number (optional)" />
            <Field meta={fields.quantityProduced} label="Quantity produced" type="number" />
            <Field meta={fields.sampleCount} label="Samples measured (1–32)" type="number" />
            <div>
              <label htmlFor={fields.inspectedOn.id} className="block text-sm font-medium text-slate-700">
                Inspection date
              </label>
              <input {...getInputProps(fields.inspectedOn, { type: "date" })} max={today} className="input mt-1" />
              <ErrorList id={fields.inspectedOn.errorId} errors={fields.inspectedOn.errors} />
            </div>
          </div>
          <TextareaField meta={fields.notes} label="Notes (optional)" rows={3} />
          <ErrorList id={form.errorId} errors={form.errors} />
          <SubmitButton pendingText="Starting…">Start</SubmitButton>
        </Form>
      )}
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
