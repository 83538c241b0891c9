import { Form } from "@remix-run/react";
import { ErrorList } from "~/components/forms.tsx";
import { useT } from "~/lib/i18n/translate.ts";

/** Shares the spec with partner factories it is not shared with yet; posts `intent=share` to the page it is on. */
export function ShareForm({
  factories,
  errors,
  legend,
  className = "",
}: {
  factories: { id: string; name: string }[];
  errors?: string[] | null;
  legend?: string;
  className?: string;
}) {
  const t = useT("specs");
  if (factories.length === 0) return null;
  return (
    <Form method="post" className={`space-y-2 ${className}`} data-testid="share-form">
      <input type="hidden" name="intent" value="share" />
      <fieldset>
        <legend className="text-sm font-medium text-slate-700">{legend ?? t("share.legend")}</legend>
        {factories.map((o) => (
          <label key={o.id} className="mt-1 flex min-h-11 items-center gap-2 text-sm">
            <input type="checkbox" name="factoryIds" value={o.id} />
            {o.name}
          </label>
        ))}
      </fieldset>
      <ErrorList errors={errors ?? undefined} />
      <button type="submit" className="btn-primary">
        {t("share.submit")}
      </button>
    </Form>
  );
}
