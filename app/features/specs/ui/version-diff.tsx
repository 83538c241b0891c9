import { useLingui } from "@lingui/react";
import type { ReactNode } from "react";
import { Section as TitledSection } from "~/components/section.tsx";
import { ColumnHeaders } from "~/components/table.tsx";
import { limitsText, requirementText, sameLimits } from "~/features/specs/characteristic.ts";
import type { CharacteristicChange, LineChange, ToleranceChange, VersionDiff } from "~/features/specs/diff.ts";
import type { CharacteristicSnapshot, FileSnapshot, MaterialSnapshot } from "~/features/specs/snapshot.ts";
import { type Translate, useT } from "~/lib/i18n/translate.ts";

type T = Translate<"specs">;

// Readers are QC people on the production floor, often reading English as a
// second language: short words, and signs and labels next to every colour.
// Requirements and limits are written as on every other page
// (specs/characteristic.ts), so a factory compares like with like.

export interface CharacteristicLabel {
  number: string;
  name: string;
}

type ChangeKind = "added" | "removed" | "changed" | "moved" | ToleranceChange["direction"];

const MINUS = "\u2212";

function toleranceLabel(tolerance: ToleranceChange, t: T): string {
  if (tolerance.direction === "tightened") return t("diff.toleranceTightened");
  if (tolerance.direction === "loosened") return t("diff.toleranceLoosened");
  if (tolerance.direction === "shifted") return t("diff.toleranceShifted");
  if (tolerance.unitChanged) return t("diff.unitChanged");
  return tolerance.from && tolerance.to && sameLimits(tolerance.from, tolerance.to) ? t("diff.sameLimits") : t("diff.toleranceChanged");
}

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

const badgeTone = {
  added: "bg-green-100 text-green-900 ring-green-600",
  removed: "bg-red-100 text-red-900 ring-red-600",
  changed: "bg-amber-100 text-amber-900 ring-amber-600",
  moved: "bg-slate-100 text-slate-800 ring-slate-500",
} as const;

type RowChange = "added" | "removed" | "changed";
const ROW_TONE: Record<RowChange, string> = { added: "bg-green-50", removed: "bg-red-50 text-slate-600", changed: "" };

function Badge({ tone, children }: { tone: keyof typeof badgeTone; children: ReactNode }) {
  return <span className={`inline-block whitespace-nowrap rounded px-1.5 py-0.5 text-xs font-semibold ring-1 ring-inset ${badgeTone[tone]}`}>{children}</span>;
}

/** Old value struck through, new value next to it; the words are there for screen readers. */
function Was({ from, to }: { from: ReactNode; to: ReactNode }) {
  const t = useT("specs");
  return (
    <span className="inline-flex flex-wrap items-baseline gap-x-2">
      <del className="text-slate-600 line-through">
        <span className="sr-only">{t("diff.before")}</span>
        {from || t("diff.empty")}
      </del>
      <ins className="font-semibold no-underline">
        <span className="sr-only">{t("diff.now")}</span>
        {to || t("diff.empty")}
      </ins>
    </span>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <TitledSection id={id} title={title} level={3} className="mt-6" headingClassName="mb-2 text-base font-semibold text-slate-900">
      {children}
    </TitledSection>
  );
}

const th = "whitespace-nowrap px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-600";
const td = "px-3 py-2 align-top";
const changedCell = "bg-amber-50";

function Table({ caption, headers, children }: { caption: string; headers: string[]; children: ReactNode }) {
  return (
    <div className="overflow-x-auto rounded-md border border-slate-200 bg-white">
      <table className="w-full min-w-[40rem] border-collapse text-sm">
        <caption className="sr-only">{caption}</caption>
        <ColumnHeaders className="bg-slate-50" cellClassName={th} headers={headers} />
        <tbody className="divide-y divide-slate-200">{children}</tbody>
      </table>
    </div>
  );
}

interface CharacteristicRow {
  kind: ChangeKind;
  number: string;
  c: CharacteristicSnapshot;
  change?: CharacteristicChange;
  moveNote?: string;
}

function moveNote(move: { fromNumber: string; toNumber: string; renumbered: boolean; reordered: boolean }, t: T): string {
  return move.renumbered ? t("diff.wasNumber", { number: move.fromNumber }) : t("diff.orderChanged");
}

