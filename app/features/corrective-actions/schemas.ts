import { z } from "zod";
import { businessDaySchema } from "~/lib/dates.ts";

export const ROOT_CAUSES = ["UNCLEAR_INSTRUCTION", "PROCESS_STEP", "MATERIAL_VARIATION", "SKIPPED_CHECK", "EQUIPMENT", "TRAINING", "OTHER"] as const;
export const ROOT_CAUSE_LABELS: Record<(typeof ROOT_CAUSES)[number], string> = {
  UNCLEAR_INSTRUCTION: "Unclear or missing instruction",
  PROCESS_STEP: "Process step",
  MATERIAL_VARIATION: "Material variation",
  SKIPPED_CHECK: "Skipped quality check",
  EQUIPMENT: "Equipment",
  TRAINING: "Training",
  OTHER: "Other",
};
export const SEVERITIES = ["CRITICAL", "MAJOR", "MINOR"] as const;
export const CA_STATUS_LABELS = {
  OPEN: "Waiting for the factory's plan",
  PLAN_SUBMITTED: "Plan to review",
  PLAN_ACCEPTED: "Plan accepted — being carried out",
  IMPLEMENTED: "Implemented — to verify",
  CLOSED: "Verified and closed",
} as const;
export const CA_STATUSES = ["OPEN", "PLAN_SUBMITTED", "PLAN_ACCEPTED", "IMPLEMENTED", "CLOSED"] as const;

const text = (max: number) => z.string().trim().max(max, `Use at most ${max} characters`).optional().default("");
const required = (max: number, message: string) => z.string({ required_error: message }).trim().min(1, message).max(max, `Use at most ${max} characters`);
const isoDate = businessDaySchema;

export const OpenSchema = z.object({
  factoryId: required(64, "Choose the factory"),
  title: required(200, "Give the problem a short title"),
  problem: z
    .string({ required_error: "Describe the problem" })
    .trim()
    .min(10, "Describe the problem: what, where, how many, since when")
    .max(5000, "Use at most 5000 characters"),
  severity: z.enum(SEVERITIES, { errorMap: () => ({ message: "Choose critical, major or minor" }) }).default("MAJOR"),
  planDueAt: isoDate("Set the date the plan is due").refine((v) => Date.parse(`${v}T23:59:59Z`) >= Date.now(), "The plan due date cannot be in the past"),
  firstArticleId: z.string().max(64).optional(),
  specId: z.string().max(64).optional(),
});

export const ItemSchema = z.object({
  action: required(1000, "Say what will be done"),
  owner: required(200, "Who does it"),
  dueAt: isoDate("By when"),
});

export const AnswerSchema = z.object({
  containment: text(5000),
  rootCauseCategory: z.enum(ROOT_CAUSES, { errorMap: () => ({ message: "Choose a category from the list" }) }).optional(),
  rootCause: text(5000),
  preventive: text(5000),
  items: z.array(ItemSchema).max(50, "At most 50 actions").optional().default([]),
});
export type Answer = z.output<typeof AnswerSchema>;

/** What a plan needs before it goes to the importer. */
export function planProblems(answer: Answer): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  if (!answer.containment) problems.push({ path: "containment", message: "Say what was done to protect shipments now (containment)" });
  if (!answer.rootCauseCategory) problems.push({ path: "rootCauseCategory", message: "Choose where the problem came from" });
  if (!answer.rootCause) problems.push({ path: "rootCause", message: "Explain the root cause (ask “why?” until you reach the process step)" });
  if (answer.items.length === 0) problems.push({ path: "items", message: "Add at least one corrective action with an owner and a due date" });
  return problems;
}

export const ReviewSchema = z
  .object({
    intent: z.literal("review"),
    decision: z.enum(["accept", "return"], { errorMap: () => ({ message: "Accept or return the plan" }) }),
    note: text(5000),
  })
  .refine((v) => v.decision === "accept" || v.note, { path: ["note"], message: "Say what the factory should change" });
export const CloseSchema = z.object({ intent: z.literal("close"), note: required(5000, "Say how you checked that the actions worked") });
export const ReopenSchema = z.object({ intent: z.literal("reopen"), note: required(5000, "Say why the problem is not solved") });
