import { getFormProps, getTextareaProps, type SubmissionResult } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { SpecPageHeader } from "~/features/specs/ui/spec-page-header.tsx";
import { ErrorList, SubmitButton } from "~/components/forms.tsx";
import { ConfirmAction } from "~/components/confirm-action.tsx";
import { ShareForm } from "~/features/specs/ui/share-form.tsx";
import { publishAudience } from "~/features/specs/notifications.server.ts";
import { useSchemaForm } from "~/components/use-schema-form.ts";
import { SpecVersionView } from "~/features/specs/ui/version-view.tsx";
import { Thread } from "~/features/threads/ui/thread.tsx";
import { specVersionHistory } from "~/features/history/history.server.ts";
import { Timeline } from "~/features/history/ui/index.ts";
import { VersionDiffView } from "~/features/specs/ui/version-diff.tsx";
import { diffPath, versionPath } from "~/features/specs/paths.ts";
import { QuerySchema } from "~/features/specs/schemas.ts";
import { answerVersionPage } from "~/features/specs/version-actions.server.ts";
import { loadVersionPage } from "~/features/specs/version-page.server.ts";
import { loadSpecVersionRoute } from "~/features/specs/versions.server.ts";
import { FileInput } from "~/features/attachments/ui/file-preview.tsx";
import type { FirstArticleStatus } from "~/features/first-articles/schemas.ts";
import { asSubject } from "~/lib/ability.ts";
import { useFormat } from "~/lib/use-format.ts";
import { FormAlert } from "~/components/form-alert.tsx";
import { FormMessage, useFormRefusal } from "~/components/form-refusal.tsx";
import { firstArticlePath, newFirstArticlePath } from "~/features/first-articles/paths.ts";
import { replyTo } from "~/lib/action-data.ts";
import { useT } from "~/lib/i18n/translate.ts";
import { pageTitle } from "~/lib/i18n/page-title.ts";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  {
    title: data
      ? pageTitle(matches, "specs", "meta.version", { title: data.spec.title, number: data.version.number })
      : pageTitle(matches, "specs", "meta.spec"),
  },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx, spec, version, page } = await loadVersionPage(request, params);
  const canPublish = ctx.ability.can("publish", asSubject("SpecVersion", version));
  const canShare = ctx.ability.can("share", asSubject("Spec", spec));
  const [audience, history] = await Promise.all([canPublish ? publishAudience(spec.id) : [], specVersionHistory(ctx, version.id)]);
  return {
    org: ctx.org,
    spec: { id: spec.id, title: spec.title, productCode: spec.productCode, importer: spec.org.name, currentVersionId: spec.currentVersionId },
    version: {
      id: version.id,
      number: version.number,
      status: version.status,
      publishedAt: version.publishedAt?.toISOString() ?? null,
    },
    can: {
      edit: ctx.ability.can("update", asSubject("SpecVersion", version)),
      publish: canPublish,
      acknowledge: ctx.ability.can("acknowledge", asSubject("SpecVersion", version)),
      deleteDraft: version.number > 1 && ctx.ability.can("delete", asSubject("SpecVersion", version)),
      share: canShare,
    },
    audience,
    ...page,
    unshared: canShare ? page.unshared : [],
    history,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  return answerVersionPage(request, await loadSpecVersionRoute(request, params));
}

const ackStyle = {
  pending: "bg-slate-100 text-slate-700",
  acknowledged: "bg-green-100 text-green-800",
  queried: "bg-amber-100 text-amber-900",
  answered: "bg-sky-100 text-sky-900",
} as const;

