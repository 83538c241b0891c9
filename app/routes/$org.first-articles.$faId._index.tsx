import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, type ShouldRevalidateFunction, useActionData, useLoaderData } from "@remix-run/react";
import { PageHeader } from "~/components/app-shell.tsx";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { FaDecisionForm, FaDecisionSummary } from "~/features/first-articles/ui/decision-form.tsx";
import { FaStatusBadge } from "~/features/first-articles/ui/status-badge.tsx";
import { FileInput, FilePreview } from "~/features/attachments/ui/file-preview.tsx";
import { ErrorList, SubmitButton } from "~/components/forms.tsx";
import { MeasurementGrid } from "~/features/first-articles/ui/measurement-grid.tsx";
import { NextRoundPanel } from "~/features/first-articles/ui/next-round.tsx";
import { Thread } from "~/features/threads/ui/thread.tsx";
import { firstArticleHistory } from "~/features/history/history.server.ts";
import { Timeline } from "~/features/history/ui/index.ts";
import { handleFirstArticleAction } from "~/features/first-articles/actions.server.ts";
import { loadFirstArticle } from "~/features/first-articles/first-articles.server.ts";
import { loadFirstArticlePage } from "~/features/first-articles/page.server.ts";
import { idParam } from "~/features/specs/params.server.ts";
import { versionPath } from "~/features/specs/paths.ts";
import { messagesOf, replyTo } from "~/lib/action-data.ts";
import { requireMembership } from "~/lib/tenant.server.ts";
import { useMessageText } from "~/lib/i18n/translate.ts";
import { useFormat } from "~/lib/use-format.ts";
import { useT } from "~/lib/i18n/translate.ts";
import { Breadcrumb } from "~/components/breadcrumb.tsx";
import { FormAlert } from "~/components/form-alert.tsx";
import { newCorrectiveActionPath } from "~/features/corrective-actions/paths.ts";
import { firstArticleCsvPath, firstArticlePath, firstArticleReadingsPath, firstArticlesPath } from "~/features/first-articles/paths.ts";
import { pageTitle } from "~/lib/i18n/page-title.ts";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  {
    title: data
      ? pageTitle(matches, "firstArticles", "meta.detail", { code: data.spec.productCode, po: data.fa.poNumber })
      : pageTitle(matches, "firstArticles", "meta.detailFallback"),
  },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireMembership(request, params.org);
  const fa = await loadFirstArticle(ctx, idParam(params.faId));
  const history = await firstArticleHistory(ctx, fa.id);
  return { org: ctx.org, ...(await loadFirstArticlePage(ctx, fa, new URL(request.url))), history };
}

// A refused submission (422) has still saved the readings: reload them, as after a success.
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionStatus, defaultShouldRevalidate }) =>
  actionStatus === 422 ? true : defaultShouldRevalidate;

export async function action({ request, params }: ActionFunctionArgs) {
  const ctx = await requireMembership(request, params.org);
  const fa = await loadFirstArticle(ctx, idParam(params.faId));
  return handleFirstArticleAction(request, ctx, fa);
}

