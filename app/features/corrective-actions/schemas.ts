import { z } from "zod";
import { businessDaySchema } from "~/lib/dates.ts";
import { message } from "~/lib/i18n/message.ts";
import type { MessageKey } from "~/lib/i18n/translate.ts";

export const ROOT_CAUSES = ["UNCLEAR_INSTRUCTION", "PROCESS_STEP", "MATERIAL_VARIATION", "SKIPPED_CHECK", "EQUIPMENT", "TRAINING", "OTHER"] as const;
export const SEVERITIES = ["CRITICAL", "MAJOR", "MINOR"] as const;
export const CA_STATUSES = ["OPEN", "PLAN_SUBMITTED", "PLAN_ACCEPTED", "IMPLEMENTED", "CLOSED"] as const;

const tooLong = (max: number) => message("common", "validation.tooLong", { max });
const text = (max: number) => z.string().trim().max(max, tooLong(max)).optional().default("");
const required = (max: number, key: MessageKey<"correctiveActions">) => {
  const missing = message("correctiveActions", key);
  return z.string({ required_error: missing }).trim().min(1, missing).max(max, tooLong(max));
};
const isoDate = businessDaySchema;

export const OpenSchema = z.object({
  factoryId: required(64, "validation.factoryRequired"),
  title: required(200, "validation.titleRequired"),
  problem: z
    .string({ required_error: message("correctiveActions", "validation.problemRequired") })
    .trim()
    .min(10, message("correctiveActions", "validation.problemTooShort"))
    .max(5000, tooLong(5000)),
  severity: z.enum(SEVERITIES, { errorMap: () => ({ message: message("correctiveActions", "validation.severityRequired") }) }).default("MAJOR"),
  // A day already over everywhere on earth (its end at UTC−12 passed); openCorrectiveAction checks it
  // against the factory's own zone, where the plan's day ends (due.ts).
  planDueAt: isoDate(message("correctiveActions", "validation.planDueRequired")).refine(
    (v) => Date.parse(`${v}T23:59:59-12:00`) >= Date.now(),
    message("correctiveActions", "validation.planDueInPast"),
  ),
  firstArticleId: z.string().max(64).optional(),
  inspectionId: z.string().max(64).optional(),
  specId: z.string().max(64).optional(),
});

export const ItemSchema = z.object({
  action: required(1000, "validation.itemActionRequired"),
  owner: required(200, "validation.itemOwnerRequired"),
  dueAt: isoDate(message("correctiveActions", "validation.itemDueRequired")),
});

export const AnswerSchema = z.object({
  containment: text(5000),
  rootCauseCategory: z.enum(ROOT_CAUSES, { errorMap: () => ({ message: message("correctiveActions", "validation.rootCauseFromList") }) }).optional(),
  rootCause: text(5000),
  preventive: text(5000),
  items: z
    .array(ItemSchema)
    .max(50, message("correctiveActions", "validation.tooManyItems", { max: 50 }))
    .optional()
    .default([]),
});
export type Answer = z.output<typeof AnswerSchema>;

/** What a plan needs before it goes to the importer, each a message(). */
export function planProblems(answer: Answer): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  if (!answer.containment) problems.push({ path: "containment", message: message("correctiveActions", "validation.containmentRequired") });
  if (!answer.rootCauseCategory) problems.push({ path: "rootCauseCategory", message: message("correctiveActions", "validation.rootCauseCategoryRequired") });
  if (!answer.rootCause) problems.push({ path: "rootCause", message: message("correctiveActions", "validation.rootCauseRequired") });
  if (answer.items.length === 0) problems.push({ path: "items", message: message("correctiveActions", "validation.itemsRequired") });
  return problems;
}

export const ReviewSchema = z
  .object({
    intent: z.literal("review"),
    decision: z.enum(["accept", "return"], { errorMap: () => ({ message: message("correctiveActions", "validation.decisionRequired") }) }),
    note: text(5000),
  })
  .refine((v) => v.decision === "accept" || v.note, { path: ["note"], message: message("correctiveActions", "validation.returnNoteRequired") });
export const CloseSchema = z.object({ intent: z.literal("close"), note: required(5000, "validation.closeNoteRequired") });
export const ReopenSchema = z.object({ intent: z.literal("reopen"), note: required(5000, "validation.reopenNoteRequired") });
