// Recording an inspection while it is CONFIRMED: the whole form at once (the Save button, which
// works without JavaScript), or only the changed fields and readings as they are typed, each
// with the value the typist's page last had. A field someone else changed meanwhile is not
// overwritten: it comes back as a conflict carrying their value (409), and the page keeps
// what was typed. Every write moves the inspection's revision on.
import { changedCellsFromForm } from "~/features/first-articles/cell-saves.server.ts";
import type { Prisma } from "~/generated/prisma/client.ts";
import { judgeCell, judgedMeasurements, readingsFromForm, type Readings } from "~/features/first-articles/judge.ts";
import { characteristicColumns, toCharacteristicSnapshot } from "~/features/specs/characteristic-rows.server.ts";
import { memberAction, recordAudit } from "~/lib/audit.server.ts";
import { prisma, type Tx } from "~/lib/db.server.ts";
import { UserError } from "~/lib/errors.ts";
import { message } from "~/lib/i18n/message.ts";
import type { MessageKey } from "~/lib/i18n/translate.ts";
import type { TenantContext } from "~/lib/tenant.server.ts";
import type { LoadedInspection } from "./inspections.server.ts";
import { DEFECT_CLASSES, type DefectClass } from "./plan.ts";
import {
  BOOLEAN_FIELDS,
  CHECK_ANSWERS,
  checkField,
  defectField,
  INTEGER_FIELDS,
  MAX_CARTONS,
  MAX_COUNT,
  MAX_DESCRIPTION,
  MAX_NOTE,
  newDefectId,
  packagingLines,
  previousValueName,
  REMOVE_DEFECT_FIELD,
  SCALAR_FIELDS,
  typedFieldName,
  type FieldConflict,
  type SavedField,
  type ScalarField,
} from "./recording-fields.ts";

/** What an inspection is recorded against: its version's characteristics, defect library and packaging checks. */
/** What recording reads of the spec version: its characteristics, defect library and packaging lines. */
export const recordingVersionSelect = {
  packaging: true,
  characteristics: { orderBy: { position: "asc" }, select: characteristicColumns },
  defectExamples: {
    orderBy: { position: "asc" },
    select: { key: true, description: true, characteristicKey: true, acceptablePhotoId: true, unacceptablePhotoId: true },
  },
} satisfies Prisma.SpecVersionSelect;

export function toRecordingVersion(version: Prisma.SpecVersionGetPayload<{ select: typeof recordingVersionSelect }>) {
  return {
    characteristics: version.characteristics.map(toCharacteristicSnapshot),
    library: version.defectExamples,
    lines: packagingLines(version.packaging),
  };
}

export async function loadRecordingVersion(versionId: string) {
  return toRecordingVersion(await prisma.specVersion.findUniqueOrThrow({ where: { id: versionId }, select: recordingVersionSelect }));
}
export type RecordingVersion = Awaited<ReturnType<typeof loadRecordingVersion>>;

type Recorded = Pick<LoadedInspection, "id" | "plan" | "measurements" | "defects" | "checks" | ScalarField>;

/** The measured sample's readings as typed, one string per unit for every characteristic. */
export function readingsOfInspection(inspection: Pick<LoadedInspection, "measurements" | "plan">): Readings {
  const count = inspection.plan.measured.sampleSize;
  const readings: Readings = {};
  for (const m of inspection.measurements) {
    if (m.sample < 1 || m.sample > count) continue;
    (readings[m.characteristicKey] ??= Array.from({ length: count }, () => ""))[m.sample - 1] = m.raw;
  }
  return readings;
}

const scalarText = (value: number | string | boolean | null) => (value === null ? "" : String(value));

/** Every field the page shows, as the text it posts: what the server holds. */
export function storedFields(inspection: Recorded, version: RecordingVersion): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const name of SCALAR_FIELDS) fields[name] = scalarText(inspection[name]);
  const checks = new Map(inspection.checks.map((c) => [c.key, c]));
  for (const line of version.lines) {
    fields[checkField(line.key, "result")] = checks.get(line.key)?.result ?? "";
    fields[checkField(line.key, "note")] = checks.get(line.key)?.note ?? "";
  }
  for (const d of inspection.defects) {
    fields[defectField(d.id, "class")] = d.class;
    fields[defectField(d.id, "exampleKey")] = d.defectExampleKey ?? "";
    fields[defectField(d.id, "description")] = d.description;
    fields[defectField(d.id, "count")] = String(d.count);
  }
  return fields;
}

const bad = (key: MessageKey<"inspecting">, values?: Record<string, string | number>) => new UserError(message("inspecting", key, values), 400);

