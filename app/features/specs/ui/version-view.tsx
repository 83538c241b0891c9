import { useLingui } from "@lingui/react";
import type { ReactNode } from "react";
import { Section } from "~/components/section.tsx";
import { ColumnHeaders } from "~/components/table.tsx";
import { FilePreview } from "~/features/attachments/ui/index.ts";
import { requirementText } from "~/features/specs/characteristic.ts";
import type { VersionSnapshot } from "~/features/specs/snapshot.ts";
import { useT } from "~/lib/i18n/translate.ts";

const classStyle = { CRITICAL: "bg-red-100 text-red-800", MAJOR: "bg-amber-100 text-amber-900", MINOR: "bg-slate-100 text-slate-700" } as const;

const Card = (props: { id: string; title: string; children: ReactNode }) => <Section {...props} className="card" headingClassName="mb-3 font-semibold" />;

/** A spec version for reading: what the factory must make, in plain terms. */
export function SpecVersionView({ org, version }: { org: { slug: string }; version: VersionSnapshot }) {
  const t = useT("specs");
  const { locale } = useLingui().i18n;
  const byKey = new Map(version.characteristics.map((c) => [c.key, c]));
  return (
    <div className="space-y-4">
      {version.description || version.notes ? (
        <Card title={t("view.description")} id="description">
          {version.description ? <p className="whitespace-pre-line text-slate-800">{version.description}</p> : null}
          {version.notes ? <p className="mt-3 whitespace-pre-line text-sm text-slate-600">{version.notes}</p> : null}
        </Card>
      ) : null}
      <Card title={t("view.characteristics", { count: version.characteristics.length })} id="characteristics">
        {version.characteristics.length === 0 ? (
          <p className="text-sm text-slate-600">{t("view.noCharacteristics")}</p>
        ) : (
          // On a phone each characteristic reads as a card (number and name, then requirement, class and method) instead of a clipped table.
          <div className="overflow-x-auto">
            <table className="min-w-full text-sm max-sm:block">
              <ColumnHeaders
                className="max-sm:sr-only"
                rowClassName="border-b border-slate-200 text-left text-slate-600"
                cellClassName="px-3 py-2"
                headers={[t("column.number"), t("column.characteristic"), t("column.requirement"), t("column.class"), t("column.howToCheck")]}
              />
              <tbody className="max-sm:block max-sm:space-y-2">
                {version.characteristics.map((c) => (
                  <tr
                    key={c.key}
                    className="border-b border-slate-100 align-top max-sm:block max-sm:rounded-md max-sm:border max-sm:border-slate-200 max-sm:p-3"
                    data-testid={`characteristic-${c.number}`}
                  >
                    <td className="px-3 py-2 font-medium max-sm:inline max-sm:p-0 max-sm:pr-1">{c.number}</td>
                    <td className="px-3 py-2 max-sm:inline max-sm:p-0 max-sm:font-medium">{c.name}</td>
                    <td className="whitespace-nowrap px-3 py-2 font-mono max-sm:block max-sm:whitespace-normal max-sm:px-0 max-sm:pb-0 max-sm:pt-1">
                      {requirementText(c, t, locale)}
                    </td>
                    <td className="px-3 py-2 max-sm:block max-sm:px-0 max-sm:pb-0 max-sm:pt-1">
                      <span className={`rounded px-2 py-0.5 text-xs font-semibold ${classStyle[c.class]}`}>{t(`classBadge.${c.class}`)}</span>
                    </td>
                    <td className="px-3 py-2 text-slate-700 max-sm:block max-sm:px-0 max-sm:pb-0 max-sm:pt-1 max-sm:empty:hidden">{c.method}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
      {version.materials.length ? (
        <Card title={t("view.materials")} id="materials">
          <ul className="divide-y divide-slate-100">
            {version.materials.map((m) => (
              <li key={m.key} className="py-2 text-sm">
                <span className="font-medium">{m.material}</span>
                {m.grade ? <span className="text-slate-700"> · {m.grade}</span> : null}
                {m.source ? <span className="text-slate-600"> · {m.source}</span> : null}
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
      {version.packaging ? (
        <Card title={t("view.packaging")} id="packaging">
          <p className="whitespace-pre-line text-slate-800">{version.packaging}</p>
        </Card>
      ) : null}
      {version.defectExamples.length ? (
        <Card title={t("view.defects")} id="defects">
          <ul className="space-y-4">
            {version.defectExamples.map((d) => {
              const characteristic = d.characteristicKey ? byKey.get(d.characteristicKey) : undefined;
              return (
                <li key={d.key} className="rounded-md border border-slate-200 p-3" data-testid="defect-example">
                  <p className="text-sm font-medium">{d.description}</p>
                  {characteristic ? (
                    <p className="text-xs text-slate-600">{t("view.defectFor", { number: characteristic.number, name: characteristic.name })}</p>
                  ) : null}
                  <div className="mt-2 grid grid-cols-2 gap-3">
                    <figure>
                      <figcaption className="mb-1 text-xs font-semibold text-green-800">{t("view.acceptable")}</figcaption>
                      {d.acceptablePhoto ? <FilePreview org={org} file={d.acceptablePhoto} /> : <p className="text-xs text-slate-500">{t("view.noPhoto")}</p>}
                    </figure>
                    <figure>
                      <figcaption className="mb-1 text-xs font-semibold text-red-800">{t("view.notAcceptable")}</figcaption>
                      {d.unacceptablePhoto ? (
                        <FilePreview org={org} file={d.unacceptablePhoto} />
                      ) : (
                        <p className="text-xs text-slate-500">{t("view.noPhoto")}</p>
                      )}
                    </figure>
                  </div>
                </li>
              );
            })}
          </ul>
        </Card>
      ) : null}
      {version.attachments.length ? (
        <Card title={t("view.files")} id="files">
          <ul className="flex flex-wrap gap-3">
            {version.attachments.map((f) => (
              <li key={f.id}>
                <FilePreview org={org} file={f} />
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
    </div>
  );
}
