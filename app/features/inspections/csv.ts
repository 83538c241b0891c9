// An inspection as CSV, in the reader's language: the record, the plan per class, quantity and
// packing, the measured sample, the defects (with how many photos each), the packaging checks,
// the result and the decision, one block after another. Every cell goes through the download
// writer's guard (lib/downloads.server.ts): a cell a spreadsheet would run as a formula is kept as text.
import { asciiFileNamePart, csvTable } from "~/lib/downloads.server.ts";
import type { Translate } from "~/lib/i18n/translate.ts";
import type { InspectionReport } from "./report.server.ts";

type Cell = string | number | null;

export function inspectionCsv(report: InspectionReport, t: Translate<"inspectionReports">): string {
  const { header: h, plan, quantity: q, result, decision } = report;
  const yesNo = (value: boolean) => (value ? t("csv.yes") : t("csv.no"));
  const rows: Cell[][] = [
    [t("csv.title"), h.title],
    [t("report.productCode"), h.productCode],
    [t("report.specVersion"), h.versionNumber],
    [t("report.importer"), h.importer],
    [t("report.factory"), h.factory],
    [t("report.type"), t(`type.${h.type}`)],
    [t("report.status"), t(`status.${h.status}`)],
    [t("report.poNumber"), h.poNumber],
    [t("report.orderQuantity"), h.orderQuantity],
    [t("report.lotSize"), h.lotSize],
    [t("report.proposedDate"), h.proposedDate],
    [t("report.expectedShipDate"), h.expectedShipDate],
    [t("report.inspectedBy"), t(`side.${h.inspectedBy}`)],
    [],
    [t("csv.section.plan")],
    [t("plan.edition"), plan.edition],
    [t("plan.level"), plan.level],
    [t("plan.severity"), t(`severity.${plan.severity}`)],
    [t("plan.severityReason"), plan.severityReason ? t(`severityReason.${plan.severityReason}`) : t("plan.severityFromStart")],
    [t("plan.sampleSize"), plan.sampleSize],
    [t("plan.measuredSample"), plan.measured.sampleSize],
    [t("plan.class"), t("plan.aql"), t("plan.codeLetter"), t("plan.sampleSize"), t("plan.accept"), t("plan.reject"), t("plan.found"), t("plan.verdict")],
    ...plan.classes.map((c): Cell[] => [
      t(`class.${c.class}`),
      c.aql ?? t("plan.zeroDefects"),
      c.codeLetter,
      c.sampleSize,
      c.accept,
      c.reject,
      c.found,
      t(`classVerdict.${c.verdict}`),
    ]),
    [],
    [t("csv.section.quantity")],
    [t("quantity.cartonsTotal"), q.cartonsTotal],
    [t("quantity.cartonsChecked"), q.cartonsChecked],
    [t("quantity.packedPercent"), q.packedPercent],
    [t("quantity.steadyProduction"), yesNo(q.steadyProduction)],
    [t("quantity.note"), q.note],
    [],
    [t("csv.section.measurements")],
    [
      t("measurements.number"),
      t("measurements.characteristic"),
      t("measurements.limits"),
      ...Array.from({ length: plan.measured.sampleSize }, (_, i) => t("measurements.sample", { sample: i + 1 })),
      t("measurements.verdict"),
    ],
    ...report.measurements.map((m): Cell[] => [m.number, m.name, m.limits, ...m.readings.map((r) => r.raw.trim()), t(`rowVerdict.${m.verdict}`)]),
    [],
    [t("csv.section.defects")],
    [t("defects.class"), t("defects.description"), t("defects.example"), t("defects.count"), t("defects.photos")],
    ...report.defects.map((d): Cell[] => [t(`class.${d.class}`), d.description, d.exampleDescription ?? d.exampleKey ?? "", d.count, d.photos.length]),
    [],
    [t("csv.section.checks")],
    [t("checks.check"), t("checks.result"), t("checks.note")],
    ...report.checks.map((c): Cell[] => [c.label, c.result ? t(`checkResult.${c.result}`) : t("checks.notChecked"), c.note]),
    [],
    [t("csv.section.result")],
    [t("result.computed"), result.computed ? t(`result.${result.computed}`) : t("result.none")],
    [t("result.note"), result.note],
    [t("result.pendingDecision"), yesNo(result.pendingDecision)],
    [t("result.submittedAt"), result.submittedAt],
    [t("result.submittedBy"), result.submittedBy],
    [t("decision.status"), t(`status.${decision.status}`)],
    [t("decision.decidedAt"), decision.decidedAt],
    [t("decision.decidedBy"), decision.decidedBy],
    [t("decision.note"), decision.note],
    ...(report.abort
      ? [
          [t("abort.reason"), t(`abortReason.${report.abort.reason}`)] as Cell[],
          [t("abort.note"), report.abort.note] as Cell[],
          [t("abort.at"), report.abort.abortedAt] as Cell[],
        ]
      : []),
  ];
  return `\uFEFF${csvTable(rows)}`;
}

/** "INSP-R-100-PO4500-2026-12-10.csv", plain ASCII so no header can be broken. */
export function inspectionCsvFileName(report: InspectionReport) {
  return `INSP-${asciiFileNamePart(report.header.productCode, 60)}-PO${asciiFileNamePart(report.header.poNumber, 60)}-${report.header.proposedDate}.csv`;
}
