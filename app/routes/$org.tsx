import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Outlet, useLoaderData } from "@remix-run/react";
import { AppShell } from "~/components/app-shell.tsx";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { requireMembership } from "~/lib/tenant.server.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.org.name} · Supplier Portal` : "Supplier Portal" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireMembership(request, params.org);
  return {
    org: ctx.org,
    role: ctx.role,
    user: { name: ctx.user.name, email: ctx.user.email },
    orgs: ctx.user.memberships.map(({ org }) => ({ id: org.id, slug: org.slug, name: org.name, kind: org.kind })),
  };
}

export default function OrgLayout() {
  const { org, orgs, user } = useLoaderData<typeof loader>();
  return (
    <AppShell org={org} orgs={orgs} user={user}>
      <Outlet />
    </AppShell>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
