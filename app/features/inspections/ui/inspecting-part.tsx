import type { loadInspectionPage } from "../page.server.ts";

type Page = Awaited<ReturnType<typeof loadInspectionPage>>;

/** The inspection page's inspecting part (placeholder until the part is built). */
export function InspectingSections(_props: { page: Page; orgSlug: string; actionData: unknown }) {
  return null;
}
