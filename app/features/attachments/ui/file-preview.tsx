import { useId } from "react";
import {
  acceptAttribute,
  describeKinds,
  FILE_KINDS,
  FILE_TYPES,
  type FileKind,
  fileKindOf,
  formatBytes,
  IMAGE_KINDS,
  isImageType,
} from "~/features/attachments/file-types.ts";
import type { FileSnapshot } from "~/features/specs/snapshot.ts";
import { ErrorList } from "~/components/forms.tsx";
import { useT } from "~/lib/i18n/translate.ts";
import { useFormat } from "~/lib/use-format.ts";
import { filePath } from "../paths.ts";

type OrgRef = string | { slug: string };

function fileUrl(org: OrgRef, file: Pick<FileSnapshot, "id">, options: { download?: boolean } = {}) {
  return filePath(typeof org === "string" ? org : org.slug, file.id, options);
}

function DocumentIcon({ kind }: { kind: FileKind | null }) {
  const t = useT("attachments");
  return (
    <span aria-hidden className="relative inline-flex h-8 w-7 shrink-0 items-end justify-center rounded-sm border border-slate-300 bg-slate-50 pb-0.5">
      <span className="text-[9px] font-bold uppercase leading-none text-slate-600">{kind ? FILE_TYPES[kind].label : t("file")}</span>
    </span>
  );
}

/**
 * A stored file on a page: images as a thumbnail that opens the full picture,
 * PDFs as a link that opens in the browser, CAD files as a download. Plain
 * links (not client navigation): the file route is a resource route.
 */
export function FilePreview({ org, file, size = "md" }: { org: OrgRef; file: FileSnapshot; size?: "sm" | "md" }) {
  const t = useT("attachments");
  const { language } = useFormat();
  const kind = fileKindOf(file.contentType);
  const inline = kind !== null && FILE_TYPES[kind].inline;
  const facts = { kind: kind ? FILE_TYPES[kind].label : t("file"), size: formatBytes(file.size, language) };
  const detail = t("detail", facts);
  if (isImageType(file.contentType)) {
    const box = size === "sm" ? "h-16 w-16" : "h-40 w-40";
    return (
      <a
        href={fileUrl(org, file)}
        target="_blank"
        rel="noopener noreferrer"
        title={`${file.name} (${detail})`}
        className={`inline-block overflow-hidden rounded-md border border-slate-200 bg-slate-100 ${box}`}
      >
        <img src={fileUrl(org, file)} alt={file.name} loading="lazy" decoding="async" className="h-full w-full object-cover" />
      </a>
    );
  }
  return (
    <a
      href={fileUrl(org, file, { download: !inline })}
      {...(inline ? { target: "_blank", rel: "noopener noreferrer" } : { download: file.name })}
      className={`inline-flex max-w-full items-center gap-2 rounded-md border border-slate-200 bg-white hover:bg-slate-50 ${size === "sm" ? "min-h-10 px-2 py-1" : "min-h-12 px-3 py-2"}`}
    >
      <DocumentIcon kind={kind} />
      <span className="min-w-0">
        <span className="block truncate text-sm font-medium text-brand-700">{file.name}</span>
        <span className="block text-xs text-slate-500">{inline ? detail : t("detailDownload", facts)}</span>
      </span>
    </a>
  );
}

/**
 * A file input whose `accept` list is the server's allow list, so the phone
 * or desktop picker offers only files the upload will take. The form needs
 * `encType="multipart/form-data"`.
 */
export function FileInput({
  name,
  label,
  accept = FILE_KINDS,
  multiple = false,
  hint,
  maxBytes,
  required = false,
  errors,
  form,
}: {
  name: string;
  label: string;
  accept?: readonly FileKind[];
  multiple?: boolean;
  hint?: string;
  maxBytes?: number;
  required?: boolean;
  errors?: string[];
  /** The id of the form the input belongs to, when it sits outside it. */
  form?: string;
}) {
  const id = useId();
  const t = useT("attachments");
  // A phone opens its camera straight away for an input that takes only photos.
  const photosOnly = accept.every((kind) => IMAGE_KINDS.includes(kind));
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const { language } = useFormat();
  const kinds = describeKinds(accept, language);
  const text = hint ?? (maxBytes ? t("hintWithSize", { kinds, size: formatBytes(maxBytes, language) }) : t("hint", { kinds }));
  const invalid = Boolean(errors?.length);
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      <input
        id={id}
        name={name}
        type="file"
        form={form}
        accept={photosOnly ? "image/*" : acceptAttribute(accept)}
        capture={photosOnly ? "environment" : undefined}
        multiple={multiple}
        required={required}
        aria-describedby={[hintId, invalid ? errorId : null].filter(Boolean).join(" ")}
        aria-invalid={invalid || undefined}
        className="input mt-1 file:mr-3 file:rounded file:border-0 file:bg-slate-100 file:px-3 file:py-1.5 file:text-sm file:font-medium"
      />
      <p id={hintId} className="mt-1 text-xs text-slate-500">
        {text}
      </p>
      <ErrorList id={errorId} errors={errors} />
    </div>
  );
}