type Write =
  | { kind: "scalar"; field: ScalarField; value: number | string | boolean | null }
  | { kind: "check"; key: string; label: string; part: "result" | "note"; value: string }
  | { kind: "defect"; id: string; part: "class" | "exampleKey" | "description" | "count"; value: string | number | null };

function wholeNumber(raw: string, max: number, key: MessageKey<"inspecting">): number | null {
  const text = raw.trim();
  if (text === "") return null;
  if (!/^\d{1,7}$/.test(text) || Number(text) > max) throw bad(key, { max });
  return Number(text);
}

/** A posted field checked and normalised: the write it makes and its text as stored. Anything a page cannot post is a 400. */
function writeOf(name: string, raw: string, version: RecordingVersion): { write: Write; text: string } {
  if ((SCALAR_FIELDS as readonly string[]).includes(name)) {
    const field = name as ScalarField;
    if (BOOLEAN_FIELDS.includes(field)) {
      const value = raw === "true" || raw === "on";
      if (!["true", "false", "on", ""].includes(raw)) throw bad("errors.unknownField");
      return { write: { kind: "scalar", field, value }, text: String(value) };
    }
    if (INTEGER_FIELDS.includes(field)) {
      const value = field === "packedPercent" ? wholeNumber(raw, 100, "errors.percent") : wholeNumber(raw, MAX_CARTONS, "errors.cartons");
      return { write: { kind: "scalar", field, value }, text: scalarText(value) };
    }
    const text = raw.trim();
    if (text.length > MAX_NOTE) throw bad("errors.noteTooLong", { max: MAX_NOTE });
    return { write: { kind: "scalar", field, value: text }, text };
  }
  const check = /^check\.(\d{3})\.(result|note)$/.exec(name);
  if (check) {
    const line = version.lines.find((l) => l.key === check[1]);
    if (!line) throw bad("errors.unknownField");
    const part = check[2] as "result" | "note";
    const text = raw.trim();
    if (part === "result" && text !== "" && !(CHECK_ANSWERS as readonly string[]).includes(text)) throw bad("errors.unknownField");
    if (text.length > MAX_NOTE) throw bad("errors.noteTooLong", { max: MAX_NOTE });
    return { write: { kind: "check", key: line.key, label: line.label, part, value: text }, text };
  }
  const defect = /^d\.([A-Za-z0-9_-]{1,40})\.(class|exampleKey|description|count)$/.exec(name);
  if (defect) {
    const id = defect[1]!;
    const part = defect[2] as "class" | "exampleKey" | "description" | "count";
    const text = raw.trim();
    if (part === "class" && !(DEFECT_CLASSES as readonly string[]).includes(text)) throw bad("errors.unknownField");
    if (part === "exampleKey" && text !== "" && !version.library.some((e) => e.key === text)) throw bad("errors.unknownExample");
    if (part === "description" && text.length > MAX_DESCRIPTION) throw bad("errors.descriptionTooLong", { max: MAX_DESCRIPTION });
    if (part === "count") {
      const count = wholeNumber(text === "" ? "0" : text, MAX_COUNT, "errors.count") ?? 0;
      return { write: { kind: "defect", id, part, value: count }, text: String(count) };
    }
    return { write: { kind: "defect", id, part, value: part === "exampleKey" && text === "" ? null : text }, text };
  }
  throw bad("errors.unknownField");
}

const DEFECT_COLUMN = { class: "class", exampleKey: "defectExampleKey", description: "description", count: "count" } as const;

async function applyWrites(tx: Tx, inspection: Pick<LoadedInspection, "id">, writes: Write[]) {
  const scalars: Record<string, unknown> = {};
  for (const w of writes) {
    if (w.kind === "scalar") scalars[w.field] = w.value;
    else if (w.kind === "check") {
      const where = { inspectionId_key: { inspectionId: inspection.id, key: w.key } };
      const value = w.part === "result" ? (w.value === "" ? null : (w.value as (typeof CHECK_ANSWERS)[number])) : w.value;
      await tx.inspectionCheck.upsert({
        where,
        create: { inspectionId: inspection.id, key: w.key, label: w.label, [w.part]: value },
        update: { label: w.label, [w.part]: value },
      });
    } else {
      const { count } = await tx.inspectionDefect.updateMany({
        where: { id: w.id, inspectionId: inspection.id },
        data: { [DEFECT_COLUMN[w.part]]: w.value },
      });
      if (count !== 1) throw new UserError(message("inspecting", "errors.defectGone"), 409);
    }
  }
  if (Object.keys(scalars).length) await tx.inspection.update({ where: { id: inspection.id }, data: scalars });
}

const changedReload = () => new UserError(message("inspecting", "errors.changedReload"), 409);
const notRecording = () => new UserError(message("inspecting", "errors.notRecording"), 409);

