import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { EmptyState, PageHeader } from "~/components/app-shell.tsx";
import { ConfirmAction } from "~/components/confirm-action.tsx";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { Pagination } from "~/components/pagination.tsx";
import {
  changeMemberRole,
  inviteMember,
  listMembers,
  listPendingMemberInvitations,
  removeMember,
  revokeInvitation,
} from "~/features/organizations/members.server.ts";
import { invitationToSend } from "~/features/organizations/invitations.server.ts";
import { InviteMemberSchema, MEMBER_INTENTS, ROLES } from "~/features/organizations/schemas.ts";
import { InvitationForm } from "~/features/organizations/ui/invitation-form.tsx";
import { OrgTimeZoneForm } from "~/features/organizations/ui/org-time-zone-form.tsx";
import { orgTimeZoneToChange } from "~/features/organizations/time-zone.server.ts";
import { replyTo } from "~/lib/action-data.ts";
import { dispatchIntents } from "~/lib/actions.server.ts";
import { readForm } from "~/lib/forms.server.ts";
import { pageFromUrl } from "~/lib/pagination.ts";
import { requireMembership } from "~/lib/tenant.server.ts";
import { redirectWithToast } from "~/lib/toast.server.ts";
import { useFormat } from "~/lib/use-format.ts";
import { FormAlert } from "~/components/form-alert.tsx";
import { membersPath } from "~/features/organizations/paths.ts";
import { pageTitle } from "~/lib/i18n/page-title.ts";
import { accountTranslator } from "~/lib/i18n/translate.server.ts";
import { useT } from "~/lib/i18n/translate.ts";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "members", "meta.page") }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireMembership(request, params.org);
  const [members, invitations, timeZone] = await Promise.all([
    listMembers(ctx, pageFromUrl(request.url)),
    listPendingMemberInvitations(ctx),
    orgTimeZoneToChange(ctx),
  ]);
  return { org: ctx.org, me: ctx.user.id, members, invitations, timeZone, can: { invite: ctx.ability.can("create", invitationToSend(ctx, "MEMBER")) } };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const ctx = await requireMembership(request, params.org);
  const t = accountTranslator(ctx.user, "members");
  const done = (message: string) => redirectWithToast(membersPath(ctx.org.slug), { message });
  return dispatchIntents(await readForm(request), MEMBER_INTENTS, {
    invite: async (input) => {
      await inviteMember(ctx, input);
      return done(t("toast.invited", { email: input.email }));
    },
    "change-role": async ({ membershipId, role }) => {
      await changeMemberRole(ctx, membershipId, role);
      return done(t("toast.roleChanged", { role }));
    },
    remove: async ({ membershipId }) => {
      await removeMember(ctx, membershipId);
      return done(t("toast.removed"));
    },
    revoke: async ({ invitationId }) => {
      await revokeInvitation(ctx, invitationId);
      return done(t("toast.revoked"));
    },
  });
}

export default function Members() {
  const { org, me, members, invitations, timeZone, can } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const otherError = replyTo(actionData, "change-role", "remove", "revoke")?.result.error?.[""];
  const t = useT("members");
  const f = useFormat();
  const roleOptions = ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }));
  return (
    <>
      <PageHeader title={t("heading")} description={t("description", { org: org.name })} />
      <FormAlert messages={otherError} />
      <div className="grid gap-6 lg:grid-cols-3">
        <section className="min-w-0 lg:col-span-2" aria-labelledby="members-heading">
          <h2 id="members-heading" className="sr-only">
            {t("heading")}
          </h2>
          <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
            {members.items.map((m) => (
              <li key={m.id} className="flex flex-wrap items-center gap-3 p-4" data-testid="member-row">
                <div className="min-w-0 flex-1">
                  <p className="truncate font-medium">
                    {m.user.name} {m.user.id === me ? <span className="text-xs text-slate-500">{t("you")}</span> : null}
                  </p>
                  <p className="truncate text-sm text-slate-600">{m.user.email}</p>
                </div>
                {m.can.changeRole ? (
                  <Form method="post" className="flex items-center gap-2">
                    <input type="hidden" name="intent" value="change-role" />
                    <input type="hidden" name="membershipId" value={m.id} />
                    <label className="sr-only" htmlFor={`role-${m.id}`}>
                      {t("roleOf", { name: m.user.name })}
                    </label>
                    <select id={`role-${m.id}`} name="role" defaultValue={m.role} className="input w-auto py-1.5">
                      {roleOptions.map((o) => (
                        <option key={o.value} value={o.value}>
                          {o.label}
                        </option>
                      ))}
                    </select>
                    <button type="submit" className="btn-secondary min-h-9 px-3 py-1.5">
                      {t("save")}
                    </button>
                  </Form>
                ) : (
                  <span className="rounded bg-slate-100 px-2 py-1 text-xs font-medium text-slate-700">{t(`role.${m.role}`)}</span>
                )}
                {m.can.remove ? (
                  <ConfirmAction
                    label={t("remove.label")}
                    question={t("remove.question", { name: m.user.name, org: org.name })}
                    confirmLabel={t("remove.confirm")}
                    fields={{ intent: "remove", membershipId: m.id }}
                  />
                ) : null}
              </li>
            ))}
          </ul>
          <Pagination page={members.page} pageCount={members.pageCount} />
        </section>
        {can.invite ? (
          <aside className="space-y-6">
            <section className="card">
              <h2 className="font-semibold">{t("invite.heading")}</h2>
              <InvitationForm
                formId="invite-member"
                schema={InviteMemberSchema}
                emailLabel={t("invite.emailLabel")}
                roles={{ options: roleOptions, initial: "MEMBER" }}
                lastResult={replyTo(actionData, "invite")?.result}
              />
            </section>
            <section className="card">
              <h2 className="font-semibold">{t("pending.heading")}</h2>
              {invitations.length === 0 ? (
                <p className="mt-2 text-sm text-slate-600">{t("pending.empty")}</p>
              ) : (
                <ul className="mt-2 divide-y divide-slate-100">
                  {invitations.map((i) => (
                    <li key={i.id} className="flex items-center justify-between gap-2 py-2 text-sm">
                      <span className="min-w-0">
                        <span className="block [overflow-wrap:anywhere]">{i.email}</span>
                        <span className="text-xs text-slate-500">{t("pending.expires", { role: i.role, date: f.dayNumeric(i.expiresAt) })}</span>
                      </span>
                      <ConfirmAction
                        label={t("revoke.label")}
                        question={t("revoke.question", { email: i.email })}
                        confirmLabel={t("revoke.label")}
                        fields={{ intent: "revoke", invitationId: i.id }}
                      />
                    </li>
                  ))}
                </ul>
              )}
            </section>
          </aside>
        ) : null}
      </div>
      {timeZone ? (
        <div className="mt-6 max-w-md">
          <OrgTimeZoneForm org={org} timeZone={timeZone} />
        </div>
      ) : null}
      {members.total === 0 ? <EmptyState title={t("empty")} /> : null}
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
