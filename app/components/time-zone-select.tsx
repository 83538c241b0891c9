import { type MessageKey, useT } from "~/lib/i18n/translate.ts";
import { timeZoneGroups } from "~/lib/time-zones.ts";

/**
 * A select of every zone, the current one first in a group of its own, the rest by region (the
 * IANA names as they are: "Asia/Ho_Chi_Minh"). A native select: typing a letter jumps in it by
 * keyboard, and a phone shows its own picker.
 */
export function TimeZoneSelect({ id, name = "timeZone", current, describedBy }: { id: string; name?: string; current: string; describedBy?: string }) {
  const t = useT("preferences");
  // The region in the reader's language; the zones keep their IANA names, which every system shows alike.
  const regionLabel = (region: string) =>
    region === "current" ? t("timeZone.current") : region ? t(`timeZone.region.${region}` as MessageKey<"preferences">) : t("timeZone.noRegion");
  return (
    <select id={id} name={name} defaultValue={current} aria-describedby={describedBy} className="input w-full">
      {timeZoneGroups(current).map((group) => (
        <optgroup key={group.region} label={regionLabel(group.region)}>
          {group.zones.map((zone) => (
            <option key={zone}>{zone}</option>
          ))}
        </optgroup>
      ))}
    </select>
  );
}

/** The zone select with its label above and its hint below, wired to each other by `id`. */
export function TimeZoneField({
  id,
  label,
  hint,
  current,
  labelClassName,
}: {
  id: string;
  label: string;
  hint: string;
  current: string;
  labelClassName: string;
}) {
  return (
    <>
      <label htmlFor={id} className={labelClassName}>
        {label}
      </label>
      <TimeZoneSelect id={id} current={current} describedBy={`${id}-hint`} />
      <p id={`${id}-hint`} className="mt-1 text-xs text-slate-500">
        {hint}
      </p>
    </>
  );
}
