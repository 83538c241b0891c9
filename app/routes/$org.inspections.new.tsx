import { getFormProps, getInputProps, getSelectProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { EmptyState, PageHeader } from "~/components/app-shell.tsx";
import { Breadcrumb } from "~/components/breadcrumb.tsx";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { ErrorList, Field, SubmitButton } from "~/components/forms.tsx";
import { useSchemaForm } from "~/components/use-schema-form.ts";
import { bookableSpecs, bookInspection, ensureCanBook, refusingAtFields, reinspectionDraft } from "~/features/inspections/booking.server.ts";
import { inspectionPath, inspectionsPath } from "~/features/inspections/paths.ts";
import { BOOKABLE_TYPES, BookInspectionSchema, INSPECTOR_SIDES } from "~/features/inspections/schemas.ts";
import { dispatchForm } from "~/lib/actions.server.ts";
import { HOUR_MS, isoDay } from "~/lib/dates.ts";
import { readForm } from "~/lib/forms.server.ts";
import { useFormat } from "~/lib/use-format.ts";
import { pageTitle } from "~/lib/i18n/page-title.ts";
import { useT } from "~/lib/i18n/translate.ts";
import { accountTranslator } from "~/lib/i18n/translate.server.ts";
import { idQuery } from "~/lib/query-params.ts";
import { requireMembership } from "~/lib/tenant.server.ts";
import { redirectWithToast } from "~/lib/toast.server.ts";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "inspections", "meta.new") }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireMembership(request, params.org);
  ensureCanBook(ctx);
  const url = new URL(request.url);
  const originalId = idQuery(url, "reinspection-of");
  // The browser's hint only: the day it is in the zone furthest behind (UTC−12). The server checks the inspecting side's own day.
  const earliestDay = isoDay(new Date(Date.now() - 12 * HOUR_MS));
  if (originalId) {
    return {
      org: ctx.org,
      specs: [] as Awaited<ReturnType<typeof bookableSpecs>>,
      preselected: "",
      reinspection: await reinspectionDraft(ctx, originalId),
      earliestDay,
    };
  }
  const specs = await bookableSpecs(ctx);
  const wanted = idQuery(url, "spec");
  return { org: ctx.org, specs, preselected: specs.some((s) => s.specId === wanted) ? wanted! : "", reinspection: null, earliestDay };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const ctx = await requireMembership(request, params.org);
  ensureCanBook(ctx);
  return dispatchForm(await readForm(request), { book: BookInspectionSchema }, (input, form) =>
    refusingAtFields(form, async () => {
      const { inspection, emailed } = await bookInspection(ctx, input);
      return redirectWithToast(inspectionPath(ctx.org.slug, inspection.id), {
        message: accountTranslator(ctx.user, "inspections")("toast.booked", { emailed }),
      });
    }),
  );
}

