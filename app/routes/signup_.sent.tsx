import type { MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { AuthLayout } from "~/components/auth-layout.tsx";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { signupPath } from "~/features/organizations/paths.ts";
import { loginPath } from "~/lib/login-path.ts";
import { useT } from "~/lib/i18n/translate.ts";
import { RichText } from "~/lib/i18n/rich-text.tsx";
import { pageTitle } from "~/lib/i18n/page-title.ts";

// Where every sign-up lands, whether or not the address had an account: the email says which.
export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "auth", "meta.sent") }];

export default function SignupSent() {
  const t = useT("auth");
  return (
    <AuthLayout
      title={t("sent.title")}
      footer={
        <>
          {t("sent.confirmed")}{" "}
          <Link className="link" to={loginPath()}>
            {t("sent.logIn")}
          </Link>
        </>
      }
    >
      <div className="space-y-3 text-slate-700">
        <p>{t("sent.body")}</p>
        <p>{t("sent.once")}</p>
        <p className="text-sm text-slate-600">
          <RichText namespace="auth" id="sent.noEmail" components={{ 0: <Link className="link" to={signupPath()} /> }} />
        </p>
      </div>
    </AuthLayout>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
