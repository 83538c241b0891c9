import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { getSessionUser } from "~/lib/session.server.ts";
import { NEW_ORG_PATH, orgPath, signupPath } from "~/features/organizations/paths.ts";
import { useT } from "~/lib/i18n/translate.ts";
import { loginPath } from "~/lib/login-path.ts";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getSessionUser(request);
  if (!user) return null;
  const [first] = user.memberships;
  throw redirect(first ? orgPath(first.org.slug) : NEW_ORG_PATH);
}

export default function Landing() {
  const t = useT("landing");
  const common = useT("common");
  return (
    <main className="mx-auto max-w-3xl px-4 py-16">
      <p className="text-sm font-semibold uppercase tracking-wide text-brand-600">{common("product")}</p>
      <h1 className="mt-2 text-3xl font-bold sm:text-4xl">{t("title")}</h1>
      <p className="mt-4 text-lg text-slate-600">{t("lead")}</p>
      <div className="mt-8 flex flex-wrap gap-3">
        <Link to={signupPath()} className="btn-primary">
          {t("signUp")}
        </Link>
        <Link to={loginPath()} className="btn-secondary">
          {t("logIn")}
        </Link>
      </div>
    </main>
  );
}
