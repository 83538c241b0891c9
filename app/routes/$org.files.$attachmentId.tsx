// Files are served only through here: membership first, then the attachment's
// own read check, with headers that keep a browser from treating an upload as
// a page of this site.
import type { LoaderFunctionArgs } from "@remix-run/node";
// Registers every owner type's read check before the first download.
import { registerFileOwners } from "~/features/attachments/owners.server.ts";
import { downloadHeaders, getAttachmentForDownload, isNotModified, openAttachmentStream } from "~/features/attachments/attachments.server.ts";
import { requireMembership } from "~/lib/tenant.server.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireMembership(request, params.org);
  registerFileOwners();
  const attachment = await getAttachmentForDownload(ctx, params.attachmentId);
  const headers = downloadHeaders(attachment, { download: new URL(request.url).searchParams.has("download") });
  if (isNotModified(request, attachment.sha256)) {
    headers.delete("Content-Length");
    return new Response(null, { status: 304, headers });
  }
  return new Response(await openAttachmentStream(attachment), { headers });
}