const SPEC_FIELDS = ["nominal", "lowerTol", "upperTol", "unit", "kind"];

function CharacteristicRowView({ row }: { row: CharacteristicRow }) {
  const t = useT("specs");
  const { locale } = useLingui().i18n;
  const { kind, c, change } = row;
  const changed = new Set<string>(change?.fields.map((f) => f.field));
  const specChanged = SPEC_FIELDS.some((f) => changed.has(f));
  const rowTone = kind === "added" || kind === "removed" ? ROW_TONE[kind] : "";
  const tolerance = change?.tolerance;
  return (
    <tr data-testid={`diff-characteristic-${row.number}`} data-change={kind} className={rowTone}>
      <th scope="row" className={`${td} whitespace-nowrap text-left font-semibold`}>
        {change?.move?.renumbered ? <Was from={change.move.fromNumber} to={c.number} /> : row.number}
      </th>
      <td className={`${td} ${changed.has("name") ? changedCell : ""}`}>
        {change && changed.has("name") ? <Was from={change.from.name} to={c.name} /> : c.name}
      </td>
      <td className={`${td} ${tolerance ? "border-l-4 border-amber-600 bg-amber-100" : specChanged ? changedCell : ""}`}>
        {change && specChanged ? <Was from={requirementText(change.from, t, locale)} to={requirementText(c, t, locale)} /> : requirementText(c, t, locale)}
        {tolerance && change ? (
          <div className="mt-1 space-y-0.5">
            <strong className="block font-bold text-amber-900">{toleranceLabel(tolerance, t)}</strong>
            <p className="text-xs text-slate-700">{t("diff.limits", { limits: limitsText(c, t, locale), was: limitsText(change.from, t, locale) })}</p>
          </div>
        ) : null}
      </td>
      <td className={`${td} whitespace-nowrap ${change?.classChange ? "border-l-4 border-amber-600 bg-amber-100" : ""}`}>
        {change?.classChange ? (
          <>
            <Was from={t(`classCode.${change.classChange.from}`)} to={t(`classCode.${change.classChange.to}`)} />
            <strong className="mt-1 block font-bold text-amber-900">{t(`diff.class.${change.classChange.direction}`)}</strong>
          </>
        ) : (
          t(`classCode.${c.class}`)
        )}
      </td>
      <td className={`${td} min-w-[12rem] ${changed.has("method") ? changedCell : ""}`}>
        {change && changed.has("method") ? <Was from={change.from.method} to={c.method} /> : c.method}
      </td>
      <td className={`${td} space-y-1`}>
        {kind === "added" || kind === "removed" ? <Badge tone={kind}>{t(`badge.${kind}`)}</Badge> : null}
        {change ? <Badge tone="changed">{t("badge.changed")}</Badge> : null}
        {row.moveNote ? (
          <div>
            <Badge tone="moved">{row.moveNote}</Badge>
          </div>
        ) : null}
      </td>
    </tr>
  );
}

const byNumber = (a: CharacteristicRow, b: CharacteristicRow) =>
  a.number.localeCompare(b.number, undefined, { numeric: true }) || (a.kind === "removed" ? 1 : 0) - (b.kind === "removed" ? 1 : 0);

function CharacteristicsSection({ diff }: { diff: VersionDiff["characteristics"] }) {
  const t = useT("specs");
  const rows: CharacteristicRow[] = [
    ...diff.changed.map((change): CharacteristicRow => ({
      kind: change.tolerance ? change.tolerance.direction : "changed",
      number: change.to.number,
      c: change.to,
      change,
      moveNote: change.move?.reordered ? t("diff.orderChanged") : undefined,
    })),
    ...diff.added.map((c): CharacteristicRow => ({ kind: "added", number: c.number, c })),
    ...diff.moved.map((m): CharacteristicRow => ({ kind: "moved", number: m.toNumber, c: m.characteristic, moveNote: moveNote(m, t) })),
    ...diff.removed.map((c): CharacteristicRow => ({ kind: "removed", number: c.number, c })),
  ].sort(byNumber);
  if (rows.length === 0) return null;
  return (
    <Section id="diff-characteristics" title={t("diff.characteristics")}>
      <Table
        caption={t("diff.changedCharacteristics")}
        headers={[t("column.number"), t("column.name"), t("column.specification"), t("column.class"), t("column.howToMeasure"), t("column.change")]}
      >
        {rows.map((row) => (
          <CharacteristicRowView key={`${row.kind}-${row.c.key}`} row={row} />
        ))}
      </Table>
    </Section>
  );
}

