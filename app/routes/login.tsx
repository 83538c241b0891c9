import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useSearchParams } from "@remix-run/react";
import { AuthLayout } from "~/components/auth-layout.tsx";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { ErrorList, Field, SubmitButton } from "~/components/forms.tsx";
import { useSchemaForm } from "~/components/use-schema-form.ts";
import { verifyLogin } from "~/features/organizations/accounts.server.ts";
import { LoginSchema } from "~/features/organizations/schemas.ts";
import { clientAddressOf } from "~/lib/client-address.server.ts";
import { dispatchForm } from "~/lib/actions.server.ts";
import { readForm } from "~/lib/forms.server.ts";
import { safeRedirectPath } from "~/lib/http.server.ts";
import { knownDeviceFor, rememberDevice } from "~/lib/known-devices.server.ts";
import { beginLoginAttempt } from "~/lib/login-throttle.server.ts";
import { requireAnonymous, startSession } from "~/lib/session.server.ts";
import { signupPath } from "~/features/organizations/paths.ts";
import { message } from "~/lib/i18n/message.ts";
import { useT } from "~/lib/i18n/translate.ts";
import { pageTitle } from "~/lib/i18n/page-title.ts";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "auth", "meta.login") }];

// A document response carries only the headers a route passes on: the refusal's Retry-After too.
export const headers: HeadersFunction = ({ actionHeaders, parentHeaders }) => {
  const merged = new Headers(parentHeaders);
  const retryAfter = actionHeaders.get("Retry-After");
  if (retryAfter) merged.set("Retry-After", retryAfter);
  return merged;
};

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  return null;
}

// A refused login sends back the email, cut to the longest address, and nothing else typed.
const LOGIN_FIELDS = { email: 254, password: 0 };

export async function action({ request, context }: ActionFunctionArgs) {
  return dispatchForm(
    await readForm(request),
    { login: LoginSchema },
    async ({ email, password, redirectTo }, { refuse }) => {
      // The same for every email, known or not, so that neither answer tells whether an account exists.
      const attempt = await beginLoginAttempt({ address: clientAddressOf(context), email, knownDevice: await knownDeviceFor(request, email) });
      if (!attempt.allowed) {
        const seconds = Math.ceil(attempt.retryAfterMs / 1000);
        return refuse({ status: 429, headers: { "Retry-After": String(seconds) } }, { formErrors: [waitMessage(seconds)] });
      }
      const user = await verifyLogin(email, password);
      if (!user) return refuse(400, { formErrors: [message("auth", "errors.wrongPassword")] });
      await attempt.succeeded();
      const response = await startSession(request, user.id, safeRedirectPath(redirectTo, "/"));
      response.headers.append("Set-Cookie", await rememberDevice(request, email));
      return response;
    },
    { replyFields: LOGIN_FIELDS },
  );
}

function waitMessage(seconds: number) {
  if (seconds < 60) return message("auth", "errors.throttledSeconds", { seconds });
  return message("auth", "errors.throttledMinutes", { minutes: Math.ceil(seconds / 60) });
}

export default function Login() {
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const redirectTo = searchParams.get("redirectTo") ?? "";
  const [form, fields] = useSchemaForm(LoginSchema, { id: "login", lastResult: actionData?.result, defaultValue: { redirectTo }, shouldRevalidate: "onInput" });
  const invitation = redirectTo.match(/^\/invitations\/([\w-]+)$/)?.[1];
  const t = useT("auth");
  return (
    <AuthLayout
      title={t("login.title")}
      footer={
        <>
          {t("login.newHere")}{" "}
          <Link className="link" to={signupPath(invitation ?? undefined)}>
            {t("login.createAccount")}
          </Link>
        </>
      }
    >
      <Form method="post" className="space-y-4" {...getFormProps(form)}>
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <Field meta={fields.email} label={t("login.email")} type="email" autoComplete="email" autoFocus />
        <Field meta={fields.password} label={t("login.password")} type="password" autoComplete="current-password" />
        <ErrorList id={form.errorId} errors={form.errors} />
        <SubmitButton pendingText={t("login.pending")}>{t("login.submit")}</SubmitButton>
      </Form>
    </AuthLayout>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
