import { getFormProps, type SubmissionResult } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useState } from "react";
import { z } from "zod";
import { AuthLayout } from "~/components/auth-layout.tsx";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { ErrorList, Field, SubmitButton } from "~/components/forms.tsx";
import { useSchemaForm } from "~/components/use-schema-form.ts";
import { acceptMemberInvitation, getInvitationByToken } from "~/features/organizations/invitations.server.ts";
import { acceptPartnerInvitation, listOwnedFactories } from "~/features/partners/partners.server.ts";
import { AcceptPartnerSchema } from "~/features/partners/schemas.ts";
import { replyTo } from "~/lib/action-data.ts";
import { dispatchForm } from "~/lib/actions.server.ts";
import { readForm } from "~/lib/forms.server.ts";
import { notFound } from "~/lib/http.server.ts";
import { getSessionUser, requireUser } from "~/lib/session.server.ts";
import { redirectWithToast } from "~/lib/toast.server.ts";
import { invitationPath, orgPath, signupPath } from "~/features/organizations/paths.ts";
import { partnersPath } from "~/features/partners/paths.ts";
import { loginPath } from "~/lib/login-path.ts";
import { message } from "~/lib/i18n/message.ts";
import { accountTranslator } from "~/lib/i18n/translate.server.ts";
import { useT } from "~/lib/i18n/translate.ts";
import { pageTitle } from "~/lib/i18n/page-title.ts";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "auth", "meta.invitation") }, { name: "referrer", content: "no-referrer" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const invitation = await getInvitationByToken(params.token ?? "");
  if (!invitation) notFound(message("auth", "errors.invitationInvalid"));
  const user = await getSessionUser(request);
  const factories = user && invitation.kind === "PARTNER" ? await listOwnedFactories(user.id) : [];
  return {
    token: params.token!,
    invitation: { kind: invitation.kind, email: invitation.email, role: invitation.role, state: invitation.state, orgName: invitation.org.name },
    user: user ? { email: user.email, name: user.name } : null,
    factories,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const token = params.token ?? "";
  const invitation = await getInvitationByToken(token);
  if (!invitation) notFound(message("auth", "errors.invitationInvalid"));
  const formData = await readForm(request);
  const t = accountTranslator(user, "auth");
  if (invitation.kind === "MEMBER") {
    return dispatchForm(formData, { join: z.object({}) }, async () => {
      const org = await acceptMemberInvitation(token, user);
      return redirectWithToast(orgPath(org.slug), { message: t("toast.welcome", { org: org.name }) });
    });
  }
  return dispatchForm(formData, { accept: AcceptPartnerSchema }, async (choice) => {
    const { factory } = await acceptPartnerInvitation(token, user, choice);
    return redirectWithToast(partnersPath(factory.slug), { message: t("toast.partnerAccepted", { factory: factory.name, importer: invitation.org.name }) });
  });
}

export default function InvitationPage() {
  const { token, invitation, user, factories } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const back = invitationPath(token);
  const t = useT("auth");
  const org = invitation.orgName;
  const title = invitation.kind === "PARTNER" ? t("invitation.partnerTitle", { org }) : t("invitation.memberTitle", { org });

  if (invitation.state !== "valid") {
    return (
      <AuthLayout title={t("invitation.goneTitle")}>
        <p className="text-slate-700">{t(`invitation.gone.${invitation.state}`, { org })}</p>
        {user ? (
          <Link to="/" className="btn-secondary mt-4">
            {t("invitation.dashboard")}
          </Link>
        ) : null}
      </AuthLayout>
    );
  }
  if (!user) {
    return (
      <AuthLayout title={title}>
        <p className="text-slate-700">
          {invitation.kind === "PARTNER" ? t("invitation.partnerBody", { org }) : t("invitation.memberBody", { org, role: invitation.role })}
        </p>
        <div className="mt-6 flex flex-col gap-2 sm:flex-row">
          <Link className="btn-primary" to={signupPath(token)}>
            {t("invitation.createAccount")}
          </Link>
          <Link className="btn-secondary" to={loginPath(back)}>
            {t("invitation.haveAccount")}
          </Link>
        </div>
      </AuthLayout>
    );
  }
  const formError = replyTo(actionData, "join")?.result.error?.[""];
  if (invitation.kind === "MEMBER") {
    return (
      <AuthLayout title={title}>
        <p className="text-slate-700">{t("invitation.joinAs", { role: invitation.role, email: user.email })}</p>
        <Form method="post" className="mt-4 space-y-3">
          <ErrorList errors={formError} />
          <SubmitButton pendingText={t("invitation.joinPending")}>{t("invitation.join")}</SubmitButton>
        </Form>
      </AuthLayout>
    );
  }
  return (
    <AuthLayout title={title}>
      <AcceptPartnerForm factories={factories} lastResult={replyTo(actionData, "accept")?.result} userEmail={user.email} invitationEmail={invitation.email} />
    </AuthLayout>
  );
}

function AcceptPartnerForm({
  factories,
  lastResult,
  userEmail,
  invitationEmail,
}: {
  factories: { id: string; name: string }[];
  lastResult?: SubmissionResult<string[]>;
  userEmail: string;
  invitationEmail: string;
}) {
  const [choice, setChoice] = useState<"new" | "existing">(factories.length ? "existing" : "new");
  const [form, fields] = useSchemaForm(AcceptPartnerSchema, {
    id: "accept-partner",
    lastResult,
    defaultValue: { factory: choice, factoryOrgId: factories[0]?.id },
  });
  const t = useT("auth");
  return (
    <Form method="post" className="space-y-4" {...getFormProps(form)}>
      {userEmail !== invitationEmail ? (
        <p className="rounded-md bg-amber-50 p-3 text-sm text-amber-900">{t("invitation.otherAddress", { invited: invitationEmail, email: userEmail })}</p>
      ) : null}
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-700">{t("invitation.whichFactory")}</legend>
        {factories.length ? (
          <label className="flex items-center gap-2">
            <input type="radio" name={fields.factory.name} value="existing" checked={choice === "existing"} onChange={() => setChoice("existing")} />
            {t("invitation.existingFactory")}
          </label>
        ) : null}
        <label className="flex items-center gap-2">
          <input type="radio" name={fields.factory.name} value="new" checked={choice === "new"} onChange={() => setChoice("new")} />
          {t("invitation.newFactory")}
        </label>
        <ErrorList id={fields.factory.errorId} errors={fields.factory.errors} />
      </fieldset>
      {factories.length ? (
        <div hidden={choice !== "existing"}>
          <label htmlFor={fields.factoryOrgId.id} className="block text-sm font-medium text-slate-700">
            {t("invitation.factory")}
          </label>
          <select id={fields.factoryOrgId.id} name={fields.factoryOrgId.name} defaultValue={factories[0]?.id} className="input mt-1">
            {factories.map((f) => (
              <option key={f.id} value={f.id}>
                {f.name}
              </option>
            ))}
          </select>
          <ErrorList id={fields.factoryOrgId.errorId} errors={fields.factoryOrgId.errors} />
        </div>
      ) : null}
      <div hidden={choice !== "new"}>
        <Field meta={fields.factoryName} label={t("invitation.factoryName")} autoComplete="organization" />
      </div>
      <ErrorList id={form.errorId} errors={form.errors} />
      <SubmitButton pendingText={t("invitation.acceptPending")}>{t("invitation.accept")}</SubmitButton>
    </Form>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
