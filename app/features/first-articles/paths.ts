import { withQuery } from "~/lib/query-params.ts";

export const firstArticlesPath = (orgSlug: string, query: { status?: string } = {}) => withQuery(`/${orgSlug}/first-articles`, query);
export const firstArticlePath = (orgSlug: string, id: string, options: { thread?: boolean } = {}) =>
  `/${orgSlug}/first-articles/${id}${options.thread ? "#thread" : ""}`;
/** The form to start one, optionally against a version chosen beforehand. */
export const newFirstArticlePath = (orgSlug: string, versionId?: string) => withQuery(`/${orgSlug}/first-articles/new`, { version: versionId });
export const firstArticleCsvPath = (orgSlug: string, id: string) => `${firstArticlePath(orgSlug, id)}/csv`;
/** Where the grid posts the readings it saves as they are typed (a resource route, outside the router). */
export const firstArticleReadingsPath = (orgSlug: string, id: string) => `${firstArticlePath(orgSlug, id)}/readings`;
