import { withQuery } from "~/lib/query-params.ts";

export const partnersPath = (orgSlug: string, query: { status?: string } = {}) => withQuery(`/${orgSlug}/partners`, query);
