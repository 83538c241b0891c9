import { getFormProps, type SubmissionResult } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { EmptyState, PageHeader } from "~/components/app-shell.tsx";
import { ConfirmAction } from "~/components/confirm-action.tsx";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { ErrorList, Field, SelectField, SubmitButton } from "~/components/forms.tsx";
import { useOrgAbility } from "~/components/org-ability.tsx";
import { Pagination } from "~/components/pagination.tsx";
import { useSchemaForm } from "~/components/use-schema-form.ts";
import { draftPartnership } from "~/features/organizations/drafts.ts";
import { revokeInvitation } from "~/features/organizations/members.server.ts";
import { LOCALE_LABELS, LOCALES } from "~/features/organizations/schemas.ts";
import { endPartnership, invitePartner, listPartnerships } from "~/features/partners/partners.server.ts";
import { InvitePartnerSchema, PARTNER_INTENTS, PARTNER_STATUSES } from "~/features/partners/schemas.ts";
import { asSubject } from "~/lib/ability.ts";
import { replyTo } from "~/lib/action-data.ts";
import { dispatchIntents } from "~/lib/actions.server.ts";
import { readForm } from "~/lib/forms.server.ts";
import { pageFromUrl } from "~/lib/pagination.ts";
import { requireMembership } from "~/lib/tenant.server.ts";
import { redirectWithToast } from "~/lib/toast.server.ts";

