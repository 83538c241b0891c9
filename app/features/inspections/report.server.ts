// The printable inspection report and its CSV: the plan as booked, quantity and packing, the
// measured sample as judged (the first article's judge), the defects tallied with every photo,
// the packaging checks, the result as computed from the plan and the decision with its note.
// Plain, serializable data only: dates as ISO strings, decimals as strings.
import { judgeCell, summarizeRow, type CellVerdict, type RowVerdict } from "~/features/first-articles/judge.ts";
import { limitsText, requirementText } from "~/features/specs/characteristic.ts";
import { characteristicColumns, toCharacteristicSnapshot } from "~/features/specs/characteristic-rows.server.ts";
import type { FileSnapshot } from "~/features/specs/snapshot.ts";
import type { AbortReason, CheckResult, InspectionResult, InspectionStatus, InspectionType, InspectorSide } from "~/generated/prisma/client.ts";
import { isoDay } from "~/lib/dates.ts";
import { prisma } from "~/lib/db.server.ts";
import { accountLanguage, accountTranslator } from "~/lib/i18n/translate.server.ts";
import type { TenantContext } from "~/lib/tenant.server.ts";
import { loadInspection, type LoadedInspection } from "./inspections.server.ts";
import { DEFECT_CLASSES, type DefectClass } from "./plan.ts";
import { inspectionResult } from "./result.ts";
import type { InspectionLevel, Severity } from "./sampling.ts";
import type { SwitchReason } from "./switching.ts";

export type { CellVerdict, RowVerdict };

/** A class's plan against what was found (result.ts decides; failed packaging checks count as major). */
export interface ReportClass {
  class: DefectClass;
  /** null: zero defects allowed (common practice, not an ISO AQL). */
  aql: string | null;
  codeLetter: string;
  sampleSize: number;
  accept: number;
  reject: number;
  fullInspection: boolean;
  found: number;
  verdict: "accept" | "reject";
}

export interface ReportMeasurementRow {
  key: string;
  number: string;
  name: string;
  class: DefectClass;
  requirement: string;
  limits: string;
  readings: { sample: number; raw: string; verdict: CellVerdict }[];
  min: string | null;
  max: string | null;
  mean: string | null;
  verdict: RowVerdict;
}

export interface ReportDefect {
  id: string;
  class: DefectClass;
  description: string;
  /** The spec's defect example it was picked from, when it was. */
  exampleKey: string | null;
  exampleDescription: string | null;
  count: number;
  photos: FileSnapshot[];
}

export interface ReportCheck {
  key: string;
  label: string;
  result: CheckResult | null;
  note: string;
}

export interface InspectionReport {
  id: string;
  header: {
    specId: string;
    title: string;
    productCode: string;
    versionNumber: number;
    importer: string;
    factory: string;
    type: InspectionType;
    status: InspectionStatus;
    poNumber: string;
    orderQuantity: number;
    lotSize: number;
    proposedDate: string;
    expectedShipDate: string | null;
    inspectedBy: InspectorSide;
    reinspectionOfId: string | null;
  };
  plan: {
    edition: string;
    level: InspectionLevel;
    severity: Severity;
    severityReason: SwitchReason | null;
    sampleSize: number;
    classes: ReportClass[];
    measured: { sampleSize: number; level: string | null; count: number | null };
  };
  quantity: {
    cartonsTotal: number | null;
    cartonsChecked: number | null;
    packedPercent: number | null;
    note: string;
    steadyProduction: boolean;
  };
  measurements: ReportMeasurementRow[];
  defects: ReportDefect[];
  /** Photos of the inspection itself (not of one defect). */
  photos: FileSnapshot[];
  checks: ReportCheck[];
  result: {
    /** What the plan and the findings give: pass when every class is accepted and no measured row fails. */
    computed: InspectionResult | null;
    /** As submitted (null until then). */
    stored: InspectionResult | null;
    note: string;
    pendingDecision: boolean;
    submittedAt: string | null;
    submittedBy: string | null;
  };
  decision: { status: InspectionStatus; decidedAt: string | null; decidedBy: string | null; note: string | null };
  abort: { reason: AbortReason; note: string | null; abortedAt: string | null; abortedBy: string | null } | null;
}

const fileSelect = { id: true, ownerId: true, ownerType: true, name: true, contentType: true, size: true, sha256: true } as const;

const SUBMITTED: readonly InspectionStatus[] = ["SUBMITTED", "RELEASED", "REJECTED", "ACCEPTED_WITH_DEVIATION"];

/** The report of one inspection, for whoever may read it (404 otherwise). */
export async function loadInspectionReport(ctx: TenantContext, id: string): Promise<InspectionReport> {
  return reportOf(ctx, await loadInspection(ctx, id));
}