/** Takes the inspection's row (two saves run one after the other) and moves its revision on; refused unless it is still being recorded. */
async function lockForRecording(tx: Tx, inspection: Pick<LoadedInspection, "id" | "revision">, revision?: number) {
  const { count } = await tx.inspection.updateMany({
    where: { id: inspection.id, status: "CONFIRMED", ...(revision === undefined ? {} : { revision }) },
    data: { revision: { increment: 1 } },
  });
  if (count !== 1) {
    const now = await tx.inspection.findUnique({ where: { id: inspection.id }, select: { status: true } });
    throw now?.status === "CONFIRMED" ? changedReload() : notRecording();
  }
}

/**
 * The Save button: every field of the sections as posted, the readings included, in one
 * transaction on the revision the page was loaded with. A blank row of a class with a
 * description, a defect from the library or a count becomes a new defect. Returns the revision after it.
 */
export async function saveWholeInspection(ctx: TenantContext, inspection: LoadedInspection, version: RecordingVersion, form: FormData) {
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : "";
  };
  const writes: Write[] = [];
  for (const name of SCALAR_FIELDS) writes.push(writeOf(name, text(name), version).write);
  for (const line of version.lines) {
    if (form.has(checkField(line.key, "result"))) writes.push(writeOf(checkField(line.key, "result"), text(checkField(line.key, "result")), version).write);
    if (form.has(checkField(line.key, "note"))) writes.push(writeOf(checkField(line.key, "note"), text(checkField(line.key, "note")), version).write);
  }
  // A row the Remove button names, or one emptied of its description, library defect and count, goes.
  const emptied = (id: string) =>
    form.has(defectField(id, "count")) &&
    !text(defectField(id, "description")).trim() &&
    !text(defectField(id, "exampleKey")).trim() &&
    Number(text(defectField(id, "count")).trim() || "0") === 0;
  const posted = text(REMOVE_DEFECT_FIELD);
  const removed = inspection.defects.filter((d) => d.id === posted || emptied(d.id)).map((d) => d.id);
  if (posted && !removed.includes(posted)) throw new UserError(message("inspecting", "errors.defectGone"), 409);
  for (const d of inspection.defects) {
    if (removed.includes(d.id)) continue;
    for (const part of ["class", "exampleKey", "description", "count"] as const) {
      if (form.has(defectField(d.id, part))) writes.push(writeOf(defectField(d.id, part), text(defectField(d.id, part)), version).write);
    }
  }
  const added: { class: DefectClass; defectExampleKey: string | null; description: string; count: number }[] = [];
  for (const defectClass of DEFECT_CLASSES) {
    const id = newDefectId(defectClass);
    const exampleKey = writeOf(defectField(id, "exampleKey"), text(defectField(id, "exampleKey")), version).text;
    const description = writeOf(defectField(id, "description"), text(defectField(id, "description")), version).text;
    const count = Number(writeOf(defectField(id, "count"), text(defectField(id, "count")), version).text);
    if (!exampleKey && !description && count === 0) continue;
    const example = version.library.find((e) => e.key === exampleKey);
    added.push({ class: defectClass, defectExampleKey: exampleKey || null, description: description || example?.description || "", count });
  }
  const sampleSize = inspection.plan.measured.sampleSize;
  const rows = judgedMeasurements(version.characteristics, readingsFromForm(form, version.characteristics, sampleSize), sampleSize);
  await prisma.$transaction(async (tx) => {
    await lockForRecording(tx, inspection, inspection.revision);
    await applyWrites(tx, inspection, writes);
    if (removed.length) {
      await tx.inspectionDefect.deleteMany({ where: { id: { in: removed }, inspectionId: inspection.id } });
      // Its photos stay with the inspection rather than vanish with the row.
      await tx.attachment.updateMany({
        where: { ownerType: "InspectionDefect", ownerId: { in: removed } },
        data: { ownerType: "Inspection", ownerId: inspection.id },
      });
    }
    let position = Math.max(-1, ...inspection.defects.map((d) => d.position));
    for (const row of added) await tx.inspectionDefect.create({ data: { inspectionId: inspection.id, position: ++position, ...row } });
    await tx.inspectionMeasurement.deleteMany({ where: { inspectionId: inspection.id } });
    await tx.inspectionMeasurement.createMany({ data: rows.map((r) => ({ inspectionId: inspection.id, ...r })) });
    await recordAudit(tx, { ...memberAction(ctx, "inspection.update", "Inspection", inspection.id), after: { saved: true } });
  });
  return inspection.revision + 1;
}

const MAX_FIELD_CHANGES = 200;

