import { z } from "zod";
import { businessDaySchema } from "~/lib/dates.ts";
import { formatterFor } from "~/lib/format.ts";

const required = (max: number, message: string) => z.string({ required_error: message }).trim().min(1, message).max(max, `Use at most ${max} characters`);
const wholeNumber = (label: string, min: number, max: number) =>
  z.coerce
    .number({ required_error: `Enter the ${label}`, invalid_type_error: `The ${label} must be a whole number` })
    .int(`The ${label} must be a whole number`)
    .min(min, `The ${label} must be at least ${min}`)
    .max(max, `The ${label} must be at most ${formatterFor("en").count(max)}`);

export const MAX_SAMPLES = 32;

export const FirstArticleHeaderSchema = z.object({
  poNumber: required(60, "Enter the PO number"),
  lotNumber: z.string().trim().max(60, "Use at most 60 characters").optional().default(""),
  quantityProduced: wholeNumber("quantity produced", 1, 10_000_000),
  sampleCount: wholeNumber("number of samples", 1, MAX_SAMPLES),
  inspectedOn: businessDaySchema("Enter the inspection date").refine(
    (v) => Date.parse(`${v}T00:00:00Z`) <= Date.now() + 36 * 3600 * 1000,
    "The inspection date cannot be in the future",
  ),
  notes: z.string().trim().max(5000, "Use at most 5000 characters").optional().default(""),
});

export const NewFirstArticleSchema = FirstArticleHeaderSchema.extend({
  versionId: z
    .string({ required_error: "Choose the specification version you inspected against" })
    .min(1, "Choose the specification version you inspected against")
    .max(64),
});

export const FA_STATUSES = ["DRAFT", "SUBMITTED", "APPROVED", "CONDITIONALLY_APPROVED", "REJECTED", "WITHDRAWN"] as const;

export const DECISIONS = ["APPROVED", "CONDITIONALLY_APPROVED", "REJECTED"] as const;
export const DECISION_LABELS = { APPROVED: "Approve", CONDITIONALLY_APPROVED: "Approve with conditions", REJECTED: "Reject" } as const;
export const STATUS_LABELS = {
  DRAFT: "Draft",
  SUBMITTED: "Awaiting review",
  APPROVED: "Approved",
  CONDITIONALLY_APPROVED: "Approved with conditions",
  REJECTED: "Rejected",
  WITHDRAWN: "Withdrawn",
} as const;

/** A decision; the reasons arrive as `finding.<characteristic key>` fields, one per failing characteristic. */
export const DecideSchema = z
  .object({
    intent: z.literal("decide"),
    decision: z.enum(DECISIONS, { errorMap: () => ({ message: "Choose approve, approve with conditions or reject" }) }),
    note: z.string().trim().max(5000, "Use at most 5000 characters").optional().default(""),
    revision: z.coerce.number().int().min(0).max(2_147_483_647),
    finding: z.record(z.string().max(40), z.string().trim().max(1000, "Use at most 1000 characters per reason").optional()).optional().default({}),
  })
  .superRefine((value, ctx) => {
    if (value.decision === "CONDITIONALLY_APPROVED" && !value.note) {
      ctx.addIssue({ code: "custom", path: ["note"], message: "Write the conditions of this approval" });
    }
    const reasons = Object.values(value.finding).filter(Boolean);
    if (value.decision === "REJECTED" && !value.note && reasons.length === 0) {
      ctx.addIssue({ code: "custom", path: ["note"], message: "Give a reason for rejecting: overall, or for each failing characteristic" });
    }
  })
  .transform(({ finding, ...decision }) => ({
    ...decision,
    findings: Object.fromEntries(Object.entries(finding).filter((entry): entry is [string, string] => Boolean(entry[1]))),
  }));
export type Decision = z.output<typeof DecideSchema>;
