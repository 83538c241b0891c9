import { Form, Link, useSearchParams } from "@remix-run/react";
import type { ReactNode } from "react";
import { useT } from "~/lib/i18n/translate.ts";

/** A list page's GET form: its filters, then the button that applies them. */
export function FilterForm({ children, submitLabel, search = false }: { children: ReactNode; submitLabel?: string; search?: boolean }) {
  const t = useT("common");
  return (
    <Form method="get" className="mb-4 flex flex-wrap items-end gap-2" role={search ? "search" : undefined}>
      {children}
      <button type="submit" className="btn-secondary">
        {submitLabel ?? t("filters.apply")}
      </button>
    </Form>
  );
}

/**
 * One query parameter chosen from a row of links; each keeps the rest of the query and goes
 * back to the first page. A null value is "no filter" (the parameter is left out).
 */
export function FilterChips({
  label,
  name,
  current,
  options,
}: {
  label: string;
  name: string;
  current: string | null;
  options: readonly { value: string | null; label: ReactNode }[];
}) {
  const [searchParams] = useSearchParams();
  return (
    <nav className="mb-3 flex flex-wrap gap-2" aria-label={label}>
      {options.map((option) => {
        const params = new URLSearchParams(searchParams);
        params.delete("page");
        if (option.value) params.set(name, option.value);
        else params.delete(name);
        return (
          <Link
            key={option.value ?? ""}
            to={`?${params}`}
            aria-current={current === option.value ? "page" : undefined}
            className="tap-target rounded-full border border-slate-300 px-3 py-1 text-sm aria-[current=page]:border-brand-600 aria-[current=page]:bg-brand-50 aria-[current=page]:font-semibold"
          >
            {option.label}
          </Link>
        );
      })}
    </nav>
  );
}

/** One labelled select of a list page's GET filter form, "All" first. */
export function FilterSelect({
  name,
  label,
  value,
  options,
}: {
  name: string;
  label: string;
  value: string;
  options: readonly { value: string; label: string }[];
}) {
  const t = useT("common");
  // A long option (a spec's title and code) is cut by the select, never by the page: it stays within a phone's width.
  return (
    <div className="min-w-0 max-w-full">
      <label htmlFor={name} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      <select id={name} name={name} defaultValue={value} className="input mt-1 w-auto max-w-full">
        <option value="">{t("filters.all")}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The "Factory" / "Importer" filter: the orgs on the other side of this org's partnerships. */
export function PartnerFilter({ partners, value, orgKind }: { partners: { id: string; name: string }[]; value: string; orgKind: "IMPORTER" | "FACTORY" }) {
  const t = useT("common");
  if (!partners.length) return null;
  return (
    <FilterSelect
      name="partner"
      label={orgKind === "IMPORTER" ? t("filters.factory") : t("filters.importer")}
      value={value}
      options={partners.map((p) => ({ value: p.id, label: p.name }))}
    />
  );
}
