import { z } from "zod";

// The fields the templates' data schemas are made of. Data is stored in the outbox as JSON
// and rendered later, so it is validated both when enqueued and when rendered.

/** A person's or an organization's name. */
export const displayName = z.string().trim().min(1).max(200);

/** A title, product code, PO number or a name copied from a record. */
export const shortText = z.string().trim().min(1).max(300);

/** A link the email points to; never javascript: or any other scheme a mail client might run. */
export const httpLink = z
  .string()
  .url()
  .regex(/^https?:\/\//, { message: "must be an http(s) URL" });

export const isoDate = z.string().datetime({ offset: true });

/** A version, round or count of hours. */
export const positiveInt = z.number().int().positive();
