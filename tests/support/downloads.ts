// A file read through its route as a signed-in member would (membership, then the record's
// read rule): the Response, or the refusal's status as an empty Response.
import type { LoaderFunctionArgs } from "@remix-run/node";
import * as filesRoute from "~/routes/$org.files.$attachmentId.tsx";
import { APP } from "./routes.ts";

export async function downloadAs(who: { org: { slug: string }; cookie: string }, attachmentId: string): Promise<Response> {
  const request = new Request(`${APP}/${who.org.slug}/files/${attachmentId}`, { headers: { Cookie: who.cookie } });
  try {
    return (await filesRoute.loader({ request, params: { org: who.org.slug, attachmentId }, context: {} } as LoaderFunctionArgs)) as Response;
  } catch (thrown) {
    const value = thrown as { type?: string; init?: ResponseInit | null };
    if (value?.type === "DataWithResponseInit") return new Response(null, { status: value.init?.status ?? 500 });
    throw thrown;
  }
}
