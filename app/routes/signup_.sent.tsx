import type { MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { AuthLayout } from "~/components/auth-layout.tsx";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { signupPath } from "~/features/organizations/paths.ts";
import { loginPath } from "~/lib/login-path.ts";

// Where every sign-up lands, whether or not the address had an account: the email says which.
export const meta: MetaFunction = () => [{ title: "Check your email · Supplier Portal" }];

export default function SignupSent() {
  return (
    <AuthLayout
      title="Check your email"
      footer={
        <>
          Already confirmed?{" "}
          <Link className="link" to={loginPath()}>
            Log in
          </Link>
        </>
      }
    >
      <div className="space-y-3 text-slate-700">
        <p>We sent an email to the address you entered. Open it and follow the link to finish.</p>
        <p>The link works once, for 24 hours. If you already have an account with this address, the email tells you how to log in instead.</p>
        <p className="text-sm text-slate-600">
          No email after a few minutes? Look in your spam folder, or{" "}
          <Link className="link" to={signupPath()}>
            sign up again
          </Link>{" "}
          and check the address.
        </p>
      </div>
    </AuthLayout>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
