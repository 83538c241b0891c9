import { withQuery } from "~/lib/query-params.ts";

export type InspectionListQuery = { status?: string; type?: string; partner?: string; spec?: string; page?: string };

export const inspectionsPath = (orgSlug: string, query: InspectionListQuery = {}) => withQuery(`/${orgSlug}/inspections`, query);
export const inspectionPath = (orgSlug: string, id: string, options: { thread?: boolean; section?: string } = {}) =>
  `/${orgSlug}/inspections/${id}${options.thread ? "#thread" : options.section ? `#${options.section}` : ""}`;
/** The booking form, optionally for a spec chosen beforehand, or as the re-inspection of a rejected lot. */
export const newInspectionPath = (orgSlug: string, query: { spec?: string; reinspectionOf?: string } = {}) =>
  withQuery(`/${orgSlug}/inspections/new`, { spec: query.spec, "reinspection-of": query.reinspectionOf });
export const inspectionReportPath = (orgSlug: string, id: string) => `${inspectionPath(orgSlug, id)}/report`;
export const inspectionCsvPath = (orgSlug: string, id: string) => `${inspectionPath(orgSlug, id)}/csv`;
/** Where the inspecting page posts what it saves as it is typed (a resource route answering JSON). */
export const inspectionSavePath = (orgSlug: string, id: string) => `${inspectionPath(orgSlug, id)}/save`;
/** The importer's sampling choices for one partner factory (and its specs). */
export const samplingSettingsPath = (orgSlug: string, partnershipId: string) => `/${orgSlug}/partners/${partnershipId}/sampling`;
