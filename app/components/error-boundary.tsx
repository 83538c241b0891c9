import { Link, isRouteErrorResponse, useRouteError } from "@remix-run/react";
import type { ReactNode } from "react";
import { useInsideMain } from "~/components/app-shell.tsx";
import { useMessageText } from "~/lib/i18n/translate.ts";
import { useT } from "~/lib/i18n/translate.ts";

// The statuses with words of their own; any other reads as "Something went wrong".
const KNOWN = [400, 403, 404, 410, 413, 503] as const;
type Known = (typeof KNOWN)[number];
const isKnown = (status: number): status is Known => (KNOWN as readonly number[]).includes(status);

/**
 * The error page for every route: says what happened and what to do next,
 * never a stack trace.
 */
export function GeneralErrorBoundary() {
  const error = useRouteError();
  const t = useT("common");
  const say = useMessageText();
  if (typeof document !== "undefined") console.error(error);
  if (isRouteErrorResponse(error)) {
    const status = error.status;
    const title = isKnown(status) ? t(`error.${status}.title`) : t("error.other.title");
    // Our own messages are for people (a refusal made by message() is written in the reader's language); the router's (error.internal) are not.
    const detail = !("internal" in error && error.internal) && typeof error.data === "string" && error.data && status < 500 ? say(error.data) : null;
    return (
      <ErrorPage status={status} title={title}>
        <p>{detail && detail !== title ? detail : isKnown(status) ? t(`error.${status}.body`) : t("error.other.body")}</p>
      </ErrorPage>
    );
  }
  return (
    <ErrorPage status={500} title={t("error.500.title")}>
      <p>{t("error.500.body")}</p>
    </ErrorPage>
  );
}

export function ErrorPage({ status, title, children }: { status: number; title: string; children: ReactNode }) {
  const Landmark = useInsideMain() ? "div" : "main";
  const t = useT("common");
  return (
    <Landmark className="mx-auto max-w-xl px-4 py-16 text-center">
      <p className="text-sm font-semibold text-brand-600">{t("error.status", { status })}</p>
      <h1 className="mt-2 text-2xl font-bold">{title}</h1>
      <div className="mt-4 text-slate-600">{children}</div>
      <div className="mt-8 flex justify-center gap-3">
        <Link to="/" className="btn-primary">
          {t("error.home")}
        </Link>
      </div>
    </Landmark>
  );
}
