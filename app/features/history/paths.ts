import { withQuery } from "~/lib/query-params.ts";

/** The org's audit log; `query` carries its filters (and `format: "csv"` for the export). */
export const auditLogPath = (orgSlug: string, query: Record<string, string | number | null | undefined> = {}) => withQuery(`/${orgSlug}/audit`, query);
/** The log as CSV, with the same filters. */
export const auditLogCsvPath = (orgSlug: string, query: Record<string, string | number | null | undefined> = {}) => withQuery(`/${orgSlug}/audit/csv`, query);
