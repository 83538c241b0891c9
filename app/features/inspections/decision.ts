// The importer's lot decision on a submitted inspection: what it may be, and what the note must say.
import { z } from "zod";
import { message } from "~/lib/i18n/message.ts";

export const LOT_DECISIONS = ["RELEASE", "REJECT", "ACCEPT_WITH_DEVIATION"] as const;
export type LotDecision = (typeof LOT_DECISIONS)[number];

/** The status each decision leaves the inspection in. */
export const DECIDED_STATUS = { RELEASE: "RELEASED", REJECT: "REJECTED", ACCEPT_WITH_DEVIATION: "ACCEPTED_WITH_DEVIATION" } as const;
export type DecidedStatus = (typeof DECIDED_STATUS)[LotDecision];
export const DECIDED_STATUSES: readonly DecidedStatus[] = Object.values(DECIDED_STATUS);

export const isDecided = (status: string): status is DecidedStatus => (DECIDED_STATUSES as readonly string[]).includes(status);

export const NOTE_MAX = 5000;

export const DecideLotSchema = z
  .object({
    decision: z.enum(LOT_DECISIONS, { errorMap: () => ({ message: message("lotDecisions", "validation.decisionRequired") }) }),
    note: z
      .string()
      .trim()
      .max(NOTE_MAX, message("lotDecisions", "validation.noteTooLong", { max: NOTE_MAX }))
      .optional()
      .default(""),
    revision: z.coerce.number().int().min(0).max(2_147_483_647),
  })
  .superRefine((value, ctx) => {
    // A rejection says why; a deviation keeps its reason (the waiver) on the record.
    if (value.decision === "REJECT" && !value.note) {
      ctx.addIssue({ code: "custom", path: ["note"], message: message("lotDecisions", "validation.rejectReasonRequired") });
    }
    if (value.decision === "ACCEPT_WITH_DEVIATION" && !value.note) {
      ctx.addIssue({ code: "custom", path: ["note"], message: message("lotDecisions", "validation.deviationReasonRequired") });
    }
  });
export type DecideLotInput = z.output<typeof DecideLotSchema>;
