import { type FieldMetadata, type FormMetadata, getInputProps, getSelectProps, getTextareaProps } from "@conform-to/react";
import { useLingui } from "@lingui/react";
import type { ReactNode } from "react";
import { limitsText } from "~/features/specs/characteristic.ts";
import { CLASSES, type CharacteristicRowInput } from "~/features/specs/schemas.ts";
import { ErrorList } from "~/components/forms.tsx";
import { useT } from "~/lib/i18n/translate.ts";

// The rows of the draft editor. Add, remove and move are conform list
// intents: submit buttons that work without JavaScript and keep every typed
// value, because the server answers them with the form as it was.

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any form
type AnyForm = FormMetadata<any, string[]>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any field
type AnyField = FieldMetadata<any, any, string[]>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a list of row objects
type ListField = FieldMetadata<Record<string, any>[] | undefined, any, string[]>;
type Row<K extends string> = Record<K, AnyField>;

/** A new row: measured, major, numbered after the last one. */
const newCharacteristic = (number: number): Partial<CharacteristicRowInput> => ({ number: String(number), kind: "VARIABLE", class: "MAJOR" });

function Cell({ field, label, type = "text", width, placeholder }: { field: AnyField; label: string; type?: "text"; width?: string; placeholder?: string }) {
  return (
    <label className={`block ${width ?? ""}`}>
      <span className="block text-xs font-medium text-slate-600">{label}</span>
      <input {...getInputProps(field, { type, ariaAttributes: true })} placeholder={placeholder} className="input mt-0.5 px-2 py-1.5" />
      <ErrorList id={field.errorId} errors={field.errors} />
    </label>
  );
}

/** The acceptance limits as typed so far, from the same rule the first-article grid judges by. */
function LiveLimits({ row }: { row: Row<keyof CharacteristicRowInput> }) {
  const t = useT("specs");
  const { locale } = useLingui().i18n;
  const values = { kind: "VARIABLE" as const, nominal: str(row.nominal.value), lowerTol: str(row.lowerTol.value), upperTol: str(row.upperTol.value) };
  if (!values.nominal && !values.lowerTol && !values.upperTol) return null;
  return (
    <p className="col-span-2 self-end text-sm text-slate-700 sm:col-span-6" data-testid="live-limits">
      {t("editor.accepted")} <span className="font-medium tabular-nums">{limitsText({ ...values, unit: str(row.unit.value) }, t, locale)}</span>
    </p>
  );
}

const str = (value: unknown) => (typeof value === "string" ? value : "");

/** The row tools' labels, one sentence a kind of row and tool. */
const ROW_TOOL_LABELS = {
  characteristic: { up: "editor.moveCharacteristicUp", down: "editor.moveCharacteristicDown", remove: "editor.removeCharacteristic" },
  material: { up: "editor.moveMaterialUp", down: "editor.moveMaterialDown", remove: "editor.removeMaterial" },
  defect: { up: "editor.moveDefectUp", down: "editor.moveDefectDown", remove: "editor.removeDefect" },
} as const;

function RowTools({ form, list, index, count, what }: { form: AnyForm; list: ListField; index: number; count: number; what: keyof typeof ROW_TOOL_LABELS }) {
  const t = useT("specs");
  const labels = ROW_TOOL_LABELS[what];
  const number = index + 1;
  return (
    <div className="flex gap-1">
      <button
        {...form.reorder.getButtonProps({ name: list.name, from: index, to: index - 1 })}
        disabled={index === 0}
        className="btn-secondary px-2 py-1 sm:min-h-8"
        aria-label={t(labels.up, { number })}
      >
        ↑
      </button>
      <button
        {...form.reorder.getButtonProps({ name: list.name, from: index, to: index + 1 })}
        disabled={index === count - 1}
        className="btn-secondary px-2 py-1 sm:min-h-8"
        aria-label={t(labels.down, { number })}
      >
        ↓
      </button>
      <button
        {...form.remove.getButtonProps({ name: list.name, index })}
        className="btn-secondary px-2 py-1 sm:min-h-8 text-red-700"
        aria-label={t(labels.remove, { number })}
      >
        {t("editor.remove")}
      </button>
    </div>
  );
}