export async function reportOf(ctx: TenantContext, inspection: LoadedInspection): Promise<InspectionReport> {
  const people = [inspection.submittedById, inspection.decidedById, inspection.abortedById].filter((v): v is string => !!v);
  const defectIds = inspection.defects.map((d) => d.id);
  // The rest in one round of statements: the version measured against (its characteristics and
  // defect library), both orgs' names, the people named, and the photos (the inspection was
  // authorized itself, so what belongs to it is readable through it).
  const [version, pair, users, files] = await Promise.all([
    prisma.specVersion.findUniqueOrThrow({
      where: { id: inspection.versionId },
      select: {
        number: true,
        spec: { select: { id: true, title: true, productCode: true } },
        characteristics: { orderBy: { position: "asc" }, select: characteristicColumns },
        defectExamples: { orderBy: { position: "asc" }, select: { key: true, description: true } },
      },
    }),
    prisma.partnership.findUniqueOrThrow({
      where: { id: inspection.partnershipId },
      select: { importer: { select: { name: true } }, factory: { select: { name: true } } },
    }),
    people.length ? prisma.user.findMany({ where: { id: { in: people } }, select: { id: true, name: true } }) : Promise.resolve([]),
    prisma.attachment.findMany({
      where: {
        OR: [{ ownerType: "Inspection", ownerId: inspection.id }, ...(defectIds.length ? [{ ownerType: "InspectionDefect", ownerId: { in: defectIds } }] : [])],
      },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: fileSelect,
    }),
  ]);
  const names = new Map(users.map((u) => [u.id, u.name]));
  const nameOf = (userId: string | null) => (userId ? (names.get(userId) ?? null) : null);
  const photosOf = (ownerType: string, ownerId: string) =>
    files
      .filter((f) => f.ownerType === ownerType && f.ownerId === ownerId)
      .map(({ id, name, contentType, size, sha256 }) => ({ id, name, contentType, size, sha256 }));
  const examples = new Map(version.defectExamples.map((e) => [e.key, e.description]));

  const specs = { t: accountTranslator(ctx.user, "specs"), locale: accountLanguage(ctx.user) };
  const plan = inspection.plan;
  const measuredSamples = plan.measured.sampleSize;
  const readings = new Map<string, string[]>();
  for (const m of inspection.measurements) {
    const row = readings.get(m.characteristicKey) ?? Array<string>(measuredSamples).fill("");
    if (m.sample >= 1 && m.sample <= measuredSamples) row[m.sample - 1] = m.raw;
    readings.set(m.characteristicKey, row);
  }
  const characteristics = version.characteristics.map(toCharacteristicSnapshot);
  const outcome = inspectionResult({
    plan,
    defects: inspection.defects,
    measured: characteristics.map((characteristic) => ({
      characteristic,
      readings: readings.get(characteristic.key) ?? Array<string>(measuredSamples).fill(""),
    })),
    checks: inspection.checks,
  });
  const measurements: ReportMeasurementRow[] = characteristics.map((c) => {
    const raws = readings.get(c.key) ?? Array<string>(measuredSamples).fill("");
    const summary = summarizeRow(c, raws);
    return {
      key: c.key,
      number: c.number,
      name: c.name,
      class: c.class,
      requirement: requirementText(c, specs.t, specs.locale),
      limits: limitsText(c, specs.t, specs.locale),
      readings: raws.map((raw, i) => ({ sample: i + 1, raw, verdict: judgeCell(c, raw).verdict })),
      min: c.kind === "ATTRIBUTE" ? null : summary.min,
      max: c.kind === "ATTRIBUTE" ? null : summary.max,
      mean: c.kind === "ATTRIBUTE" ? null : summary.mean,
      verdict: summary.verdict,
    };
  });
  const classes: ReportClass[] = DEFECT_CLASSES.map((c, i) => {
    const p = plan.classes[c];
    const found = outcome.classes[i]!.found;
    const { aql, codeLetter, sampleSize, accept, reject, fullInspection } = p;
    return { class: c, aql, codeLetter, sampleSize, accept, reject, fullInspection, found, verdict: outcome.classes[i]!.passed ? "accept" : "reject" };
  });
  const submitted = SUBMITTED.includes(inspection.status);

  return {
    id: inspection.id,
    header: {
      specId: version.spec.id,
      title: version.spec.title,
      productCode: version.spec.productCode,
      versionNumber: version.number,
      importer: pair.importer.name,
      factory: pair.factory?.name ?? "",
      type: inspection.type,
      status: inspection.status,
      poNumber: inspection.poNumber,
      orderQuantity: inspection.orderQuantity,
      lotSize: inspection.lotSize,
      proposedDate: isoDay(inspection.proposedDate),
      expectedShipDate: inspection.expectedShipDate ? isoDay(inspection.expectedShipDate) : null,
      inspectedBy: inspection.inspectedBy,
      reinspectionOfId: inspection.reinspectionOfId,
    },
    plan: {
      edition: plan.edition,
      level: plan.level,
      severity: plan.severity,
      severityReason: plan.severityReason,
      sampleSize: plan.sampleSize,
      classes,
      measured: plan.measured,
    },
    quantity: {
      cartonsTotal: inspection.cartonsTotal,
      cartonsChecked: inspection.cartonsChecked,
      packedPercent: inspection.packedPercent,
      note: inspection.quantityNote,
      steadyProduction: inspection.steadyProduction,
    },
    measurements,
    defects: inspection.defects.map((d) => ({
      id: d.id,
      class: d.class,
      description: d.description,
      exampleKey: d.defectExampleKey,
      exampleDescription: d.defectExampleKey ? (examples.get(d.defectExampleKey) ?? null) : null,
      count: d.count,
      photos: photosOf("InspectionDefect", d.id),
    })),
    photos: photosOf("Inspection", inspection.id),
    checks: inspection.checks.map((c) => ({ key: c.key, label: c.label, result: c.result, note: c.note })),
    result: {
      computed: submitted ? outcome.result : null,
      stored: inspection.result,
      note: inspection.resultNote,
      pendingDecision: inspection.pendingDecision,
      submittedAt: inspection.submittedAt?.toISOString() ?? null,
      submittedBy: nameOf(inspection.submittedById),
    },
    decision: {
      status: inspection.status,
      decidedAt: inspection.decidedAt?.toISOString() ?? null,
      decidedBy: nameOf(inspection.decidedById),
      note: inspection.decisionNote?.trim() ? inspection.decisionNote : null,
    },
    abort: inspection.abortReason
      ? {
          reason: inspection.abortReason,
          note: inspection.abortNote,
          abortedAt: inspection.abortedAt?.toISOString() ?? null,
          abortedBy: nameOf(inspection.abortedById),
        }
      : null,
  };
}
