import { getFormProps, type SubmissionResult } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { EmptyState, PageHeader } from "~/components/app-shell.tsx";
import { ConfirmAction } from "~/components/confirm-action.tsx";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { ErrorList, Field, SelectField, SubmitButton } from "~/components/forms.tsx";
import { useOrgAbility } from "~/components/org-ability.tsx";
import { Pagination } from "~/components/pagination.tsx";
import { useSchemaForm } from "~/components/use-schema-form.ts";
import {
  changeMemberRole,
  inviteMember,
  listMembers,
  listPendingMemberInvitations,
  removeMember,
  revokeInvitation,
} from "~/features/organizations/members.server.ts";
import { draftInvitation } from "~/features/organizations/drafts.ts";
import { InviteMemberSchema, LOCALE_LABELS, LOCALES, MEMBER_INTENTS, ROLE_LABELS, ROLES } from "~/features/organizations/schemas.ts";
import { asSubject } from "~/lib/ability.ts";
import { replyTo } from "~/lib/action-data.ts";
import { dispatchIntents } from "~/lib/actions.server.ts";
import { readForm } from "~/lib/forms.server.ts";
import { pageFromUrl } from "~/lib/pagination.ts";
import { requireMembership } from "~/lib/tenant.server.ts";
import { redirectWithToast } from "~/lib/toast.server.ts";

export const meta: MetaFunction = () => [{ title: "Members · Supplier Portal" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireMembership(request, params.org);
  const [members, invitations] = await Promise.all([listMembers(ctx, pageFromUrl(request.url)), listPendingMemberInvitations(ctx)]);
  return { org: ctx.org, me: ctx.user.id, members, invitations };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const ctx = await requireMembership(request, params.org);
  const done = (message: string) => redirectWithToast(`/${ctx.org.slug}/members`, { message });
  return dispatchIntents(await readForm(request), MEMBER_INTENTS, {
    invite: async (input) => {
      await inviteMember(ctx, input);
      return done(`Invitation sent to ${input.email}.`);
    },
    "change-role": async ({ membershipId, role }) => {
      await changeMemberRole(ctx, membershipId, role);
      return done(`Role changed to ${ROLE_LABELS[role]}.`);
    },
    remove: async ({ membershipId }) => {
      await removeMember(ctx, membershipId);
      return done("Member removed.");
    },
    revoke: async ({ invitationId }) => {
      await revokeInvitation(ctx, invitationId);
      return done("Invitation revoked.");
    },
  });
}

const roleOptions = ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));

export default function Members() {
  const { org, me, members, invitations } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const ability = useOrgAbility();
  const canInvite = ability.can("create", asSubject("Invitation", draftInvitation(org.id, "MEMBER")));
  const otherError = replyTo(actionData, "change-role", "remove", "revoke")?.result.error?.[""];
  return (
    <>
      <PageHeader title="Members" description={`People who work in ${org.name}.`} />
      {otherError ? (
        <div className="mb-4 rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800" role="alert">
          {otherError.join(" ")}
        </div>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-3">
        <section className="min-w-0 lg:col-span-2" aria-labelledby="members-heading">
          <h2 id="members-heading" className="sr-only">
            Members
          </h2>
          <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
            {members.items.map((m) => {
              const subject = asSubject("Membership", { id: m.id, userId: m.user.id, orgId: org.id, role: m.role, createdAt: new Date(m.createdAt) });
              return (
                <li key={m.id} className="flex flex-wrap items-center gap-3 p-4" data-testid="member-row">
                  <div className="min-w-0 flex-1">
                    <p className="truncate font-medium">
                      {m.user.name} {m.user.id === me ? <span className="text-xs text-slate-500">(you)</span> : null}
                    </p>
                    <p className="truncate text-sm text-slate-600">{m.user.email}</p>
                  </div>
                  {ability.can("update", subject) ? (
                    <Form method="post" className="flex items-center gap-2">
                      <input type="hidden" name="intent" value="change-role" />
                      <input type="hidden" name="membershipId" value={m.id} />
                      <label className="sr-only" htmlFor={`role-${m.id}`}>
                        Role of {m.user.name}
                      </label>
                      <select id={`role-${m.id}`} name="role" defaultValue={m.role} className="input w-auto py-1.5">
                        {roleOptions.map((o) => (
                          <option key={o.value} value={o.value}>
                            {o.label}
                          </option>
                        ))}
                      </select>
                      <button type="submit" className="btn-secondary min-h-9 px-3 py-1.5">
                        Save
                      </button>
                    </Form>
                  ) : (
                    <span className="rounded bg-slate-100 px-2 py-1 text-xs font-medium text-slate-700">{ROLE_LABELS[m.role]}</span>
                  )}
                  {ability.can("delete", subject) ? (
                    <ConfirmAction
                      label="Remove"
                      question={`Remove ${m.user.name} from ${org.name}? They lose access at once.`}
                      confirmLabel="Yes, remove"
                      fields={{ intent: "remove", membershipId: m.id }}
                    />
                  ) : null}
                </li>
              );
            })}
          </ul>
          <Pagination page={members.page} pageCount={members.pageCount} />
        </section>
        {canInvite ? (
          <aside className="space-y-6">
            <InviteForm lastResult={replyTo(actionData, "invite")?.result} />
            <section className="card">
              <h2 className="font-semibold">Pending invitations</h2>
              {invitations.length === 0 ? (
                <p className="mt-2 text-sm text-slate-600">No invitations waiting.</p>
              ) : (
                <ul className="mt-2 divide-y divide-slate-100">
                  {invitations.map((i) => (
                    <li key={i.id} className="flex items-center justify-between gap-2 py-2 text-sm">
                      <span className="min-w-0">
                        <span className="block [overflow-wrap:anywhere]">{i.email}</span>
                        <span className="text-xs text-slate-500">
                          {ROLE_LABELS[i.role]} · expires {new Date(i.expiresAt).toLocaleDateString("en-GB")}
                        </span>
                      </span>
                      <ConfirmAction
                        label="Revoke"
                        question={`Revoke the invitation to ${i.email}?`}
                        confirmLabel="Revoke"
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
      {members.total === 0 ? <EmptyState title="No members" /> : null}
    </>
  );
}

function InviteForm({ lastResult }: { lastResult?: SubmissionResult<string[]> }) {
  const [form, fields] = useSchemaForm(InviteMemberSchema, { id: "invite-member", lastResult, defaultValue: { role: "MEMBER", locale: "en" } });
  return (
    <section className="card">
      <h2 className="font-semibold">Invite a colleague</h2>
      <Form method="post" className="mt-3 space-y-3" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="invite" />
        <Field meta={fields.email} label="Email" type="email" autoComplete="off" />
        <SelectField meta={fields.role} label="Role" options={roleOptions} />
        <SelectField meta={fields.locale} label="Email language" options={LOCALES.map((l) => ({ value: l, label: LOCALE_LABELS[l] }))} />
        <ErrorList id={form.errorId} errors={form.errors} />
        <SubmitButton pendingText="Sending…">Send invitation</SubmitButton>
      </Form>
    </section>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
