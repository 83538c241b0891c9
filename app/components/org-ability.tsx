import { AbilityProvider, useAbility } from "@casl/react";
import { useMemo, type ReactNode } from "react";
import { abilityFromRules, type AppAbility } from "~/lib/ability.ts";

/** Gives the pages of an org the same ability the server built, to hide what is not allowed. */
// `rules` is typed loosely because Remix's serialized-type inference cannot
// follow Prisma's recursive where-input types; they are defineAbility's rules.
export function OrgAbilityProvider({ rules, children }: { rules: unknown[]; children: ReactNode }) {
  const ability = useMemo(() => abilityFromRules(rules as AppAbility["rules"]), [rules]);
  return <AbilityProvider value={ability}>{children}</AbilityProvider>;
}

export const useOrgAbility = () => useAbility<AppAbility>();
