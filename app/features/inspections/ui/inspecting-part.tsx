import { Form, useNavigate, useNavigation } from "@remix-run/react";
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from "react";
import { filePath } from "~/features/attachments/paths.ts";
import { AutosaveStatusLine, CellConflictNote, MeasurementGrid } from "~/features/first-articles/ui/index.ts";
import { UnsavedChangesPrompt } from "~/components/unsaved-changes.tsx";
import { withScaledPhotos } from "~/lib/photo-scale.ts";
import { useMessageText, useT } from "~/lib/i18n/translate.ts";
import { messagesOf } from "~/lib/action-data.ts";
import type { loadInspectionPage } from "../page.server.ts";
import { DEFECT_CLASSES, type DefectClass } from "../plan.ts";
import {
  CHECK_ANSWERS,
  checkField,
  defectField,
  fieldId,
  MAX_DESCRIPTION,
  MAX_NOTE,
  newDefectId,
  REMOVE_DEFECT_FIELD,
  SAVE_INSPECTION_INTENT,
  SUBMIT_RESULT_INTENT,
} from "../recording-fields.ts";
import { ResultSummary } from "./result-summary.tsx";
import { SamplingPlanSummary } from "./sampling-plan-summary.tsx";
import { TallyCounter } from "./tally-counter.tsx";
import { useFieldAutosave } from "./use-field-autosave.ts";

type Page = Awaited<ReturnType<typeof loadInspectionPage>>;
type View = Extract<Page["inspecting"], { shown: true }>;
type Fields = ReturnType<typeof useFieldAutosave>;

/** What an answer of the inspecting forms carries besides the reply. */
type InspectingAnswer = {
  intent?: string;
  result?: { error?: Record<string, string[] | null | undefined> | null };
  problems?: { message: string; fieldId: string }[];
  values?: Record<string, string>;
};

const FORM_ID = "inspecting-form";

/** The inspection page's inspecting part: the plan, the sections as they are recorded, and the computed result once submitted. */
export function InspectingSections({ page, orgSlug, actionData }: { page: Page; orgSlug: string; actionData: unknown }) {
  const view = page.inspecting;
  // Before the date is confirmed both sides still see what will be drawn, and why.
  if (!view.shown)
    return (
      <div id="inspecting" className="mt-6 space-y-4">
        <SamplingPlanSummary plan={view.plan} />
      </div>
    );
  const answer = actionData as InspectingAnswer | undefined;
  const mine = answer && (answer.intent === SAVE_INSPECTION_INTENT || answer.intent === SUBMIT_RESULT_INTENT) ? answer : undefined;
  return (
    <div id="inspecting" className="mt-6 space-y-4">
      {view.outcome ? <ResultSummary outcome={view.outcome} /> : null}
      <SamplingPlanSummary plan={view.plan} />
      <Sections view={view} orgSlug={orgSlug} answer={mine} />
    </div>
  );
}

