import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ConfirmAction } from "~/components/confirm-action.tsx";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { SpecPageHeader } from "~/features/specs/ui/spec-page-header.tsx";
import { FileInput, FilePreview } from "~/features/attachments/ui/file-preview.tsx";
import { ErrorList, SubmitButton } from "~/components/forms.tsx";
import { UnsavedChangesPrompt } from "~/components/unsaved-changes.tsx";
import { useSchemaForm } from "~/components/use-schema-form.ts";
import { UploadProgress, uploadClientAction, uploadShouldRevalidate } from "~/components/upload-progress.tsx";
import { CharacteristicRows, DefectRows, MaterialRows, TextArea } from "~/features/specs/ui/editor.tsx";
import { stageUploads } from "~/features/attachments/uploads.server.ts";
import { IMAGE_KINDS, isImageType } from "~/features/attachments/file-types.ts";
import { versionEditPath, versionPath } from "~/features/specs/paths.ts";
import { AddDefectSchema, CHANGE_NOTE_MAX, VersionContentSchema } from "~/features/specs/schemas.ts";
import {
  addDefectExample,
  addVersionFiles,
  ensureDraftEditable,
  loadSpecVersionRoute,
  loadVersion,
  removeVersionFile,
  saveDraft,
  toSnapshot,
} from "~/features/specs/versions.server.ts";
import { replyTo } from "~/lib/action-data.ts";
import { dispatchIntents } from "~/lib/actions.server.ts";
import type { Tx } from "~/lib/db.server.ts";
import { readForm } from "~/lib/forms.server.ts";
import { redirectWithToast } from "~/lib/toast.server.ts";
import { message } from "~/lib/i18n/message.ts";
import { useT } from "~/lib/i18n/translate.ts";
import { requestLanguage } from "~/lib/i18n/language.server.ts";
import { accountTranslator, translateMessage } from "~/lib/i18n/translate.server.ts";
import { pageTitle } from "~/lib/i18n/page-title.ts";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  {
    title: data
      ? pageTitle(matches, "specs", "meta.edit", { title: data.spec.title, number: data.snapshot.number })
      : pageTitle(matches, "specs", "meta.editFallback"),
  },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx, spec, version } = await loadSpecVersionRoute(request, params);
  // Published versions are read-only: send people to the page that shows them.
  if (version.status !== "DRAFT") throw redirect(versionPath(ctx.org.slug, spec.id, version.number));
  ensureDraftEditable(ctx, version);
  const snapshot = await toSnapshot(version);
  // Every write to the draft moves updatedAt: the editor remounts on it, so
  // after a save the form holds what was saved, not the browser's old state.
  return {
    org: ctx.org,
    spec: { id: spec.id, title: spec.title, productCode: spec.productCode },
    snapshot,
    changeNote: version.changeNote,
    savedAt: version.updatedAt.toISOString(),
  };
}

const EDITOR_INTENTS = { save: VersionContentSchema, "remove-file": z.object({ intent: z.literal("remove-file"), attachmentId: z.string().min(1).max(64) }) };
const UPLOAD_INTENTS = { upload: z.object({ intent: z.literal("upload") }), "add-defect": AddDefectSchema };
// The editor is one form: its upload and "add example" buttons post the draft's text with the
// files (`draft=1`), and the text is saved before the files are added, so nothing typed is lost.
const DRAFT_INTENTS = { save: VersionContentSchema, upload: VersionContentSchema, "add-defect": VersionContentSchema };
const DRAFT_EXTRA_FIELDS = ["draft", "then", "example.*"];

