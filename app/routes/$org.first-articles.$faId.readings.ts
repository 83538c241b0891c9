import type { ActionFunctionArgs } from "@remix-run/node";
import { saveReadingsAsTyped } from "~/features/first-articles/autosave.server.ts";
import { loadFirstArticle } from "~/features/first-articles/first-articles.server.ts";
import { idParam } from "~/features/specs/params.server.ts";
import { jsonAnswer } from "~/lib/http.server.ts";
import { requireMembership } from "~/lib/tenant.server.ts";

// The grid's autosave posts here with its own fetch: an answer the router never waits on cannot
// cut short a navigation the page makes meanwhile (an upload, a submission) or swallow its toast.
export async function action({ request, params }: ActionFunctionArgs) {
  return jsonAnswer(async () => {
    const ctx = await requireMembership(request, params.org);
    const fa = await loadFirstArticle(ctx, idParam(params.faId));
    return saveReadingsAsTyped(request, ctx, fa);
  });
}
