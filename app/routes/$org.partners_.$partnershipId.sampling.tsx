import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { PageHeader } from "~/components/app-shell.tsx";
import { Breadcrumb } from "~/components/breadcrumb.tsx";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { samplingSettingsPath } from "~/features/inspections/paths.ts";
import { SamplingSettingsSchema } from "~/features/inspections/sampling-settings.ts";
import {
  ensureMayChangeSettings,
  loadSamplingSettingsPage,
  loadSettingsPartnership,
  removeSpecSettings,
  saveSamplingSettings,
} from "~/features/inspections/sampling-settings.server.ts";
import { resumeSampling } from "~/features/inspections/switching.server.ts";
import { SamplingSettingsForm, SpecSamplingList } from "~/features/inspections/ui/sampling-settings.tsx";
import { partnersPath } from "~/features/partners/paths.ts";
import { idParam } from "~/features/specs/params.server.ts";
import { replyTo } from "~/lib/action-data.ts";
import { dispatchIntents, typedValues } from "~/lib/actions.server.ts";
import { FormAlert } from "~/components/form-alert.tsx";
import { readForm } from "~/lib/forms.server.ts";
import { useT } from "~/lib/i18n/translate.ts";
import { dataTitle, pageTitle } from "~/lib/i18n/page-title.ts";
import { accountTranslator } from "~/lib/i18n/translate.server.ts";
import { requireMembership } from "~/lib/tenant.server.ts";
import { redirectWithToast } from "~/lib/toast.server.ts";
import { withQuery } from "~/lib/query-params.ts";

const SpecOnly = z.object({ specId: z.string().min(1).max(64) });

const SETTINGS_INTENTS = {
  "save-defaults": SamplingSettingsSchema,
  "save-spec": SamplingSettingsSchema,
  "remove-spec": SpecOnly,
  resume: SpecOnly,
};

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: data ? dataTitle(data.partnership.factory) : pageTitle(matches, "lotDecisions", "settings.meta") },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireMembership(request, params.org);
  const partnership = await loadSettingsPartnership(ctx, idParam(params.partnershipId));
  const spec = new URL(request.url).searchParams.get("spec");
  return { org: ctx.org, ...(await loadSamplingSettingsPage(ctx, partnership, spec)) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const ctx = await requireMembership(request, params.org);
  // Another tenant's partnership, or a factory: 404 before anything else.
  const partnership = await loadSettingsPartnership(ctx, idParam(params.partnershipId));
  const form = await readForm(request);
  const t = accountTranslator(ctx.user, "lotDecisions");
  const here = samplingSettingsPath(ctx.org.slug, partnership.id);
  const typed = () => ({ typed: typedValues(form, (name) => name !== "intent") });
  return dispatchIntents(
    form,
    SETTINGS_INTENTS,
    {
      "save-defaults": async (input) => {
        await saveSamplingSettings(ctx, partnership, input);
        return redirectWithToast(here, { message: t("settings.toast.savedDefaults") });
      },
      "save-spec": async (input, { refuse }) => {
        if (!input.specId) return refuse(400, { formErrors: [t("errors.specNotShared")] });
        await saveSamplingSettings(ctx, partnership, input, input.specId);
        return redirectWithToast(here, { message: t("settings.toast.savedSpec") });
      },
      "remove-spec": async ({ specId }) => {
        await removeSpecSettings(ctx, partnership, specId);
        return redirectWithToast(here, { message: t("settings.toast.removed") });
      },
      resume: async ({ specId }) => {
        await resumeSampling(ctx, partnership.id, specId);
        return redirectWithToast(here, { message: t("settings.toast.resumed") });
      },
    },
    {
      authorize: {
        "save-defaults": () => ensureMayChangeSettings(ctx),
        "save-spec": () => ensureMayChangeSettings(ctx),
        "remove-spec": () => ensureMayChangeSettings(ctx),
      },
      extras: { "save-defaults": typed, "save-spec": typed },
    },
  );
}

export default function SamplingSettingsPage() {
  const { org, partnership, canEdit, defaults, specs, selected } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT("lotDecisions");
  const here = samplingSettingsPath(org.slug, partnership.id);
  const defaultsReply = replyTo(actionData, "save-defaults");
  const specReply = replyTo(actionData, "save-spec");
  const listReply = replyTo(actionData, "remove-spec", "resume");
  return (
    <>
      <Breadcrumb links={[{ to: partnersPath(org.slug), label: t("settings.breadcrumb") }]} />
      <PageHeader title={t("settings.title", { factory: partnership.factory })} description={t("settings.description")} />
      {canEdit ? null : <p className="mb-4 text-sm text-slate-600">{t("settings.readOnly")}</p>}
      <div className="grid gap-6 lg:grid-cols-2">
        <section className="card min-w-0" aria-labelledby="defaults-heading">
          <h2 id="defaults-heading" className="font-semibold">
            {t("settings.defaultsHeading")}
          </h2>
          <p className="mb-3 mt-1 text-sm text-slate-600">{defaults.own ? t("settings.defaultsOwn") : t("settings.defaultsStandard")}</p>
          <SamplingSettingsForm
            id="save-defaults"
            intent="save-defaults"
            values={defaults.values}
            typed={defaultsReply?.typed}
            reply={defaultsReply?.result}
            readOnly={!canEdit}
          />
        </section>
        <section className="min-w-0 space-y-4" aria-labelledby="specs-heading">
          <h2 id="specs-heading" className="font-semibold">
            {t("settings.specsHeading")}
          </h2>
          <FormAlert messages={listReply?.result.error?.[""]} />
          <SpecSamplingList specs={specs} canEdit={canEdit} editPath={(specId) => `${withQuery(here, { spec: specId })}#save-spec`} />
          {selected && canEdit ? (
            <div className="card" aria-labelledby="spec-heading">
              <h3 id="spec-heading" className="font-semibold">
                {t("settings.specHeading", { title: selected.title })}
              </h3>
              <SamplingSettingsForm
                key={selected.id}
                id="save-spec"
                intent="save-spec"
                specId={selected.id}
                values={selected.values}
                typed={specReply?.typed}
                reply={specReply?.result}
                readOnly={false}
              />
            </div>
          ) : null}
        </section>
      </div>
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
