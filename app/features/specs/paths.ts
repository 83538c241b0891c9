import { withQuery } from "~/lib/query-params.ts";

export const specsPath = (orgSlug: string, query: { filter?: string } = {}) => withQuery(`/${orgSlug}/specs`, query);
export const specPath = (orgSlug: string, specId: string) => `/${orgSlug}/specs/${specId}`;

/** A version's page; an importer reads one factory's acknowledgement and thread there (`factoryId`). */
export const versionPath = (orgSlug: string, specId: string, number: number, options: { factoryId?: string; thread?: boolean } = {}) =>
  `${withQuery(`/${orgSlug}/specs/${specId}/v/${number}`, { factory: options.factoryId })}${options.thread ? "#thread" : ""}`;
export const versionEditPath = (orgSlug: string, specId: string, number: number) => `${versionPath(orgSlug, specId, number)}/edit`;
export const diffPath = (orgSlug: string, specId: string, from: number, to: number) => `/${orgSlug}/specs/${specId}/diff?from=${from}&to=${to}`;
