// The importer's sampling settings for one partner factory: the partnership's defaults, each
// shared spec's own settings, and where the switching rules stand for each spec. Only the
// importer's side sees the page (the factory and other tenants get a 404); its deciders change it.
import { asSubject } from "~/lib/ability.ts";
import { memberAction, recordAudit } from "~/lib/audit.server.ts";
import { ensureCan } from "~/lib/authorize.server.ts";
import { prisma } from "~/lib/db.server.ts";
import { UserError } from "~/lib/errors.ts";
import { notFound } from "~/lib/http.server.ts";
import { message } from "~/lib/i18n/message.ts";
import type { TenantContext } from "~/lib/tenant.server.ts";
import { samplingChoices } from "./plan.ts";
import { settingsFormValues, settingsRow, type SamplingSettingsInput } from "./sampling-settings.ts";
import type { SwitchReason, SwitchingSeverity } from "./switching.ts";

/** The importer's partnership with a factory, or a 404 (a factory, another importer, an invitation not yet accepted). */
export async function loadSettingsPartnership(ctx: TenantContext, partnershipId: string) {
  const partnership =
    ctx.org.kind === "IMPORTER"
      ? await prisma.partnership.findFirst({
          where: { id: partnershipId, importerId: ctx.org.id, factoryId: { not: null } },
          select: { id: true, importerId: true, factoryId: true, status: true, factory: { select: { name: true } } },
        })
      : null;
  if (!partnership?.factoryId) notFound(message("lotDecisions", "errors.partnershipNotFound"));
  return { ...partnership, factoryId: partnership.factoryId };
}
export type SettingsPartnership = Awaited<ReturnType<typeof loadSettingsPartnership>>;

const settingToChange = (ctx: TenantContext) => asSubject("SamplingSetting", { importerId: ctx.org.id });

export function ensureMayChangeSettings(ctx: TenantContext) {
  ensureCan(ctx.ability, "update", settingToChange(ctx), message("lotDecisions", "errors.onlyDecidersSettings"));
}

export async function loadSamplingSettingsPage(ctx: TenantContext, partnership: SettingsPartnership, selectedSpecId: string | null) {
  const [shares, settings, states] = await Promise.all([
    prisma.specShare.findMany({
      where: { partnershipId: partnership.id },
      select: { spec: { select: { id: true, title: true, productCode: true } } },
      orderBy: { spec: { title: "asc" } },
    }),
    prisma.samplingSetting.findMany({ where: { partnershipId: partnership.id } }),
    prisma.samplingState.findMany({ where: { partnershipId: partnership.id } }),
  ]);
  const general = settings.find((s) => s.specId === "") ?? null;
  const defaults = samplingChoices(general);
  const specs = shares.map(({ spec }) => {
    const own = settings.find((s) => s.specId === spec.id) ?? null;
    const state = states.find((s) => s.specId === spec.id) ?? null;
    return {
      ...spec,
      own: own ? settingsFormValues(samplingChoices(own)) : null,
      state: {
        severity: (state?.severity ?? "normal") as SwitchingSeverity,
        score: state?.score ?? 0,
        reason: (state?.reason ?? null) as SwitchReason | null,
        switchedAt: state?.switchedAt?.toISOString() ?? null,
        canResume: state ? ctx.ability.can("update", asSubject("SamplingState", state)) : false,
      },
    };
  });
  const selected = specs.find((s) => s.id === selectedSpecId) ?? null;
  return {
    partnership: { id: partnership.id, factory: partnership.factory?.name ?? "", status: partnership.status },
    canEdit: ctx.ability.can("update", settingToChange(ctx)),
    defaults: { own: general !== null, values: settingsFormValues(defaults) },
    specs,
    selected: selected
      ? { id: selected.id, title: selected.title, productCode: selected.productCode, values: selected.own ?? settingsFormValues(defaults) }
      : null,
  };
}

async function ensureSharedSpec(partnership: SettingsPartnership, specId: string) {
  const shared = await prisma.specShare.count({ where: { partnershipId: partnership.id, specId } });
  if (!shared) throw new UserError(message("lotDecisions", "errors.specNotShared"), 400);
}

/** Stores the partnership's defaults (no spec) or a shared spec's own settings; audited for the importer. */
export async function saveSamplingSettings(ctx: TenantContext, partnership: SettingsPartnership, input: SamplingSettingsInput, specId = "") {
  ensureMayChangeSettings(ctx);
  if (specId) await ensureSharedSpec(partnership, specId);
  const row = settingsRow(input);
  await prisma.$transaction(async (tx) => {
    const where = { partnershipId_specId: { partnershipId: partnership.id, specId } };
    const before = await tx.samplingSetting.findUnique({ where });
    const saved = await tx.samplingSetting.upsert({
      where,
      create: { importerId: partnership.importerId, factoryId: partnership.factoryId, partnershipId: partnership.id, specId, ...row, updatedById: ctx.user.id },
      update: { ...row, updatedById: ctx.user.id },
    });
    await recordAudit(tx, {
      ...memberAction(ctx, "samplingSetting.update", "SamplingSetting", saved.id),
      before: before ? { ...pick(before), specId } : null,
      after: { ...row, specId, partnershipId: partnership.id },
    });
  });
}

/** A spec goes back to the partnership's defaults. */
export async function removeSpecSettings(ctx: TenantContext, partnership: SettingsPartnership, specId: string) {
  ensureMayChangeSettings(ctx);
  await prisma.$transaction(async (tx) => {
    const before = await tx.samplingSetting.findUnique({ where: { partnershipId_specId: { partnershipId: partnership.id, specId } } });
    if (!before || specId === "") throw new UserError(message("lotDecisions", "errors.noOwnSettings"), 409);
    await tx.samplingSetting.delete({ where: { id: before.id } });
    await recordAudit(tx, {
      ...memberAction(ctx, "samplingSetting.update", "SamplingSetting", before.id),
      before: { ...pick(before), specId },
      after: { removed: true, specId },
    });
  });
}

const pick = (row: {
  level: string;
  criticalAql: string | null;
  majorAql: string | null;
  minorAql: string | null;
  measuredLevel: string;
  measuredCount: number | null;
  reducedEnabled: boolean;
}) => ({
  level: row.level,
  criticalAql: row.criticalAql,
  majorAql: row.majorAql,
  minorAql: row.minorAql,
  measuredLevel: row.measuredLevel,
  measuredCount: row.measuredCount,
  reducedEnabled: row.reducedEnabled,
});
