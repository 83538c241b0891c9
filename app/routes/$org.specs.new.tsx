import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { PageHeader } from "~/components/app-shell.tsx";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { ErrorList, Field, SubmitButton, TextareaField } from "~/components/forms.tsx";
import { useSchemaForm } from "~/components/use-schema-form.ts";
import { SpecSchema } from "~/features/specs/schemas.ts";
import { createSpec, ensureCanCreateSpec } from "~/features/specs/specs.server.ts";
import { versionEditPath } from "~/features/specs/paths.ts";
import { dispatchForm } from "~/lib/actions.server.ts";
import { readForm } from "~/lib/forms.server.ts";
import { requireMembership } from "~/lib/tenant.server.ts";
import { redirectWithToast } from "~/lib/toast.server.ts";
import { useT } from "~/lib/i18n/translate.ts";
import { accountTranslator } from "~/lib/i18n/translate.server.ts";
import { pageTitle } from "~/lib/i18n/page-title.ts";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "specs", "meta.new") }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireMembership(request, params.org);
  ensureCanCreateSpec(ctx);
  return null;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const ctx = await requireMembership(request, params.org);
  ensureCanCreateSpec(ctx);
  return dispatchForm(await readForm(request), { create: SpecSchema }, async (input) => {
    const spec = await createSpec(ctx, input);
    return redirectWithToast(versionEditPath(ctx.org.slug, spec.id, 1), { message: accountTranslator(ctx.user, "specs")("toast.created") });
  });
}

export default function NewSpec() {
  const actionData = useActionData<typeof action>();
  const t = useT("specs");
  const [form, fields] = useSchemaForm(SpecSchema, { id: "new-spec", lastResult: actionData?.result });
  return (
    <>
      <PageHeader title={t("list.new")} description={t("new.description")} />
      <Form method="post" className="card max-w-2xl space-y-4" {...getFormProps(form)}>
        <Field meta={fields.title} label={t("new.titleLabel")} placeholder={t("new.titlePlaceholder")} />
        <Field meta={fields.productCode} label={t("new.productCode")} placeholder={t("new.productCodePlaceholder")} />
        <TextareaField meta={fields.description} label={t("view.description")} />
        <ErrorList id={form.errorId} errors={form.errors} />
        <SubmitButton pendingText={t("new.creating")}>{t("new.create")}</SubmitButton>
      </Form>
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
