import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { EmptyState, PageHeader } from "~/components/app-shell.tsx";
import { ConfirmAction } from "~/components/confirm-action.tsx";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { ShareForm } from "~/features/specs/ui/share-form.tsx";
import { idParam } from "~/features/specs/params.server.ts";
import { diffPath, specPath, versionEditPath, versionPath } from "~/features/specs/paths.ts";
import { ShareSchema, UnshareSchema } from "~/features/specs/schemas.ts";
import { listShareOptions, shareSpec, unshareSpec } from "~/features/specs/sharing.server.ts";
import { loadSpec } from "~/features/specs/specs.server.ts";
import { listVersions, startNewVersion, versionToStart } from "~/features/specs/versions.server.ts";
import { asSubject } from "~/lib/ability.ts";
import { dispatchIntents } from "~/lib/actions.server.ts";
import { readForm } from "~/lib/forms.server.ts";
import { requireMembership } from "~/lib/tenant.server.ts";
import { redirectWithToast } from "~/lib/toast.server.ts";
import { useFormat } from "~/lib/use-format.ts";
import { FormAlert } from "~/components/form-alert.tsx";
import { partnersPath } from "~/features/partners/paths.ts";
import { useT } from "~/lib/i18n/translate.ts";
import { accountTranslator } from "~/lib/i18n/translate.server.ts";
import { pageTitle, dataTitle } from "~/lib/i18n/page-title.ts";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: data ? dataTitle(data.spec.title) : pageTitle(matches, "specs", "meta.spec") },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireMembership(request, params.org);
  const spec = await loadSpec(ctx, idParam(params.specId));
  const [versions, shareOptions] = await Promise.all([listVersions(ctx, spec.id), listShareOptions(ctx, spec)]);
  const draft = versions.find((v) => v.status === "DRAFT");
  return {
    org: ctx.org,
    spec: {
      id: spec.id,
      title: spec.title,
      productCode: spec.productCode,
      description: spec.description,
      currentVersionId: spec.currentVersionId,
      importer: spec.org.name,
    },
    versions,
    shareOptions,
    can: {
      share: ctx.ability.can("share", asSubject("Spec", spec)),
      startVersion: !draft && versions.length > 0 && ctx.ability.can("create", versionToStart(spec)),
      editDraft: !!draft && ctx.ability.can("update", asSubject("SpecVersion", { ...draft, orgId: spec.orgId })),
    },
  };
}

const SPEC_INTENTS = { share: ShareSchema, unshare: UnshareSchema, "new-version": z.object({ intent: z.literal("new-version") }) };

export async function action({ request, params }: ActionFunctionArgs) {
  const ctx = await requireMembership(request, params.org);
  const spec = await loadSpec(ctx, idParam(params.specId));
  const here = specPath(ctx.org.slug, spec.id);
  const t = accountTranslator(ctx.user, "specs");
  return dispatchIntents(await readForm(request), SPEC_INTENTS, {
    "new-version": async () => {
      const draft = await startNewVersion(ctx, spec);
      return redirect(versionEditPath(ctx.org.slug, spec.id, draft.number));
    },
    share: async ({ factoryIds }) => {
      const { emailed } = await shareSpec(ctx, spec, factoryIds);
      return redirectWithToast(here, { message: t(spec.currentVersionId ? "toast.sharedSpec" : "toast.sharedSpecUnpublished", { emailed }) });
    },
    unshare: async ({ factoryId }) => {
      await unshareSpec(ctx, spec, factoryId);
      return redirectWithToast(here, { message: t("toast.unshared") });
    },
  });
}

const statusStyle = { DRAFT: "bg-slate-100 text-slate-700", PUBLISHED: "bg-green-100 text-green-800", SUPERSEDED: "bg-slate-100 text-slate-600" } as const;

