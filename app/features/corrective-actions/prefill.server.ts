import { loadFirstArticle, readingsOf } from "~/features/first-articles/first-articles.server.ts";
import { failReason, summarizeRow } from "~/features/first-articles/judge.ts";
import { loadMeasuredVersion } from "~/features/first-articles/page.server.ts";
import { accountLanguage, accountTranslator } from "~/lib/i18n/translate.server.ts";
import type { TenantContext } from "~/lib/tenant.server.ts";

/**
 * A problem description drafted from a rejected first article, in the words of the person opening
 * the corrective action (their account's language): the spec, the failing characteristics and their
 * readings. Once saved it is their text.
 */
export async function prefillFromFirstArticle(ctx: TenantContext, firstArticleId: string) {
  const fa = await loadFirstArticle(ctx, firstArticleId);
  const { characteristics, spec } = await loadMeasuredVersion(fa);
  const readings = readingsOf(fa);
  const t = accountTranslator(ctx.user, "correctiveActions");
  const judge = accountTranslator(ctx.user, "firstArticles");
  const specs = accountTranslator(ctx.user, "specs");
  const lines = characteristics.flatMap((c) => {
    const raws = readings[c.key] ?? [];
    if (summarizeRow(c, raws).verdict !== "fail") return [];
    const reasons = raws.flatMap((raw, i) => {
      const reason = failReason(c, raw, specs, accountLanguage(ctx.user));
      return reason ? [t("prefill.sample", { sample: i + 1, reason: judge(reason.key, reason.values) })] : [];
    });
    return [t("prefill.characteristic", { number: c.number, name: c.name, reasons: reasons.join(t("prefill.separator")) })];
  });
  const facts = { spec: spec.title, productCode: spec.productCode, po: fa.poNumber, round: fa.round, samples: fa.sampleCount, produced: fa.quantityProduced };
  return {
    factoryId: fa.factoryId,
    firstArticleId: fa.id,
    title: t("prefill.title", { spec: spec.title }),
    problem: [
      fa.lotNumber ? t("prefill.factsWithLot", { ...facts, lot: fa.lotNumber }) : t("prefill.facts", facts),
      lines.length ? t("prefill.outOfTolerance") : "",
      ...lines,
      fa.decisionNote ? t("prefill.decisionNote", { note: fa.decisionNote }) : "",
    ]
      .filter(Boolean)
      .join("\n"),
  };
}
