// What the booking forms send: a new booking, the other side's confirmation, another date, and
// calling an inspection off. Dates are calendar days (YYYY-MM-DD); whether a day is already past
// depends on the inspecting side's zone, which the server checks (booking.server.ts).
import { z } from "zod";
import { businessDaySchema } from "~/lib/dates.ts";
import { message } from "~/lib/i18n/message.ts";

export const INSPECTION_TYPES = ["DURING_PRODUCTION", "PRE_SHIPMENT", "RE_INSPECTION"] as const;
export type InspectionType = (typeof INSPECTION_TYPES)[number];
/** The types a new booking chooses from; a re-inspection is booked from the rejected lot. */
export const BOOKABLE_TYPES = ["DURING_PRODUCTION", "PRE_SHIPMENT"] as const;
export const INSPECTOR_SIDES = ["FACTORY", "IMPORTER"] as const;
export type InspectorSide = (typeof INSPECTOR_SIDES)[number];
export const INSPECTION_STATUSES = ["BOOKED", "CONFIRMED", "SUBMITTED", "RELEASED", "REJECTED", "ACCEPTED_WITH_DEVIATION", "ABORTED"] as const;
export type InspectionStatus = (typeof INSPECTION_STATUSES)[number];
export const ABORT_REASONS = ["GOODS_NOT_READY", "UNDER_80_PERCENT_PACKED", "NO_ACCESS", "EQUIPMENT_MISSING", "OTHER"] as const;
export type AbortReason = (typeof ABORT_REASONS)[number];

/** The abort reasons an inspection of this type may give: "less than 80% packed" is for a final inspection only. */
export const abortReasonsFor = (type: InspectionType): AbortReason[] => ABORT_REASONS.filter((r) => r !== "UNDER_80_PERCENT_PACKED" || type === "PRE_SHIPMENT");

const MAX_QUANTITY = 10_000_000;
const tooLong = (max: number) => message("common", "validation.tooLong", { max });
const id = (required: string) => z.string({ required_error: required }).trim().min(1, required).max(64);
const quantity = (field: "orderQuantity" | "lotSize") => {
  const whole = message("inspections", `validation.${field}.whole`);
  return z.coerce
    .number({ required_error: message("inspections", `validation.${field}.required`), invalid_type_error: whole })
    .int(whole)
    .min(1, message("inspections", `validation.${field}.min`))
    .max(MAX_QUANTITY, message("inspections", `validation.${field}.max`, { max: MAX_QUANTITY }));
};
const revision = z.coerce.number().int().min(0).max(2_147_483_647);

export const BookInspectionSchema = z
  .object({
    specId: id(message("inspections", "validation.specRequired")),
    /** The importer chooses the factory; a factory books for itself. */
    factoryId: z.string().trim().max(64).optional().default(""),
    /** The rejected inspection this one re-inspects. */
    reinspectionOfId: z.string().trim().max(64).optional().default(""),
    type: z.enum(INSPECTION_TYPES, { errorMap: () => ({ message: message("inspections", "validation.typeRequired") }) }),
    poNumber: z
      .string({ required_error: message("inspections", "validation.poRequired") })
      .trim()
      .min(1, message("inspections", "validation.poRequired"))
      .max(60, tooLong(60)),
    orderQuantity: quantity("orderQuantity"),
    lotSize: quantity("lotSize"),
    proposedDate: businessDaySchema(message("inspections", "validation.proposedDateRequired")),
    expectedShipDate: businessDaySchema().optional(),
    inspectedBy: z.enum(INSPECTOR_SIDES, { errorMap: () => ({ message: message("inspections", "validation.inspectedByRequired") }) }),
  })
  .superRefine((value, ctx) => {
    if (value.lotSize > value.orderQuantity) {
      ctx.addIssue({ code: "custom", path: ["lotSize"], message: message("inspections", "validation.lotOverOrder") });
    }
    if (value.expectedShipDate && value.expectedShipDate < value.proposedDate) {
      ctx.addIssue({ code: "custom", path: ["expectedShipDate"], message: message("inspections", "validation.shipBeforeInspection") });
    }
  });
export type BookInspectionInput = z.output<typeof BookInspectionSchema>;

export const ConfirmSchema = z.object({ intent: z.literal("confirm"), revision });

export const RescheduleSchema = z.object({
  intent: z.literal("reschedule"),
  revision,
  proposedDate: businessDaySchema(message("inspections", "validation.proposedDateRequired")),
  reason: z.string().trim().max(1000, tooLong(1000)).optional().default(""),
});
export type RescheduleInput = z.output<typeof RescheduleSchema>;

export const AbortSchema = z
  .object({
    intent: z.literal("abort"),
    revision,
    reason: z.enum(ABORT_REASONS, { errorMap: () => ({ message: message("inspections", "validation.abortReasonRequired") }) }),
    note: z.string().trim().max(1000, tooLong(1000)).optional().default(""),
  })
  .superRefine((value, ctx) => {
    if (value.reason === "OTHER" && !value.note) {
      ctx.addIssue({ code: "custom", path: ["note"], message: message("inspections", "validation.abortNoteRequired") });
    }
  });
export type AbortInput = z.output<typeof AbortSchema>;
