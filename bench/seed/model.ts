// What one phase of the seed hands to the next: the records already written,
// kept in memory so that later rows can point at them consistently (a first
// article at a version its factory acknowledged, a reading at a key of that
// version, a comment by a member of the org it is written in).
import type pg from "pg";
import type { Rng } from "./random.ts";

export type Role = "OWNER" | "QUALITY" | "MEMBER" | "VIEWER";
export type OrgKind = "IMPORTER" | "FACTORY";

export const DAY = 24 * 60 * 60 * 1000;
export const HOUR = 60 * 60 * 1000;

export interface Org {
  id: string;
  index: number;
  kind: OrgKind;
  name: string;
  slug: string;
  locale: string;
  /** How big the tenant is relative to others of its kind. */
  weight: number;
  createdAt: number;
  members: { userId: string; role: Role }[];
  /** OWNER and QUALITY: who decides, submits and publishes. */
  deciders: string[];
  /** Everyone but VIEWER: who may write. */
  writers: string[];
}

export interface Partnership {
  id: string;
  importer: Org;
  factory: Org | null;
  status: "INVITED" | "ACTIVE" | "ENDED";
  createdAt: number;
  activatedAt: number | null;
  endedAt: number | null;
}

export interface Characteristic {
  key: string;
  name: string;
  kind: "VARIABLE" | "ATTRIBUTE";
  decimals: number;
  /** Nominal and limits in units of the last decimal; null limit = none on that side. */
  nominal: number;
  low: number | null;
  high: number | null;
  /** How far readings usually wander, in the same units. */
  spread: number;
  unit: string;
  cls: "CRITICAL" | "MAJOR" | "MINOR";
  method: string;
}

export interface Material {
  key: string;
  material: string;
  grade: string;
  source: string;
}

export interface Version {
  id: string;
  number: number;
  status: "DRAFT" | "PUBLISHED" | "SUPERSEDED";
  createdAt: number;
  updatedAt: number;
  publishedAt: number | null;
  /** When the next version replaced it (null while it is current). */
  supersededAt: number | null;
  characteristics: Characteristic[];
  materials: Material[];
}

export interface Spec {
  id: string;
  importer: Org;
  title: string;
  productCode: string;
  /** How much people talk about it. */
  buzz: number;
  versions: Version[];
  current: Version;
}

export interface Share {
  spec: Spec;
  partnership: Partnership;
  factory: Org;
  createdAt: number;
}

/** A version as one factory saw it, with the factory's answer if any. */
export interface SeenVersion {
  share: Share;
  version: Version;
  from: number;
  /** Until the next version came or the partnership ended. */
  until: number;
  ack: { status: "ACKNOWLEDGED" | "QUERIED"; at: number } | null;
}

export interface FirstArticle {
  id: string;
  seriesId: string;
  round: number;
  seen: SeenVersion;
  status: "DRAFT" | "SUBMITTED" | "APPROVED" | "CONDITIONALLY_APPROVED" | "REJECTED";
  createdAt: number;
  submittedAt: number | null;
  decidedAt: number | null;
  /** Cells that read out of tolerance: characteristic index and sample (1-based). */
  failing: { index: number; sample: number; units: number | null }[];
}

export interface CorrectiveAction {
  id: string;
  partnership: Partnership;
  createdAt: number;
  closedAt: number | null;
  status: string;
  /** What it is about, for the comments on it. */
  topic: string;
}

export interface SeedContext {
  pool: pg.Pool;
  seed: number;
  now: number;
  rng(stream: string): Rng;
}

/** A moment in [from, to], clamped so that nothing lies in the future. */
export function within(rng: Rng, from: number, to: number, now: number) {
  const end = Math.min(to, now - HOUR);
  return end <= from ? Math.min(from, end) : Math.round(from + rng.next() * (end - from));
}
