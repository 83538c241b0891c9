// The one way a page action turns a posted form into an answer. The page names its intents,
// one zod schema each (a discriminated union on `intent`, written as a record so that an
// intent's schema may refine across fields or leave `intent` out); the form's `intent` field
// picks one, the bounded parser reads the form against that schema alone, and the intent's
// handler answers. Whatever it refuses comes back as one ActionData shape.
import { data, type TypedResponse } from "@remix-run/node";
import type { z } from "zod";
import type { ActionData } from "./action-data.ts";
import { UserError } from "./errors.ts";
import { boundedReply } from "./form-reply.server.ts";
import { refuseForm } from "./form-shape.server.ts";
import { parseSubmission } from "./forms.server.ts";
import { message } from "./i18n/message.ts";

type ReplyOptions = { formErrors?: string[]; fieldErrors?: Record<string, string[]> };

/** A refused form, rendered again by its page. */
export type Refusal<Intent extends string, Extra extends object = object> = ReturnType<typeof data<ActionData<Intent, Extra>>>;

/** What a handler answers: a redirect once it is done, or a refusal. */
export type Answer<Intent extends string> = TypedResponse<never> | Refusal<Intent>;

/** The posted form as an intent's handler sees it. */
export interface IntentForm<Intent extends string> {
  intent: Intent;
  formData: FormData;
  /** Answers with conform's reply to the form (plus `reply`'s messages) and what the page shows besides. */
  refuse<Extra extends object = object>(init: number | ResponseInit, reply?: ReplyOptions, extra?: Extra): Refusal<Intent, Extra>;
}

type Schemas = Record<string, z.ZodTypeAny>;
type IntentOf<S extends Schemas> = keyof S & string;
type Handler<Schema extends z.ZodTypeAny, Intent extends string> = (input: z.output<Schema>, form: IntentForm<Intent>) => Promise<Answer<Intent>>;

export type IntentHandlers<S extends Schemas> = { [K in IntentOf<S>]: Handler<S[K], IntentOf<S>> };

export interface DispatchOptions<S extends Schemas> {
  /** The intent of a form that posts none (a page's only form, or its main one). */
  defaultIntent?: IntentOf<S>;
  /** Fields an intent's handler reads from the FormData itself, beside its schema (see ShapeOptions). */
  extraFields?: { [K in IntentOf<S>]?: readonly string[] };
  /**
   * Checks run before the form is parsed: a forbidden write is a 403 whatever the fields hold.
   */
  authorize?: { [K in IntentOf<S>]?: () => void | Promise<void> };
  /** What every refusal of an intent carries besides the reply, for the page to show again (the readings a grid had). */
  extras?: { [K in IntentOf<S>]?: () => object };
  /**
   * Anonymous forms: the fields a refusal may send back, each cut to a length (0: its errors
   * only, never its value); see boundedReply. Without it the reply carries what was posted.
   */
  replyFields?: Readonly<Record<string, number>>;
}

type HandlerOutput<H> = H extends (...args: never[]) => Promise<infer R> ? R : never;
type ExtraOf<R> = R extends Refusal<string, infer Extra> ? Omit<Extra, "intent" | "result"> : never;
type ExtrasOf<O> = O extends { extras?: infer E } ? { [K in keyof E]-?: NonNullable<E[K]> extends () => infer R ? R : never }[keyof E] : never;
type KeysOf<U> = U extends unknown ? keyof U : never;
type ValueOf<U, K extends PropertyKey> = U extends unknown ? (K extends keyof U ? U[K] : never) : never;
/** Every key any of the extras has, optional, with the union of its types. */
type Merged<U> = { [K in KeysOf<U>]?: ValueOf<U, K> };

/**
 * What an action built on dispatchIntents answers. Every refusal has the same type: what any
 * handler or `extras` adds beside the reply is optional on all of them, so the page reads it
 * off `useActionData<typeof action>()` directly.
 */
