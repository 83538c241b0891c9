import { useBlocker } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useT } from "~/lib/i18n/translate.ts";

/**
 * Warns before leaving a page with unsaved changes: closing or reloading the tab (the
 * browser's own question) and links or Back inside the portal (the returned blocker, which
 * UnsavedChangesPrompt shows as a dialog). Submitting one of the page's forms is never held
 * back: that is the way to save. Moving within the page (a query, a #hash) is not leaving it.
 */
export function useUnsavedChanges(unsaved: boolean) {
  const submitting = useRef(false);
  useEffect(() => {
    if (!unsaved) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (submitting.current) return;
      event.preventDefault();
      event.returnValue = "";
    };
    // Captured before Remix's own submit handler, which starts the navigation the blocker sees.
    const onSubmit = () => {
      submitting.current = true;
      setTimeout(() => (submitting.current = false), 0);
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    window.addEventListener("submit", onSubmit, true);
    return () => {
      window.removeEventListener("beforeunload", onBeforeUnload);
      window.removeEventListener("submit", onSubmit, true);
    };
  }, [unsaved]);
  return useBlocker(({ currentLocation, nextLocation }) => unsaved && !submitting.current && currentLocation.pathname !== nextLocation.pathname);
}

/** The question asked when a link would leave a page with unsaved changes. */
export function UnsavedChangesPrompt({ when, message }: { when: boolean; message?: string }) {
  const t = useT("common");
  const blocker = useUnsavedChanges(when);
  const dialog = useRef<HTMLDialogElement>(null);
  const blocked = blocker.state === "blocked";
  useEffect(() => {
    const element = dialog.current;
    if (blocked && element && !element.open) element.showModal();
    if (!blocked && element?.open) element.close();
  }, [blocked]);
  return (
    <dialog
      ref={dialog}
      aria-labelledby="unsaved-changes-title"
      onCancel={() => blocker.reset?.()}
      className="w-[min(24rem,calc(100vw-2rem))] rounded-lg border border-slate-200 p-5 shadow-xl backdrop:bg-slate-900/40"
    >
      <h2 id="unsaved-changes-title" className="font-semibold">
        {t("unsaved.title")}
      </h2>
      <p className="mt-2 text-sm text-slate-700">{message ?? t("unsaved.message")}</p>
      <div className="mt-4 flex flex-wrap justify-end gap-2">
        <button type="button" className="btn-secondary" autoFocus onClick={() => blocker.reset?.()}>
          {t("unsaved.stay")}
        </button>
        <button type="button" className="btn-danger" onClick={() => blocker.proceed?.()}>
          {t("unsaved.leave")}
        </button>
      </div>
    </dialog>
  );
}
