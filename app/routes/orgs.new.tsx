import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { AuthLayout } from "~/components/auth-layout.tsx";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { Field, SelectField, SubmitButton } from "~/components/forms.tsx";
import { useSchemaForm } from "~/components/use-schema-form.ts";
import { createOrganizationFor } from "~/features/organizations/organizations.server.ts";
import { NewOrgSchema } from "~/features/organizations/schemas.ts";
import { LANGUAGE_NAMES, LANGUAGES } from "~/lib/i18n/languages.ts";
import { dispatchForm } from "~/lib/actions.server.ts";
import { readForm } from "~/lib/forms.server.ts";
import { requireUser } from "~/lib/session.server.ts";
import { redirectWithToast } from "~/lib/toast.server.ts";
import { orgPath } from "~/features/organizations/paths.ts";
import { accountTranslator } from "~/lib/i18n/translate.server.ts";
import { useT } from "~/lib/i18n/translate.ts";
import { pageTitle } from "~/lib/i18n/page-title.ts";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "auth", "meta.newOrg") }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  return dispatchForm(await readForm(request), { create: NewOrgSchema }, async (input) => {
    // A new org keeps the time of its creator until an owner says otherwise (members page).
    const org = await createOrganizationFor(user.id, { ...input, timeZone: user.timeZone });
    return redirectWithToast(orgPath(org.slug), { message: accountTranslator(user, "auth")("toast.orgReady", { org: org.name }) });
  });
}

export default function NewOrganization() {
  const actionData = useActionData<typeof action>();
  const [form, fields] = useSchemaForm(NewOrgSchema, { id: "new-org", lastResult: actionData?.result, defaultValue: { kind: "IMPORTER", locale: "en" } });
  const t = useT("auth");
  return (
    <AuthLayout title={t("newOrg.title")}>
      <Form method="post" className="space-y-4" {...getFormProps(form)}>
        <Field meta={fields.name} label={t("newOrg.name")} autoComplete="organization" />
        <SelectField
          meta={fields.kind}
          label={t("newOrg.kind")}
          options={[
            { value: "IMPORTER", label: t("newOrg.importer") },
            { value: "FACTORY", label: t("newOrg.factory") },
          ]}
        />
        <SelectField meta={fields.locale} label={t("newOrg.emailLanguage")} options={LANGUAGES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))} />
        <SubmitButton pendingText={t("newOrg.pending")}>{t("newOrg.submit")}</SubmitButton>
      </Form>
    </AuthLayout>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
