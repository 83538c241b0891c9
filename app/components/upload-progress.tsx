// A multipart form sent with its progress shown, its large photos scaled down first, and a
// "Retry" when the connection drops, with the chosen files and the typed text still in the form.
// Without JavaScript the form is a plain post and none of this runs.
import type { ClientActionFunctionArgs, ShouldRevalidateFunctionArgs } from "@remix-run/react";
import { useEffect, useState, useSyncExternalStore } from "react";
import { withScaledPhotos } from "~/lib/photo-scale.ts";
import { useT } from "~/lib/i18n/translate.ts";

type Progress = { state: "idle" } | { state: "sending"; loaded: number; total: number } | { state: "failed" };

let progress: Progress = { state: "idle" };
const listeners = new Set<() => void>();
function setProgress(next: Progress) {
  progress = next;
  for (const listener of listeners) listener();
}
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** What the client action answers when the request never got an answer. */
const DROPPED = "connection-dropped";
const dropped = { intent: DROPPED, result: { status: "error" as const, error: {} } };

// Remix sends an action with `fetch`, which reports no upload progress: for this one request it
// goes through XMLHttpRequest instead, with the same request and the response handed back.
function sendWithProgress(input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(init.method ?? "GET", String(input instanceof Request ? input.url : input));
    new Headers(init.headers).forEach((value, name) => xhr.setRequestHeader(name, value));
    xhr.responseType = "arraybuffer";
    xhr.upload.onprogress = (event) => setProgress({ state: "sending", loaded: event.loaded, total: event.lengthComputable ? event.total : 0 });
    xhr.onload = () => {
      const headers = new Headers();
      for (const line of xhr.getAllResponseHeaders().trim().split(/\r?\n/)) {
        const at = line.indexOf(":");
        if (at > 0) headers.append(line.slice(0, at).trim(), line.slice(at + 1).trim());
      }
      const body = [101, 204, 205, 304].includes(xhr.status) ? null : xhr.response;
      resolve(new Response(body, { status: xhr.status, statusText: xhr.statusText, headers }));
    };
    xhr.onerror = () => reject(new TypeError("The connection dropped."));
    xhr.onabort = () => reject(new DOMException("The upload was cancelled.", "AbortError"));
    init.signal?.addEventListener("abort", () => xhr.abort());
    xhr.send((init.body ?? null) as XMLHttpRequestBodyInit | null);
  });
}

/** A page's `clientAction` for a form with files: photos scaled, progress shown, a dropped connection answered on the page. */
export async function uploadClientAction({ request, serverAction }: ClientActionFunctionArgs) {
  if (!(request.headers.get("content-type") ?? "").startsWith("multipart/form-data")) return serverAction();
  // A copy: Remix reads the request again to build its own fetch, whose body is replaced below.
  const form = await withScaledPhotos(await request.clone().formData());
  const realFetch = window.fetch;
  // One request only: the scaled form goes out in place of the one Remix read from the page.
  window.fetch = (input, init) => {
    window.fetch = realFetch;
    return sendWithProgress(input, { ...init, body: init?.method === "POST" ? form : init?.body });
  };
  setProgress({ state: "sending", loaded: 0, total: 0 });
  let failed = false;
  try {
    return await serverAction();
  } catch (error) {
    // A redirect arrives as a thrown response: only a request that got no answer is a drop.
    if (!(error instanceof TypeError)) throw error;
    failed = true;
    return dropped;
  } finally {
    window.fetch = realFetch;
    setProgress(failed ? { state: "failed" } : { state: "idle" });
  }
}

/** With it the page is not reloaded after a dropped connection (the reload would fail too, and lose the form). */
export function uploadShouldRevalidate({ actionResult, defaultShouldRevalidate }: ShouldRevalidateFunctionArgs) {
  return (actionResult as { intent?: string } | undefined)?.intent === DROPPED ? false : defaultShouldRevalidate;
}

/** The progress of the form's upload, and "Retry" after a dropped connection (it sends the form again with the same button). */
export function UploadProgress({ formId }: { formId: string }) {
  const t = useT("common");
  const current = useSyncExternalStore(
    subscribe,
    () => progress,
    () => progress,
  );
  const [submitter, setSubmitter] = useState<HTMLElement | null>(null);
  useEffect(() => {
    const form = document.getElementById(formId);
    const remember = (event: Event) => setSubmitter((event as SubmitEvent).submitter);
    form?.addEventListener("submit", remember);
    return () => form?.removeEventListener("submit", remember);
  }, [formId]);
  if (current.state === "idle") return null;
  if (current.state === "sending") {
    const percent = current.total ? Math.round((current.loaded / current.total) * 100) : undefined;
    return (
      <div className="flex items-center gap-2 text-sm text-slate-700">
        <label htmlFor={`${formId}-progress`}>{percent === undefined ? t("upload.preparing") : t("upload.sending", { percent })}</label>
        <progress id={`${formId}-progress`} className="h-2 w-40" max={100} value={percent} />
      </div>
    );
  }
  return (
    <div className="flex flex-wrap items-center gap-2 rounded border border-red-200 bg-red-50 p-2 text-sm text-red-800" role="alert">
      <span>{t("upload.dropped")}</span>
      <button
        type="button"
        className="btn-secondary"
        onClick={() => (document.getElementById(formId) as HTMLFormElement | null)?.requestSubmit(submitter as HTMLButtonElement | null)}
      >
        {t("upload.retry")}
      </button>
    </div>
  );
}
