import type { loadInspectionPage } from "../page.server.ts";

type Page = Awaited<ReturnType<typeof loadInspectionPage>>;

/** The inspection page's booking part (placeholder until the part is built). */
export function BookingPanel(_props: { page: Page; orgSlug: string; actionData: unknown }) {
  return null;
}
