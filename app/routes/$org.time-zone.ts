import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { z } from "zod";
import { membersPath } from "~/features/organizations/paths.ts";
import { changeOrgTimeZone } from "~/features/organizations/time-zone.server.ts";
import { dispatchForm } from "~/lib/actions.server.ts";
import { readForm } from "~/lib/forms.server.ts";
import { accountTranslator } from "~/lib/i18n/translate.server.ts";
import { requireMembership } from "~/lib/tenant.server.ts";
import { timeZoneSchema } from "~/lib/time-zone-schema.ts";
import { redirectWithToast } from "~/lib/toast.server.ts";

// The members page's time zone form posts here and comes back to it.
export async function loader({ params }: LoaderFunctionArgs) {
  return redirect(membersPath(params.org ?? ""));
}

export async function action({ request, params }: ActionFunctionArgs) {
  const ctx = await requireMembership(request, params.org);
  return dispatchForm(await readForm(request), { timeZone: z.object({ timeZone: timeZoneSchema }) }, async ({ timeZone }) => {
    await changeOrgTimeZone(ctx, timeZone);
    const t = accountTranslator(ctx.user, "preferences");
    return redirectWithToast(membersPath(ctx.org.slug), { message: t("org.timeZone.saved", { org: ctx.org.name, zone: timeZone }) });
  });
}
