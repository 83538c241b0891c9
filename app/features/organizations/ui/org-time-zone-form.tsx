import { Form } from "@remix-run/react";
import { TimeZoneField } from "~/components/time-zone-select.tsx";
import { useT } from "~/lib/i18n/translate.ts";
import { orgTimeZonePath } from "../paths.ts";

/** The org's time zone, for its owners: a plain form post, so it works without JavaScript. */
export function OrgTimeZoneForm({ org, timeZone }: { org: { slug: string; name: string }; timeZone: string }) {
  const t = useT("preferences");
  return (
    <section className="card" aria-labelledby="org-time-zone-heading">
      <h2 id="org-time-zone-heading" className="font-semibold">
        {t("org.timeZone.heading", { org: org.name })}
      </h2>
      <Form method="post" action={orgTimeZonePath(org.slug)} className="mt-2 space-y-2">
        <TimeZoneField
          id="org-time-zone"
          label={t("org.timeZone.label")}
          hint={t("org.timeZone.hint")}
          current={timeZone}
          labelClassName="block text-sm font-medium text-slate-700"
        />
        <button type="submit" className="btn-secondary min-h-11 w-full sm:min-h-8 sm:w-auto">
          {t("org.timeZone.save")}
        </button>
      </Form>
    </section>
  );
}
