import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { AuthLayout } from "~/components/auth-layout.tsx";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { SubmitButton } from "~/components/forms.tsx";
import { z } from "zod";
import { confirmSignup, getSignupLink } from "~/features/organizations/signups.server.ts";
import { dispatchForm } from "~/lib/actions.server.ts";
import { readForm } from "~/lib/forms.server.ts";
import { startSession } from "~/lib/session.server.ts";
import { orgPath, signupPath } from "~/features/organizations/paths.ts";
import { loginPath } from "~/lib/login-path.ts";
import { useT } from "~/lib/i18n/translate.ts";
import { message } from "~/lib/i18n/message.ts";
import { useMessageText } from "~/lib/i18n/translate.ts";
import { RichText } from "~/lib/i18n/rich-text.tsx";
import { pageTitle } from "~/lib/i18n/page-title.ts";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "auth", "meta.confirm") }, { name: "referrer", content: "no-referrer" }];

type Refusal = "invalid" | "used" | "expired" | "taken";
const REFUSAL_STATUS: Record<Refusal, number> = { invalid: 404, used: 410, expired: 410, taken: 409 };

const PASSWORD_NEEDED = message("auth", "validation.confirmPasswordRequired");
const ConfirmSchema = z.object({ password: z.string({ required_error: PASSWORD_NEEDED }).min(1, PASSWORD_NEEDED).max(200, PASSWORD_NEEDED) });

// Opening the link only shows a button: mail scanners that fetch every link must not use it up.
export async function loader({ params }: LoaderFunctionArgs) {
  const link = await getSignupLink(params.token ?? "");
  if (!link) return data({ refused: "invalid" as Refusal, link: null }, { status: 404 });
  if (link.state !== "valid") return data({ refused: link.state as Refusal, link: null }, { status: 410 });
  return { refused: null, link: { email: link.email, orgName: link.orgName } };
}

const WRONG_PASSWORD = message("auth", "errors.wrongConfirmPassword");

// A refusal carries the password's message, never the password.
export async function action({ request, params }: ActionFunctionArgs) {
  return dispatchForm(
    await readForm(request),
    { confirm: ConfirmSchema },
    async ({ password }, { refuse }) => {
      const outcome = await confirmSignup(params.token ?? "", password);
      if (outcome.status === "wrong-password") return refuse(400, { fieldErrors: { password: [WRONG_PASSWORD] } }, { refused: null });
      if (outcome.status !== "created") return refuse(REFUSAL_STATUS[outcome.status], {}, { refused: outcome.status });
      return startSession(request, outcome.user.id, outcome.redirectTo ?? (outcome.org ? orgPath(outcome.org.slug) : "/"));
    },
    { replyFields: { password: 0 } },
  );
}

// Where each refusal leads: back to the sign-up, or on to the login.
const NEXT: Record<Refusal, "signUpAgain" | "logIn"> = { invalid: "signUpAgain", used: "logIn", expired: "signUpAgain", taken: "logIn" };
const NEXT_PATH = { signUpAgain: signupPath(), logIn: loginPath() };

export default function ConfirmSignup() {
  const loaded = useLoaderData<typeof loader>();
  const acted = useActionData<typeof action>();
  const refused = acted?.refused ?? loaded.refused;
  const passwordError = acted?.result.error?.password?.[0];
  const t = useT("auth");
  const say = useMessageText();
  if (refused || !loaded.link) {
    const refusal = refused ?? "invalid";
    return (
      <AuthLayout title={t(`confirm.${refusal}.title`)}>
        <p className="text-slate-700">{t(`confirm.${refusal}.text`)}</p>
        <Link className="btn-primary mt-6" to={NEXT_PATH[NEXT[refusal]]}>
          {t(`confirm.${NEXT[refusal]}`)}
        </Link>
      </AuthLayout>
    );
  }
  const email = <strong className="break-all" />;
  return (
    <AuthLayout title={t("confirm.title")}>
      <p className="text-slate-700">
        {loaded.link.orgName ? (
          <RichText namespace="auth" id="confirm.finishWithOrg" values={{ email: loaded.link.email, org: loaded.link.orgName }} components={{ 0: email }} />
        ) : (
          <RichText namespace="auth" id="confirm.finish" values={{ email: loaded.link.email }} components={{ 0: email }} />
        )}
      </p>
      <Form method="post" className="mt-6 space-y-4">
        <div>
          <label htmlFor="confirm-password" className="block text-sm font-medium text-slate-700">
            {t("confirm.password")}
          </label>
          <input
            id="confirm-password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            maxLength={200}
            aria-invalid={passwordError ? true : undefined}
            aria-describedby={passwordError ? "confirm-password-error" : "confirm-password-hint"}
            className="input mt-1"
          />
          {passwordError ? (
            <p id="confirm-password-error" role="alert" className="mt-1 text-sm text-red-700">
              {say(passwordError)}
            </p>
          ) : (
            <p id="confirm-password-hint" className="mt-1 text-xs text-slate-500">
              {t("confirm.passwordHint")}
            </p>
          )}
        </div>
        <SubmitButton pendingText={t("confirm.pending")}>{t("confirm.submit")}</SubmitButton>
      </Form>
    </AuthLayout>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
