import { useEffect, useState } from "react";
import { useT } from "~/lib/i18n/translate.ts";

export interface ToastMessage {
  id: string;
  type: "success" | "error" | "info";
  title?: string;
  message: string;
}

const styles = {
  success: "border-green-300 bg-green-50 text-green-900",
  error: "border-red-300 bg-red-50 text-red-900",
  info: "border-sky-300 bg-sky-50 text-sky-900",
};

/**
 * Shows the toast carried across the last redirect; screen readers hear it too. It stays for its
 * eight seconds even when the page's data is reloaded meanwhile (a thread's post, another form's
 * fetch): the reload carries no toast, which only means there is no new one.
 */
export function Toaster({ toast }: { toast: ToastMessage | null }) {
  const t = useT("common");
  const [visible, setVisible] = useState(toast);
  // A new toast shows at once, in the same render; the effect only schedules its hiding.
  const [shown, setShown] = useState(toast);
  if (toast && toast.id !== shown?.id) {
    setShown(toast);
    setVisible(toast);
  }
  useEffect(() => {
    if (!visible) return;
    const timer = setTimeout(() => setVisible(null), 8000);
    return () => clearTimeout(timer);
  }, [visible]);
  return (
    <div aria-live="polite" className="pointer-events-none fixed inset-x-0 bottom-4 z-50 flex justify-center px-4">
      {visible ? (
        <div className={`pointer-events-auto flex max-w-md items-start gap-3 rounded-md border px-4 py-3 shadow-lg ${styles[visible.type]}`} role="status">
          <div className="text-sm">
            {visible.title ? <p className="font-semibold">{visible.title}</p> : null}
            <p>{visible.message}</p>
          </div>
          <button type="button" className="ml-2 text-lg leading-none" aria-label={t("toast.dismiss")} onClick={() => setVisible(null)}>
            ×
          </button>
        </div>
      ) : null}
    </div>
  );
}