export const meta: MetaFunction = () => [{ title: "Partners · Supplier Portal" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireMembership(request, params.org);
  const url = new URL(request.url);
  const statusParam = url.searchParams.get("status");
  const status = PARTNER_STATUSES.find((s) => s === statusParam);
  const partnerships = await listPartnerships(ctx, pageFromUrl(url), status);
  return { org: ctx.org, partnerships, status: status ?? null };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const ctx = await requireMembership(request, params.org);
  const done = (message: string) => redirectWithToast(`/${ctx.org.slug}/partners`, { message });
  return dispatchIntents(await readForm(request), PARTNER_INTENTS, {
    invite: async (input) => {
      await invitePartner(ctx, input);
      return done(`Invitation sent to ${input.email}.`);
    },
    end: async ({ partnershipId }) => {
      await endPartnership(ctx, partnershipId);
      return done("Partnership ended. The history is kept.");
    },
    revoke: async ({ invitationId }) => {
      await revokeInvitation(ctx, invitationId);
      return done("Invitation revoked.");
    },
  });
}

const statusStyle = {
  ACTIVE: "bg-green-100 text-green-800",
  INVITED: "bg-amber-100 text-amber-800",
  ENDED: "bg-slate-100 text-slate-600",
} as const;

export default function Partners() {
  const { org, partnerships, status } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const ability = useOrgAbility();
  const [searchParams] = useSearchParams();
  const isImporter = org.kind === "IMPORTER";
  const canInvite = ability.can("create", asSubject("Partnership", draftPartnership(org.id)));
  const otherError = replyTo(actionData, "end", "revoke")?.result.error?.[""];
  const filters = [{ value: null, label: "All" }, ...PARTNER_STATUSES.map((s) => ({ value: s, label: s.charAt(0) + s.slice(1).toLowerCase() }))];
  return (
    <>
      <PageHeader
        title={isImporter ? "Factories" : "Importers"}
        description={
          isImporter
            ? "The factories you work with. Specs, first articles and corrective actions are shared only with active partners."
            : "The importers you make products for."
        }
      />
      {otherError ? (
        <div className="mb-4 rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800" role="alert">
          {otherError.join(" ")}
        </div>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-3">
        <section className="min-w-0 lg:col-span-2">
          <nav className="mb-3 flex flex-wrap gap-2" aria-label="Filter by status">
            {filters.map((f) => {
              const params = new URLSearchParams(searchParams);
              params.delete("page");
              if (f.value) params.set("status", f.value);
              else params.delete("status");
              return (
                <Link
                  key={f.label}
                  to={`?${params}`}
                  aria-current={status === f.value ? "page" : undefined}
                  className="rounded-full border border-slate-300 px-3 py-1 text-sm aria-[current=page]:border-brand-600 aria-[current=page]:bg-brand-50 aria-[current=page]:font-semibold"
                >
                  {f.label}
                </Link>
              );
            })}
          </nav>
          {partnerships.items.length === 0 ? (
            <EmptyState title={status ? "Nothing with this status" : isImporter ? "No factories yet" : "No importers yet"}>
              {isImporter ? "Invite a factory by email to start sharing specifications." : "An importer's invitation email brings you here."}
            </EmptyState>
          ) : (
            <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
              {partnerships.items.map((p) => {
                const partner = isImporter ? p.factory : p.importer;
                const invitation = p.invitations[0];
                const subject = asSubject("Partnership", {
                  id: p.id,
                  importerId: p.importer.id,
                  factoryId: p.factory?.id ?? null,
                  status: p.status,
                  createdAt: new Date(p.createdAt),
                  activatedAt: null,
                  endedAt: null,
                  endedById: null,
                });
                return (
                  <li key={p.id} className="flex flex-wrap items-center gap-3 p-4" data-testid="partner-row">
                    <div className="min-w-0 flex-1">
                      <p className="truncate font-medium">{partner?.name ?? invitation?.email ?? "Invitation"}</p>
                      <p className="text-sm text-slate-600 [overflow-wrap:anywhere]">
                        {p.status === "ACTIVE" && p.activatedAt ? `Partners since ${new Date(p.activatedAt).toLocaleDateString("en-GB")}` : null}
                        {p.status === "INVITED" && invitation
                          ? `Invited ${invitation.email} · expires ${new Date(invitation.expiresAt).toLocaleDateString("en-GB")}`
                          : null}
                        {p.status === "ENDED" && p.endedAt ? `Ended ${new Date(p.endedAt).toLocaleDateString("en-GB")}` : null}
                      </p>
                    </div>
                    <span className={`rounded px-2 py-1 text-xs font-semibold ${statusStyle[p.status]}`}>{p.status.toLowerCase()}</span>
                    {partner && p.status !== "INVITED" ? (
                      <Link className="link text-sm" to={`/${org.slug}/scorecards/${partner.id}`}>
                        Scorecard
                      </Link>
                    ) : null}
                    {ability.can("end", subject) ? (
                      <ConfirmAction
                        label="End"
                        question={`End the partnership with ${partner?.name}? They lose access to everything you shared; the history is kept.`}
                        confirmLabel="End partnership"
                        fields={{ intent: "end", partnershipId: p.id }}
                      />
                    ) : null}
                    {p.status === "INVITED" && invitation && canInvite ? (
                      <ConfirmAction
                        label="Revoke"
                        question={`Revoke the invitation to ${invitation.email}?`}
                        confirmLabel="Revoke"
                        fields={{ intent: "revoke", invitationId: invitation.id }}
                      />
                    ) : null}
                  </li>
                );
              })}
            </ul>
          )}
          <Pagination page={partnerships.page} pageCount={partnerships.pageCount} />
        </section>
        {canInvite ? <InvitePartnerForm lastResult={replyTo(actionData, "invite")?.result} /> : null}
      </div>
    </>
  );
}

function InvitePartnerForm({ lastResult }: { lastResult?: SubmissionResult<string[]> }) {
  const [form, fields] = useSchemaForm(InvitePartnerSchema, { id: "invite-partner", lastResult, defaultValue: { locale: "en" } });
  return (
    <aside className="card h-fit">
      <h2 className="font-semibold">Invite a factory</h2>
      <p className="mt-1 text-sm text-slate-600">They get an email with a link. It is free for them, and the link works once within 7 days.</p>
      <Form method="post" className="mt-3 space-y-3" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="invite" />
        <Field meta={fields.email} label="Factory contact's email" type="email" autoComplete="off" />
        <SelectField meta={fields.locale} label="Email language" options={LOCALES.map((l) => ({ value: l, label: LOCALE_LABELS[l] }))} />
        <ErrorList id={form.errorId} errors={form.errors} />
        <SubmitButton pendingText="Sending…">Send invitation</SubmitButton>
      </Form>
    </aside>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
