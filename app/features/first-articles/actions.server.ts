import { data, redirect } from "@remix-run/node";
import { receiveUploads } from "~/features/attachments/uploads.server.ts";
import { handleThreadIntent } from "~/features/threads/comments.server.ts";
import { isThreadIntent } from "~/features/threads/thread.ts";
import { asSubject } from "~/lib/ability.ts";
import { ensureCan } from "~/lib/authorize.server.ts";
import { parseSubmission, readForm } from "~/lib/forms.server.ts";
import { UserError } from "~/lib/errors.ts";
import type { TenantContext } from "~/lib/tenant.server.ts";
import { redirectWithToast } from "~/lib/toast.server.ts";
import { parseCsv } from "./csv.ts";
import type { LoadedFirstArticle } from "./first-articles.server.ts";
import { readingsOf } from "./first-articles.server.ts";
import { readingsFromForm } from "./judge.ts";
import { characteristicsOf, faThread } from "./page.server.ts";
import { DecideSchema, FirstArticleHeaderSchema } from "./schemas.ts";
import { decideFirstArticle, saveReadings, startNextRound, submitFirstArticle } from "./workflow.server.ts";
import { firstArticlePath } from "./paths.ts";

const CSV_LIMIT = 1024 * 1024;

// What the page gets back when something is refused: the message(s), the
// readings as typed (so nothing is lost), and for a refused submission each
// problem with the cell it points at.
export type FaActionData = {
  intent: string;
  errors: string[];
  fieldErrors?: Record<string, string[]>;
  readings?: Record<string, string[]>;
  problems?: { message: string; cellId?: string }[];
  newerVersionId?: string | null;
  thread?: unknown;
  /** A refused decision's note, decision and `finding.*` reasons as typed, for the form to show again. */
  values?: Record<string, string>;
};

const refuse = (body: FaActionData, status: number) => data(body, { status });

