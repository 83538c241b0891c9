import { Link } from "@remix-run/react";
import type { ReactNode } from "react";

/** The frame of the signed-out pages (sign up, log in, invitations). */
export function AuthLayout({ title, children, footer }: { title: string; children: ReactNode; footer?: ReactNode }) {
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-4 py-10">
      <Link to="/" className="mb-6 text-center text-lg font-bold text-brand-700">
        Supplier Portal
      </Link>
      <div className="card">
        <h1 className="mb-4 text-xl font-semibold">{title}</h1>
        {children}
      </div>
      {footer ? <div className="mt-4 text-center text-sm text-slate-600">{footer}</div> : null}
    </main>
  );
}
