import type { loadInspectionPage } from "../page.server.ts";

type Page = Awaited<ReturnType<typeof loadInspectionPage>>;

/** The inspection page's decision part (placeholder until the part is built). */
export function LotDecisionPanel(_props: { page: Page; orgSlug: string; actionData: unknown }) {
  return null;
}
