import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { useT } from "~/lib/i18n/translate.ts";
import { LanguageMenu } from "./language-menu.tsx";

/** The frame of the signed-out pages (sign up, log in, invitations). */
export function AuthLayout({ title, children, footer }: { title: string; children: ReactNode; footer?: ReactNode }) {
  const t = useT("common");
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-4 py-10">
      <div className="mb-6 flex items-center justify-between gap-3">
        <Link to="/" className="text-lg font-bold text-brand-700">
          {t("product")}
        </Link>
        <LanguageMenu />
      </div>
      <div className="card">
        <h1 className="mb-4 text-xl font-semibold">{title}</h1>
        {children}
      </div>
      {footer ? <div className="mt-4 text-center text-sm text-slate-600">{footer}</div> : null}
    </main>
  );
}
