// The one conversation UI for spec versions, first articles and corrective
// actions. Works without JavaScript: every form posts to the page's route
// (or `action`), whose action dispatches the thread's intents (threadIntents).
import { getCollectionProps, getFormProps, getTextareaProps } from "@conform-to/react";
import { Form, Link, useActionData, useLocation, useNavigation, useParams } from "@remix-run/react";
import type { ReactNode } from "react";
import { FilePreview } from "~/features/attachments/ui/index.ts";
import { ErrorList } from "~/components/forms.tsx";
import { useSchemaForm } from "~/components/use-schema-form.ts";
import {
  CommentSchema,
  EditCommentSchema,
  editedCommentId,
  THREAD_CURSOR_PARAM,
  threadReplyFrom,
  type ThreadComment,
  type ThreadFile,
  type ThreadReply,
} from "~/features/threads/thread.ts";
import { useFormat } from "~/lib/use-format.ts";
import { useT } from "~/lib/i18n/translate.ts";

type OrgKind = "IMPORTER" | "FACTORY";

export interface ThreadProps {
  comments: ThreadComment[];
  canComment: boolean;
  viewerOrgKind: OrgKind;
  /** Names the viewer's org in the "internal note" choice; defaults to "your organization". */
  viewerOrgName?: string;
  /** Where the forms post; the current route when omitted. */
  action?: string;
  earlierCursor?: string | null;
  showingEarlier?: boolean;
  /** A refused thread form; read from the route's action data when omitted. */
  lastResult?: ThreadReply | null;
  /** Slot for a file input (the route handles the upload); makes the form multipart. */
  fileInput?: ReactNode;
  heading?: string;
  /** The org slug for file links; the `:org` URL parameter when omitted. */
  orgSlug?: string;
}

// Each side has a colour and a word, so the side is never told by colour alone.
const SIDES = {
  IMPORTER: { badge: "border-sky-300 bg-sky-50 text-sky-800", rail: "border-l-sky-500" },
  FACTORY: { badge: "border-emerald-300 bg-emerald-50 text-emerald-800", rail: "border-l-emerald-500" },
} as const;

/** Whether this page is sending a thread form (for one comment, when named). */
function useSending(intent: string, commentId?: string) {
  const navigation = useNavigation();
  const form = navigation.state === "submitting" ? navigation.formData : undefined;
  return !!form && form.get("intent") === intent && (!commentId || form.get("commentId") === commentId);
}

export function Thread({
  comments,
  canComment,
  viewerOrgKind,
  viewerOrgName,
  action,
  earlierCursor,
  showingEarlier = false,
  lastResult,
  fileInput,
  heading,
  orgSlug,
}: ThreadProps) {
  const t = useT("threads");
  const title = heading ?? t("heading");
  const actionData = useActionData();
  const failure = lastResult === undefined ? threadReplyFrom(actionData) : (lastResult ?? undefined);
  const editedId = editedCommentId(failure);
  const location = useLocation();
  const params = useParams();
  const slug = orgSlug ?? params.org ?? "";
  const pageLink = (cursor: string | null) => {
    const search = new URLSearchParams(location.search);
    if (cursor) search.set(THREAD_CURSOR_PARAM, cursor);
    else search.delete(THREAD_CURSOR_PARAM);
    const query = search.toString();
    return `${location.pathname}${query ? `?${query}` : ""}`;
  };
  return (
    <section aria-labelledby="thread-heading" className="space-y-4" data-testid="thread">
      <h2 id="thread-heading" className="text-lg font-semibold">
        {title}
      </h2>
      {earlierCursor || showingEarlier ? (
        <nav className="flex flex-wrap gap-2 text-sm" aria-label={t("earlier")}>
          {earlierCursor ? (
            <Link className="btn-secondary" to={pageLink(earlierCursor)} preventScrollReset>
              {t("showEarlier")}
            </Link>
          ) : null}
          {showingEarlier ? (
            <Link className="btn-secondary" to={pageLink(null)} preventScrollReset>
              {t("showLatest")}
            </Link>
          ) : null}
        </nav>
      ) : null}
      {comments.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-4 text-sm text-slate-600">{t("empty")}</p>
      ) : (
        <ol className="space-y-3" aria-label={title}>
          {comments.map((comment) => (
            <CommentItem
              key={comment.id}
              comment={comment}
              viewerOrgKind={viewerOrgKind}
              slug={slug}
              action={action}
              failure={editedId === comment.id ? failure : undefined}
            />
          ))}
        </ol>
      )}
      {canComment ? (
        // Keyed on the newest comment so the form clears once the posted comment shows up.
        <NewComment
          key={comments.at(-1)?.id ?? "empty"}
          action={action}
          failure={failure?.intent === "comment" ? failure : undefined}
          viewerOrgName={viewerOrgName}
          fileInput={fileInput}
        />
      ) : (
        <p className="text-sm text-slate-600">{t("readOnly")}</p>
      )}
    </section>
  );
}

