import { useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import type { z } from "zod";

type FormOptions<Schema extends z.ZodTypeAny> = Omit<Parameters<typeof useForm<z.input<Schema>, z.output<Schema>>>[0], "onValidate" | "constraint"> & {
  /** The schema's limits as HTML attributes (required, maxLength…), for the browser to check before hydration. Default true. */
  constraint?: boolean;
};

/**
 * A conform form validated in the browser by the schema the server parses it with, first on
 * blur unless told otherwise. `lastResult` is the server's reply to it (replyTo).
 */
export function useSchemaForm<Schema extends z.ZodTypeAny>(schema: Schema, { constraint = true, ...options }: FormOptions<Schema>) {
  return useForm<z.input<Schema>, z.output<Schema>>({
    shouldValidate: "onBlur",
    ...options,
    constraint: constraint ? getZodConstraint(schema) : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
}
