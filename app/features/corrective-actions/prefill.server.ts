import { loadFirstArticle, readingsOf } from "~/features/first-articles/first-articles.server.ts";
import { failReason, summarizeRow } from "~/features/first-articles/judge.ts";
import { loadMeasuredVersion } from "~/features/first-articles/page.server.ts";
import { accountLanguage, accountTranslator } from "~/lib/i18n/translate.server.ts";
import type { TenantContext } from "~/lib/tenant.server.ts";

/** A problem description drafted from a rejected first article: the spec, the failing characteristics and their readings. */
export async function prefillFromFirstArticle(ctx: TenantContext, firstArticleId: string) {
  const fa = await loadFirstArticle(ctx, firstArticleId);
  const { characteristics, spec } = await loadMeasuredVersion(fa);
  const readings = readingsOf(fa);
  const judge = accountTranslator(ctx.user, "firstArticles");
  const specs = accountTranslator(ctx.user, "specs");
  const lines = characteristics.flatMap((c) => {
    const raws = readings[c.key] ?? [];
    if (summarizeRow(c, raws).verdict !== "fail") return [];
    const reasons = raws.flatMap((raw, i) => {
      const reason = failReason(c, raw, specs, accountLanguage(ctx.user));
      return reason ? [`sample ${i + 1}: ${judge(reason.key, reason.values)}`] : [];
    });
    return [`- ${c.number} ${c.name}: ${reasons.join("; ")}`];
  });
  return {
    factoryId: fa.factoryId,
    firstArticleId: fa.id,
    title: `${spec.title}: out of tolerance at first article`,
    problem: [
      `First article for ${spec.title} (${spec.productCode}), PO ${fa.poNumber}${fa.lotNumber ? `, lot ${fa.lotNumber}` : ""}, round ${fa.round}, ${fa.sampleCount} samples of ${fa.quantityProduced} produced.`,
      lines.length ? "Out of tolerance:" : "",
      ...lines,
      fa.decisionNote ? `Decision note: ${fa.decisionNote}` : "",
    ]
      .filter(Boolean)
      .join("\n"),
  };
}
