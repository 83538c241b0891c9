import { loadFirstArticle, readingsOf } from "~/features/first-articles/first-articles.server.ts";
import { failReason, summarizeRow } from "~/features/first-articles/judge.ts";
import { loadMeasuredVersion } from "~/features/first-articles/page.server.ts";
import { loadInspection } from "~/features/inspections/inspections.server.ts";
import { prisma } from "~/lib/db.server.ts";
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

/**
 * A problem description drafted from a rejected inspection, in the words of the person opening the
 * corrective action: the spec, the lot and its plan, each defect found (class, description, count)
 * and the reason for the rejection. The defects' photos stay on the inspection, which the corrective
 * action links to. Null unless the inspection is readable and rejected.
 */
export async function prefillFromInspection(ctx: TenantContext, inspectionId: string) {
  const inspection = await loadInspection(ctx, inspectionId);
  if (inspection.status !== "REJECTED") return null;
  const [spec, photos] = await Promise.all([
    prisma.spec.findUniqueOrThrow({ where: { id: inspection.specId }, select: { title: true, productCode: true } }),
    prisma.attachment.count({
      where: { ownerType: "InspectionDefect", ownerId: { in: inspection.defects.map((d) => d.id) }, contentType: { startsWith: "image/" } },
    }),
  ]);
  const t = accountTranslator(ctx.user, "lotDecisions");
  const defects = inspection.defects.filter((d) => d.count > 0);
  return {
    factoryId: inspection.factoryId,
    inspectionId: inspection.id,
    title: t("prefill.title", { spec: spec.title, po: inspection.poNumber }),
    problem: [
      t("prefill.facts", {
        spec: spec.title,
        productCode: spec.productCode,
        po: inspection.poNumber,
        lot: inspection.lotSize,
        sample: inspection.plan.sampleSize,
        severity: t(`severity.${inspection.plan.severity}`),
        level: inspection.plan.level,
      }),
      defects.length ? t("prefill.defects") : "",
      ...defects.map((d) => t("prefill.defect", { class: t(`class.${d.class}`), description: d.description, count: d.count })),
      inspection.decisionNote ? t("prefill.decisionNote", { note: inspection.decisionNote }) : "",
      photos ? t("prefill.photos", { count: photos }) : "",
    ]
      .filter(Boolean)
      .join("\n"),
  };
}
