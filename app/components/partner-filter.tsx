/** The "Factory" / "Importer" select of the list pages' filter forms. */
export function PartnerFilter({ partners, value, orgKind }: { partners: { id: string; name: string }[]; value: string; orgKind: "IMPORTER" | "FACTORY" }) {
  if (!partners.length) return null;
  return (
    <div>
      <label htmlFor="partner" className="block text-sm font-medium text-slate-700">
        {orgKind === "IMPORTER" ? "Factory" : "Importer"}
      </label>
      <select id="partner" name="partner" defaultValue={value} className="input mt-1 w-auto">
        <option value="">All</option>
        {partners.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </select>
    </div>
  );
}