/** The changed fields of an autosave form (`v.<name>`, each with its `w.<name>`). */
function changedFieldsFromForm(formData: FormData, version: RecordingVersion) {
  const changes: { name: string; write: Write; text: string; was: string }[] = [];
  const named = new Set<string>();
  for (const [key, value] of formData) {
    if (key.startsWith("w.")) {
      if (!formData.has(`v.${key.slice(2)}`)) throw bad("errors.previousWithoutValue");
      continue;
    }
    if (!key.startsWith("v.")) continue;
    const name = key.slice(2);
    const was = formData.getAll(previousValueName(name));
    if (named.has(name) || formData.getAll(typedFieldName(name)).length !== 1 || was.length !== 1 || typeof value !== "string" || typeof was[0] !== "string") {
      throw bad("errors.fieldSentOnce");
    }
    named.add(name);
    const { write, text } = writeOf(name, value, version);
    changes.push({ name, write, text, was: was[0].trim() });
  }
  if (changes.length === 0 || changes.length > MAX_FIELD_CHANGES) throw bad("errors.noChanges");
  return changes;
}

/** Fields as they are typed: those still holding what the page last saw are stored, the others answered as conflicts. */
export async function saveChangedFields(ctx: TenantContext, inspection: LoadedInspection, version: RecordingVersion, formData: FormData) {
  const changes = changedFieldsFromForm(formData, version);
  return prisma.$transaction(async (tx) => {
    await lockForRecording(tx, inspection);
    const now = await tx.inspection.findUniqueOrThrow({
      where: { id: inspection.id },
      include: { defects: true, checks: true, measurements: { select: { characteristicKey: true, sample: true, raw: true, value: true, passed: true } } },
    });
    const current = storedFields({ ...now, plan: inspection.plan }, version);
    const saved: SavedField[] = [];
    const conflicts: FieldConflict[] = [];
    const writes: Write[] = [];
    for (const change of changes) {
      const theirs = current[change.name];
      // A defect row removed meanwhile: nothing to write it to.
      if (theirs === undefined) {
        conflicts.push({ name: change.name, theirs: "" });
        continue;
      }
      if (theirs === change.text) saved.push({ name: change.name, value: change.text });
      else if (theirs !== change.was) conflicts.push({ name: change.name, theirs });
      else {
        writes.push(change.write);
        saved.push({ name: change.name, value: change.text });
      }
    }
    if (writes.length) {
      await applyWrites(tx, inspection, writes);
      await recordAudit(tx, { ...memberAction(ctx, "inspection.update", "Inspection", inspection.id), after: { fieldsChanged: writes.length } });
    }
    return { saved, conflicts };
  });
}

/** The measurement grid's autosave (the first article's grid, posting `m.*` with `was.*`), stored as InspectionMeasurement rows. */
export async function saveChangedReadings(ctx: TenantContext, inspection: LoadedInspection, version: RecordingVersion, formData: FormData) {
  const changes = changedCellsFromForm(formData, version.characteristics, inspection.plan.measured.sampleSize);
  const byKey = new Map(version.characteristics.map((c) => [c.key, c]));
  return prisma.$transaction(async (tx) => {
    await lockForRecording(tx, inspection);
    const stored = await tx.inspectionMeasurement.findMany({
      where: { inspectionId: inspection.id, OR: changes.map((c) => ({ characteristicKey: c.key, sample: c.sample })) },
      select: { characteristicKey: true, sample: true, raw: true },
    });
    const current = new Map(stored.map((m) => [`${m.characteristicKey}\n${m.sample}`, m.raw]));
    const saved: { key: string; sample: number; raw: string }[] = [];
    const conflicts: { key: string; sample: number; theirs: string }[] = [];
    let written = 0;
    for (const { key, sample, raw, was } of changes) {
      const theirs = current.get(`${key}\n${sample}`) ?? "";
      if (theirs === raw) {
        saved.push({ key, sample, raw });
        continue;
      }
      if (theirs !== was) {
        conflicts.push({ key, sample, theirs });
        continue;
      }
      const cell = { inspectionId: inspection.id, characteristicKey: key, sample };
      if (raw === "") await tx.inspectionMeasurement.deleteMany({ where: cell });
      else {
        const { value, passed } = judgeCell(byKey.get(key)!, raw);
        await tx.inspectionMeasurement.upsert({
          where: { inspectionId_characteristicKey_sample: cell },
          create: { ...cell, raw, value, passed },
          update: { raw, value, passed },
        });
      }
      written++;
      saved.push({ key, sample, raw });
    }
    if (written) await recordAudit(tx, { ...memberAction(ctx, "inspection.update", "Inspection", inspection.id), after: { readingsChanged: written } });
    return { saved, conflicts };
  });
}
