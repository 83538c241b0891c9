// A spec version as plain data: what the pages render, what "new version"
// copies, and what the diff compares. Decimals travel as strings so that
// tolerances stay exact ("0.05", never 0.05000000000000000277).

export type CharacteristicClass = "CRITICAL" | "MAJOR" | "MINOR";
export type CharacteristicKind = "VARIABLE" | "ATTRIBUTE";

export interface CharacteristicSnapshot {
  /** Stable across versions: the diff matches rows by it. */
  key: string;
  number: string;
  name: string;
  kind: CharacteristicKind;
  nominal: string | null;
  /** Deviation below nominal (zero or negative), e.g. "-0.05". */
  lowerTol: string | null;
  /** Deviation above nominal (zero or positive), e.g. "0.10". */
  upperTol: string | null;
  unit: string;
  class: CharacteristicClass;
  method: string;
}

export interface MaterialSnapshot {
  key: string;
  material: string;
  grade: string;
  /** Supplier or standard. */
  source: string;
}

export interface FileSnapshot {
  id: string;
  name: string;
  contentType: string;
  size: number;
  sha256: string;
}

export interface DefectExampleSnapshot {
  key: string;
  description: string;
  characteristicKey: string | null;
  acceptablePhoto: FileSnapshot | null;
  unacceptablePhoto: FileSnapshot | null;
}

export interface VersionSnapshot {
  id: string;
  number: number;
  status: "DRAFT" | "PUBLISHED" | "SUPERSEDED";
  description: string;
  notes: string;
  packaging: string;
  materials: MaterialSnapshot[];
  characteristics: CharacteristicSnapshot[];
  defectExamples: DefectExampleSnapshot[];
  /** Drawings and other documents attached to the version. */
  attachments: FileSnapshot[];
}