export default function SpecPage() {
  const { org, spec, versions, shareOptions, can } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT("specs");
  const f = useFormat();
  const draft = versions.find((v) => v.status === "DRAFT");
  const formError = actionData?.result.error;
  const unshared = shareOptions.filter((o) => !o.sharedAt);
  // The sentence around the link to the partners page, the link in its place.
  const [noPartnersBefore, noPartnersAfter] = t("spec.noPartners", { link: LINK }).split(LINK);
  return (
    <>
      <PageHeader
        title={spec.title}
        description={org.kind === "FACTORY" ? t("spec.fromImporter", { productCode: spec.productCode, importer: spec.importer }) : spec.productCode}
        actions={
          can.startVersion ? (
            <Form method="post">
              <input type="hidden" name="intent" value="new-version" />
              <button type="submit" className="btn-secondary">
                {t("spec.startVersion")}
              </button>
            </Form>
          ) : draft && can.editDraft ? (
            <Link className="btn-secondary" to={versionEditPath(org.slug, spec.id, draft.number)}>
              {t("spec.continueDraft", { number: draft.number })}
            </Link>
          ) : null
        }
      />
      <FormAlert messages={formError ? Object.values(formError).flatMap((errors) => errors ?? []) : null} />
      {spec.description ? <p className="mb-6 max-w-3xl whitespace-pre-line text-slate-700">{spec.description}</p> : null}
      <div className="grid gap-6 lg:grid-cols-3">
        <section className="min-w-0 lg:col-span-2" aria-labelledby="versions">
          <h2 id="versions" className="mb-2 font-semibold">
            {t("spec.versions")}
          </h2>
          {versions.length === 0 ? (
            <EmptyState title={t("spec.nothingPublished")} />
          ) : (
            <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
              {versions.map((v, i) => {
                const previous = versions[i + 1];
                return (
                  <li key={v.id} className="flex flex-wrap items-center gap-3 p-4" data-testid="version-row">
                    <Link to={versionPath(org.slug, spec.id, v.number)} className="link min-w-0 flex-1">
                      {t("spec.version", { number: v.number })}
                    </Link>
                    <span className="text-sm text-slate-600">
                      {v.publishedAt ? t("spec.publishedOn", { day: f.day(v.publishedAt) }) : t("spec.startedOn", { day: f.day(v.createdAt) })}
                    </span>
                    <span className={`rounded px-2 py-1 text-xs font-semibold ${statusStyle[v.status]}`}>{t(`status.${v.status}`)}</span>
                    {previous ? (
                      <Link className="text-sm link" to={diffPath(org.slug, spec.id, previous.number, v.number)}>
                        {t("spec.changesFrom", { number: previous.number })}
                      </Link>
                    ) : null}
                  </li>
                );
              })}
            </ul>
          )}
        </section>
        {org.kind === "IMPORTER" ? (
          <aside className="card h-fit" aria-labelledby="sharing">
            <h2 id="sharing" className="font-semibold">
              {t("share.heading")}
            </h2>
            <p className="mt-1 text-sm text-slate-600">{t("spec.factoriesSeePublished")}</p>
            {shareOptions.filter((o) => o.sharedAt).length === 0 ? <p className="mt-3 text-sm text-slate-600">{t("spec.notShared")}</p> : null}
            <ul className="mt-3 space-y-2">
              {shareOptions
                .filter((o) => o.sharedAt)
                .map((o) => (
                  <li key={o.id} className="flex items-center justify-between gap-2 text-sm" data-testid="shared-factory">
                    <span className="min-w-0 truncate">{o.name}</span>
                    {can.share ? (
                      <ConfirmAction
                        label={t("spec.stopSharing")}
                        question={t("spec.stopSharingQuestion", { title: spec.title, factory: o.name })}
                        confirmLabel={t("spec.stopSharing")}
                        fields={{ intent: "unshare", factoryId: o.id }}
                      />
                    ) : null}
                  </li>
                ))}
            </ul>
            {can.share ? (
              <ShareForm factories={unshared} errors={actionData?.result.error?.factoryIds} className="mt-4 border-t border-slate-100 pt-4" />
            ) : null}
            {can.share && shareOptions.length === 0 ? (
              <p className="mt-3 text-sm text-slate-600">
                {noPartnersBefore}
                <Link className="link" to={partnersPath(org.slug)}>
                  {t("spec.inviteOne")}
                </Link>
                {noPartnersAfter}
              </p>
            ) : null}
          </aside>
        ) : null}
      </div>
    </>
  );
}

/** Where a link goes in a translated sentence. */
const LINK = "\u0000";

export const ErrorBoundary = GeneralErrorBoundary;
