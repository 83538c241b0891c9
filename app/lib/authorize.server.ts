import { accessibleBy } from "@casl/prisma/runtime";
import type { Action, AppAbility, SubjectName } from "./ability.ts";
import { forbidden } from "./http.server.ts";

/** Write check on a loaded record: a visible record the role may not change answers 403. */
export function ensureCan(ability: AppAbility, action: Action, subject: Parameters<AppAbility["can"]>[1], message?: string, field?: string) {
  if (!ability.can(action, subject, field)) forbidden(message);
}

/** The Prisma `where` for the records of a type this ability may act on. */
export function accessible<N extends SubjectName>(ability: AppAbility, action: Action, name: N) {
  return accessibleBy(ability, action).ofType(name);
}