export function CharacteristicRows({ form, list }: { form: AnyForm; list: ListField }) {
  const t = useT("specs");
  const rows = list.getFieldList();
  return (
    <Fieldset legend={t("editor.characteristics")} hint={t("editor.characteristicsHint")} errors={list.errors} errorId={list.errorId}>
      {rows.length === 0 ? <p className="text-sm text-slate-600">{t("editor.noCharacteristics")}</p> : null}
      <ol className="space-y-3">
        {rows.map((row, index) => {
          const f = row.getFieldset() as Row<keyof CharacteristicRowInput>;
          const visual = f.kind.value === "ATTRIBUTE";
          return (
            <li key={row.key} className="rounded-md border border-slate-200 p-3" data-testid="characteristic-row">
              <input {...getInputProps(f.key, { type: "hidden" })} />
              <div className="grid grid-cols-2 gap-2 sm:grid-cols-6">
                <Cell field={f.number} label={t("column.number")} placeholder="1" />
                <div className="col-span-2 sm:col-span-3">
                  <Cell field={f.name} label={t("column.name")} placeholder={t("editor.namePlaceholder")} />
                </div>
                <label className="block">
                  <span className="block text-xs font-medium text-slate-600">{t("editor.type")}</span>
                  <select {...getSelectProps(f.kind)} className="input mt-0.5 px-2 py-1.5">
                    <option value="VARIABLE">{t("editor.kindVariable")}</option>
                    <option value="ATTRIBUTE">{t("editor.kindAttribute")}</option>
                  </select>
                </label>
                <label className="block">
                  <span className="block text-xs font-medium text-slate-600">{t("column.class")}</span>
                  <select {...getSelectProps(f.class)} className="input mt-0.5 px-2 py-1.5">
                    {CLASSES.map((c) => (
                      <option key={c} value={c}>
                        {t(`class.${c}`)}
                      </option>
                    ))}
                  </select>
                </label>
                {visual ? null : (
                  <>
                    <Cell field={f.nominal} label={t("editor.nominal")} placeholder="82" />
                    <Cell field={f.lowerTol} label={t("editor.lowerTol")} placeholder="-0.2" />
                    <Cell field={f.upperTol} label={t("editor.upperTol")} placeholder="+0.3" />
                    <Cell field={f.unit} label={t("editor.unit")} placeholder="mm" />
                    <LiveLimits row={f} />
                  </>
                )}
                <div className={visual ? "col-span-2 sm:col-span-6" : "col-span-2"}>
                  <Cell
                    field={f.method}
                    label={visual ? t("editor.whatPasses") : t("column.howToMeasure")}
                    placeholder={visual ? t("editor.whatPassesPlaceholder") : t("editor.howToMeasurePlaceholder")}
                  />
                </div>
              </div>
              <div className="mt-2 flex justify-end">
                <RowTools form={form} list={list} index={index} count={rows.length} what="characteristic" />
              </div>
            </li>
          );
        })}
      </ol>
      <button {...form.insert.getButtonProps({ name: list.name, defaultValue: newCharacteristic(rows.length + 1) })} className="btn-secondary">
        {t("editor.addCharacteristic")}
      </button>
    </Fieldset>
  );
}

export function MaterialRows({ form, list }: { form: AnyForm; list: ListField }) {
  const t = useT("specs");
  const rows = list.getFieldList();
  return (
    <Fieldset legend={t("view.materials")} errors={list.errors} errorId={list.errorId}>
      <ul className="space-y-2">
        {rows.map((row, index) => {
          const f = row.getFieldset() as Row<"key" | "material" | "grade" | "source">;
          return (
            <li key={row.key} className="grid grid-cols-1 items-end gap-2 rounded-md border border-slate-200 p-3 sm:grid-cols-4" data-testid="material-row">
              <input {...getInputProps(f.key, { type: "hidden" })} />
              <Cell field={f.material} label={t("column.material")} placeholder={t("editor.materialPlaceholder")} />
              <Cell field={f.grade} label={t("column.grade")} placeholder={t("editor.gradePlaceholder")} />
              <Cell field={f.source} label={t("column.source")} placeholder={t("editor.sourcePlaceholder")} />
              <RowTools form={form} list={list} index={index} count={rows.length} what="material" />
            </li>
          );
        })}
      </ul>
      <button {...form.insert.getButtonProps({ name: list.name })} className="btn-secondary">
        {t("editor.addMaterial")}
      </button>
    </Fieldset>
  );
}

export function DefectRows({
  form,
  list,
  characteristics,
}: {
  form: AnyForm;
  list: ListField;
  characteristics: { key: string; number: string; name: string }[];
}) {
  const t = useT("specs");
  const rows = list.getFieldList();
  if (rows.length === 0) return null;
  return (
    <Fieldset legend={t("diff.defectExamples")} hint={t("editor.defectsHint")}>
      <ul className="space-y-2">
        {rows.map((row, index) => {
          const f = row.getFieldset() as Row<"key" | "description" | "characteristicKey">;
          return (
            <li key={row.key} className="grid grid-cols-1 items-end gap-2 rounded-md border border-slate-200 p-3 sm:grid-cols-3">
              <input {...getInputProps(f.key, { type: "hidden" })} />
              <Cell field={f.description} label={t("view.description")} />
              <label className="block">
                <span className="block text-xs font-medium text-slate-600">{t("editor.forCharacteristic")}</span>
                <select {...getSelectProps(f.characteristicKey)} className="input mt-0.5 px-2 py-1.5">
                  <option value="">{t("editor.general")}</option>
                  {characteristics.map((c) => (
                    <option key={c.key} value={c.key}>
                      {c.number} {c.name}
                    </option>
                  ))}
                </select>
              </label>
              <RowTools form={form} list={list} index={index} count={rows.length} what="defect" />
            </li>
          );
        })}
      </ul>
    </Fieldset>
  );
}

export function TextArea({ field, label, rows = 4, hint }: { field: AnyField; label: string; rows?: number; hint?: string }) {
  return (
    <div>
      <label htmlFor={field.id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      {hint ? <p className="text-xs text-slate-500">{hint}</p> : null}
      <textarea {...getTextareaProps(field)} rows={rows} className="input mt-1" />
      <ErrorList id={field.errorId} errors={field.errors} />
    </div>
  );
}

function Fieldset({ legend, hint, children, errors, errorId }: { legend: string; hint?: string; children: ReactNode; errors?: string[]; errorId?: string }) {
  return (
    <fieldset className="card space-y-3">
      <legend className="sr-only">{legend}</legend>
      <div>
        <h2 className="font-semibold" aria-hidden>
          {legend}
        </h2>
        {hint ? <p className="text-sm text-slate-600">{hint}</p> : null}
      </div>
      {children}
      <ErrorList id={errorId} errors={errors} />
    </fieldset>
  );
}