/** The first-article page's actions, one per intent. */
export async function handleFirstArticleAction(request: Request, ctx: TenantContext, fa: LoadedFirstArticle) {
  const here = firstArticlePath(ctx.org.slug, fa.id);
  const url = new URL(request.url);
  const characteristics = await characteristicsOf(fa);
  try {
    // Multipart forms carry files; which one is named in the URL, since the body is read only once.
    if (url.searchParams.get("upload") === "files") {
      ensureCan(ctx.ability, "update", asSubject("FirstArticle", fa), "Files can be added while the first article is a draft, by its factory.", "attachments");
      const { attachments } = await receiveUploads(request, ctx, { fields: ["files"], ownerType: "FirstArticle", ownerId: fa.id, maxFiles: 20 });
      const count = Object.values(attachments).flat().length;
      if (!count) return refuse({ intent: "upload", errors: ["Choose at least one file."] }, 400);
      return redirectWithToast(here, { message: `${count} file${count === 1 ? "" : "s"} added.` });
    }
    if (url.searchParams.get("upload") === "csv") {
      ensureCan(
        ctx.ability,
        "update",
        asSubject("FirstArticle", fa),
        "Readings can be imported while the first article is a draft, by its factory.",
        "measurements",
      );
      const form = await readForm(request, CSV_LIMIT + 64 * 1024);
      const file = form.get("csv");
      if (!(file instanceof File) || file.size === 0) return refuse({ intent: "csv", errors: ["Choose a CSV file to import."] }, 400);
      if (file.size > CSV_LIMIT) return refuse({ intent: "csv", errors: ["The CSV file is larger than 1 MB."] }, 413);
      const parsed = parseCsv(await file.text(), characteristics, fa.sampleCount);
      if (parsed.errors.length) return refuse({ intent: "csv", errors: parsed.errors.slice(0, 20) }, 400);
      // Imported readings fill the grid; cells the file leaves empty keep what was there.
      const merged = readingsOf(fa);
      for (const [key, values] of Object.entries(parsed.readings)) {
        merged[key] = Array.from({ length: fa.sampleCount }, (_, i) => values[i] || merged[key]?.[i] || "");
      }
      await saveReadings(ctx, fa, characteristics, merged);
      return redirectWithToast(here, {
        message: `Imported readings for ${parsed.matched} characteristic${parsed.matched === 1 ? "" : "s"}. Check them, then submit.`,
      });
    }
    const form = await readForm(request, 512 * 1024);
    const intent = String(form.get("intent") ?? "");
    if (isThreadIntent(form)) {
      const outcome = await handleThreadIntent(ctx, faThread(fa), form, {
        link: (org) => firstArticlePath(org.slug, fa.id, { thread: true }),
        title: `first article PO ${fa.poNumber}, round ${fa.round}`,
      });
      if (!outcome.ok) return refuse({ intent, errors: [], thread: outcome }, outcome.status);
      return redirectWithToast(firstArticlePath(ctx.org.slug, fa.id, { thread: true }), {
        message: outcome.intent === "comment" ? "Comment posted." : "Comment updated.",
      });
    }
    if (intent === "save" || intent === "submit") {
      // The role and the state decide first: a forbidden write is a 403 whatever the fields hold.
      ensureCan(
        ctx.ability,
        "update",
        asSubject("FirstArticle", fa),
        fa.status === "DRAFT" ? "Your role cannot record readings." : "This first article was submitted and can no longer change.",
        "measurements",
      );
      if (intent === "submit") ensureCan(ctx.ability, "submit", asSubject("FirstArticle", fa), "Only owners and quality leads submit first articles.");
      const readings = readingsFromForm(form, characteristics, fa.sampleCount);
      const header = parseSubmission(form, FirstArticleHeaderSchema, { extraFields: ["intent", "m.*"] });
      if (header.status !== "success") {
        const fieldErrors = header.reply().error ?? {};
        return refuse({ intent, errors: ["Check the fields marked below."], fieldErrors: fieldErrors as Record<string, string[]>, readings }, 400);
      }
      if (header.value.sampleCount < fa.sampleCount && characteristics.some((c) => (readings[c.key] ?? []).slice(header.value.sampleCount).some(Boolean))) {
        return refuse({ intent, errors: ["Fewer samples would drop readings you entered. Clear those columns first."], readings }, 400);
      }
      await saveReadings(ctx, fa, characteristics, readings, header.value);
      if (intent === "save") return redirectWithToast(here, { message: "Saved." });
      // Submitting after the save: a refused submission keeps everything just saved.
      const outcome = await submitFirstArticle(ctx, { ...fa, sampleCount: header.value.sampleCount, revision: fa.revision + 1 }, characteristics, readings);
      if (!outcome.ok) {
        return refuse(
          {
            intent,
            errors: [`Not submitted: ${outcome.problems.length} thing${outcome.problems.length === 1 ? "" : "s"} to fix.`],
            problems: outcome.problems,
            readings,
            newerVersionId: outcome.newerVersion?.versionId ?? null,
          },
          422,
        );
      }
      return redirectWithToast(here, { message: "Submitted. The importer has been emailed." });
    }
    if (intent === "decide") {
      ensureCan(
        ctx.ability,
        "decide",
        asSubject("FirstArticle", fa),
        fa.status === "SUBMITTED" ? "Only owners and quality leads decide first articles." : "This first article has already been decided.",
        "status",
      );
      // Reasons arrive as `finding.<characteristic key>` fields, one per failing characteristic.
      const findings = Object.fromEntries([...form].filter(([k]) => k.startsWith("finding.")).map(([k, v]) => [k.slice("finding.".length), String(v)]));
      const parsed = DecideSchema.safeParse({
        intent,
        decision: form.get("decision") ?? undefined,
        note: form.get("note") ?? undefined,
        revision: form.get("revision"),
        findings,
      });
      if (!parsed.success) {
        const values = Object.fromEntries(
          [...form].filter(([k, v]) => typeof v === "string" && (k === "note" || k === "decision" || k.startsWith("finding."))) as [string, string][],
        );
        return refuse({ intent, errors: parsed.error.issues.map((i) => i.message), values }, 400);
      }
      await decideFirstArticle(ctx, fa, characteristics, parsed.data);
      return redirectWithToast(here, { message: "Decision recorded. The factory has been emailed." });
    }
    if (intent === "next-round") {
      const next = await startNextRound(ctx, fa);
      throw redirect(firstArticlePath(ctx.org.slug, next.id));
    }
    return refuse({ intent, errors: ["Unknown action."] }, 400);
  } catch (error) {
    if (error instanceof UserError) return refuse({ intent: "", errors: [error.message] }, error.status);
    throw error;
  }
}