export async function action({ request, params }: ActionFunctionArgs) {
  const { ctx, spec, version } = await loadSpecVersionRoute(request, params);
  const here = versionEditPath(ctx.org.slug, spec.id, version.number);
  const t = accountTranslator(ctx.user, "specs");
  // After the draft's text is saved, files are added to the version as it now is.
  const reloaded = () => loadVersion(ctx, spec, version.number);
  const multipart = (request.headers.get("content-type") ?? "").startsWith("multipart/form-data");
  if (multipart) {
    // Checked before a byte is stored: a viewer or a published version gets 403 here.
    ensureDraftEditable(ctx, version, ["attachments", "defectExamples"]);
    const staged = await stageUploads(request, ctx, { fields: ["files", "acceptable", "unacceptable"], maxFiles: 10, keepForm: true });
    const save = (tx: Tx) => staged.save(tx, { ownerType: "SpecVersion", ownerId: version.id });
    const refused = staged.refused;
    let saved = false;
    try {
      if (staged.form.get("draft") === "1") {
        const examplePhotos = staged.files.filter((f) => f.field !== "files");
        return await dispatchIntents(
          staged.form,
          DRAFT_INTENTS,
          {
            save: async (content, { formData, refuse }) => {
              if (refused) return refuse(refused.status, { fieldErrors: refused.fieldErrors });
              await saveDraft(ctx, version, content);
              // Drawings chosen but not yet uploaded go with the save rather than being dropped.
              if (staged.files.some((f) => f.field === "files")) await addVersionFiles(ctx, await reloaded(), save);
              saved = true;
              return redirectWithToast(formData.get("then") === "view" ? versionPath(ctx.org.slug, spec.id, version.number) : here, {
                message: t("toast.draftSaved"),
              });
            },
            upload: async (content, { refuse }) => {
              if (refused) return refuse(refused.status, { fieldErrors: refused.fieldErrors });
              if (!staged.files.some((f) => f.field === "files")) return refuse(400, { fieldErrors: { files: [message("specs", "errors.noFiles")] } });
              await saveDraft(ctx, version, content);
              await addVersionFiles(ctx, await reloaded(), save);
              saved = true;
              return redirectWithToast(here, { message: t("toast.filesAddedDraftSaved") });
            },
            "add-defect": async (content, { formData, refuse }) => {
              const example = AddDefectSchema.safeParse({
                description: formData.get("example.description") ?? "",
                characteristicKey: formData.get("example.characteristicKey") ?? "",
              });
              const fieldErrors: Record<string, string[]> = { ...refused?.fieldErrors };
              for (const issue of example.error?.issues ?? []) (fieldErrors[`example.${String(issue.path[0])}`] ??= []).push(issue.message);
              const notPhotos = examplePhotos.filter((p) => !isImageType(p.contentType));
              for (const p of notPhotos) (fieldErrors[p.field] ??= []).push(message("specs", "errors.notAPhoto", { name: p.name }));
              if (!examplePhotos.length && !refused) (fieldErrors.acceptable ??= []).push(message("specs", "errors.noExamplePhoto"));
              if (Object.keys(fieldErrors).length || !example.success) return refuse(refused?.status ?? (notPhotos.length ? 415 : 400), { fieldErrors });
              await saveDraft(ctx, version, content);
              await addDefectExample(ctx, await reloaded(), example.data, save);
              saved = true;
              return redirectWithToast(here, { message: t("toast.exampleAddedDraftSaved") });
            },
          },
          { defaultIntent: "save", extraFields: { save: DRAFT_EXTRA_FIELDS, upload: DRAFT_EXTRA_FIELDS, "add-defect": DRAFT_EXTRA_FIELDS } },
        );
      }
      // A section posted on its own (not the editor's form) is refused as before, with the message alone.
      if (refused) {
        const language = requestLanguage(request, ctx.user);
        throw data(
          Object.values(refused.fieldErrors)
            .flat()
            .map((refusal) => translateMessage(language, refusal))
            .join(" "),
          { status: refused.status },
        );
      }
      return await dispatchIntents(
        staged.form,
        UPLOAD_INTENTS,
        {
          upload: async () => {
            await addVersionFiles(ctx, version, save);
            saved = true;
            return redirectWithToast(here, { message: t("toast.filesAdded") });
          },
          "add-defect": async (input, { refuse }) => {
            const photos = staged.files.filter((f) => f.field !== "files");
            if (photos.some((p) => !isImageType(p.contentType))) return refuse(415, { formErrors: [message("specs", "errors.photosOnly")] });
            await addDefectExample(ctx, version, input, save);
            saved = true;
            return redirectWithToast(here, { message: t("toast.exampleAdded") });
          },
        },
        { defaultIntent: "upload" },
      );
    } finally {
      if (!saved) await staged.discard();
    }
  }
  return dispatchIntents(
    await readForm(request, 512 * 1024),
    EDITOR_INTENTS,
    {
      save: async (content, { formData }) => {
        await saveDraft(ctx, version, content);
        return redirectWithToast(formData.get("then") === "view" ? versionPath(ctx.org.slug, spec.id, version.number) : here, {
          message: t("toast.draftSaved"),
        });
      },
      "remove-file": async ({ attachmentId }) => {
        await removeVersionFile(ctx, version, attachmentId);
        return redirectWithToast(here, { message: t("toast.fileRemoved") });
      },
    },
    // The editor's main form posts no intent; its "Save and preview" button sends `then=view`.
    { defaultIntent: "save", extraFields: { save: ["then"] }, authorize: { save: () => ensureDraftEditable(ctx, version) } },
  );
}

