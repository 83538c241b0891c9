// What the inspecting sections post, on the page's Save (every field at once, works without
// JavaScript) and as they are typed (only the changed fields, each with the value it replaces,
// to the save route). Isomorphic: the page builds its forms with these names and the server
// reads them back with the same ones.

import { postBackgroundSave } from "~/lib/background-save.ts";
import type { DefectClass } from "./plan.ts";

export const SAVE_INSPECTION_INTENT = "save-inspection" as const;
export const SUBMIT_RESULT_INTENT = "submit-result" as const;
/** The grid's own autosave intent (first-articles/autosave.ts): the measurement grid posts it as it is. */
export const SAVE_READINGS_INTENT = "save-readings" as const;
export const SAVE_FIELDS_INTENT = "save-fields" as const;

export const QUANTITY_FIELDS = ["cartonsTotal", "cartonsChecked", "packedPercent", "quantityNote", "steadyProduction"] as const;
export const NOTE_FIELDS = ["resultNote", "pendingDecision"] as const;
export const SCALAR_FIELDS = [...QUANTITY_FIELDS, ...NOTE_FIELDS] as const;
export type ScalarField = (typeof SCALAR_FIELDS)[number];
export const BOOLEAN_FIELDS: readonly ScalarField[] = ["steadyProduction", "pendingDecision"];
export const INTEGER_FIELDS: readonly ScalarField[] = ["cartonsTotal", "cartonsChecked", "packedPercent"];

export const DEFECT_PARTS = ["class", "exampleKey", "description", "count"] as const;
export type DefectPart = (typeof DEFECT_PARTS)[number];
export const CHECK_PARTS = ["result", "note"] as const;
export type CheckPart = (typeof CHECK_PARTS)[number];

export const CHECK_ANSWERS = ["PASS", "FAIL", "NOT_APPLICABLE"] as const;

export const MAX_NOTE = 2000;
export const MAX_DESCRIPTION = 500;
export const MAX_COUNT = 100_000;
export const MAX_CARTONS = 1_000_000;

export const defectField = (id: string, part: DefectPart) => `d.${id}.${part}`;
export const checkField = (key: string, part: CheckPart) => `check.${key}.${part}`;
/** The id of the blank row a class offers for a new defect. */
export const newDefectId = (defectClass: DefectClass) => `new-${defectClass}`;
/** A Save button naming the defect row it removes. */
export const REMOVE_DEFECT_FIELD = "removeDefect";

/** Autosave: a changed field's new value and the value the page last had from the server. */
export const typedFieldName = (name: string) => `v.${name}`;
export const previousValueName = (name: string) => `w.${name}`;

/** The id of a field on the page, for the links of a refused submission. */
export const fieldId = (name: string) => `insp-${name.replace(/[^A-Za-z0-9_-]/g, "_")}`;

/** One packaging or marking check per non-empty line of the version's packaging instructions, keyed by its place. */
export function packagingLines(packaging: string): { key: string; label: string }[] {
  return packaging
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((label, i) => ({ key: String(i + 1).padStart(3, "0"), label: label.slice(0, 500) }));
}

export interface SavedField {
  name: string;
  value: string;
}
export interface FieldConflict {
  name: string;
  theirs: string;
}

export interface SaveFieldsAnswer {
  intent: typeof SAVE_FIELDS_INTENT;
  result?: { status?: string; error?: Record<string, string[] | null | undefined> | null };
  saved?: SavedField[];
  conflicts?: FieldConflict[];
  savedAt?: string;
  unreachable?: boolean;
  signedOut?: boolean;
}

/** Posts changed fields to the save route (see `postBackgroundSave` for how each ending reads). */
export function postFields(path: string, form: FormData): Promise<SaveFieldsAnswer> {
  return postBackgroundSave<typeof SAVE_FIELDS_INTENT, SaveFieldsAnswer>(path, form, SAVE_FIELDS_INTENT);
}
