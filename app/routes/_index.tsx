import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { getSessionUser } from "~/lib/session.server.ts";
import { NEW_ORG_PATH, orgPath, signupPath } from "~/features/organizations/paths.ts";
import { loginPath } from "~/lib/login-path.ts";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getSessionUser(request);
  if (!user) return null;
  const [first] = user.memberships;
  throw redirect(first ? orgPath(first.org.slug) : NEW_ORG_PATH);
}

export default function Landing() {
  return (
    <main className="mx-auto max-w-3xl px-4 py-16">
      <p className="text-sm font-semibold uppercase tracking-wide text-brand-600">Supplier Portal</p>
      <h1 className="mt-2 text-3xl font-bold sm:text-4xl">One shared source of truth for importers and their factories</h1>
      <p className="mt-4 text-lg text-slate-600">
        Clear specifications, first-article sign-offs and corrective actions that both sides can see, with an email when it is your turn. Free for suppliers.
      </p>
      <div className="mt-8 flex flex-wrap gap-3">
        <Link to={signupPath()} className="btn-primary">
          Create an account
        </Link>
        <Link to={loginPath()} className="btn-secondary">
          Log in
        </Link>
      </div>
    </main>
  );
}
