export const scorecardPath = (orgSlug: string, partnerId: string) => `/${orgSlug}/scorecards/${partnerId}`;
/** The CSV of a period, given as its first and last day (YYYY-MM-DD). */
export const scorecardCsvPath = (orgSlug: string, partnerId: string, period: { from: string; to: string }) =>
  `${scorecardPath(orgSlug, partnerId)}/csv?${new URLSearchParams(period)}`;