function CommentItem({
  comment,
  viewerOrgKind,
  slug,
  action,
  failure,
}: {
  comment: ThreadComment;
  viewerOrgKind: OrgKind;
  slug: string;
  action?: string;
  failure?: ThreadReply;
}) {
  const t = useT("threads");
  const f = useFormat();
  const side = SIDES[comment.org.kind];
  const internal = comment.visibility === "INTERNAL";
  const headingId = `comment-${comment.id}-by`;
  return (
    <li>
      <article
        aria-labelledby={headingId}
        data-testid="comment"
        data-side={comment.org.kind}
        data-visibility={comment.visibility}
        className={`rounded-lg border border-l-4 p-3 shadow-sm sm:p-4 ${side.rail} ${internal ? "border-amber-300 bg-amber-50" : "border-slate-200 bg-white"}`}
      >
        {internal ? (
          <p className="mb-2 inline-flex items-center gap-1 rounded bg-amber-200 px-2 py-0.5 text-xs font-semibold text-amber-900">
            <span aria-hidden>🔒</span> {t("internalBadge", { org: comment.org.name })}
          </p>
        ) : null}
        <header className="flex flex-wrap items-baseline gap-x-2 gap-y-1 text-sm">
          <h3 id={headingId} className="font-semibold text-slate-900">
            {comment.author?.name ?? t("formerMember")}
          </h3>
          <span className="min-w-0 text-slate-600 [overflow-wrap:anywhere]">{comment.org.name}</span>
          <span className={`rounded border px-1.5 py-0.5 text-xs font-medium ${side.badge}`}>
            {t(`side.${comment.org.kind}`)}
            {comment.org.kind === viewerOrgKind ? <span className="sr-only"> {t("yourSide")}</span> : null}
          </span>
          <span className="text-xs text-slate-500">
            <time dateTime={comment.createdAt}>{f.dateTime(comment.createdAt)}</time>
            {comment.editedAt ? (
              <>
                {" · "}
                <span>
                  {t("edited")} <time dateTime={comment.editedAt}>{f.dateTime(comment.editedAt)}</time>
                </span>
              </>
            ) : null}
          </span>
        </header>
        <p className="mt-2 whitespace-pre-wrap text-sm text-slate-800 [overflow-wrap:anywhere]">{comment.body}</p>
        {comment.files.length ? <CommentFiles files={comment.files} slug={slug} /> : null}
        {comment.canEdit ? (
          <EditComment key={`${comment.id}:${comment.editedAt ?? ""}`} comment={comment} action={action} failure={failure} />
        ) : failure ? (
          // The window may have closed while the edit was on its way: say so here, since the form is gone.
          <ErrorList errors={Object.values(failure.result.error ?? {}).flat()} />
        ) : null}
      </article>
    </li>
  );
}

