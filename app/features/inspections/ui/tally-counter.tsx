import { useT } from "~/lib/i18n/translate.ts";

/**
 * A defect's count with big − and + buttons (44 px targets, for a thumb on a phone). The number
 * field posts the count and can be typed in; the buttons need JavaScript and change it by one.
 */
export function TallyCounter({
  id,
  name,
  value,
  label,
  disabled = false,
  onChange,
}: {
  id: string;
  name: string;
  value: string;
  /** What is counted, for the field and both buttons' names. */
  label: string;
  disabled?: boolean;
  onChange: (value: string) => void;
}) {
  const t = useT("inspecting");
  const count = /^\d+$/.test(value.trim()) ? Number(value.trim()) : 0;
  const button = "min-h-11 min-w-11 rounded-md border border-slate-300 bg-white text-xl font-semibold text-slate-800 disabled:opacity-50";
  return (
    <div className="flex items-center gap-1" role="group" aria-label={label}>
      <button
        type="button"
        className={button}
        disabled={disabled || count === 0}
        aria-label={t("tally.less", { what: label })}
        onClick={() => onChange(String(count - 1))}
      >
        −
      </button>
      <input
        id={id}
        name={name}
        type="text"
        inputMode="numeric"
        pattern="[0-9]*"
        autoComplete="off"
        aria-label={t("tally.count", { what: label })}
        value={value}
        disabled={disabled}
        onChange={(event) => onChange(event.target.value)}
        className="min-h-11 w-16 rounded-md border border-slate-300 px-2 text-center font-mono text-lg tabular-nums"
      />
      <button type="button" className={button} disabled={disabled} aria-label={t("tally.more", { what: label })} onClick={() => onChange(String(count + 1))}>
        +
      </button>
    </div>
  );
}
