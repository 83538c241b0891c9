import type { ComponentProps } from "react";
import { PageHeader } from "~/components/app-shell.tsx";
import { Breadcrumb } from "~/components/breadcrumb.tsx";
import { specPath } from "~/features/specs/paths.ts";

/** The header of every page under one specification (a version, its editor, a comparison): the way back to the spec, then the page's own title. */
export function SpecPageHeader({ org, spec, ...header }: { org: { slug: string }; spec: { id: string; title: string } } & ComponentProps<typeof PageHeader>) {
  return (
    <>
      <Breadcrumb links={[{ to: specPath(org.slug, spec.id), label: spec.title }]} />
      <PageHeader {...header} />
    </>
  );
}
