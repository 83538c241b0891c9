import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { SpecPageHeader } from "~/features/specs/ui/spec-page-header.tsx";
import { VersionDiffView } from "~/features/specs/ui/version-diff.tsx";
import { diffVersions } from "~/features/specs/diff.ts";
import { idParam, versionNumberParam } from "~/features/specs/params.server.ts";
import { loadSpec } from "~/features/specs/specs.server.ts";
import { listVersions, loadVersion, toSnapshot } from "~/features/specs/versions.server.ts";
import { requireMembership } from "~/lib/tenant.server.ts";
import { useT } from "~/lib/i18n/translate.ts";
import { pageTitle } from "~/lib/i18n/page-title.ts";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  {
    title: data
      ? pageTitle(matches, "specs", "meta.diff", { title: data.spec.title, from: data.from, to: data.to })
      : pageTitle(matches, "specs", "meta.diffFallback"),
  },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireMembership(request, params.org);
  const spec = await loadSpec(ctx, idParam(params.specId));
  const url = new URL(request.url);
  const versions = await listVersions(ctx, spec.id);
  const newest = versions[0]?.number ?? 1;
  const to = versionNumberParam(url.searchParams.get("to") ?? String(newest));
  const from = versionNumberParam(url.searchParams.get("from") ?? String(Math.max(1, to - 1)));
  // Both versions go through the same read rule: a factory cannot diff against a draft.
  const [a, b] = await Promise.all([loadVersion(ctx, spec, from), loadVersion(ctx, spec, to)]);
  const [before, after] = await Promise.all([toSnapshot(a), toSnapshot(b)]);
  return {
    org: ctx.org,
    spec: { id: spec.id, title: spec.title },
    from,
    to,
    versions: versions.map((v) => v.number),
    // Each version's "what changed and why" between the two, oldest first.
    changeNotes: versions
      .filter((v) => v.number > Math.min(from, to) && v.number <= Math.max(from, to) && v.changeNote)
      .map((v) => ({ number: v.number, note: v.changeNote }))
      .reverse(),
    diff: diffVersions(before, after),
    characteristicsByKey: Object.fromEntries([...before.characteristics, ...after.characteristics].map((c) => [c.key, { number: c.number, name: c.name }])),
  };
}

export default function DiffPage() {
  const { org, spec, from, to, versions, changeNotes, diff, characteristicsByKey } = useLoaderData<typeof loader>();
  const t = useT("specs");
  return (
    <>
      <SpecPageHeader org={org} spec={spec} title={t("diffPage.title", { from, to })} />
      <Form method="get" className="mb-4 flex flex-wrap items-end gap-2">
        {(["from", "to"] as const).map((name) => (
          <div key={name}>
            <label htmlFor={name} className="block text-sm font-medium text-slate-700">
              {name === "from" ? t("diffPage.fromVersion") : t("diffPage.toVersion")}
            </label>
            <select id={name} name={name} defaultValue={name === "from" ? from : to} className="input mt-1 w-auto">
              {versions.map((n) => (
                <option key={n} value={n}>
                  {t("diffPage.versionOption", { number: n })}
                </option>
              ))}
            </select>
          </div>
        ))}
        <button type="submit" className="btn-secondary">
          {t("diffPage.compare")}
        </button>
      </Form>
      {changeNotes.length ? (
        <section className="card mb-4" aria-labelledby="change-notes" data-testid="change-notes">
          <h2 id="change-notes" className="font-semibold">
            {t("diffPage.changeNotes")}
          </h2>
          <dl className="mt-2 space-y-2 text-sm">
            {changeNotes.map((n) => (
              <div key={n.number}>
                <dt className="font-medium text-slate-700">{t("spec.version", { number: n.number })}</dt>
                <dd className="whitespace-pre-line break-words text-slate-800">{n.note}</dd>
              </div>
            ))}
          </dl>
        </section>
      ) : null}
      <div className="card">
        <VersionDiffView diff={diff} fromNumber={from} toNumber={to} characteristicsByKey={characteristicsByKey} summaryHeading />
      </div>
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
