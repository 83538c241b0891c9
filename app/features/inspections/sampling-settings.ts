// The importer's sampling choices as a form: one schema for the partnership's defaults and for a
// spec's own settings. "ZERO" is zero defects allowed, common for critical defects and no ISO AQL.
import { z } from "zod";
import { message } from "~/lib/i18n/message.ts";
import { MEASURED_LEVELS, type SamplingChoices } from "./plan.ts";
import { AQL_VALUES, INSPECTION_LEVELS, type Aql } from "./sampling.ts";

export const ZERO_DEFECTS = "ZERO";
export const AQL_OPTIONS = [ZERO_DEFECTS, ...AQL_VALUES] as const;
export const MEASURED_MODES = ["level", "count"] as const;
export const MAX_MEASURED_COUNT = 1000;

const aql = z.enum(AQL_OPTIONS, { errorMap: () => ({ message: message("lotDecisions", "validation.aqlFromList") }) });

export const SamplingSettingsSchema = z
  .object({
    level: z.enum(INSPECTION_LEVELS, { errorMap: () => ({ message: message("lotDecisions", "validation.levelFromList") }) }),
    criticalAql: aql.default(ZERO_DEFECTS),
    majorAql: aql,
    minorAql: aql,
    measuredMode: z.enum(MEASURED_MODES).default("level"),
    measuredLevel: z.enum(MEASURED_LEVELS, { errorMap: () => ({ message: message("lotDecisions", "validation.levelFromList") }) }).default("S-2"),
    measuredCount: z.coerce
      .number({ invalid_type_error: message("lotDecisions", "validation.countWhole", { max: MAX_MEASURED_COUNT }) })
      .int(message("lotDecisions", "validation.countWhole", { max: MAX_MEASURED_COUNT }))
      .min(1, message("lotDecisions", "validation.countWhole", { max: MAX_MEASURED_COUNT }))
      .max(MAX_MEASURED_COUNT, message("lotDecisions", "validation.countWhole", { max: MAX_MEASURED_COUNT }))
      .optional(),
    reducedEnabled: z.literal("on").optional(),
    specId: z.string().max(64).optional(),
  })
  .superRefine((value, ctx) => {
    if (value.measuredMode === "count" && value.measuredCount === undefined) {
      ctx.addIssue({ code: "custom", path: ["measuredCount"], message: message("lotDecisions", "validation.countRequired") });
    }
  });
export type SamplingSettingsInput = z.output<typeof SamplingSettingsSchema>;

/** The row a form's input stores. */
export function settingsRow(input: SamplingSettingsInput) {
  const column = (value: (typeof AQL_OPTIONS)[number]) => (value === ZERO_DEFECTS ? null : (value as Aql));
  return {
    level: input.level,
    criticalAql: column(input.criticalAql),
    majorAql: column(input.majorAql),
    minorAql: column(input.minorAql),
    measuredLevel: input.measuredLevel,
    measuredCount: input.measuredMode === "count" ? (input.measuredCount ?? null) : null,
    reducedEnabled: input.reducedEnabled === "on",
  };
}

/** Choices as the form's default values. */
export function settingsFormValues(choices: SamplingChoices) {
  const option = (value: Aql | null) => value ?? ZERO_DEFECTS;
  return {
    level: choices.level,
    criticalAql: option(choices.aql.CRITICAL),
    majorAql: option(choices.aql.MAJOR),
    minorAql: option(choices.aql.MINOR),
    measuredMode: choices.measuredCount !== null ? ("count" as const) : ("level" as const),
    measuredLevel: choices.measuredLevel,
    measuredCount: choices.measuredCount !== null ? String(choices.measuredCount) : "",
    reducedEnabled: choices.reducedEnabled,
  };
}