export default function NewInspection() {
  const t = useT("inspections");
  const format = useFormat();
  const { org, specs, preselected, reinspection, earliestDay } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const importer = org.kind === "IMPORTER";
  const first = specs.find((s) => s.specId === preselected) ?? specs[0];
  const [form, fields] = useSchemaForm(BookInspectionSchema, {
    id: "book-inspection",
    lastResult: actionData?.result,
    defaultValue: reinspection
      ? {
          specId: reinspection.specId,
          factoryId: reinspection.factoryId,
          reinspectionOfId: reinspection.id,
          type: "RE_INSPECTION",
          poNumber: reinspection.poNumber,
          orderQuantity: String(reinspection.orderQuantity),
          lotSize: String(reinspection.lotSize),
          inspectedBy: reinspection.inspectedBy,
        }
      : {
          specId: first?.specId,
          factoryId: importer ? first?.factories[0]?.factoryId : "",
          type: "PRE_SHIPMENT",
          inspectedBy: importer ? "IMPORTER" : "FACTORY",
        },
  });
  const chosen = specs.find((s) => s.specId === (fields.specId.value ?? first?.specId));
  const factories = importer ? [...new Map(specs.flatMap((s) => s.factories).map((f) => [f.factoryId, f])).values()] : [];
  const shownFactories = chosen ? chosen.factories : factories;
  const breadcrumb = <Breadcrumb links={[{ to: inspectionsPath(org.slug), label: t("page.breadcrumbList") }]} />;
  if (!reinspection && specs.length === 0) {
    return (
      <>
        {breadcrumb}
        <PageHeader title={t("new.title")} description={t("new.description")} />
        <EmptyState title={t("new.emptyTitle")}>{importer ? t("new.emptyImporter") : t("new.emptyFactory")}</EmptyState>
      </>
    );
  }
  return (
    <>
      {breadcrumb}
      <PageHeader title={reinspection ? t("new.titleReinspection") : t("new.title")} description={t("new.description")} />
      <Form method="post" className="card max-w-2xl space-y-4" {...getFormProps(form)}>
        {reinspection ? (
          <>
            <input type="hidden" name="specId" value={reinspection.specId} />
            <input type="hidden" name="factoryId" value={reinspection.factoryId} />
            <input type="hidden" name="reinspectionOfId" value={reinspection.id} />
            <input type="hidden" name="type" value="RE_INSPECTION" />
            <input type="hidden" name="lotSize" value={reinspection.lotSize} />
            <div className="rounded-md bg-sky-50 p-3 text-sm text-sky-900" data-testid="reinspection-of">
              <p>
                {t("new.reinspectionOf", { title: reinspection.title, code: reinspection.productCode, number: reinspection.number, po: reinspection.poNumber })}
              </p>
              <p className="mt-1">
                {t("new.samePlan", { lot: format.count(reinspection.lotSize), sample: format.count(reinspection.sampleSize) })}{" "}
                <Link className="link" to={inspectionPath(org.slug, reinspection.id)}>
                  {t("new.originalLink")}
                </Link>
              </p>
            </div>
            <ErrorList id={fields.lotSize.errorId} errors={fields.lotSize.errors} />
          </>
        ) : (
          <>
            <div>
              <label htmlFor={fields.specId.id} className="block text-sm font-medium text-slate-700">
                {t("new.specification")}
              </label>
              <select {...getSelectProps(fields.specId)} className="input mt-1">
                {specs.map((s) => (
                  <option key={s.specId} value={s.specId}>
                    {importer
                      ? t("new.specOption", { title: s.title, code: s.productCode, number: s.number })
                      : t("new.specOptionFactory", { title: s.title, code: s.productCode, number: s.number, importer: s.importerName })}
                  </option>
                ))}
              </select>
              <p className="mt-1 text-xs text-slate-500">{t("new.specHint")}</p>
              <ErrorList id={fields.specId.errorId} errors={fields.specId.errors} />
            </div>
            {importer ? (
              <div>
                <label htmlFor={fields.factoryId.id} className="block text-sm font-medium text-slate-700">
                  {t("new.factory")}
                </label>
                <select {...getSelectProps(fields.factoryId)} className="input mt-1">
                  {shownFactories.map((f) => (
                    <option key={f.factoryId} value={f.factoryId}>
                      {f.name}
                    </option>
                  ))}
                </select>
                <ErrorList id={fields.factoryId.errorId} errors={fields.factoryId.errors} />
              </div>
            ) : null}
            <fieldset>
              <legend className="block text-sm font-medium text-slate-700">{t("new.type")}</legend>
              <div className="mt-1 flex flex-wrap gap-2">
                {BOOKABLE_TYPES.map((type) => (
                  <label
                    key={type}
                    className="flex min-h-11 cursor-pointer items-center gap-2 rounded-md border border-slate-300 px-3 py-2 text-sm sm:min-h-0 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50"
                  >
                    <input type="radio" name={fields.type.name} value={type} defaultChecked={fields.type.initialValue === type} />
                    {t(`type.${type}`)}
                  </label>
                ))}
              </div>
              <ErrorList id={fields.type.errorId} errors={fields.type.errors} />
            </fieldset>
          </>
        )}
        <div className="grid gap-4 sm:grid-cols-2">
          <Field meta={fields.poNumber} label={t("new.poNumber")} />
          <Field meta={fields.orderQuantity} label={t("new.orderQuantity")} type="number" />
          {reinspection ? null : <Field meta={fields.lotSize} label={t("new.lotSize")} type="number" hint={t("new.lotSizeHint")} />}
          <div>
            <label htmlFor={fields.proposedDate.id} className="block text-sm font-medium text-slate-700">
              {t("new.proposedDate")}
            </label>
            <input {...getInputProps(fields.proposedDate, { type: "date" })} min={earliestDay} className="input mt-1" />
            <ErrorList id={fields.proposedDate.errorId} errors={fields.proposedDate.errors} />
          </div>
          <div>
            <label htmlFor={fields.expectedShipDate.id} className="block text-sm font-medium text-slate-700">
              {t("new.expectedShipDate")}
            </label>
            <input {...getInputProps(fields.expectedShipDate, { type: "date" })} min={earliestDay} className="input mt-1" />
            <ErrorList id={fields.expectedShipDate.errorId} errors={fields.expectedShipDate.errors} />
          </div>
        </div>
        <fieldset>
          <legend className="block text-sm font-medium text-slate-700">{t("new.inspectedBy")}</legend>
          <div className="mt-1 flex flex-wrap gap-2">
            {INSPECTOR_SIDES.map((side) => (
              <label
                key={side}
                className="flex min-h-11 cursor-pointer items-center gap-2 rounded-md border border-slate-300 px-3 py-2 text-sm sm:min-h-0 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50"
              >
                <input type="radio" name={fields.inspectedBy.name} value={side} defaultChecked={fields.inspectedBy.initialValue === side} />
                {side === "FACTORY" ? t("new.inspectedByFactory") : t("new.inspectedByImporter")}
              </label>
            ))}
          </div>
          <ErrorList id={fields.inspectedBy.errorId} errors={fields.inspectedBy.errors} />
        </fieldset>
        <ErrorList id={form.errorId} errors={form.errors} />
        <SubmitButton pendingText={t("new.booking")}>{t("new.book")}</SubmitButton>
      </Form>
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
