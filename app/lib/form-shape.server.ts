// The shape of a posted form is checked before any parser builds objects from
// it. conform turns `x[99999999]=1` into an array of a hundred million slots
// and `a.b.c…` two thousand levels deep into as many nested objects; zod then
// walks every slot and the reply echoes them back. A name is therefore checked
// against what the route's schema can hold — a known key, a list index below
// the list's `max`, no deeper than the schema goes — and refused with a 400
// before anything is allocated for it.
import { data } from "@remix-run/node";
import { z } from "zod";
import { message } from "./i18n/message.ts";

/** Bounds for any form, whatever its schema: no page of the portal comes near them. */
export const FORM_LIMITS = {
  fields: 10_000,
  nameLength: 200,
  depth: 8,
  index: 9_999,
  intentLength: 4_096,
} as const;

// Used where a list has no `max` of its own.
const DEFAULT_LIST_MAX = 1_000;
const CONFORM_INTENT = "__intent__";
const CONFORM_STATE = "__state__";

export type PathSegment = string | number;

/**
 * Thrown as a 400 with a short message that names the field (cut to a readable length): a
 * message() of `common`, written in the reader's language by the error page.
 */
export function refuseForm(refusal: string): never {
  throw data(refusal, { status: 400 });
}

const shown = (name: string) => JSON.stringify(name.length > 60 ? `${name.slice(0, 60)}…` : name);

/**
 * A field name in conform's notation (`items[2].dueAt`, `tags[]`) as segments, or null when
 * it is not one. Bounded by FORM_LIMITS before any regex work.
 */
export function parseFieldName(name: string): PathSegment[] | null {
  if (name.length === 0 || name.length > FORM_LIMITS.nameLength) return null;
  const segments: PathSegment[] = [];
  const token = /([^.[\]]+)|\[(\d*)\]/g;
  let last = 0;
  let match: RegExpExecArray | null;
  while ((match = token.exec(name))) {
    if (match.index !== last && !(match.index === last + 1 && name[last] === "." && last > 0)) return null;
    const [, key, index] = match;
    if (key !== undefined) {
      if (key === "__proto__" || key === "constructor" || key === "prototype") return null;
      segments.push(key);
    } else if (index === "") {
      segments.push("");
    } else {
      if (index!.length > 6) return null;
      segments.push(Number(index));
    }
    if (segments.length > FORM_LIMITS.depth) return null;
    last = token.lastIndex;
  }
  return last === name.length ? segments : null;
}

/**
 * Limits every form shares: how many fields, how long a name, how deep, how large an index.
 * Runs on every form the portal reads, before any schema is known.
 */
export function checkFormLimits(form: FormData) {
  let count = 0;
  for (const [name] of form) {
    if (++count > FORM_LIMITS.fields) throw data(message("common", "form.tooManyFields", { max: FORM_LIMITS.fields }), { status: 413 });
    if (name === CONFORM_INTENT || name === CONFORM_STATE) continue;
    const segments = parseFieldName(name);
    if (!segments) refuseForm(message("common", "form.unreadableName", { name: shown(name) }));
    if (segments.some((s) => typeof s === "number" && s > FORM_LIMITS.index)) refuseForm(message("common", "form.positionTooLarge", { name: shown(name) }));
  }
}

type Unwrapped =
  | { kind: "object"; shape: Record<string, z.ZodTypeAny>; open: z.ZodTypeAny | null }
  | { kind: "array"; element: z.ZodTypeAny; max: number }
  | { kind: "tuple"; items: z.ZodTypeAny[] }
  | { kind: "record"; value: z.ZodTypeAny }
  | { kind: "union"; options: z.ZodTypeAny[] }
  | { kind: "any" }
  | { kind: "leaf" };