export default function FirstArticlePage() {
  const t = useT("firstArticles");
  const say = useMessageText();
  const f = useFormat();
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { org, fa, spec, version, can } = d;
  const readings = actionData?.readings ?? d.readings;
  const serverErrors = Object.fromEntries((actionData?.problems ?? []).filter((p) => p.cellId).map((p) => [p.cellId!, p.message]));
  // A refused save or submission marks each header field and says so; a refused decision answers in its
  // own form (while it is shown); every other refusal says all in the banner.
  const recorded = replyTo(actionData, "save", "submit");
  const { "": recordErrors, ...header } = recorded?.result.error ?? {};
  const decided = can.decide ? replyTo(actionData, "decide") : undefined;
  const errors = recorded
    ? (recordErrors ?? (Object.keys(header).length ? [t("page.checkFields")] : []))
    : decided
      ? []
      : messagesOf(replyTo(actionData, "decide", "next-round", "withdraw", "upload", "csv")?.result);
  return (
    <>
      <Breadcrumb
        links={[
          { to: firstArticlesPath(org.slug), label: t("page.breadcrumbList") },
          { to: versionPath(org.slug, spec.id, version.number), label: t("page.breadcrumbVersion", { title: spec.title, number: version.number }) },
        ]}
      />
      <PageHeader
        title={t("page.title", { title: spec.title, po: fa.poNumber })}
        description={t(fa.lotNumber ? "page.descriptionWithLot" : "page.description", {
          round: fa.round,
          lot: fa.lotNumber,
          quantity: f.count(fa.quantityProduced),
          count: fa.sampleCount,
          date: f.calendarDay(fa.inspectedOn),
        })}
        actions={
          <div className="flex flex-wrap items-center gap-2">
            <FaStatusBadge status={fa.status} />
            <Link className="btn-secondary" to="report">
              {t("page.report")}
            </Link>
            <a className="btn-secondary" href={firstArticleCsvPath(org.slug, fa.id)}>
              {t("page.exportCsv")}
            </a>
          </div>
        }
      />
      {d.rounds.length > 1 ? (
        <nav className="mb-4 flex flex-wrap gap-2" aria-label={t("page.rounds")}>
          {d.rounds.map((r) => (
            <Link
              key={r.id}
              to={firstArticlePath(org.slug, r.id)}
              aria-current={r.id === fa.id ? "page" : undefined}
              className="rounded-full border border-slate-300 px-3 py-1 text-sm aria-[current=page]:border-brand-600 aria-[current=page]:bg-brand-50 aria-[current=page]:font-semibold"
            >
              {t("page.roundLink", { round: r.round })} <FaStatusBadge status={r.status} />
            </Link>
          ))}
        </nav>
      ) : null}
      <FormAlert id="problems" messages={errors}>
        {actionData?.problems?.length ? (
          <ul className="mt-2 list-disc space-y-1 pl-5">
            {actionData.problems.map((p) => (
              <li key={p.message}>
                {/* The grid reveals and focuses the cell; staying on the page keeps this list and what was typed. */}
                {p.cellId ? (
                  <a href={`#${p.cellId}`} onClick={(event) => event.preventDefault()} className="underline">
                    {say(p.message)}
                  </a>
                ) : (
                  say(p.message)
                )}
              </li>
            ))}
          </ul>
        ) : null}
      </FormAlert>
      {fa.status !== "DRAFT" && fa.status !== "WITHDRAWN" ? <FaDecisionSummary fa={fa} characteristics={d.characteristics} /> : null}
      {fa.status === "REJECTED" && can.openCorrectiveAction ? (
        <Link className="btn-secondary mb-4" to={newCorrectiveActionPath(org.slug, fa.id)}>
          {t("page.openCorrectiveAction")}
        </Link>
      ) : null}
      {d.nextRound && (can.nextRound || can.withdraw) ? (
        <NextRoundPanel fa={fa} next={d.nextRound} canStart={can.nextRound} canWithdraw={can.withdraw} />
      ) : null}

      <Form method="post" className="space-y-4">
        {can.edit ? (
          <fieldset className="card grid gap-3 sm:grid-cols-3">
            <legend className="sr-only">{t("page.lotDetails")}</legend>
            {(
              [
                ["poNumber", t("page.poNumber"), "text", fa.poNumber],
                ["lotNumber", t("page.lotNumber"), "text", fa.lotNumber],
                ["quantityProduced", t("page.quantityProduced"), "number", String(fa.quantityProduced)],
                ["sampleCount", t("page.sampleCount"), "number", String(fa.sampleCount)],
                ["inspectedOn", t("page.inspectedOn"), "date", fa.inspectedOn],
              ] as const
            ).map(([name, label, type, value]) => (
              <label key={name} className="block text-sm">
                <span className="font-medium text-slate-700">{label}</span>
                <input name={name} type={type} defaultValue={value} className="input mt-1" aria-invalid={header[name] ? true : undefined} />
                <ErrorList errors={header[name]} />
              </label>
            ))}
            <label className="block text-sm sm:col-span-3">
              <span className="font-medium text-slate-700">{t("page.notes")}</span>
              <textarea name="notes" defaultValue={fa.notes} rows={2} className="input mt-1" />
            </label>
          </fieldset>
        ) : null}
        <section className="card max-sm:px-2" aria-labelledby="grid-heading">
          <h2 id="grid-heading" className="mb-3 font-semibold">
            {t("page.measurements")}{" "}
            {version.isCurrent ? (
              ""
            ) : (
              <span className="ml-2 rounded bg-amber-100 px-2 py-0.5 text-xs text-amber-900">{t("page.versionNotCurrent", { number: version.number })}</span>
            )}
          </h2>
          <MeasurementGrid
            key={`${fa.id}-${fa.sampleCount}`}
            characteristics={d.characteristics}
            sampleCount={fa.sampleCount}
            readings={readings}
            storedReadings={d.readings}
            editable={can.edit}
            serverErrors={serverErrors}
            autosaveTo={firstArticleReadingsPath(org.slug, fa.id)}
            rowNotes={
              d.measureAgain
                ? Object.fromEntries(d.measureAgain.keys.map((key) => [key, t("page.measureAgain", { number: d.measureAgain!.number })]))
                : undefined
            }
          />
        </section>
        {can.edit ? (
          <div className="action-bar">
            <button type="submit" name="intent" value="save" className="btn-secondary">
              {t("page.save")}
            </button>
            {can.submit ? (
              <button type="submit" name="intent" value="submit" className="btn-primary">
                {t("page.submit")}
              </button>
            ) : (
              <p className="self-center text-sm text-slate-600">{t("page.submitByOthers")}</p>
            )}
          </div>
        ) : null}
      </Form>

      <div className="mt-6 grid gap-6 lg:grid-cols-2">
        <section className="card space-y-3" aria-labelledby="files-heading">
          <h2 id="files-heading" className="font-semibold">
            {t("page.files")}
          </h2>
          {d.files.length ? (
            <ul className="flex flex-wrap gap-3">
              {d.files.map((f) => (
                <li key={f.id}>
                  <FilePreview org={org} file={f} size="sm" />
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-slate-600">{t("page.noFiles")}</p>
          )}
          {can.edit ? (
            <Form key={d.files.length} method="post" action="?upload=files" encType="multipart/form-data" className="space-y-2 border-t border-slate-100 pt-3">
              <FileInput name="files" label={t("page.addFiles")} multiple errors={replyTo(actionData, "upload")?.result.error?.files ?? undefined} />
              <ErrorList errors={replyTo(actionData, "upload")?.result.error?.[""]} />
              <SubmitButton pendingText={t("page.uploading")} className="btn-secondary">
                {t("page.upload")}
              </SubmitButton>
            </Form>
          ) : null}
        </section>
        {can.edit ? (
          <section className="card space-y-3" aria-labelledby="csv-heading">
            <h2 id="csv-heading" className="font-semibold">
              {t("page.csvHeading")}
            </h2>
            <p className="text-sm text-slate-600">{t("page.csvHelp")}</p>
            <Form method="post" action="?upload=csv" encType="multipart/form-data" className="space-y-2">
              <label className="block text-sm font-medium text-slate-700">
                {t("page.csvFile")}
                <input type="file" name="csv" accept=".csv,text/csv" className="input mt-1" />
              </label>
              <SubmitButton pendingText={t("page.importing")} className="btn-secondary">
                {t("page.import")}
              </SubmitButton>
            </Form>
          </section>
        ) : null}
        {can.decide ? (
          <FaDecisionForm fa={fa} characteristics={d.characteristics} readings={d.readings} values={decided?.values} result={decided?.result} />
        ) : null}
      </div>

      <section id="thread" className="mt-6 max-w-3xl">
        <Thread {...d.thread} heading={t("page.conversation")} orgSlug={org.slug} />
      </section>
      <Timeline entries={d.history} />
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
