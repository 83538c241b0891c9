import { z } from "zod";
import { compareDecimal, integerDigits, isDecimal, parseDecimal } from "~/lib/decimal.ts";
import { message } from "~/lib/i18n/message.ts";
import { type LimitField, limitProblemMessage, limitProblems, MAX_DECIMALS, MAX_INTEGER_DIGITS } from "./characteristic.ts";

// The message of a too-long field sits next to that field, so it need not name it.
const tooLong = (max: number) => message("common", "validation.tooLong", { max });
const text = (max: number) => z.string().trim().max(max, tooLong(max));
const required = (max: number, missing: string) => z.string({ required_error: missing }).trim().min(1, missing).max(max, tooLong(max));

// What Decimal(18,6) stores exactly. The text is kept as typed, trailing zeros
// included ("0.60"): the number of decimals is part of the requirement.
function storable(text: string): boolean {
  const value = parseDecimal(text);
  return value !== null && integerDigits(value) <= MAX_INTEGER_DIGITS && value.scale <= MAX_DECIMALS;
}
const decimal = (field: LimitField) =>
  z
    .string()
    .trim()
    .max(24)
    .optional()
    .transform((v) => (v ? v.replace(/^\+/, "") : undefined))
    .refine((v) => v === undefined || storable(v), { message: limitProblemMessage({ code: "not-a-number", field, id: `${field}NotANumber` }) });

export const SpecSchema = z.object({
  title: required(200, message("specs", "validation.titleRequired")),
  productCode: required(60, message("specs", "validation.productCodeRequired")).regex(/^[\w.\-/ ]+$/, message("specs", "validation.productCodeCharacters")),
  description: text(5000).optional().default(""),
});

export const CLASSES = ["CRITICAL", "MAJOR", "MINOR"] as const;

// A row's key names its reading fields on the first-article grid (`m.<key>.<sample>`) and its
// reasons (`finding.<key>`): the app makes them as hex, and a posted key must be one a field
// name can carry, or every later form on the version would be refused.
const ROW_KEY_MESSAGE = message("specs", "validation.rowKey");
const rowKey = z
  .string()
  .max(40, ROW_KEY_MESSAGE)
  .regex(/^[A-Za-z0-9_-]*$/, ROW_KEY_MESSAGE)
  .refine((key) => !["__proto__", "constructor", "prototype"].includes(key), ROW_KEY_MESSAGE);

export const CharacteristicRowSchema = z
  .object({
    key: rowKey.optional(),
    number: required(20, message("specs", "validation.numberRequired")),
    name: required(200, message("specs", "validation.nameRequired")),
    kind: z.enum(["VARIABLE", "ATTRIBUTE"], { errorMap: () => ({ message: message("specs", "validation.kind") }) }).default("VARIABLE"),
    nominal: decimal("nominal"),
    lowerTol: decimal("lowerTol"),
    upperTol: decimal("upperTol"),
    unit: text(20).optional().default(""),
    class: z.enum(CLASSES, { errorMap: () => ({ message: message("specs", "validation.class") }) }).default("MAJOR"),
    method: text(500).optional().default(""),
  })
  .superRefine((row, ctx) => {
    if (row.kind === "VARIABLE") {
      // Refuse exactly what the characteristic's rule cannot judge; a number that is not one has its own message above.
      const problems = limitProblems(row);
      for (const problem of problems) {
        if (problem.code !== "not-a-number") ctx.addIssue({ code: "custom", path: [problem.field], message: limitProblemMessage(problem) });
      }
      // Tolerances are counted from the nominal: a positive lower one puts the nominal itself out of limits,
      // which is nearly always a lower limit typed where its offset belongs ("81.8" for "−0.2").
      if (!problems.some((p) => p.field === "lowerTol") && row.lowerTol && isDecimal(row.lowerTol) && compareDecimal(row.lowerTol, "0") > 0) {
        ctx.addIssue({ code: "custom", path: ["lowerTol"], message: message("specs", "validation.lowerTolAboveNominal") });
      }
      if (!row.unit) ctx.addIssue({ code: "custom", path: ["unit"], message: message("specs", "validation.unitRequired") });
    } else {
      for (const field of ["nominal", "lowerTol", "upperTol"] as const) {
        if (row[field] !== undefined) ctx.addIssue({ code: "custom", path: [field], message: message("specs", "validation.visualCheckHasNoNumbers") });
      }
      if (!row.method) ctx.addIssue({ code: "custom", path: ["method"], message: message("specs", "validation.whatPassesRequired") });
    }
  });

export const MaterialRowSchema = z.object({
  key: rowKey.optional(),
  material: required(200, message("specs", "validation.materialRequired")),
  grade: text(200).optional().default(""),
  source: text(200).optional().default(""),
});

export const DefectRowSchema = z.object({
  key: rowKey,
  description: required(1000, message("specs", "validation.defectRequired")),
  characteristicKey: z.string().max(40).optional(),
});

const MAX_ROWS = 200;
const MAX_MATERIALS = 50;
const MAX_DEFECTS = 50;
export const CHANGE_NOTE_MAX = 500;

export const VersionContentSchema = z.object({
  description: text(10_000).optional().default(""),
  notes: text(10_000).optional().default(""),
  packaging: text(10_000).optional().default(""),
  changeNote: text(CHANGE_NOTE_MAX).optional().default(""),
  materials: z
    .array(MaterialRowSchema)
    .max(MAX_MATERIALS, message("specs", "validation.tooManyMaterials", { max: MAX_MATERIALS }))
    .optional()
    .default([]),
  characteristics: z
    .array(CharacteristicRowSchema)
    .max(MAX_ROWS, message("specs", "validation.tooManyCharacteristics", { max: MAX_ROWS }))
    .optional()
    .default([]),
  defects: z
    .array(DefectRowSchema)
    .max(MAX_DEFECTS, message("specs", "validation.tooManyDefects", { max: MAX_DEFECTS }))
    .optional()
    .default([]),
});
export type VersionContent = z.output<typeof VersionContentSchema>;
/** A characteristic row as the editor posts it. */
export type CharacteristicRowInput = z.input<typeof CharacteristicRowSchema>;

export const AddDefectSchema = z.object({
  description: required(1000, message("specs", "validation.defectRequired")),
  characteristicKey: z.string().max(40).optional(),
});

export const QuerySchema = z.object({
  intent: z.literal("query"),
  question: required(2000, message("specs", "validation.questionRequired")),
});
export const AcknowledgeSchema = z.object({ intent: z.literal("acknowledge") });

export const ShareSchema = z.object({
  intent: z.literal("share"),
  factoryIds: z.array(z.string().min(1).max(64)).min(1, message("specs", "validation.factoryRequired")).max(200),
});
export const UnshareSchema = z.object({ intent: z.literal("unshare"), factoryId: z.string().min(1).max(64) });

export const SPEC_LIST_FILTERS = ["all", "draft", "published", "needs-ack"] as const;