/** What a schema holds, with optional, default, effects and the like looked through. */
function unwrap(schema: z.ZodTypeAny, depth = 0): Unwrapped {
  if (depth > 20) return { kind: "leaf" };
  const def = schema._def as { typeName?: string } & Record<string, unknown>;
  switch (def.typeName) {
    case z.ZodFirstPartyTypeKind.ZodOptional:
    case z.ZodFirstPartyTypeKind.ZodNullable:
    case z.ZodFirstPartyTypeKind.ZodDefault:
    case z.ZodFirstPartyTypeKind.ZodCatch:
    case z.ZodFirstPartyTypeKind.ZodReadonly:
      return unwrap(def.innerType as z.ZodTypeAny, depth + 1);
    case z.ZodFirstPartyTypeKind.ZodBranded:
      return unwrap(def.type as z.ZodTypeAny, depth + 1);
    case z.ZodFirstPartyTypeKind.ZodEffects:
      return unwrap(def.schema as z.ZodTypeAny, depth + 1);
    case z.ZodFirstPartyTypeKind.ZodPipeline:
      return unwrap(def.in as z.ZodTypeAny, depth + 1);
    case z.ZodFirstPartyTypeKind.ZodLazy:
      return unwrap((def.getter as () => z.ZodTypeAny)(), depth + 1);
    case z.ZodFirstPartyTypeKind.ZodObject: {
      const object = schema as z.AnyZodObject;
      const catchall = def.catchall as z.ZodTypeAny | undefined;
      const open = def.unknownKeys === "passthrough" ? z.any() : catchall && !(catchall instanceof z.ZodNever) ? catchall : null;
      return { kind: "object", shape: object.shape, open };
    }
    case z.ZodFirstPartyTypeKind.ZodArray: {
      const max = (def.maxLength as { value: number } | null)?.value ?? (def.exactLength as { value: number } | null)?.value ?? DEFAULT_LIST_MAX;
      return { kind: "array", element: def.type as z.ZodTypeAny, max };
    }
    case z.ZodFirstPartyTypeKind.ZodSet:
      return { kind: "array", element: def.valueType as z.ZodTypeAny, max: (def.maxSize as { value: number } | null)?.value ?? DEFAULT_LIST_MAX };
    case z.ZodFirstPartyTypeKind.ZodTuple:
      return { kind: "tuple", items: def.items as z.ZodTypeAny[] };
    case z.ZodFirstPartyTypeKind.ZodRecord:
      return { kind: "record", value: def.valueType as z.ZodTypeAny };
    case z.ZodFirstPartyTypeKind.ZodUnion:
    case z.ZodFirstPartyTypeKind.ZodDiscriminatedUnion:
      return { kind: "union", options: [...(def.options as Iterable<z.ZodTypeAny>)] };
    case z.ZodFirstPartyTypeKind.ZodIntersection:
      return { kind: "union", options: [def.left as z.ZodTypeAny, def.right as z.ZodTypeAny] };
    case z.ZodFirstPartyTypeKind.ZodAny:
    case z.ZodFirstPartyTypeKind.ZodUnknown:
      return { kind: "any" };
    default:
      return { kind: "leaf" };
  }
}

type Fit = { ok: true; node: Unwrapped } | { ok: false; reason: "unknown" | "index" };

/** Whether the schema has a place for `segments`, and what sits there. */
function fit(schema: z.ZodTypeAny, segments: readonly PathSegment[]): Fit {
  const node = unwrap(schema);
  if (segments.length === 0) return { ok: true, node };
  const [head, ...rest] = segments as [PathSegment, ...PathSegment[]];
  switch (node.kind) {
    case "any":
      return { ok: true, node };
    case "object": {
      if (typeof head !== "string" || head === "") return { ok: false, reason: "unknown" };
      const child = Object.hasOwn(node.shape, head) ? node.shape[head] : node.open;
      return child ? fit(child, rest) : { ok: false, reason: "unknown" };
    }
    case "record":
      return typeof head === "string" && head !== "" ? fit(node.value, rest) : { ok: false, reason: "unknown" };
    case "array":
      if (head === "") return fit(node.element, rest);
      if (typeof head !== "number") return { ok: false, reason: "unknown" };
      return head < node.max ? fit(node.element, rest) : { ok: false, reason: "index" };
    case "tuple":
      if (typeof head !== "number") return { ok: false, reason: "unknown" };
      return head < node.items.length ? fit(node.items[head]!, rest) : { ok: false, reason: "index" };
    case "union": {
      let reason: "unknown" | "index" = "unknown";
      for (const option of node.options) {
        const result = fit(option, segments);
        if (result.ok) return result;
        if (result.reason === "index") reason = "index";
      }
      return { ok: false, reason };
    }
    case "leaf":
      return { ok: false, reason: "unknown" };
  }
}

/** The list size the schema allows at `segments`, or null when there is no list there. */
function listMaxAt(schema: z.ZodTypeAny, segments: readonly PathSegment[]): number | null {
  const result = fit(schema, segments);
  if (!result.ok) return null;
  if (result.node.kind === "array") return result.node.max;
  if (result.node.kind === "any") return DEFAULT_LIST_MAX;
  if (result.node.kind === "union") {
    const maxes = result.node.options.map((o) => listMaxAt(o, [])).filter((m): m is number => m !== null);
    return maxes.length ? Math.max(...maxes) : null;
  }
  return null;
}

export interface ShapeOptions {
  /**
   * Fields the route reads from the FormData itself, outside the schema: a plain name (`intent`)
   * allows that one field, sent once; `m.*` allows names of dotted words under `m` (the grid's
   * `m.<key>.<sample>`), never a list position, so conform has no list to build from them.
   */
  extraFields?: readonly string[];
}