export const clientAction = uploadClientAction;
export const shouldRevalidate = uploadShouldRevalidate;

export default function EditVersion() {
  const { savedAt } = useLoaderData<typeof loader>();
  return <DraftEditor key={savedAt} />;
}

function DraftEditor() {
  const { org, spec, snapshot, changeNote } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT("specs");
  const [form, fields] = useSchemaForm(VersionContentSchema, {
    id: "version-content",
    lastResult: replyTo(actionData, "save", "upload", "add-defect")?.result,
    defaultValue: {
      description: snapshot.description,
      notes: snapshot.notes,
      packaging: snapshot.packaging,
      changeNote,
      materials: snapshot.materials,
      characteristics: snapshot.characteristics.map((c) => ({ ...c, nominal: c.nominal ?? "", lowerTol: c.lowerTol ?? "", upperTol: c.upperTol ?? "" })),
      defects: snapshot.defectExamples.map((d) => ({ key: d.key, description: d.description, characteristicKey: d.characteristicKey ?? "" })),
    },
    shouldRevalidate: "onInput",
  });
  const replied = replyTo(actionData, "save", "upload", "add-defect")?.result;
  const fieldErrors = (name: string) => replied?.error?.[name] ?? undefined;
  const typed = (name: string) => {
    const value = replied?.initialValue?.[name];
    return typeof value === "string" ? value : undefined;
  };
  return (
    <>
      <SpecPageHeader
        org={org}
        spec={spec}
        title={t("edit.title", { number: snapshot.number })}
        description={t("edit.description", { productCode: spec.productCode })}
        actions={
          <Link className="btn-secondary" to={versionPath(org.slug, spec.id, snapshot.number)}>
            {t("edit.preview")}
          </Link>
        }
      />
      <UnsavedChangesPrompt when={form.dirty} />
      <Form method="post" encType="multipart/form-data" className="space-y-4" {...getFormProps(form)}>
        <input type="hidden" name="draft" value="1" />
        <div className="card space-y-4">
          <TextArea field={fields.description} label={t("view.description")} />
          <TextArea field={fields.notes} label={t("edit.notes")} rows={3} />
          <TextArea field={fields.packaging} label={t("edit.packaging")} rows={3} hint={t("edit.packagingHint")} />
          {snapshot.number > 1 ? (
            <TextArea field={fields.changeNote} label={t("diffPage.changeNotes")} rows={2} hint={t("edit.changeNoteHint", { max: CHANGE_NOTE_MAX })} />
          ) : null}
        </div>
        <CharacteristicRows form={form} list={fields.characteristics} />
        <MaterialRows form={form} list={fields.materials} />
        <DefectRows form={form} list={fields.defects} characteristics={snapshot.characteristics} />
        <ErrorList id={form.errorId} errors={form.errors} />
        <UploadProgress formId={form.id} />
        <div className="action-bar">
          <SubmitButton pendingText={t("edit.saving")}>{t("edit.save")}</SubmitButton>
          <button type="submit" name="then" value="view" className="btn-secondary">
            {t("edit.saveAndPreview")}
          </button>
        </div>
      </Form>

      <div className="mt-8 grid gap-6 lg:grid-cols-2">
        <section className="card space-y-3" aria-labelledby="drawings">
          <h2 id="drawings" className="font-semibold">
            {t("view.files")}
          </h2>
          {snapshot.attachments.length ? (
            <ul className="space-y-2">
              {snapshot.attachments.map((f) => (
                <li key={f.id} className="flex items-center justify-between gap-2">
                  <FilePreview org={org} file={f} size="sm" />
                  <ConfirmAction
                    label={t("editor.remove")}
                    question={t("edit.removeFileQuestion", { name: f.name })}
                    confirmLabel={t("editor.remove")}
                    fields={{ intent: "remove-file", attachmentId: f.id }}
                  />
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-slate-600">{t("edit.noDrawings")}</p>
          )}
          {/* Part of the editor's form (the `form` attribute): uploading saves the text typed above too. */}
          <div className="space-y-2 border-t border-slate-100 pt-3">
            <FileInput name="files" label={t("edit.addFiles")} multiple form={form.id} errors={fieldErrors("files")} />
            <SubmitButton pendingText={t("edit.uploading")} className="btn-secondary" name="intent" value="upload" form={form.id}>
              {t("edit.upload")}
            </SubmitButton>
          </div>
        </section>
        <section className="card space-y-3" aria-labelledby="add-defect">
          <h2 id="add-defect" className="font-semibold">
            {t("edit.addDefect")}
          </h2>
          <p className="text-sm text-slate-600">{t("edit.addDefectHint")}</p>
          <div className="space-y-3">
            <div>
              <label htmlFor="defect-description" className="block text-sm font-medium text-slate-700">
                {t("view.description")}
              </label>
              {/* Not `required`: the field belongs to the editor's form, whose other buttons must still save. */}
              <input
                id="defect-description"
                name="example.description"
                form={form.id}
                defaultValue={typed("example.description")}
                className="input mt-1"
                placeholder={t("edit.defectPlaceholder")}
                maxLength={1000}
                aria-invalid={fieldErrors("example.description") ? true : undefined}
                aria-describedby={fieldErrors("example.description") ? "defect-description-error" : undefined}
              />
              <ErrorList id="defect-description-error" errors={fieldErrors("example.description")} />
            </div>
            <div>
              <label htmlFor="defect-characteristic" className="block text-sm font-medium text-slate-700">
                {t("editor.forCharacteristic")}
              </label>
              <select
                id="defect-characteristic"
                name="example.characteristicKey"
                form={form.id}
                defaultValue={typed("example.characteristicKey")}
                className="input mt-1"
              >
                <option value="">{t("editor.general")}</option>
                {snapshot.characteristics.map((c) => (
                  <option key={c.key} value={c.key}>
                    {c.number} {c.name}
                  </option>
                ))}
              </select>
            </div>
            <FileInput name="acceptable" label={t("edit.acceptablePhoto")} accept={IMAGE_KINDS} form={form.id} errors={fieldErrors("acceptable")} />
            <FileInput name="unacceptable" label={t("edit.unacceptablePhoto")} accept={IMAGE_KINDS} form={form.id} errors={fieldErrors("unacceptable")} />
            <SubmitButton pendingText={t("edit.adding")} className="btn-secondary" name="intent" value="add-defect" form={form.id}>
              {t("edit.addExample")}
            </SubmitButton>
          </div>
        </section>
      </div>
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