function MaterialsSection({ diff }: { diff: VersionDiff["materials"] }) {
  const t = useT("specs");
  const rows: Array<{ kind: RowChange; m: MaterialSnapshot; from?: MaterialSnapshot }> = [
    ...diff.changed.map((change) => ({ kind: "changed" as const, m: change.to, from: change.from })),
    ...diff.added.map((m) => ({ kind: "added" as const, m })),
    ...diff.removed.map((m) => ({ kind: "removed" as const, m })),
  ];
  if (rows.length === 0) return null;
  return (
    <Section id="diff-materials" title={t("diff.materials")}>
      <Table caption={t("diff.changedMaterials")} headers={[t("column.material"), t("column.grade"), t("column.source"), t("column.change")]}>
        {rows.map(({ kind, m, from }) => (
          <tr key={m.key} data-change={kind} className={ROW_TONE[kind] || undefined}>
            {(["material", "grade", "source"] as const).map((field) =>
              from && from[field].trim() !== m[field].trim() ? (
                <td key={field} className={`${td} ${changedCell}`}>
                  <Was from={from[field]} to={m[field]} />
                </td>
              ) : (
                <td key={field} className={td}>
                  {m[field]}
                </td>
              ),
            )}
            <td className={td}>
              <Badge tone={kind}>{t(`badge.${kind}`)}</Badge>
            </td>
          </tr>
        ))}
      </Table>
    </Section>
  );
}

// Long unchanged stretches hide the change; keep a little context around it.
const CONTEXT = 2;

function visibleLines(lines: LineChange[]): Array<LineChange | { kind: "gap"; count: number }> {
  const near = lines.map((_, i) => lines.slice(Math.max(0, i - CONTEXT), i + CONTEXT + 1).some((l) => l.kind !== "same"));
  const out: Array<LineChange | { kind: "gap"; count: number }> = [];
  lines.forEach((line, i) => {
    if (near[i]) out.push(line);
    else {
      const last = out[out.length - 1];
      if (last?.kind === "gap") last.count++;
      else out.push({ kind: "gap", count: 1 });
    }
  });
  return out;
}

function TextSection({ id, title, lines }: { id: string; title: string; lines: LineChange[] }) {
  const t = useT("specs");
  return (
    <Section id={id} title={title}>
      <div className="overflow-x-auto rounded-md border border-slate-200 bg-white text-sm" data-change="changed">
        {visibleLines(lines).map((line, i) => {
          if (line.kind === "gap") {
            return (
              <p key={i} className="px-3 py-1 text-xs italic text-slate-500">
                {t("diff.unchangedLines", { count: line.count })}
              </p>
            );
          }
          const [Tag, sign, label, tone] =
            line.kind === "added"
              ? (["ins", "+", t("diff.addedLine"), "bg-green-50 text-green-900 no-underline"] as const)
              : line.kind === "removed"
                ? (["del", MINUS, t("diff.removedLine"), "bg-red-50 text-red-900 line-through decoration-red-400"] as const)
                : (["span", " ", "", "text-slate-700"] as const);
          return (
            <Tag key={i} className={`flex gap-2 px-3 py-0.5 ${tone}`} data-line={line.kind}>
              <span aria-hidden className="w-3 shrink-0 select-none text-center font-bold">
                {sign}
              </span>
              <span className="min-w-0 whitespace-pre-wrap break-words">
                {label ? <span className="sr-only">{label}</span> : null}
                {line.text || "\u00a0"}
              </span>
            </Tag>
          );
        })}
      </div>
    </Section>
  );
}

const DEFECT_TONE: Record<RowChange, string> = {
  changed: "border-slate-200 bg-white",
  added: "border-green-300 bg-green-50",
  removed: "border-red-300 bg-red-50 text-slate-700",
};