/** Refuses (400) any field the schema has no place for, or a list position beyond the list's `max`. */
export function checkFormShape(form: FormData, schema: z.ZodTypeAny, options: ShapeOptions = {}) {
  const extraNames = new Set((options.extraFields ?? []).filter((f) => !f.endsWith(".*")));
  const extraTrees = new Set((options.extraFields ?? []).filter((f) => f.endsWith(".*")).map((f) => f.slice(0, -2)));
  const isExtra = (name: string, segments: PathSegment[]) =>
    extraNames.has(name) ||
    (segments.length > 1 && extraTrees.has(String(segments[0])) && segments.every((s) => typeof s === "string" && s !== "") && !name.includes("["));
  const repeats = new Map<string, number>();
  for (const [name] of form) {
    if (name === CONFORM_INTENT || name === CONFORM_STATE) continue;
    const segments = parseFieldName(name);
    if (!segments) refuseForm(message("common", "form.unreadableName", { name: shown(name) }));
    if (isExtra(name, segments)) {
      if (repeats.has(name)) refuseForm(message("common", "form.repeated", { name: shown(name) }));
      repeats.set(name, 1);
      continue;
    }
    const result = fit(schema, segments);
    if (!result.ok) {
      refuseForm(
        result.reason === "index"
          ? message("common", "form.tooManyRows", { name: shown(name) })
          : message("common", "form.unknownField", { name: shown(name) }),
      );
    }
    // A name sent several times becomes a list: no longer than the list it fills.
    const seen = (repeats.get(name) ?? 0) + 1;
    repeats.set(name, seen);
    if (seen > 1) {
      const max = listMaxAt(schema, segments);
      if (max === null || seen > max) refuseForm(message("common", "form.repeated", { name: shown(name) }));
    }
  }
}

const INTENT_TYPES = new Set(["validate", "update", "reset", "insert", "remove", "reorder"]);
const isIndex = (value: unknown, below: number) => typeof value === "number" && Number.isInteger(value) && value >= 0 && value < below;

function jsonDepth(value: unknown, depth = 0): number {
  if (depth > FORM_LIMITS.depth) return depth;
  if (value === null || typeof value !== "object") return depth;
  let deepest = depth;
  for (const child of Object.values(value)) deepest = Math.max(deepest, jsonDepth(child, depth + 1));
  return deepest;
}

/**
 * conform's intent field (`__intent__`: validate, insert, remove, …, as JSON) is checked like
 * any other field: well-formed, one of conform's intents, naming a place the schema has, and
 * for list intents a list, at positions inside it. `__state__` is never sent by the portal's
 * forms and is dropped.
 */
export function checkFormIntent(form: FormData, schema: z.ZodTypeAny) {
  form.delete(CONFORM_STATE);
  const values = form.getAll(CONFORM_INTENT);
  if (values.length === 0) return;
  const bad = (): never => refuseForm(message("common", "form.unknownAction"));
  if (values.length > 1 || typeof values[0] !== "string" || values[0].length > FORM_LIMITS.intentLength) bad();
  let intent: unknown;
  try {
    intent = JSON.parse(values[0] as string);
  } catch {
    bad();
  }
  if (typeof intent !== "object" || intent === null || Array.isArray(intent)) return bad();
  const { type, payload } = intent as { type?: unknown; payload?: unknown };
  if (typeof type !== "string" || !INTENT_TYPES.has(type) || typeof payload !== "object" || payload === null || Array.isArray(payload)) return bad();
  if (jsonDepth(payload) > FORM_LIMITS.depth) bad();
  const { name, index, from, to } = payload as { name?: unknown; index?: unknown; from?: unknown; to?: unknown };
  if (name !== undefined && typeof name !== "string") bad();
  const segments = typeof name === "string" && name !== "" ? parseFieldName(name) : [];
  if (!segments) return bad();
  if (type === "insert" || type === "remove" || type === "reorder") {
    if (segments.length === 0) bad();
    const max = listMaxAt(schema, segments);
    if (max === null) bad();
    if (type === "insert" && index !== undefined && !isIndex(index, max! + 1)) bad();
    if (type === "remove" && !isIndex(index, max!)) bad();
    if (type === "reorder" && !(isIndex(from, max!) && isIndex(to, max!))) bad();
    return;
  }
  const at = index === undefined ? segments : [...segments, index as PathSegment];
  if (index !== undefined && !isIndex(index, FORM_LIMITS.index + 1)) bad();
  if (at.length > 0 && !fit(schema, at).ok) bad();
}
