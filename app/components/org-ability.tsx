import { AbilityProvider, useAbility } from "@casl/react";
import { useMemo, type ReactNode } from "react";
import { abilityFromRules, type AppAbility } from "~/lib/ability.ts";

/** Gives the pages of an org the same ability the server built, to hide what is not allowed. */
export function OrgAbilityProvider({ rules, children }: { rules: AppAbility["rules"]; children: ReactNode }) {
  const ability = useMemo(() => abilityFromRules(rules), [rules]);
  return <AbilityProvider value={ability}>{children}</AbilityProvider>;
}

export const useOrgAbility = () => useAbility<AppAbility>();
