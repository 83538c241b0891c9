import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { EmptyState, PageHeader } from "~/components/app-shell.tsx";
import { ConfirmAction } from "~/components/confirm-action.tsx";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { Pagination } from "~/components/pagination.tsx";
import { revokeInvitation } from "~/features/organizations/members.server.ts";
import { InvitationForm } from "~/features/organizations/ui/invitation-form.tsx";
import { endPartnership, invitePartner, listPartnerships, partnershipToStart } from "~/features/partners/partners.server.ts";
import { InvitePartnerSchema, PARTNER_INTENTS, PARTNER_STATUSES } from "~/features/partners/schemas.ts";
import { replyTo } from "~/lib/action-data.ts";
import { dispatchIntents } from "~/lib/actions.server.ts";
import { readForm } from "~/lib/forms.server.ts";
import { pageFromUrl } from "~/lib/pagination.ts";
import { requireMembership } from "~/lib/tenant.server.ts";
import { redirectWithToast } from "~/lib/toast.server.ts";
import { useFormat } from "~/lib/use-format.ts";
import { FormAlert } from "~/components/form-alert.tsx";
import { partnersPath } from "~/features/partners/paths.ts";
import { scorecardPath } from "~/features/scorecards/paths.ts";
import { samplingSettingsPath } from "~/features/inspections/paths.ts";
import { FilterChips } from "~/components/list-filters.tsx";
import { pageTitle } from "~/lib/i18n/page-title.ts";
import { accountTranslator } from "~/lib/i18n/translate.server.ts";
import { useT } from "~/lib/i18n/translate.ts";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "partners", "meta.page") }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireMembership(request, params.org);
  const url = new URL(request.url);
  const statusParam = url.searchParams.get("status");
  const status = PARTNER_STATUSES.find((s) => s === statusParam);
  const partnerships = await listPartnerships(ctx, pageFromUrl(url), status);
  return { org: ctx.org, partnerships, status: status ?? null, can: { invite: ctx.ability.can("create", partnershipToStart(ctx)) } };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const ctx = await requireMembership(request, params.org);
  const t = accountTranslator(ctx.user, "partners");
  const done = (message: string) => redirectWithToast(partnersPath(ctx.org.slug), { message });
  return dispatchIntents(await readForm(request), PARTNER_INTENTS, {
    invite: async (input) => {
      await invitePartner(ctx, input);
      return done(t("toast.invited", { email: input.email }));
    },
    end: async ({ partnershipId }) => {
      await endPartnership(ctx, partnershipId);
      return done(t("toast.ended"));
    },
    revoke: async ({ invitationId }) => {
      await revokeInvitation(ctx, invitationId);
      return done(t("toast.revoked"));
    },
  });
}

const statusStyle = {
  ACTIVE: "bg-green-100 text-green-800",
  INVITED: "bg-amber-100 text-amber-800",
  ENDED: "bg-slate-100 text-slate-600",
} as const;

export default function Partners() {
  const { org, partnerships, status, can } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT("partners");
  const lot = useT("lotDecisions");
  const f = useFormat();
  const isImporter = org.kind === "IMPORTER";
  const side = isImporter ? "IMPORTER" : "FACTORY";
  const otherError = replyTo(actionData, "end", "revoke")?.result.error?.[""];
  const filters = [{ value: null, label: t("filter.all") }, ...PARTNER_STATUSES.map((s) => ({ value: s, label: t(`filter.${s}`) }))];
  return (
    <>
      <PageHeader title={t(`title.${side}`)} description={t(`description.${side}`)} />
      <FormAlert messages={otherError} />
      <div className="grid gap-6 lg:grid-cols-3">
        <section className="min-w-0 lg:col-span-2">
          <FilterChips label={t("filter.label")} name="status" current={status} options={filters} />
          {partnerships.items.length === 0 ? (
            <EmptyState title={status ? t("empty.status") : t(`empty.${side}`)}>{t(`emptyBody.${side}`)}</EmptyState>
          ) : (
            <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
              {partnerships.items.map((p) => {
                const partner = isImporter ? p.factory : p.importer;
                const invitation = p.invitations[0];
                return (
                  <li key={p.id} className="flex flex-wrap items-center gap-3 p-4" data-testid="partner-row">
                    <div className="min-w-0 flex-1">
                      <p className="truncate font-medium">{partner?.name ?? invitation?.email ?? t("row.invitation")}</p>
                      <p className="text-sm text-slate-600 [overflow-wrap:anywhere]">
                        {p.status === "ACTIVE" && p.activatedAt ? t("row.since", { date: f.dayNumeric(p.activatedAt) }) : null}
                        {p.status === "INVITED" && invitation ? t("row.invited", { email: invitation.email, date: f.dayNumeric(invitation.expiresAt) }) : null}
                        {p.status === "ENDED" && p.endedAt ? t("row.ended", { date: f.dayNumeric(p.endedAt) }) : null}
                      </p>
                    </div>
                    <span className={`rounded px-2 py-1 text-xs font-semibold ${statusStyle[p.status]}`}>{t(`status.${p.status}`)}</span>
                    {partner && p.status !== "INVITED" ? (
                      <Link className="link tap-target text-sm" to={scorecardPath(org.slug, partner.id)}>
                        {t("row.scorecard")}
                      </Link>
                    ) : null}
                    {isImporter && p.status === "ACTIVE" ? (
                      <Link className="link tap-target text-sm" to={samplingSettingsPath(org.slug, p.id)}>
                        {lot("settings.partnersLink")}
                      </Link>
                    ) : null}
                    {p.can.end ? (
                      <ConfirmAction
                        label={t("end.label")}
                        question={t("end.question", { name: partner?.name ?? "" })}
                        confirmLabel={t("end.confirm")}
                        fields={{ intent: "end", partnershipId: p.id }}
                      />
                    ) : null}
                    {p.status === "INVITED" && invitation && p.can.revokeInvitation ? (
                      <ConfirmAction
                        label={t("revoke.label")}
                        question={t("revoke.question", { email: invitation.email })}
                        confirmLabel={t("revoke.label")}
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
        {can.invite ? (
          <aside className="card h-fit">
            <h2 className="font-semibold">{t("invite.heading")}</h2>
            <p className="mt-1 text-sm text-slate-600">{t("invite.hint")}</p>
            <InvitationForm
              formId="invite-partner"
              schema={InvitePartnerSchema}
              emailLabel={t("invite.emailLabel")}
              lastResult={replyTo(actionData, "invite")?.result}
            />
          </aside>
        ) : null}
      </div>
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