function DefectItem({ kind, description, children }: { kind: RowChange; description: string; children?: ReactNode }) {
  const t = useT("specs");
  return (
    <li data-change={kind} className={`rounded-md border p-3 text-sm ${DEFECT_TONE[kind]}`}>
      <p className={`flex flex-wrap items-center gap-2 ${kind === "removed" ? "" : "font-medium"}`}>
        <Badge tone={kind}>{t(`badge.${kind}`)}</Badge> {description}
      </p>
      {children}
    </li>
  );
}

function DefectExamplesSection({ diff, label }: { diff: VersionDiff["defectExamples"]; label: (key: string | null) => string }) {
  const t = useT("specs");
  if (diff.added.length + diff.removed.length + diff.changed.length === 0) return null;
  const photoName = (f: FileSnapshot | null) => f?.name ?? t("diff.none");
  return (
    <Section id="diff-defects" title={t("diff.defectExamples")}>
      <ul className="space-y-2">
        {diff.changed.map((d) => (
          <DefectItem key={d.key} kind="changed" description={d.to.description}>
            <ul className="mt-1 space-y-1 text-slate-700">
              {d.fields.map((f) => (
                <li key={f.field}>
                  {f.field === "description" ? t("diff.defectDescription") : t("diff.defectCharacteristic")}{" "}
                  <Was from={f.field === "description" ? f.from : label(f.from)} to={f.field === "description" ? f.to : label(f.to)} />
                </li>
              ))}
              {d.photos.map((p) => (
                <li key={p.slot}>
                  {t(PHOTO_CHANGE[p.slot][p.change])}{" "}
                  {p.change === "replaced" ? <Was from={photoName(p.from)} to={photoName(p.to)} /> : photoName(p.to ?? p.from)}
                </li>
              ))}
            </ul>
          </DefectItem>
        ))}
        {diff.added.map((d) => (
          <DefectItem key={d.key} kind="added" description={d.description}>
            {d.characteristicKey ? <p className="mt-1 text-slate-700">{t("diff.defectLinkedTo", { characteristic: label(d.characteristicKey) })}</p> : null}
          </DefectItem>
        ))}
        {diff.removed.map((d) => (
          <DefectItem key={d.key} kind="removed" description={d.description} />
        ))}
      </ul>
    </Section>
  );
}

function FilesSection({ diff }: { diff: VersionDiff["attachments"] }) {
  const t = useT("specs");
  const items: Array<{ key: string; kind: "added" | "removed" | "changed" | "moved"; badge: string; body: ReactNode }> = [
    ...diff.replaced.map((p) => ({
      key: `r-${p.to.id}`,
      kind: "changed" as const,
      badge: t("diff.newFileContent"),
      body: (
        <>
          {p.to.name} ({formatSize(p.to.size)})
        </>
      ),
    })),
    ...diff.added.map((f) => ({
      key: `a-${f.id}`,
      kind: "added" as const,
      badge: t("badge.added"),
      body: (
        <>
          {f.name} ({formatSize(f.size)})
        </>
      ),
    })),
    ...diff.removed.map((f) => ({ key: `d-${f.id}`, kind: "removed" as const, badge: t("badge.removed"), body: f.name })),
    ...diff.renamed.map((p) => ({
      key: `n-${p.to.id}`,
      kind: "moved" as const,
      badge: t("diff.renamedSameContent"),
      body: <Was from={p.from.name} to={p.to.name} />,
    })),
  ];
  if (items.length === 0) return null;
  return (
    <Section id="diff-files" title={t("diff.files")}>
      <ul className="divide-y divide-slate-200 rounded-md border border-slate-200 bg-white text-sm">
        {items.map((item) => (
          <li key={item.key} data-change={item.kind} className="flex flex-wrap items-center gap-2 px-3 py-2">
            <Badge tone={item.kind}>{item.badge}</Badge>
            <span className="min-w-0 break-all">{item.body}</span>
          </li>
        ))}
      </ul>
    </Section>
  );
}

const TEXT_FIELDS = ["description", "packaging", "notes"] as const;
const TEXT_TITLES = { description: "diff.description", packaging: "diff.packaging", notes: "diff.notes" } as const;
const TEXT_CHANGED = { description: "diff.descriptionChanged", packaging: "diff.packagingChanged", notes: "diff.notesChanged" } as const;

