import { getFormProps, getTextareaProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { PageHeader } from "~/components/app-shell.tsx";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { ErrorList, Field, SubmitButton } from "~/components/forms.tsx";
import { SpecSchema } from "~/features/specs/schemas.ts";
import { createSpec, ensureCanCreateSpec } from "~/features/specs/specs.server.ts";
import { versionEditPath } from "~/features/specs/paths.ts";
import { parseForm } from "~/lib/forms.server.ts";
import { attempt } from "~/lib/route-errors.server.ts";
import { requireMembership } from "~/lib/tenant.server.ts";
import { redirectWithToast } from "~/lib/toast.server.ts";

export const meta: MetaFunction = () => [{ title: "New specification · Supplier Portal" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireMembership(request, params.org);
  ensureCanCreateSpec(ctx);
  return null;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const ctx = await requireMembership(request, params.org);
  ensureCanCreateSpec(ctx);
  const { submission } = await parseForm(request, SpecSchema);
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const outcome = await attempt(() => createSpec(ctx, submission.value), submission.reply);
  if (!outcome.ok) return outcome.response;
  return redirectWithToast(versionEditPath(ctx.org.slug, outcome.value.id, 1), {
    message: "Specification created. Add its characteristics, then publish.",
  });
}

export default function NewSpec() {
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "new-spec",
    lastResult: actionData?.result,
    constraint: getZodConstraint(SpecSchema),
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: SpecSchema }),
  });
  return (
    <>
      <PageHeader title="New specification" description="Start with the basics; you add characteristics, materials and drawings next." />
      <Form method="post" className="card max-w-2xl space-y-4" {...getFormProps(form)}>
        <Field meta={fields.title} label="Title" placeholder="Stoneware mug 350 ml" />
        <Field meta={fields.productCode} label="Product code" placeholder="MUG-350" />
        <div>
          <label htmlFor={fields.description.id} className="block text-sm font-medium text-slate-700">
            Description
          </label>
          <textarea {...getTextareaProps(fields.description)} rows={4} className="input mt-1" />
          <ErrorList id={fields.description.errorId} errors={fields.description.errors} />
        </div>
        <ErrorList id={form.errorId} errors={form.errors} />
        <SubmitButton pendingText="Creating…">Create specification</SubmitButton>
      </Form>
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