function CommentFiles({ files, slug }: { files: ThreadFile[]; slug: string }) {
  const t = useT("threads");
  return (
    <ul className="mt-2 flex flex-wrap gap-2" aria-label={t("attachedFiles")}>
      {files.map((file) => (
        <li key={file.id} className="max-w-full">
          <FilePreview org={slug} file={file} size="sm" />
        </li>
      ))}
    </ul>
  );
}

function EditComment({ comment, action, failure }: { comment: ThreadComment; action?: string; failure?: ThreadReply }) {
  const sending = useSending("edit-comment", comment.id);
  const t = useT("threads");
  const [form, fields] = useSchemaForm(EditCommentSchema, {
    id: `edit-comment-${comment.id}`,
    lastResult: failure?.result,
    defaultValue: { body: comment.body },
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  return (
    <details className="mt-2" open={failure ? true : undefined}>
      <summary className="inline-flex min-h-9 cursor-pointer items-center text-sm font-medium text-brand-600 underline-offset-2 hover:underline">
        {t("edit")}
      </summary>
      <Form method="post" action={action} className="mt-2 space-y-2" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="edit-comment" />
        <input type="hidden" name="commentId" value={comment.id} />
        <label htmlFor={fields.body.id} className="block text-sm font-medium text-slate-700">
          {t("yourComment")}
        </label>
        <textarea {...getTextareaProps(fields.body, { ariaAttributes: true })} rows={4} className="input" />
        <ErrorList id={fields.body.errorId} errors={fields.body.errors} />
        <ErrorList id={form.errorId} errors={form.errors} />
        <p className="text-xs text-slate-500">{t("editWindow")}</p>
        <button type="submit" className="btn-primary" disabled={sending}>
          {sending ? t("saving") : t("saveChanges")}
        </button>
      </Form>
    </details>
  );
}

function NewComment({ action, failure, viewerOrgName, fileInput }: { action?: string; failure?: ThreadReply; viewerOrgName?: string; fileInput?: ReactNode }) {
  const sending = useSending("comment");
  const t = useT("threads");
  const [form, fields] = useSchemaForm(CommentSchema, {
    id: "new-comment",
    lastResult: failure?.result,
    defaultValue: { visibility: "SHARED" },
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  const choices = { SHARED: t("visibility.shared"), INTERNAL: viewerOrgName ? t("visibility.internal", { org: viewerOrgName }) : t("visibility.internalOwn") };
  return (
    <Form method="post" action={action} encType={fileInput ? "multipart/form-data" : undefined} className="card space-y-3" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="comment" />
      <div>
        <label htmlFor={fields.body.id} className="block text-sm font-medium text-slate-700">
          {t("add")}
        </label>
        <textarea {...getTextareaProps(fields.body, { ariaAttributes: true })} rows={4} className="input mt-1" />
        <ErrorList id={fields.body.errorId} errors={fields.body.errors} />
      </div>
      <fieldset>
        <legend className="text-sm font-medium text-slate-700">{t("visibility.legend")}</legend>
        <div className="mt-1 flex flex-col gap-1 sm:flex-row sm:flex-wrap sm:gap-x-4">
          {getCollectionProps(fields.visibility, { type: "radio", options: ["SHARED", "INTERNAL"] }).map(({ key, ...props }) => (
            <label key={key} htmlFor={props.id} className="flex min-h-11 items-center gap-2 text-sm sm:min-h-9">
              <input {...props} className="h-4 w-4" />
              {choices[props.value as keyof typeof choices]}
            </label>
          ))}
        </div>
        <ErrorList id={fields.visibility.errorId} errors={fields.visibility.errors} />
      </fieldset>
      {/* File slot: the route renders its upload input here and attaches the files it stores. */}
      {fileInput ? <div data-slot="comment-files">{fileInput}</div> : null}
      <ErrorList id={form.errorId} errors={form.errors} />
      <button type="submit" className="btn-primary w-full sm:w-auto" disabled={sending}>
        {sending ? t("sending") : t("send")}
      </button>
    </Form>
  );
}
