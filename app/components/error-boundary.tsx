import { Link, isRouteErrorResponse, useRouteError } from "@remix-run/react";
import type { ReactNode } from "react";
import { useInsideMain } from "~/components/app-shell.tsx";

const defaults: Record<number, { title: string; body: string }> = {
  400: { title: "That request could not be understood", body: "Check what you entered and try again." },
  403: { title: "You are not allowed to do that", body: "Your role in this organization does not include this action. Ask an owner if you need it." },
  404: { title: "Page not found", body: "The page does not exist, or you do not have access to it. Check the link, or switch organization." },
  410: { title: "This link has expired", body: "Ask the person who sent it for a new one." },
  413: { title: "That is too large", body: "Send something smaller." },
  503: {
    title: "The portal is briefly unavailable",
    body: "It cannot reach its database right now. Try again in a moment (if you were saving something, check afterwards that it was saved); if it keeps happening, tell your administrator.",
  },
};

/**
 * The error page for every route: says what happened and what to do next,
 * never a stack trace.
 */
export function GeneralErrorBoundary() {
  const error = useRouteError();
  if (typeof document !== "undefined") console.error(error);
  if (isRouteErrorResponse(error)) {
    const known = defaults[error.status];
    // Our own messages are for people; the router's (error.internal) are not.
    const detail = !("internal" in error && error.internal) && typeof error.data === "string" && error.data && error.status < 500 ? error.data : null;
    return (
      <ErrorPage status={error.status} title={known?.title ?? "Something went wrong"}>
        <p>{detail && detail !== known?.title ? detail : (known?.body ?? "Please try again.")}</p>
      </ErrorPage>
    );
  }
  return (
    <ErrorPage status={500} title="Something went wrong on our side">
      <p>The problem has been logged. Try again in a moment; if it keeps happening, tell your administrator.</p>
    </ErrorPage>
  );
}

export function ErrorPage({ status, title, children }: { status: number; title: string; children: ReactNode }) {
  const Landmark = useInsideMain() ? "div" : "main";
  return (
    <Landmark className="mx-auto max-w-xl px-4 py-16 text-center">
      <p className="text-sm font-semibold text-brand-600">Error {status}</p>
      <h1 className="mt-2 text-2xl font-bold">{title}</h1>
      <div className="mt-4 text-slate-600">{children}</div>
      <div className="mt-8 flex justify-center gap-3">
        <Link to="/" className="btn-primary">
          Go to my dashboard
        </Link>
      </div>
    </Landmark>
  );
}
