// Readings saved as they are typed: only the cells that changed, each with the value the
// typist's page last had from the server. A cell someone else changed in the meantime is not
// overwritten: it comes back as a conflict carrying their value, and the page keeps what was typed.
import type { CharacteristicSnapshot } from "~/features/specs/snapshot.ts";
import { memberAction, recordAudit } from "~/lib/audit.server.ts";
import { prisma } from "~/lib/db.server.ts";
import { UserError } from "~/lib/errors.ts";
import type { TenantContext } from "~/lib/tenant.server.ts";
import { previousFieldName, type CellConflict, type SavedCell } from "./autosave.ts";
import type { LoadedFirstArticle } from "./first-articles.server.ts";
import { judgeCell, MAX_RAW_LENGTH } from "./judge.ts";
import { message } from "~/lib/i18n/message.ts";

export interface CellChange {
  key: string;
  sample: number;
  raw: string;
  /** What the page showed as stored before this change. */
  was: string;
}

// More than any grid has changed between two pauses in typing; a whole grid is the Save button's job.
const MAX_CHANGES = 500;
const READING = /^m\.(.+)\.(\d{1,3})$/;

/** The changed cells of an autosave form (`m.<key>.<sample>`, each with its `was.<key>.<sample>`); anything a grid cannot send is refused. */
export function changedCellsFromForm(formData: FormData, characteristics: readonly CharacteristicSnapshot[], sampleCount: number): CellChange[] {
  const keys = new Set(characteristics.map((c) => c.key));
  const changes: CellChange[] = [];
  const named = new Set<string>();
  for (const [name, value] of formData) {
    if (name.startsWith("was.")) {
      if (!formData.has(`m.${name.slice(4)}`)) throw new UserError(message("firstArticles", "errors.previousWithoutReading"), 400);
      continue;
    }
    if (!name.startsWith("m.")) continue;
    const match = READING.exec(name);
    const key = match?.[1] ?? "";
    const sample = Number(match?.[2]);
    if (!keys.has(key)) throw new UserError(message("firstArticles", "errors.unknownCharacteristic"), 400);
    if (!(sample >= 1 && sample <= sampleCount)) {
      throw new UserError(message("firstArticles", "errors.sampleCountChanged", { count: sampleCount }), 409);
    }
    const was = formData.getAll(previousFieldName(key, sample));
    if (named.has(name) || was.length !== 1 || typeof value !== "string" || typeof was[0] !== "string") {
      throw new UserError(message("firstArticles", "errors.cellSentOnce"), 400);
    }
    if (value.trim().length > MAX_RAW_LENGTH || was[0].trim().length > MAX_RAW_LENGTH)
      throw new UserError(message("firstArticles", "errors.readingTooLong", { max: MAX_RAW_LENGTH }), 400);
    named.add(name);
    changes.push({ key, sample, raw: value.trim(), was: was[0].trim() });
  }
  if (changes.length === 0) throw new UserError(message("firstArticles", "errors.noReadings"), 400);
  if (changes.length > MAX_CHANGES) throw new UserError(message("firstArticles", "errors.tooManyReadings", { max: MAX_CHANGES }), 400);
  return changes;
}

/**
 * Stores each change whose cell still holds what the page last saw (or already holds the new
 * value); the others are conflicts, left as they are. Only while the first article is a draft.
 */
export async function saveChangedCells(
  ctx: TenantContext,
  fa: LoadedFirstArticle,
  characteristics: readonly CharacteristicSnapshot[],
  changes: CellChange[],
): Promise<{ saved: SavedCell[]; conflicts: CellConflict[] }> {
  const submitted = message("firstArticles", "errors.submittedReload");
  if (fa.status !== "DRAFT") throw new UserError(submitted, 409);
  const byKey = new Map(characteristics.map((c) => [c.key, c]));
  return prisma.$transaction(async (tx) => {
    // Moving the revision first takes the row's lock: two saves of one first article run one
    // after the other, so each compares against what the other stored. A decision or a
    // submission made on an older page sees the new revision and is refused, as after a Save.
    const { count } = await tx.firstArticle.updateMany({ where: { id: fa.id, status: "DRAFT" }, data: { revision: { increment: 1 } } });
    if (count !== 1) throw new UserError(submitted, 409);
    const stored = await tx.measurement.findMany({
      where: { firstArticleId: fa.id, OR: changes.map((c) => ({ characteristicKey: c.key, sample: c.sample })) },
      select: { characteristicKey: true, sample: true, raw: true },
    });
    const current = new Map(stored.map((m) => [`${m.characteristicKey}\n${m.sample}`, m.raw]));
    const saved: SavedCell[] = [];
    const conflicts: CellConflict[] = [];
    let written = 0;
    for (const { key, sample, raw, was } of changes) {
      const theirs = current.get(`${key}\n${sample}`) ?? "";
      if (theirs === raw) {
        saved.push({ key, sample, raw });
        continue;
      }
      if (theirs !== was) {
        conflicts.push({ key, sample, theirs });
        continue;
      }
      const cell = { firstArticleId: fa.id, characteristicKey: key, sample };
      if (raw === "") {
        await tx.measurement.deleteMany({ where: cell });
      } else {
        const { value, passed } = judgeCell(byKey.get(key)!, raw);
        await tx.measurement.upsert({
          where: { firstArticleId_characteristicKey_sample: cell },
          create: { ...cell, raw, value, passed },
          update: { raw, value, passed },
        });
      }
      written++;
      saved.push({ key, sample, raw });
    }
    if (written) {
      await recordAudit(tx, { ...memberAction(ctx, "firstArticle.update", "FirstArticle", fa.id), after: { readingsChanged: written } });
    }
    return { saved, conflicts };
  });
}
