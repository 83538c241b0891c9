// The dashboard's inspection groups, for either side:
// - "inspections-to-confirm": BOOKED, the other side's proposal on the table, for a reader who may confirm;
// - "inspections-this-week": CONFIRMED, the inspection day in the current week (Monday to Sunday) of the
//   reader's org's time zone;
// - "results-to-decide" (importers): SUBMITTED results, for a reader who may decide the lot.
// Each is a row source of the dashboard's one statement (attention-sql.server.ts), through the
// raw-SQL read rule; what an item shows is read in the same rows (no statement of its own).
import { inspectionPath, inspectionsPath } from "~/features/inspections/paths.ts";
import { Prisma } from "~/generated/prisma/client.ts";
import type { AppAbility } from "~/lib/ability.ts";
import { formatterFor } from "~/lib/format.ts";
import type { Translate } from "~/lib/i18n/translate.ts";
import { readableInspectionsSql, type Reader } from "~/lib/read-conditions.server.ts";

export const INSPECTION_GROUP_KEYS = ["inspections-to-confirm", "inspections-this-week", "results-to-decide"] as const;
export type InspectionGroupKey = (typeof INSPECTION_GROUP_KEYS)[number];

/** What an inspection item shows, read with it. */
export interface ShownInspection {
  po: string;
  /** The inspection day, YYYY-MM-DD. */
  day: string;
  title: string;
  code: string;
  /** The other side's name. */
  partner: string | null;
  /** When the result was submitted (epoch ms), for results to decide. */
  submittedAt: number | null;
}

/** Which groups the reader can act on (the others are empty for it, never counted). */
export function inspectionActions(ability: Pick<AppAbility, "can">) {
  return { confirm: ability.can("confirm", "Inspection"), decide: ability.can("decide", "Inspection") };
}

const nothing = Prisma.sql`SELECT NULL::text AS id, NULL::jsonb AS inspection, 0::bigint AS n WHERE false`;

/** The rows of one group: id, what the item shows, and its rank (`n`). */
function rows(reader: Reader, where: Prisma.Sql, order: Prisma.Sql) {
  const partner = reader.org.kind === "IMPORTER" ? Prisma.raw(`i."factoryId"`) : Prisma.raw(`i."importerId"`);
  return Prisma.sql`
    SELECT i.id,
      jsonb_build_object('po', i."poNumber", 'day', to_char(i."proposedDate", 'YYYY-MM-DD'), 'title', s.title, 'code', s."productCode",
        'partner', o.name, 'submittedAt', floor(extract(epoch FROM i."submittedAt") * 1000)) AS inspection,
      row_number() OVER (ORDER BY ${order}, i.id) AS n
    FROM "Inspection" i
    JOIN "Spec" s ON s.id = i."specId"
    LEFT JOIN "Organization" o ON o.id = ${partner}
    WHERE ${readableInspectionsSql(reader, "i")} AND ${where}`;
}

/** The three groups' row sources, for `group(...)` in the dashboard statement. */
export function inspectionGroupRows(reader: Reader, now: Date, can: { confirm: boolean; decide: boolean }): Record<InspectionGroupKey, Prisma.Sql> {
  const me = reader.org.id;
  // Monday of the reader's org's current week, as the calendar day inspection days are stored as.
  const weekStart = Prisma.sql`date_trunc('week', (${now.toISOString()}::timestamptz AT TIME ZONE (SELECT o."timeZone" FROM "Organization" o WHERE o.id = ${me})))`;
  return {
    "inspections-to-confirm": can.confirm
      ? rows(reader, Prisma.sql`i.status = 'BOOKED' AND i."proposedByOrgId" <> ${me}`, Prisma.sql`i."proposedDate"`)
      : nothing,
    "inspections-this-week": rows(
      reader,
      Prisma.sql`i.status = 'CONFIRMED' AND i."proposedDate" >= ${weekStart} AND i."proposedDate" < ${weekStart} + interval '7 days'`,
      Prisma.sql`i."proposedDate"`,
    ),
    "results-to-decide": can.decide && reader.org.kind === "IMPORTER" ? rows(reader, Prisma.sql`i.status = 'SUBMITTED'`, Prisma.sql`i."submittedAt"`) : nothing,
  };
}

export const inspectionGroupHref: Record<InspectionGroupKey, (slug: string) => string> = {
  "inspections-to-confirm": (slug) => inspectionsPath(slug, { status: "BOOKED" }),
  "inspections-this-week": (slug) => inspectionsPath(slug, { status: "CONFIRMED" }),
  "results-to-decide": (slug) => inspectionsPath(slug, { status: "SUBMITTED" }),
};

interface Item {
  id: string;
  label: string;
  detail: string;
  href: string;
  overdue: boolean;
  at: string;
}

/** The items of one inspection group, in the order of its rows; each links to the inspection itself. */
export function inspectionItems(
  key: InspectionGroupKey,
  shown: readonly { id: string; inspection?: ShownInspection | null }[],
  input: { slug: string; t: Translate<"dashboard">; user: { locale: string; timeZone: string } },
): Item[] {
  const { slug, t } = input;
  const f = formatterFor(input.user.locale, input.user.timeZone);
  return shown.flatMap(({ id, inspection: i }) => {
    if (!i) return [];
    const label = t("attention.inspectionLabel", { spec: t("attention.spec", { title: i.title, code: i.code }), po: i.po });
    const partner = i.partner ?? t("attention.partnerFallback");
    const day = f.calendarDay(i.day);
    const detail =
      key === "inspections-to-confirm"
        ? t("attention.inspectionToConfirm", { partner, date: day })
        : key === "inspections-this-week"
          ? t("attention.inspectionThisWeek", { partner, date: day })
          : t("attention.inspectionToDecide", { partner, date: i.submittedAt === null ? day : f.day(new Date(i.submittedAt)) });
    const at = key === "results-to-decide" && i.submittedAt !== null ? new Date(i.submittedAt).toISOString() : `${i.day}T00:00:00.000Z`;
    return [{ id, label, detail, href: inspectionPath(slug, id), overdue: false, at }];
  });
}
