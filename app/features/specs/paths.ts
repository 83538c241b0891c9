export const specPath = (orgSlug: string, specId: string) => `/${orgSlug}/specs/${specId}`;
export const versionPath = (orgSlug: string, specId: string, number: number) => `/${orgSlug}/specs/${specId}/v/${number}`;
export const diffPath = (orgSlug: string, specId: string, from: number, to: number) => `/${orgSlug}/specs/${specId}/diff?from=${from}&to=${to}`;