function Sections({ view, orgSlug, answer }: { view: View; orgSlug: string; answer: InspectingAnswer | undefined }) {
  const t = useT("inspecting");
  const say = useMessageText();
  const navigation = useNavigation();
  const editable = view.editable;
  const typed = answer?.values;
  const shown = typed ? { ...view.fields, ...pick(typed, Object.keys(view.fields)) } : view.fields;
  const fields = useFieldAutosave(shown, view.fields, editable ? view.savePath : undefined);
  const remove = useRef<HTMLInputElement>(null);
  // One question before leaving, for the grid's readings and the other sections alike.
  const [gridUnsaved, setGridUnsaved] = useState(false);
  const messages = answer ? messagesOf(answer.result ?? undefined) : [];
  const problems = answer?.problems ?? [];
  const alert = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (messages.length) alert.current?.focus();
  }, [answer]); // eslint-disable-line react-hooks/exhaustive-deps
  const cellErrors = Object.fromEntries(problems.filter((p) => p.fieldId.startsWith("cell-")).map((p) => [p.fieldId, p.message]));
  const typedReadings = typed ? readingsFrom(typed, view) : undefined;
  const busy = navigation.state !== "idle";

  const body = (
    <>
      {messages.length ? (
        <div ref={alert} tabIndex={-1} role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900">
          {messages.map((m) => (
            <p key={m} className="font-medium">
              {say(m)}
            </p>
          ))}
          {problems.length ? (
            <ul className="mt-2 list-disc pl-5" data-testid="submit-problems">
              {problems.map((p) => (
                <li key={`${p.fieldId}:${p.message}`}>
                  <a className="underline" href={`#${p.fieldId}`}>
                    {say(p.message)}
                  </a>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      {editable ? <UnsavedChangesPrompt when={fields.unsaved || gridUnsaved} /> : null}
      {editable ? <AutosaveStatusLine status={fields.status} /> : null}

      <Card id="quantity" title={t("section.quantity")}>
        <div className="grid gap-3 sm:grid-cols-3">
          <NumberField fields={fields} name="cartonsTotal" label={t("quantity.cartonsTotal")} editable={editable} />
          <NumberField fields={fields} name="cartonsChecked" label={t("quantity.cartonsChecked")} editable={editable} />
          <NumberField fields={fields} name="packedPercent" label={t("quantity.packedPercent")} editable={editable} max={100} />
        </div>
        <TextField fields={fields} name="quantityNote" label={t("quantity.note")} editable={editable} />
        <Checkbox
          fields={fields}
          name="steadyProduction"
          label={t("quantity.steadyProduction")}
          hint={t("quantity.steadyProductionHint")}
          editable={editable}
        />
      </Card>

      <Card id="measurements" title={t("section.measurements")}>
        <p className="text-sm text-slate-600">{t("measurements.intro", { count: view.plan.measured.sampleSize })}</p>
        {view.characteristics.length ? (
          <MeasurementGrid
            characteristics={view.characteristics}
            sampleCount={view.plan.measured.sampleSize}
            readings={typedReadings ?? view.readings}
            storedReadings={typedReadings ? view.readings : undefined}
            editable={editable}
            serverErrors={cellErrors}
            autosaveTo={editable ? view.savePath : undefined}
            onUnsavedChange={setGridUnsaved}
          />
        ) : (
          <p className="text-sm">{t("measurements.none")}</p>
        )}
      </Card>

      <Card id="defects" title={t("section.defects")}>
        {editable ? <input ref={remove} type="hidden" name={REMOVE_DEFECT_FIELD} defaultValue="" /> : null}
        {DEFECT_CLASSES.map((defectClass) => (
          <DefectClassGroup
            key={defectClass}
            defectClass={defectClass}
            view={view}
            fields={fields}
            orgSlug={orgSlug}
            onRemove={(id) => {
              if (remove.current) remove.current.value = id;
            }}
          />
        ))}
      </Card>

      <Card id="checks" title={t("section.checks")}>
        {view.lines.length === 0 ? <p className="text-sm">{t("checks.none")}</p> : null}
        {view.lines.map((line) => (
          <CheckRow key={line.key} lineKey={line.key} label={line.label} fields={fields} editable={editable} />
        ))}
      </Card>

      <Card id="note" title={t("section.note")}>
        <TextField fields={fields} name="resultNote" label={t("note.label")} editable={editable} multiline />
        <Checkbox fields={fields} name="pendingDecision" label={t("note.pendingDecision")} editable={editable} />
      </Card>

      {editable ? (
        <div className="flex flex-wrap items-start gap-2">
          <button type="submit" name="intent" value={SAVE_INSPECTION_INTENT} className="btn-secondary min-h-11" disabled={busy}>
            {t("actions.save")}
          </button>
          {view.canSubmit ? (
            <details className="relative">
              <summary className="btn-primary min-h-11 cursor-pointer list-none [&::-webkit-details-marker]:hidden">{t("actions.submit")}</summary>
              <div
                role="dialog"
                aria-label={t("actions.submit")}
                className="mt-2 w-72 max-w-full rounded-md border border-slate-200 bg-white p-4 text-sm shadow-lg"
              >
                <p>{t("actions.submitQuestion")}</p>
                <button type="submit" name="intent" value={SUBMIT_RESULT_INTENT} className="btn-primary mt-3 min-h-11" disabled={busy}>
                  {t("actions.submitConfirm")}
                </button>
              </div>
            </details>
          ) : (
            <p className="text-sm text-slate-600">{t("actions.cannotSubmit")}</p>
          )}
        </div>
      ) : null}
    </>
  );

  return (
    <>
      {editable ? (
        <Form id={FORM_ID} method="post" className="space-y-4">
          {body}
        </Form>
      ) : (
        <div className="space-y-4">{body}</div>
      )}
      {/* Photo forms sit outside the sections' form (forms do not nest); each defect's inputs name theirs. */}
      {editable ? view.defects.map((d) => <PhotoForm key={d.id} defectId={d.id} savePath={view.savePath} />) : null}
    </>
  );
}

function pick(values: Record<string, string>, names: string[]) {
  const out: Record<string, string> = {};
  for (const name of names) {
    if (name in values) out[name] = values[name]!;
    // A checkbox left unticked posts nothing.
    else if (name === "steadyProduction" || name === "pendingDecision") out[name] = "false";
  }
  return out;
}

function readingsFrom(values: Record<string, string>, view: View) {
  const readings: Record<string, string[]> = {};
  for (const c of view.characteristics) {
    readings[c.key] = Array.from({ length: view.plan.measured.sampleSize }, (_, i) => values[`m.${c.key}.${i + 1}`] ?? "");
  }
  return readings;
}

function Card({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section id={id} aria-labelledby={`${id}-heading`} className="card space-y-3">
      <h2 id={`${id}-heading`} className="text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

function Conflict({ fields, name, label }: { fields: Fields; name: string; label: string }) {
  const theirs = fields.conflictOf(name);
  if (theirs === undefined) return null;
  return <CellConflictNote theirs={theirs} label={label} onKeepMine={() => fields.resolve(name, "mine")} onTakeTheirs={() => fields.resolve(name, "theirs")} />;
}

function NumberField({ fields, name, label, editable, max }: { fields: Fields; name: string; label: string; editable: boolean; max?: number }) {
  const id = fieldId(name);
  const value = fields.values[name] ?? "";
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      {editable ? (
        <input
          id={id}
          name={name}
          type="number"
          inputMode="numeric"
          min={0}
          max={max}
          step={1}
          value={value}
          onChange={(e) => fields.setField(name, e.target.value)}
          onBlur={fields.flush}
          className="input mt-1 min-h-11"
        />
      ) : (
        <p id={id} className="mt-1">
          {value || "—"}
        </p>
      )}
      <Conflict fields={fields} name={name} label={label} />
    </div>
  );
}

function TextField({ fields, name, label, editable, multiline }: { fields: Fields; name: string; label: string; editable: boolean; multiline?: boolean }) {
  const id = fieldId(name);
  const value = fields.values[name] ?? "";
  const props = {
    id,
    name,
    value,
    maxLength: MAX_NOTE,
    onChange: (e: { target: { value: string } }) => fields.setField(name, e.target.value),
    onBlur: fields.flush,
    className: "input mt-1",
  };
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      {editable ? (
        multiline ? (
          <textarea {...props} rows={3} />
        ) : (
          <input {...props} type="text" />
        )
      ) : (
        <p id={id} className="mt-1 whitespace-pre-wrap">
          {value || "—"}
        </p>
      )}
      <Conflict fields={fields} name={name} label={label} />
    </div>
  );
}

function Checkbox({ fields, name, label, hint, editable }: { fields: Fields; name: string; label: string; hint?: string; editable: boolean }) {
  const t = useT("inspecting");
  const id = fieldId(name);
  const checked = fields.values[name] === "true";
  if (!editable) {
    return (
      <p id={id} className="text-sm">
        {label}: {checked ? t("yes") : t("no")}
      </p>
    );
  }
  return (
    <div>
      <label htmlFor={id} className="flex min-h-11 items-center gap-2 text-sm">
        <input
          id={id}
          name={name}
          type="checkbox"
          value="true"
          checked={checked}
          onChange={(e) => fields.setField(name, e.target.checked ? "true" : "false")}
          className="h-5 w-5"
        />
        {label}
      </label>
      {hint ? <p className="text-xs text-slate-600">{hint}</p> : null}
      <Conflict fields={fields} name={name} label={label} />
    </div>
  );
}

function CheckRow({ lineKey, label, fields, editable }: { lineKey: string; label: string; fields: Fields; editable: boolean }) {
  const t = useT("inspecting");
  const name = checkField(lineKey, "result");
  const noteName = checkField(lineKey, "note");
  const value = fields.values[name] ?? "";
  return (
    <fieldset className="border-t border-slate-200 pt-2" data-testid={`check-${lineKey}`}>
      <legend id={fieldId(name)} tabIndex={-1} className="text-sm font-medium">
        {label}
      </legend>
      {editable ? (
        <div className="mt-1 flex flex-wrap gap-2">
          {CHECK_ANSWERS.map((answer) => (
            <label
              key={answer}
              className="flex min-h-11 min-w-11 items-center gap-2 rounded-md border border-slate-300 px-3 text-sm has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50"
            >
              <input
                type="radio"
                name={name}
                value={answer}
                checked={value === answer}
                onChange={() => {
                  fields.setField(name, answer);
                }}
                className="h-5 w-5"
              />
              {t(`check.${answer}`)}
            </label>
          ))}
        </div>
      ) : (
        <p className="text-sm">{value ? t(`check.${value as (typeof CHECK_ANSWERS)[number]}`) : "—"}</p>
      )}
      <Conflict fields={fields} name={name} label={label} />
      <TextField fields={fields} name={noteName} label={t("checks.note")} editable={editable} />
    </fieldset>
  );
}

function DefectClassGroup({
  defectClass,
  view,
  fields,
  orgSlug,
  onRemove,
}: {
  defectClass: DefectClass;
  view: View;
  fields: Fields;
  orgSlug: string;
  onRemove: (id: string) => void;
}) {
  const t = useT("inspecting");
  const rows = view.defects.filter((d) => d.class === defectClass);
  const plan = view.plan.classes[defectClass];
  const found = rows.reduce((sum, d) => sum + (Number(fields.values[defectField(d.id, "count")]) || 0), 0);
  const over = found > plan.accept;
  return (
    <div className="border-t border-slate-200 pt-3" data-testid={`defects-${defectClass}`}>
      <h3 className="font-semibold">{t(`class.${defectClass}`)}</h3>
      <p className={`text-sm ${over ? "font-semibold text-red-700" : "text-slate-600"}`} aria-live="polite">
        {t("defects.tally", { found, ac: plan.accept, re: plan.reject })}
      </p>
      <ul className="mt-2 space-y-3">
        {rows.map((d) => (
          <DefectRow key={d.id} id={d.id} view={view} fields={fields} orgSlug={orgSlug} photos={d.photos} onRemove={onRemove} />
        ))}
        {/* Keyed by the rows saved: once "Add defect" saved this one, a blank row takes its place, so the next save cannot add it twice. */}
        {view.editable ? <NewDefectRow key={rows.map((d) => d.id).join(",")} defectClass={defectClass} view={view} /> : null}
      </ul>
    </div>
  );
}

function LibraryPicker({ id, name, value, view, onChange }: { id: string; name: string; value: string; view: View; onChange?: (value: string) => void }) {
  const t = useT("inspecting");
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {t("defects.fromLibrary")}
      </label>
      <select
        id={id}
        name={name}
        className="input mt-1 min-h-11"
        value={onChange ? value : undefined}
        defaultValue={onChange ? undefined : value}
        onChange={(e) => onChange?.(e.target.value)}
      >
        <option value="">{t("defects.describedHere")}</option>
        {view.library.map((e) => (
          <option key={e.key} value={e.key}>
            {e.description}
          </option>
        ))}
      </select>
    </div>
  );
}

function ExamplePhotos({ exampleKey, view, orgSlug }: { exampleKey: string; view: View; orgSlug: string }) {
  const t = useT("inspecting");
  const example = view.library.find((e) => e.key === exampleKey);
  if (!example || (!example.acceptablePhotoId && !example.unacceptablePhotoId)) return null;
  const photo = (photoId: string | null, caption: string) =>
    photoId ? (
      <figure className="w-32">
        <img
          src={filePath(orgSlug, photoId)}
          alt={`${caption}: ${example.description}`}
          className="h-24 w-32 rounded border border-slate-200 object-cover"
          loading="lazy"
        />
        <figcaption className="text-xs">{caption}</figcaption>
      </figure>
    ) : null;
  return (
    <div className="flex gap-2">
      {photo(example.acceptablePhotoId, t("defects.acceptable"))}
      {photo(example.unacceptablePhotoId, t("defects.unacceptable"))}
    </div>
  );
}

function DefectRow({
  id,
  view,
  fields,
  orgSlug,
  photos,
  onRemove,
}: {
  id: string;
  view: View;
  fields: Fields;
  orgSlug: string;
  photos: { id: string; name: string; contentType: string }[];
  onRemove: (id: string) => void;
}) {
  const t = useT("inspecting");
  const editable = view.editable;
  const description = defectField(id, "description");
  const example = defectField(id, "exampleKey");
  const count = defectField(id, "count");
  const descriptionText = fields.values[description] ?? "";
  const label = descriptionText || t("defects.unnamed");
  return (
    <li className="space-y-2 rounded-md border border-slate-200 p-2" data-testid="defect-row">
      <input type="hidden" name={defectField(id, "class")} value={fields.values[defectField(id, "class")] ?? ""} />
      {editable ? (
        <>
          <LibraryPicker
            id={fieldId(example)}
            name={example}
            value={fields.values[example] ?? ""}
            view={view}
            onChange={(key) => {
              fields.setField(example, key);
              const chosen = view.library.find((e) => e.key === key);
              if (chosen && !descriptionText.trim()) fields.setField(description, chosen.description);
            }}
          />
          <div>
            <label htmlFor={fieldId(description)} className="block text-sm font-medium text-slate-700">
              {t("defects.description")}
            </label>
            <input
              id={fieldId(description)}
              name={description}
              type="text"
              maxLength={MAX_DESCRIPTION}
              value={descriptionText}
              onChange={(e) => fields.setField(description, e.target.value)}
              onBlur={fields.flush}
              className="input mt-1 min-h-11"
            />
            <Conflict fields={fields} name={description} label={t("defects.description")} />
          </div>
          <TallyCounter id={fieldId(count)} name={count} value={fields.values[count] ?? "0"} label={label} onChange={(v) => fields.setField(count, v)} />
          <Conflict fields={fields} name={count} label={label} />
        </>
      ) : (
        <p className="text-sm">
          <span className="font-mono font-semibold tabular-nums">{fields.values[count]}</span> × {label}
        </p>
      )}
      <ExamplePhotos exampleKey={fields.values[example] ?? ""} view={view} orgSlug={orgSlug} />
      {photos.length ? (
        <ul className="flex flex-wrap gap-2" aria-label={t("defects.photos")}>
          {photos.map((p) => (
            <li key={p.id}>
              <a href={filePath(orgSlug, p.id)}>
                <img src={filePath(orgSlug, p.id)} alt={p.name} className="h-20 w-20 rounded border border-slate-200 object-cover" loading="lazy" />
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      {editable ? (
        <div className="flex flex-wrap items-end gap-2">
          <div>
            <label htmlFor={`photos-input-${id}`} className="block text-sm font-medium text-slate-700">
              {t("defects.addPhotos")}
            </label>
            <input
              id={`photos-input-${id}`}
              form={`photos-${id}`}
              name="photos"
              type="file"
              accept="image/*"
              capture="environment"
              multiple
              className="input mt-1 min-h-11"
            />
          </div>
          <button type="submit" form={`photos-${id}`} className="btn-secondary min-h-11">
            {t("defects.upload")}
          </button>
          <button type="submit" name="intent" value={SAVE_INSPECTION_INTENT} className="btn-secondary min-h-11 text-red-700" onClick={() => onRemove(id)}>
            {t("defects.remove")}
          </button>
        </div>
      ) : null}
    </li>
  );
}

/** The blank row each class offers: saved with the Save button (works without JavaScript), then it counts as typed. */
function NewDefectRow({ defectClass, view }: { defectClass: DefectClass; view: View }) {
  const t = useT("inspecting");
  const id = newDefectId(defectClass);
  const [count, setCount] = useState("0");
  return (
    <li className="space-y-2 rounded-md border border-dashed border-slate-300 p-2" data-testid={`new-defect-${defectClass}`}>
      <p className="text-sm font-medium">{t("defects.new", { class: t(`class.${defectClass}`) })}</p>
      <input type="hidden" name={defectField(id, "class")} value={defectClass} />
      <LibraryPicker id={fieldId(defectField(id, "exampleKey"))} name={defectField(id, "exampleKey")} value="" view={view} />
      <div>
        <label htmlFor={fieldId(defectField(id, "description"))} className="block text-sm font-medium text-slate-700">
          {t("defects.description")}
        </label>
        <input
          id={fieldId(defectField(id, "description"))}
          name={defectField(id, "description")}
          type="text"
          maxLength={MAX_DESCRIPTION}
          className="input mt-1 min-h-11"
        />
      </div>
      <TallyCounter id={fieldId(defectField(id, "count"))} name={defectField(id, "count")} value={count} label={t("defects.newCount")} onChange={setCount} />
      <button type="submit" name="intent" value={SAVE_INSPECTION_INTENT} className="btn-secondary min-h-11">
        {t("defects.add")}
      </button>
    </li>
  );
}

/** A defect's photos: scaled in the browser first when it can, posted to the save route, back to the defects. */
function PhotoForm({ defectId, savePath }: { defectId: string; savePath: string }) {
  const t = useT("inspecting");
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  const action = `${savePath}?photos=${encodeURIComponent(defectId)}`;
  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setError(null);
    const body = await withScaledPhotos(new FormData(event.currentTarget));
    // The route answers with a redirect to the page, whose toast the navigation below shows.
    const response = await fetch(action, { method: "POST", body, redirect: "manual" }).catch(() => null);
    if (!response || !(response.type === "opaqueredirect" || response.ok)) return setError(t("defects.uploadFailed"));
    navigate(".#defects", { replace: true });
  };
  return (
    <form id={`photos-${defectId}`} method="post" encType="multipart/form-data" action={action} onSubmit={(e) => void onSubmit(e)}>
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </form>
  );
}
