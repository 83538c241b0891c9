import { withQuery } from "~/lib/query-params.ts";

export const correctiveActionsPath = (orgSlug: string, query: { status?: string; partner?: string; overdue?: boolean } = {}) =>
  withQuery(`/${orgSlug}/corrective-actions`, { status: query.status, partner: query.partner, overdue: query.overdue && "1" });
export const correctiveActionPath = (orgSlug: string, id: string, options: { thread?: boolean } = {}) =>
  `/${orgSlug}/corrective-actions/${id}${options.thread ? "#thread" : ""}`;
/** The form to open one, optionally from a rejected first article or a rejected inspection. */
export const newCorrectiveActionPath = (orgSlug: string, firstArticleId?: string, inspectionId?: string) =>
  withQuery(`/${orgSlug}/corrective-actions/new`, { firstArticle: firstArticleId, inspection: inspectionId });
