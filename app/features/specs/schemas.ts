import { z } from "zod";
import { compareDecimal, integerDigits, isDecimal, parseDecimal } from "~/lib/decimal.ts";
import { limitProblems, MAX_DECIMALS, MAX_INTEGER_DIGITS } from "./characteristic.ts";

const text = (max: number, label: string) => z.string().trim().max(max, `${label}: use at most ${max} characters`);
const required = (max: number, message: string) => z.string({ required_error: message }).trim().min(1, message).max(max, `Use at most ${max} characters`);

// What Decimal(18,6) stores exactly. The text is kept as typed, trailing zeros
// included ("0.60"): the number of decimals is part of the requirement.
function storable(text: string): boolean {
  const value = parseDecimal(text);
  return value !== null && integerDigits(value) <= MAX_INTEGER_DIGITS && value.scale <= MAX_DECIMALS;
}
const decimal = (label: string) =>
  z
    .string()
    .trim()
    .max(24)
    .optional()
    .transform((v) => (v ? v.replace(/^\+/, "") : undefined))
    .refine((v) => v === undefined || storable(v), { message: `${label} must be a number like 12.5 or -0.05 (at most ${MAX_DECIMALS} decimals)` });

export const SpecSchema = z.object({
  title: required(200, "Enter a title, e.g. “Stoneware mug 350 ml”"),
  productCode: required(60, "Enter the product code").regex(/^[\w.\-/ ]+$/, "Use letters, digits, spaces and - . / _ only"),
  description: text(5000, "Description").optional().default(""),
});

export const CLASSES = ["CRITICAL", "MAJOR", "MINOR"] as const;
export const CLASS_LABELS = { CRITICAL: "Critical", MAJOR: "Major", MINOR: "Minor" } as const;

// A row's key names its reading fields on the first-article grid (`m.<key>.<sample>`) and its
// reasons (`finding.<key>`): the app makes them as hex, and a posted key must be one a field
// name can carry, or every later form on the version would be refused.
const ROW_KEY_MESSAGE = "This row's key is not valid. Reload the page and try again.";
const rowKey = z
  .string()
  .max(40, ROW_KEY_MESSAGE)
  .regex(/^[A-Za-z0-9_-]*$/, ROW_KEY_MESSAGE)
  .refine((key) => !["__proto__", "constructor", "prototype"].includes(key), ROW_KEY_MESSAGE);

export const LOWER_TOL_ABOVE_NOMINAL = "The lower tolerance must not lie above the nominal: write it as an offset from the nominal, e.g. −0.2 or 0";

export const CharacteristicRowSchema = z
  .object({
    key: rowKey.optional(),
    number: required(20, "Number, e.g. 1 or 2.3"),
    name: required(200, "Name what is measured"),
    kind: z.enum(["VARIABLE", "ATTRIBUTE"], { errorMap: () => ({ message: "Choose measured or visual check" }) }).default("VARIABLE"),
    nominal: decimal("Nominal"),
    lowerTol: decimal("Lower tolerance"),
    upperTol: decimal("Upper tolerance"),
    unit: text(20, "Unit").optional().default(""),
    class: z.enum(CLASSES, { errorMap: () => ({ message: "Choose critical, major or minor" }) }).default("MAJOR"),
    method: text(500, "Method").optional().default(""),
  })
  .superRefine((row, ctx) => {
    if (row.kind === "VARIABLE") {
      // Refuse exactly what the characteristic's rule cannot judge; a number that is not one has its own message above.
      const problems = limitProblems(row);
      for (const problem of problems) {
        if (problem.code !== "not-a-number") ctx.addIssue({ code: "custom", path: [problem.field], message: problem.message });
      }
      // Tolerances are counted from the nominal: a positive lower one puts the nominal itself out of limits,
      // which is nearly always a lower limit typed where its offset belongs ("81.8" for "−0.2").
      if (!problems.some((p) => p.field === "lowerTol") && row.lowerTol && isDecimal(row.lowerTol) && compareDecimal(row.lowerTol, "0") > 0) {
        ctx.addIssue({ code: "custom", path: ["lowerTol"], message: LOWER_TOL_ABOVE_NOMINAL });
      }
      if (!row.unit) ctx.addIssue({ code: "custom", path: ["unit"], message: "Give the unit, e.g. mm" });
    } else {
      for (const field of ["nominal", "lowerTol", "upperTol"] as const) {
        if (row[field] !== undefined) ctx.addIssue({ code: "custom", path: [field], message: "A visual check has no numbers; describe it under Method" });
      }
      if (!row.method) ctx.addIssue({ code: "custom", path: ["method"], message: "Say what passes, e.g. “no chips larger than 1 mm”" });
    }
  });

export const MaterialRowSchema = z.object({
  key: rowKey.optional(),
  material: required(200, "Name the material"),
  grade: text(200, "Grade").optional().default(""),
  source: text(200, "Supplier or standard").optional().default(""),
});

export const DefectRowSchema = z.object({
  key: rowKey,
  description: required(1000, "Describe the defect"),
  characteristicKey: z.string().max(40).optional(),
});

const MAX_ROWS = 200;
export const CHANGE_NOTE_MAX = 500;

export const VersionContentSchema = z.object({
  description: text(10_000, "Description").optional().default(""),
  notes: text(10_000, "Notes").optional().default(""),
  packaging: text(10_000, "Packaging instructions").optional().default(""),
  changeNote: text(CHANGE_NOTE_MAX, "What changed and why").optional().default(""),
  materials: z.array(MaterialRowSchema).max(50, "At most 50 materials").optional().default([]),
  characteristics: z.array(CharacteristicRowSchema).max(MAX_ROWS, `At most ${MAX_ROWS} characteristics`).optional().default([]),
  defects: z.array(DefectRowSchema).max(50).optional().default([]),
});
export type VersionContent = z.output<typeof VersionContentSchema>;
/** A characteristic row as the editor posts it. */
export type CharacteristicRowInput = z.input<typeof CharacteristicRowSchema>;

export const AddDefectSchema = z.object({
  description: required(1000, "Describe the defect"),
  characteristicKey: z.string().max(40).optional(),
});

export const QuerySchema = z.object({
  intent: z.literal("query"),
  question: required(2000, "Write your question so the importer can answer it"),
});
export const AcknowledgeSchema = z.object({ intent: z.literal("acknowledge") });

export const ShareSchema = z.object({
  intent: z.literal("share"),
  factoryIds: z.array(z.string().min(1).max(64)).min(1, "Choose at least one factory").max(200),
});
export const UnshareSchema = z.object({ intent: z.literal("unshare"), factoryId: z.string().min(1).max(64) });

export const SPEC_LIST_FILTERS = ["all", "draft", "published", "needs-ack"] as const;
