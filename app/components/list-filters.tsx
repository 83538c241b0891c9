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
  return (
    <div>
      <label htmlFor={name} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      <select id={name} name={name} defaultValue={value} className="input mt-1 w-auto">
        <option value="">All</option>
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
  if (!partners.length) return null;
  return (
    <FilterSelect
      name="partner"
      label={orgKind === "IMPORTER" ? "Factory" : "Importer"}
      value={value}
      options={partners.map((p) => ({ value: p.id, label: p.name }))}
    />
  );
}
