import { accessibleBy } from "@casl/prisma/runtime";
import type { Action, AppAbility, SubjectName } from "./ability.ts";
import { forbidden, notFound } from "./http.server.ts";

/** Write check on a loaded record: a visible record the role may not change answers 403. */
export function ensureCan(ability: AppAbility, action: Action, subject: Parameters<AppAbility["can"]>[1], message?: string, field?: string) {
  if (!ability.can(action, subject, field)) forbidden(message);
}

/** Read check: a record the user may not see answers 404. */
export function ensureCanRead(ability: AppAbility, subject: Parameters<AppAbility["can"]>[1]) {
  if (!ability.can("read", subject)) notFound();
}

/** The Prisma `where` for the records of a type this ability may act on. */
export function accessible<N extends SubjectName>(ability: AppAbility, action: Action, name: N) {
  return accessibleBy(ability, action).ofType(name);
}
