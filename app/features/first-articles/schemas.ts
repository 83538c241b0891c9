import { z } from "zod";
import { businessDaySchema } from "~/lib/dates.ts";
import { message } from "~/lib/i18n/message.ts";

const tooLong = (max: number) => message("common", "validation.tooLong", { max });
const required = (max: number, requiredMessage: string) => z.string({ required_error: requiredMessage }).trim().min(1, requiredMessage).max(max, tooLong(max));
// Each number field has its own whole sentences (`validation.<field>.<rule>`): a label is never glued into a message.
const wholeNumber = (field: "quantityProduced" | "sampleCount", min: number, max: number) => {
  const whole = message("firstArticles", `validation.${field}.whole`);
  return z.coerce
    .number({ required_error: message("firstArticles", `validation.${field}.required`), invalid_type_error: whole })
    .int(whole)
    .min(min, message("firstArticles", `validation.${field}.min`, { min }))
    .max(max, message("firstArticles", `validation.${field}.max`, { max }));
};

export const MAX_SAMPLES = 32;

export const FirstArticleHeaderSchema = z.object({
  poNumber: required(60, message("firstArticles", "validation.poNumberRequired")),
  lotNumber: z.string().trim().max(60, tooLong(60)).optional().default(""),
  quantityProduced: wholeNumber("quantityProduced", 1, 10_000_000),
  sampleCount: wholeNumber("sampleCount", 1, MAX_SAMPLES),
  inspectedOn: businessDaySchema(message("firstArticles", "validation.inspectedOnRequired")).refine(
    (v) => Date.parse(`${v}T00:00:00Z`) <= Date.now() + 36 * 3600 * 1000,
    message("firstArticles", "validation.inspectedOnFuture"),
  ),
  notes: z.string().trim().max(5000, tooLong(5000)).optional().default(""),
});

export const NewFirstArticleSchema = FirstArticleHeaderSchema.extend({
  versionId: z
    .string({ required_error: message("firstArticles", "validation.versionRequired") })
    .min(1, message("firstArticles", "validation.versionRequired"))
    .max(64),
});

export const FA_STATUSES = ["DRAFT", "SUBMITTED", "APPROVED", "CONDITIONALLY_APPROVED", "REJECTED", "WITHDRAWN"] as const;
/** A first article's status; a screen writes it from its catalogue key, status.<STATUS>. */
export type FirstArticleStatus = (typeof FA_STATUSES)[number];

/** The importer's choices; a screen writes each from its catalogue key, decision.<DECISION>. */
export const DECISIONS = ["APPROVED", "CONDITIONALLY_APPROVED", "REJECTED"] as const;

/** A decision; the reasons arrive as `finding.<characteristic key>` fields, one per failing characteristic. */
export const DecideSchema = z
  .object({
    intent: z.literal("decide"),
    decision: z.enum(DECISIONS, { errorMap: () => ({ message: message("firstArticles", "validation.decisionRequired") }) }),
    note: z.string().trim().max(5000, tooLong(5000)).optional().default(""),
    revision: z.coerce.number().int().min(0).max(2_147_483_647),
    finding: z
      .record(
        z.string().max(40),
        z
          .string()
          .trim()
          .max(1000, message("firstArticles", "validation.findingTooLong", { max: 1000 }))
          .optional(),
      )
      .optional()
      .default({}),
  })
  .superRefine((value, ctx) => {
    if (value.decision === "CONDITIONALLY_APPROVED" && !value.note) {
      ctx.addIssue({ code: "custom", path: ["note"], message: message("firstArticles", "validation.conditionsRequired") });
    }
    const reasons = Object.values(value.finding).filter(Boolean);
    if (value.decision === "REJECTED" && !value.note && reasons.length === 0) {
      ctx.addIssue({ code: "custom", path: ["note"], message: message("firstArticles", "validation.rejectReasonRequired") });
    }
  })
  .transform(({ finding, ...decision }) => ({
    ...decision,
    findings: Object.fromEntries(Object.entries(finding).filter((entry): entry is [string, string] => Boolean(entry[1]))),
  }));
export type Decision = z.output<typeof DecideSchema>;
