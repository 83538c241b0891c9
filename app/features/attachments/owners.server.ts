import { canReadCorrectiveAction } from "~/features/corrective-actions/access.server.ts";
import { canReadInspection, canReadInspectionDefect } from "~/features/inspections/access.server.ts";
import { canReadFirstArticle, canReadFirstArticleSeries } from "~/features/first-articles/access.server.ts";
import { canReadSpecFile, canReadVersion } from "~/features/specs/access.server.ts";
import { canReadCommentFiles, registerThreadParent } from "~/features/threads/comments.server.ts";
import { registerAttachmentOwner } from "./attachments.server.ts";

/**
 * How to check a file of each kind of record before it is downloaded. Called
 * by the download route (idempotent), so that no owner type is missing
 * whatever modules happened to load first.
 */
export function registerFileOwners() {
  registerAttachmentOwner("Comment", canReadCommentFiles);
  registerAttachmentOwner("SpecVersion", canReadSpecFile);
  registerThreadParent("SpecVersion", (ctx, thread) => canReadVersion(ctx, thread.id));
  registerAttachmentOwner("FirstArticle", canReadFirstArticle);
  registerThreadParent("FirstArticle", (ctx, thread) => canReadFirstArticleSeries(ctx, thread.id));
  registerAttachmentOwner("CorrectiveAction", canReadCorrectiveAction);
  registerThreadParent("CorrectiveAction", (ctx, thread) => canReadCorrectiveAction(ctx, thread.id));
  registerAttachmentOwner("Inspection", canReadInspection);
  registerAttachmentOwner("InspectionDefect", canReadInspectionDefect);
  registerThreadParent("Inspection", (ctx, thread) => canReadInspection(ctx, thread.id));
}
