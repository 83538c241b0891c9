// The sampling plan an inspection is booked with: the importer's choices for the partnership
// (or the spec), the severity the switching rules have reached, and the lot size, turned into
// one plan per defect class and a sample for the measured characteristics. The inspection keeps
// this snapshot, so a later change of settings or severity never rewrites a booked plan.
import {
  AQL_VALUES,
  INSPECTION_LEVELS,
  STANDARD_EDITION,
  samplingPlan,
  zeroDefectsPlan,
  type Aql,
  type InspectionLevel,
  type SamplingPlan,
  type Severity,
} from "./sampling.ts";
import type { SwitchReason } from "./switching.ts";

export const DEFECT_CLASSES = ["CRITICAL", "MAJOR", "MINOR"] as const;
export type DefectClass = (typeof DEFECT_CLASSES)[number];

/** The special levels (and level I) a measured sample is drawn at. */
export const MEASURED_LEVELS = ["S-1", "S-2", "S-3", "S-4", "I"] as const satisfies readonly InspectionLevel[];
export type MeasuredLevel = (typeof MEASURED_LEVELS)[number];

export interface SamplingChoices {
  level: InspectionLevel;
  /** null: zero defects allowed, which is common practice for critical defects but no ISO AQL. */
  aql: Record<DefectClass, Aql | null>;
  measuredLevel: MeasuredLevel;
  /** A fixed number of units measured instead of the level's sample. */
  measuredCount: number | null;
  reducedEnabled: boolean;
}

export const DEFAULT_SAMPLING: SamplingChoices = {
  level: "II",
  aql: { CRITICAL: null, MAJOR: "2.5", MINOR: "4.0" },
  measuredLevel: "S-2",
  measuredCount: null,
  reducedEnabled: false,
};

export type ClassPlan = SamplingPlan & { aql: Aql | null };

export interface InspectionPlan {
  edition: string;
  lotSize: number;
  level: InspectionLevel;
  severity: Severity;
  /** Why this severity: the switch that brought it, or null for normal from the start. */
  severityReason: SwitchReason | null;
  classes: Record<DefectClass, ClassPlan>;
  /** The units inspected for workmanship: the largest sample any class draws. */
  sampleSize: number;
  measured: { sampleSize: number; level: MeasuredLevel | null; count: number | null };
}

/** Reads stored choices (a SamplingSetting row, or nothing) as the engine's input, falling back to the defaults. */
export function samplingChoices(
  row: {
    level: string;
    criticalAql: string | null;
    majorAql: string | null;
    minorAql: string | null;
    measuredLevel: string;
    measuredCount: number | null;
    reducedEnabled: boolean;
  } | null,
): SamplingChoices {
  if (!row) return DEFAULT_SAMPLING;
  // null is "zero defects allowed" for any class; a value the tables do not know reads as the class's default.
  const aql = (value: string | null, fallback: Aql | null) =>
    value === null ? null : (AQL_VALUES as readonly string[]).includes(value) ? (value as Aql) : fallback;
  return {
    level: (INSPECTION_LEVELS as readonly string[]).includes(row.level) ? (row.level as InspectionLevel) : DEFAULT_SAMPLING.level,
    aql: { CRITICAL: aql(row.criticalAql, null), MAJOR: aql(row.majorAql, "2.5"), MINOR: aql(row.minorAql, "4.0") },
    measuredLevel: (MEASURED_LEVELS as readonly string[]).includes(row.measuredLevel) ? (row.measuredLevel as MeasuredLevel) : DEFAULT_SAMPLING.measuredLevel,
    measuredCount: row.measuredCount,
    reducedEnabled: row.reducedEnabled,
  };
}

export function inspectionPlan(input: { lotSize: number; choices: SamplingChoices; severity: Severity; severityReason: SwitchReason | null }): InspectionPlan {
  const { lotSize, choices, severity } = input;
  const classPlan = (aql: Aql | null): ClassPlan => ({
    ...(aql === null ? zeroDefectsPlan({ lotSize, level: choices.level, severity }) : samplingPlan({ lotSize, level: choices.level, aql, severity })),
    aql,
  });
  const classes = { CRITICAL: classPlan(choices.aql.CRITICAL), MAJOR: classPlan(choices.aql.MAJOR), MINOR: classPlan(choices.aql.MINOR) };
  const measuredSample =
    choices.measuredCount !== null ? Math.min(choices.measuredCount, lotSize) : zeroDefectsPlan({ lotSize, level: choices.measuredLevel, severity }).sampleSize;
  return {
    edition: STANDARD_EDITION,
    lotSize,
    level: choices.level,
    severity,
    severityReason: input.severityReason,
    classes,
    sampleSize: Math.max(...DEFECT_CLASSES.map((c) => classes[c].sampleSize)),
    measured: {
      sampleSize: measuredSample,
      level: choices.measuredCount === null ? choices.measuredLevel : null,
      count: choices.measuredCount,
    },
  };
}

/** A stored plan snapshot, read back (the column is JSON written by `inspectionPlan`). */
export const storedPlan = (value: unknown) => value as InspectionPlan;