/** What happened to a defect example's photo, one sentence a slot and change. */
const PHOTO_CHANGE = {
  acceptable: { replaced: "diff.acceptablePhotoReplaced", added: "diff.acceptablePhotoAdded", removed: "diff.acceptablePhotoRemoved" },
  unacceptable: { replaced: "diff.unacceptablePhotoReplaced", added: "diff.unacceptablePhotoAdded", removed: "diff.unacceptablePhotoRemoved" },
} as const;

/** "Characteristics: 1 new, 2 changed", one line a section, in the words of the badges. */
function breakdown(diff: VersionDiff, t: T): string[] {
  const s = diff.summary;
  const keyed = (k: { added: number; changed: number; removed: number }) => ({ new: k.added, changed: k.changed, removed: k.removed });
  const sections: Array<[string, Record<string, number>]> = [
    [t("diff.characteristics"), { ...keyed(s.characteristics), moved: s.characteristics.moved }],
    [t("diff.materials"), keyed(s.materials)],
    [t("diff.defectExamples"), keyed(s.defectExamples)],
    [t("diff.files"), { new: s.attachments.added, replaced: s.attachments.replaced, removed: s.attachments.removed, renamed: s.attachments.renamed }],
  ];
  const counted = (word: string, count: number) => t(COUNT_WORDS[word as keyof typeof COUNT_WORDS], { count });
  const lines = sections.map(([title, counts]): [string, string] => [
    title,
    Object.entries(counts)
      .filter(([, n]) => n > 0)
      .map(([word, n]) => counted(word, n))
      .join(t("diff.countSeparator")),
  ]);
  const out = lines.filter(([, text]) => text).map(([section, counts]) => t("diff.breakdownLine", { section, counts }));
  for (const field of TEXT_FIELDS) if (diff.text[field].changed) out.push(t(TEXT_CHANGED[field]));
  return out;
}

const COUNT_WORDS = {
  new: "diff.countNew",
  changed: "diff.countChanged",
  removed: "diff.countRemoved",
  moved: "diff.countMoved",
  replaced: "diff.countReplaced",
  renamed: "diff.countRenamed",
} as const;

export function VersionDiffView({
  diff,
  fromNumber,
  toNumber,
  characteristicsByKey,
  summaryHeading = false,
}: {
  diff: VersionDiff;
  fromNumber: number;
  toNumber: number;
  /** Labels for characteristics the diff does not carry (unchanged ones), for defect example links. */
  characteristicsByKey?: Record<string, CharacteristicLabel>;
  /** The summary line as the h2 its sections' h3s sit under, on a page that has no h2 of its own above the diff. */
  summaryHeading?: boolean;
}) {
  const t = useT("specs");
  if (diff.summary.isEmpty) {
    return (
      <p className="rounded-md border border-slate-200 bg-white p-4 text-sm text-slate-700" data-testid="diff-summary">
        {t("diff.noChanges", { from: fromNumber, to: toNumber })}
      </p>
    );
  }
  const known = new Map<string, CharacteristicLabel>();
  const ch = diff.characteristics;
  for (const c of [...ch.removed, ...ch.added, ...ch.changed.map((x) => x.to), ...ch.moved.map((m) => m.characteristic)]) known.set(c.key, c);
  for (const [key, value] of Object.entries(characteristicsByKey ?? {})) known.set(key, value);
  const label = (key: string | null) => {
    if (!key) return t("diff.none");
    const c = known.get(key);
    return c ? t("diff.characteristicLabel", { number: c.number, name: c.name }) : key;
  };

  const Summary = summaryHeading ? "h2" : "p";
  return (
    <div className="text-slate-900">
      <Summary className="text-base font-semibold" data-testid="diff-summary">
        {t("diff.summary", { count: diff.summary.total, from: fromNumber })}
      </Summary>
      <ul className="mt-1 list-inside list-disc text-sm text-slate-700">
        {breakdown(diff, t).map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <CharacteristicsSection diff={diff.characteristics} />
      <MaterialsSection diff={diff.materials} />
      {TEXT_FIELDS.map((field) =>
        diff.text[field].changed ? <TextSection key={field} id={`diff-${field}`} title={t(TEXT_TITLES[field])} lines={diff.text[field].lines} /> : null,
      )}
      <DefectExamplesSection diff={diff.defectExamples} label={label} />
      <FilesSection diff={diff.attachments} />
    </div>
  );
}
