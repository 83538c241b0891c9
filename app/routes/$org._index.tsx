import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { EmptyState, PageHeader } from "~/components/app-shell.tsx";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { getOrgOverview } from "~/features/partners/overview.server.ts";
import { requireMembership } from "~/lib/tenant.server.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireMembership(request, params.org);
  return { org: ctx.org, role: ctx.role, overview: await getOrgOverview(ctx) };
}

export default function Overview() {
  const { org, role, overview } = useLoaderData<typeof loader>();
  const partnerWord = org.kind === "IMPORTER" ? "factories" : "importers";
  return (
    <>
      <PageHeader title={org.name} description={`You are ${role.toLowerCase()} of this ${org.kind === "IMPORTER" ? "importer" : "factory"}.`} />
      <div className="grid gap-4 sm:grid-cols-3">
        <Stat label={`Active ${partnerWord}`} value={overview.activePartners} to={`/${org.slug}/partners`} />
        <Stat label="Invitations waiting" value={overview.invitedPartners} to={`/${org.slug}/partners?status=INVITED`} />
        <Stat label="Members" value={overview.members} to={`/${org.slug}/members`} />
      </div>
      {overview.activePartners === 0 ? (
        <div className="mt-6">
          <EmptyState title={`No active ${partnerWord} yet`}>
            {org.kind === "IMPORTER" ? (
              <Link className="link" to={`/${org.slug}/partners`}>
                Invite your first factory
              </Link>
            ) : (
              "When an importer invites you, accept the invitation from the email to see their work here."
            )}
          </EmptyState>
        </div>
      ) : null}
    </>
  );
}

function Stat({ label, value, to }: { label: string; value: number; to: string }) {
  return (
    <Link to={to} className="card block hover:border-brand-500">
      <p className="text-sm text-slate-600">{label}</p>
      <p className="mt-1 text-3xl font-bold">{value}</p>
    </Link>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