export default function VersionPage() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT("specs");
  const f = useFormat();
  const { org, spec, version, can } = d;
  const isCurrent = spec.currentVersionId === version.id;
  // The acknowledgement's forms answer their own refusals while they are shown; the banner says the rest.
  const answersShown = !!d.factoryAck && version.status !== "DRAFT" && can.acknowledge && isCurrent && d.factoryAck.status !== "ACKNOWLEDGED";
  const shareErrors = replyTo(actionData, "share")?.result.error?.factoryIds;
  const formError = replyTo(actionData, "publish", "delete-draft", "share", ...(answersShown ? [] : (["acknowledge", "query"] as const)))?.result.error?.[""];
  return (
    <>
      <SpecPageHeader
        org={org}
        spec={spec}
        title={t("spec.version", { number: version.number })}
        description={
          version.status === "DRAFT"
            ? t("version.descriptionDraft", { productCode: spec.productCode })
            : version.status === "PUBLISHED"
              ? t("version.descriptionPublished", { productCode: spec.productCode, day: version.publishedAt ? f.day(version.publishedAt) : "" })
              : t("version.descriptionSuperseded", { productCode: spec.productCode })
        }
        actions={
          <div className="flex flex-wrap gap-2">
            {can.edit ? (
              <Link className="btn-secondary" to="edit">
                {t("version.editDraft")}
              </Link>
            ) : null}
            {can.publish ? (
              <ConfirmAction
                tone="primary"
                label={t("version.publish", { number: version.number })}
                question={<PublishQuestion number={version.number} audience={d.audience} />}
                confirmLabel={t("version.publishConfirm")}
                fields={{ intent: "publish" }}
              />
            ) : null}
            {can.deleteDraft ? (
              <ConfirmAction
                label={t("version.deleteDraft")}
                question={t("version.deleteDraftQuestion", { number: version.number })}
                confirmLabel={t("version.deleteDraft")}
                fields={{ intent: "delete-draft" }}
              />
            ) : null}
            {version.number > 1 ? (
              <Link className="btn-secondary" to={diffPath(org.slug, spec.id, version.number - 1, version.number)}>
                {t("spec.changesFrom", { number: version.number - 1 })}
              </Link>
            ) : null}
          </div>
        }
      />
      <FormAlert messages={formError} />
      {version.status === "SUPERSEDED" && org.kind === "FACTORY" ? (
        <p className="mb-4 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">{t("version.replaced")}</p>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="min-w-0 space-y-4 lg:col-span-2">
          {d.changes ? (
            <section className="card border-amber-300" aria-labelledby="changes">
              <h2 id="changes" className="mb-2 font-semibold">
                {t("version.changesSinceAcknowledged", { number: d.changes.from })}
              </h2>
              <VersionDiffView
                diff={d.changes.diff}
                fromNumber={d.changes.from}
                toNumber={version.number}
                characteristicsByKey={d.changes.characteristicsByKey}
              />
            </section>
          ) : null}
          <SpecVersionView org={org} version={d.snapshot} />
        </div>
        <aside className="min-w-0 space-y-4">
          {d.factoryAck && version.status !== "DRAFT" ? (
            <AcknowledgePanel
              ack={d.factoryAck}
              canAcknowledge={can.acknowledge && isCurrent}
              lastResult={replyTo(actionData, "query")?.result}
              acknowledgeResult={replyTo(actionData, "acknowledge")?.result}
            />
          ) : null}
          {org.kind === "FACTORY" && version.status !== "DRAFT" ? (
            <section className="card text-sm" aria-labelledby="fai">
              <h2 id="fai" className="font-semibold">
                {t("version.firstArticle")}
              </h2>
              {d.firstArticles[0] ? (
                <FirstArticleLine org={org} fa={d.firstArticles[0]} />
              ) : isCurrent && d.factoryAck?.status === "ACKNOWLEDGED" && can.acknowledge ? (
                <Link className="btn-secondary mt-2" to={newFirstArticlePath(org.slug, version.id)}>
                  {t("version.startFirstArticle")}
                </Link>
              ) : (
                <p className="mt-1 text-slate-600">{isCurrent ? t("version.acknowledgeToStart") : t("version.noFirstArticleForVersion")}</p>
              )}
            </section>
          ) : null}
          {org.kind === "IMPORTER" && version.status !== "DRAFT" ? (
            <section className="card" aria-labelledby="acks">
              <h2 id="acks" className="font-semibold">
                {t("version.acknowledgements")}
              </h2>
              {d.ackStatus.length === 0 ? (
                <p className="mt-2 text-sm text-slate-600">{t("version.notSharedWithAny")}</p>
              ) : (
                <ul className="mt-2 divide-y divide-slate-100">
                  {d.ackStatus.map((a) => (
                    <li key={a.factory.id} className="py-2 text-sm" data-testid="ack-status">
                      <div className="flex items-center justify-between gap-2">
                        <Link
                          className="link min-w-0 truncate max-sm:block max-sm:py-3"
                          to={versionPath(org.slug, spec.id, version.number, { factoryId: a.factory.id, thread: true })}
                        >
                          {a.factory.name}
                        </Link>
                        <span className={`rounded px-2 py-0.5 text-xs font-semibold ${ackStyle[a.state]}`}>{t(`ackState.${a.state}`)}</span>
                      </div>
                      <FirstArticleLine org={org} fa={d.firstArticles.find((f) => f.factoryId === a.factory.id)} />
                      {a.by && a.at ? (
                        <p className="text-xs text-slate-600">
                          {a.by}, {f.dateTime(a.at)}
                        </p>
                      ) : null}
                      {a.question ? <p className="mt-1 rounded bg-amber-50 p-2 text-xs text-amber-900">“{a.question}”</p> : null}
                    </li>
                  ))}
                </ul>
              )}
              {can.share ? <ShareForm factories={d.unshared} errors={shareErrors} className="mt-3 border-t border-slate-100 pt-3" /> : null}
            </section>
          ) : null}
          {can.share && version.status === "DRAFT" && d.unshared.length ? (
            <section className="card" aria-labelledby="sharing">
              <h2 id="sharing" className="font-semibold">
                {t("version.sharing")}
              </h2>
              <p className="mt-1 text-sm text-slate-600">{t("version.factoriesSeePublished")}</p>
              <ShareForm factories={d.unshared} errors={shareErrors} className="mt-3" />
            </section>
          ) : null}
        </aside>
      </div>
      {d.thread ? (
        <section id="thread" className="mt-6 max-w-3xl">
          {org.kind === "IMPORTER" ? (
            <p className="mb-2 text-sm text-slate-600">
              {t("version.conversationWith", { factory: d.ackStatus.find((a) => a.factory.id === d.threadFactoryId)?.factory.name ?? "" })}
            </p>
          ) : null}
          <QuestionStatus
            state={
              org.kind === "IMPORTER"
                ? d.ackStatus.find((a) => a.factory.id === d.threadFactoryId)?.state
                : d.factoryAck?.status === "ACKNOWLEDGED"
                  ? "acknowledged"
                  : d.factoryAck?.status === "QUERIED"
                    ? d.factoryAck.answered
                      ? "answered"
                      : "queried"
                    : undefined
            }
            importer={org.kind === "IMPORTER"}
          />
          <Thread
            {...d.thread}
            heading={t("version.threadHeading")}
            orgSlug={org.slug}
            fileInput={<FileInput name="files" label={t("version.attachFiles")} multiple />}
          />
        </section>
      ) : null}
      <Timeline entries={d.history} />
    </>
  );
}

/** Where the factory's question stands, at the head of the thread: whose turn it is. */
function QuestionStatus({ state, importer }: { state?: "pending" | "acknowledged" | "queried" | "answered"; importer: boolean }) {
  const t = useT("specs");
  if (state !== "queried" && state !== "answered") return null;
  const text =
    state === "answered"
      ? importer
        ? t("question.answeredImporter")
        : t("question.answeredFactory")
      : importer
        ? t("question.openImporter")
        : t("question.openFactory");
  return (
    <p className={`mb-2 rounded px-2 py-1 text-sm font-medium ${ackStyle[state]}`} data-testid="question-status">
      {text}
    </p>
  );
}

/** Who the publish email goes to: the same recipients the notification is sent to. */
function PublishQuestion({ number, audience }: { number: number; audience: { name: string; people: number }[] }) {
  const t = useT("specs");
  const people = audience.reduce((sum, f) => sum + f.people, 0);
  return (
    <div data-testid="publish-audience">
      <p>{t("publish.question", { number })}</p>
      {people === 0 ? (
        <p className="mt-2">{t("publish.noOne")}</p>
      ) : (
        <>
          <p className="mt-2">{t("publish.people", { count: people })}</p>
          <ul className="mt-1 list-disc pl-5">
            {audience.map((f) => (
              <li key={f.name}>{t("publish.members", { count: f.people, factory: f.name })}</li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

function FirstArticleLine({ org, fa }: { org: { slug: string }; fa?: { id: string; status: FirstArticleStatus; round: number } }) {
  const t = useT("specs");
  if (!fa) return <p className="mt-1 text-xs text-slate-500">{t("version.noFirstArticle")}</p>;
  return (
    <p className="mt-1 text-xs">
      <Link className="link tap-target" to={firstArticlePath(org.slug, fa.id)}>
        {t("version.firstArticleRound", { round: fa.round, status: t(`faStatus.${fa.status}`) })}
      </Link>
    </p>
  );
}

function AcknowledgePanel({
  ack,
  canAcknowledge,
  lastResult,
  acknowledgeResult,
}: {
  ack: { status: "ACKNOWLEDGED" | "QUERIED" | null; question: string | null; at: string | null; answered: boolean };
  canAcknowledge: boolean;
  lastResult?: SubmissionResult<string[]>;
  acknowledgeResult?: SubmissionResult<string[]>;
}) {
  // Cleared while typing, not on blur: clearing it on blur moved the button from under the click that left the field.
  const [form, fields] = useSchemaForm(QuerySchema, { id: "query", lastResult, constraint: false, shouldValidate: "onSubmit", shouldRevalidate: "onInput" });
  const queryRefusal = useFormRefusal(form.id, lastResult);
  const acknowledgeRefusal = useFormRefusal("acknowledge", acknowledgeResult);
  const t = useT("specs");
  const f = useFormat();
  return (
    <section className="card" aria-labelledby="ack">
      <h2 id="ack" className="font-semibold">
        {t("ack.heading")}
      </h2>
      {ack.status === "ACKNOWLEDGED" ? (
        <p className="mt-2 rounded bg-green-50 p-2 text-sm text-green-900">{t("ack.acknowledged", { day: ack.at ? f.day(ack.at) : "" })}</p>
      ) : ack.status === "QUERIED" ? (
        <p className="mt-2 rounded bg-amber-50 p-2 text-sm text-amber-900">
          {ack.answered ? t("ack.askedAnswered", { question: ack.question ?? "" }) : t("ack.askedWaiting", { question: ack.question ?? "" })}
        </p>
      ) : (
        <p className="mt-2 text-sm text-slate-700">{t("ack.readFirst")}</p>
      )}
      {canAcknowledge && ack.status !== "ACKNOWLEDGED" ? (
        <div className="mt-3 space-y-4">
          <Form method="post" {...acknowledgeRefusal.form}>
            <FormMessage refusal={acknowledgeRefusal} />
            <input type="hidden" name="intent" value="acknowledge" />
            <SubmitButton pendingText={t("ack.sending")}>{t("ack.submit")}</SubmitButton>
          </Form>
          <Form method="post" className="space-y-2 border-t border-slate-100 pt-3" {...getFormProps(form)} {...queryRefusal.form}>
            <FormMessage refusal={queryRefusal} />
            <input type="hidden" name="intent" value="query" />
            <label htmlFor={fields.question.id} className="block text-sm font-medium text-slate-700">
              {t("ack.askLabel")}
            </label>
            <textarea {...getTextareaProps(fields.question)} rows={3} className="input" />
            <ErrorList id={fields.question.errorId} errors={fields.question.errors} />
            <button type="submit" className="btn-secondary">
              {t("ack.sendQuestion")}
            </button>
          </Form>
        </div>
      ) : null}
    </section>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
