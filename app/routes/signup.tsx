import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { AuthLayout } from "~/components/auth-layout.tsx";
import { BrowserTimeZone } from "~/components/browser-time-zone.tsx";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { ErrorList, Field, SubmitButton } from "~/components/forms.tsx";
import { useSchemaForm } from "~/components/use-schema-form.ts";
import { getInvitationByToken } from "~/features/organizations/invitations.server.ts";
import { signupSchemaFor } from "~/features/organizations/schemas.ts";
import { requestLanguage } from "~/lib/i18n/language.server.ts";
import { requestSignup } from "~/features/organizations/signups.server.ts";
import { dispatchForm } from "~/lib/actions.server.ts";
import { readForm } from "~/lib/forms.server.ts";
import { safeRedirectPath } from "~/lib/http.server.ts";
import { requireAnonymous, startSession } from "~/lib/session.server.ts";
import { invitationPath, orgPath, SIGNUP_SENT_PATH } from "~/features/organizations/paths.ts";
import { loginPath } from "~/lib/login-path.ts";
import { useT } from "~/lib/i18n/translate.ts";
import { pageTitle } from "~/lib/i18n/page-title.ts";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "auth", "meta.signup") }];

async function invitationFor(token: string | null | undefined) {
  if (!token) return null;
  const invitation = await getInvitationByToken(token);
  return invitation?.state === "valid" ? invitation : null;
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  const url = new URL(request.url);
  const token = url.searchParams.get("invitation");
  const invitation = await invitationFor(token);
  return {
    invitation: invitation ? { token: token!, email: invitation.email, orgName: invitation.org.name, kind: invitation.kind } : null,
  };
}

// What a refused form may send back: the fields a person would retype, never the password.
const SIGNUP_FIELDS = { name: 100, email: 254, password: 0, orgName: 100, orgKind: 8, timeZone: 64 };

export async function action({ request }: ActionFunctionArgs) {
  await requireAnonymous(request);
  const formData = await readForm(request);
  // With a valid invitation the org comes from it; otherwise name and kind are required.
  const token = formData.get("invitation")?.toString();
  const invitation = await invitationFor(token);
  return dispatchForm(
    formData,
    { signup: signupSchemaFor(Boolean(invitation)) },
    async ({ name, email, password, redirectTo, orgName, orgKind, timeZone }) => {
      const next = invitation && token ? invitationPath(token) : redirectTo ? safeRedirectPath(redirectTo) : null;
      const outcome = await requestSignup({
        name,
        email,
        password,
        // The account keeps the language the page was read in (the menu's choice, else the browser's).
        locale: requestLanguage(request),
        timeZone,
        org: !invitation && orgName && orgKind ? { name: orgName, kind: orgKind } : undefined,
        invitation: invitation ? { token: token!, email: invitation.email, orgName: invitation.org.name } : null,
        redirectTo: next,
      });
      if (outcome.status === "signed-in") return startSession(request, outcome.user.id, next ?? (outcome.org ? orgPath(outcome.org.slug) : "/"));
      // The same answer whether or not the address has an account: the email tells its owner which.
      return redirect(SIGNUP_SENT_PATH);
    },
    { replyFields: SIGNUP_FIELDS },
  );
}

export default function Signup() {
  const { invitation } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useSchemaForm(signupSchemaFor(Boolean(invitation)), {
    id: "signup",
    lastResult: actionData?.result,
    defaultValue: { email: invitation?.email ?? "" },
    shouldRevalidate: "onInput",
  });
  const t = useT("auth");
  return (
    <AuthLayout
      title={invitation ? t("signup.joinTitle", { org: invitation.orgName }) : t("signup.title")}
      footer={
        <>
          {t("signup.haveAccount")}{" "}
          <Link className="link" to={loginPath(invitation ? invitationPath(invitation.token) : undefined)}>
            {t("signup.logIn")}
          </Link>
        </>
      }
    >
      <Form method="post" className="space-y-4" {...getFormProps(form)}>
        {invitation ? <input type="hidden" name="invitation" value={invitation.token} /> : null}
        <Field meta={fields.name} label={t("signup.name")} autoComplete="name" />
        <Field meta={fields.email} label={t("signup.email")} type="email" autoComplete="email" />
        <Field meta={fields.password} label={t("signup.password")} type="password" autoComplete="new-password" hint={t("signup.passwordHint")} />
        {invitation ? null : (
          <>
            <Field meta={fields.orgName} label={t("signup.company")} autoComplete="organization" />
            <fieldset>
              <legend className="block text-sm font-medium text-slate-700">{t("signup.companyKind")}</legend>
              <div className="mt-2 grid gap-2 sm:grid-cols-2">
                {[
                  { value: "IMPORTER", title: t("signup.importer"), text: t("signup.importerText") },
                  { value: "FACTORY", title: t("signup.factory"), text: t("signup.factoryText") },
                ].map((option) => (
                  <label
                    key={option.value}
                    className="flex cursor-pointer gap-2 rounded-md border border-slate-300 p-3 has-[:checked]:border-brand-500 has-[:checked]:bg-brand-50"
                  >
                    <input
                      type="radio"
                      name={fields.orgKind.name}
                      value={option.value}
                      defaultChecked={fields.orgKind.initialValue === option.value}
                      aria-invalid={fields.orgKind.errors ? true : undefined}
                      aria-describedby={fields.orgKind.errors ? fields.orgKind.errorId : undefined}
                    />
                    <span>
                      <span className="block text-sm font-semibold">{option.title}</span>
                      <span className="block text-xs text-slate-600">{option.text}</span>
                    </span>
                  </label>
                ))}
              </div>
              <ErrorList id={fields.orgKind.errorId} errors={fields.orgKind.errors} />
            </fieldset>
          </>
        )}
        <BrowserTimeZone errors={fields.timeZone.errors} errorId={fields.timeZone.errorId} />
        <ErrorList id={form.errorId} errors={form.errors} />
        <SubmitButton pendingText={t("signup.pending")}>{t("signup.submit")}</SubmitButton>
      </Form>
    </AuthLayout>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