export type DispatchAnswer<S extends Schemas, H, O = object> =
  TypedResponse<never> | Refusal<IntentOf<S>, Merged<ExtraOf<HandlerOutput<H[keyof H]>> | ExtrasOf<O>>>;

/**
 * Reads which intent the form posted, parses the form against that intent's schema with the
 * bounded parser (unknown fields, oversize lists and malformed conform intents are a 400 before
 * anything is built) and runs its handler. A form naming no intent the page has is a 400; an
 * invalid one comes back with conform's reply (400; 200 for conform's own list buttons, which
 * answer with the changed form); a UserError from the handler comes back as the form's message
 * with its status.
 */
export async function dispatchIntents<S extends Schemas, H extends IntentHandlers<S>, O extends DispatchOptions<S> = DispatchOptions<S>>(
  formData: FormData,
  schemas: S,
  handlers: H,
  given?: O,
): Promise<DispatchAnswer<S, H, O>> {
  type Answered = DispatchAnswer<S, H, O>;
  const options: DispatchOptions<S> = given ?? {};
  const intent = postedIntent(formData, schemas, options.defaultIntent);
  await options.authorize?.[intent]?.();
  const submission = parseSubmission(formData, schemas[intent]!, { extraFields: ["intent", ...(options.extraFields?.[intent] ?? [])] });
  const form: IntentForm<IntentOf<S>> = {
    intent,
    formData,
    refuse: (init, reply = {}, extra) => {
      const result = options.replyFields ? boundedReply(submission, options.replyFields, reply) : submission.reply(reply);
      return data({ ...options.extras?.[intent]?.(), ...extra!, intent, result }, init);
    },
  };
  // Each answer is typed per page (what its refusals carry), hence the widening to Answered.
  if (submission.status !== "success") return form.refuse(submission.status === "error" ? 400 : 200) as Answered;
  try {
    return (await handlers[intent](submission.value, form)) as Answered;
  } catch (error) {
    if (error instanceof UserError) return form.refuse(error.status, { formErrors: [error.message] }) as Answered;
    throw error;
  }
}

/**
 * A page with one form, which posts no intent: dispatchIntents with that form as the only
 * intent, named by the one key of `schemas` (`{ create: SpecSchema }`).
 */
export function dispatchForm<S extends Schemas, H extends IntentHandlers<S>[IntentOf<S>], O extends Omit<DispatchOptions<S>, "defaultIntent"> = object>(
  formData: FormData,
  schemas: S,
  handler: H,
  options?: O,
): Promise<DispatchAnswer<S, Record<IntentOf<S>, H>, O>> {
  const [intent] = Object.keys(schemas) as [IntentOf<S>];
  const handlers = { [intent]: handler } as Record<IntentOf<S>, H>;
  return dispatchIntents(formData, schemas, handlers, { ...options, defaultIntent: intent });
}

function postedIntent<S extends Schemas>(formData: FormData, schemas: S, fallback: IntentOf<S> | undefined): IntentOf<S> {
  const posted = formData.getAll("intent");
  if (posted.length === 0 && fallback) return fallback;
  const [intent] = posted;
  if (posted.length === 1 && typeof intent === "string" && Object.hasOwn(schemas, intent)) return intent;
  refuseForm(message("common", "form.unknownIntent"));
}

/**
 * A refusal for a form read outside dispatchIntents (a file upload read by its own parser):
 * the same shape, with `messages` as the form-level errors.
 */
export function refusal<Intent extends string, Extra extends object = object>(
  intent: Intent,
  init: number | ResponseInit,
  messages: string[],
  extra?: Extra,
): Refusal<Intent, Extra> {
  return data({ ...extra!, intent, result: { status: "error", error: { "": messages } } }, init);
}

/** The text fields of a posted form as typed, for a plain form to show them again (conform's reply leaves out empty ones). */
export function typedValues(formData: FormData, keep: (name: string) => boolean): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of formData) if (typeof value === "string" && keep(name)) values[name] = value;
  return values;
}
