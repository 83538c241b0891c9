import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { Form } from "@remix-run/react";
import type { z } from "zod";
import { ErrorList, Field, SelectField, SubmitButton } from "~/components/forms.tsx";
import { LANGUAGE_NAMES, LANGUAGES } from "~/lib/i18n/languages.ts";
import { useT } from "~/lib/i18n/translate.ts";

type Options = readonly { value: string; label: string }[];

// Each language of the email under its own name, in every language of the page.
const localeOptions = LANGUAGES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }));

/**
 * The form that emails an invitation (intent "invite"): the address, the role when the
 * invitation is to join this org, and the language of the email.
 */
export function InvitationForm({
  formId,
  schema,
  emailLabel,
  roles,
  lastResult,
}: {
  formId: string;
  schema: z.ZodTypeAny;
  emailLabel: string;
  roles?: { options: Options; initial: string };
  lastResult?: SubmissionResult<string[]>;
}) {
  const t = useT("members");
  const [form, fields] = useForm<{ email: string; role: string; locale: string }>({
    id: formId,
    lastResult,
    constraint: getZodConstraint(schema),
    defaultValue: { ...(roles ? { role: roles.initial } : {}), locale: "en" },
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  return (
    <Form method="post" className="mt-3 space-y-3" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="invite" />
      <Field meta={fields.email} label={emailLabel} type="email" autoComplete="off" />
      {roles ? <SelectField meta={fields.role} label={t("form.role")} options={roles.options} /> : null}
      <SelectField meta={fields.locale} label={t("form.emailLanguage")} options={localeOptions} />
      <ErrorList id={form.errorId} errors={form.errors} />
      <SubmitButton pendingText={t("form.sending")}>{t("form.send")}</SubmitButton>
    </Form>
  );
}
