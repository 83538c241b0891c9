// Small charts drawn as SVG on the server: no chart library, no script, and
// they print. Each chart is one image for assistive technology (role="img"
// with a label that says the numbers) and carries the same numbers as text
// or a table that only screen readers see, for those who browse by table.

import { useT, type Translate } from "~/lib/i18n/translate.ts";

const BRAND = "#2159bd"; // brand-600
const TRACK = "#e2e8f0"; // slate-200
const INK = "#334155"; // slate-700

/** "75%" or "66.7%"; "—" when there is nothing to count. */
export function formatPercent(percent: number | null) {
  return percent === null ? "—" : `${percent}%`;
}

/** "2.5 days", "1.0 day"; "—" when there is nothing to measure. */
export function formatDays(t: Translate<"dashboard">, days: number | null) {
  if (days === null) return "—";
  return t("chart.days", { days, value: days.toFixed(1) });
}

/**
 * A 0–100% bar for a rate. `percent` null (no denominator) draws an empty
 * track and says "no data" rather than 0%.
 */
export function RateBar({ label, percent, numerator, denominator }: { label: string; percent: number | null; numerator: number; denominator: number }) {
  const t = useT("dashboard");
  const width = percent === null ? 0 : Math.max(0, Math.min(100, percent));
  const description = percent === null ? t("chart.noData", { label }) : t("chart.rate", { label, percent: formatPercent(percent), numerator, denominator });
  return (
    <div className="mt-2">
      <svg viewBox="0 0 100 6" preserveAspectRatio="none" className="block h-3 w-full overflow-hidden rounded-full" role="img" aria-label={description}>
        <rect x="0" y="0" width="100" height="6" fill={TRACK} />
        {width > 0 ? <rect x="0" y="0" width={width} height="6" fill={BRAND} /> : null}
      </svg>
      <div className="mt-1 flex justify-between text-xs text-slate-500" aria-hidden="true">
        <span>0%</span>
        <span>50%</span>
        <span>100%</span>
      </div>
      <p className="sr-only">{description}</p>
    </div>
  );
}

export interface BarDatum {
  label: string;
  value: number;
}

/**
 * Horizontal bars, one per category, the label above its bar so long labels
 * fit a phone screen. Scaled to the largest value; every category keeps its
 * row (a zero is information too).
 */
export function HorizontalBarChart({ title, data, unit = "" }: { title: string; data: readonly BarDatum[]; unit?: string }) {
  const t = useT("dashboard");
  const width = 320;
  const countSpace = 44;
  const barMax = width - countSpace;
  const rowHeight = 36;
  const barHeight = 12;
  const height = data.length * rowHeight;
  const max = Math.max(1, ...data.map((d) => d.value));
  const total = data.reduce((sum, d) => sum + d.value, 0);
  const summary = `${title}: ${data.map((d) => `${d.label} ${d.value}${unit}`).join(", ")}.`;
  return (
    <figure className="max-w-md">
      <svg viewBox={`0 0 ${width} ${height}`} className="block h-auto w-full" role="img" aria-label={summary} fontFamily="inherit">
        {data.map((d, i) => {
          const y = i * rowHeight;
          const barWidth = d.value === 0 ? 0 : Math.max(2, (d.value / max) * barMax);
          return (
            <g key={d.label}>
              <text x="0" y={y + 13} fontSize="12" fill={INK}>
                {d.label}
              </text>
              <rect x="0" y={y + 18} width={barMax} height={barHeight} rx="2" fill={TRACK} />
              {barWidth > 0 ? <rect x="0" y={y + 18} width={barWidth} height={barHeight} rx="2" fill={BRAND} /> : null}
              <text x={barMax + 6} y={y + 28} fontSize="12" fontWeight="600" fill={INK}>
                {d.value}
                {unit}
              </text>
            </g>
          );
        })}
      </svg>
      {/* On a wrapper: a table ignores the 1px box of sr-only and would widen the page. */}
      <div className="sr-only">
        <table>
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">{t("chart.category")}</th>
              <th scope="col">{t("chart.count")}</th>
              <th scope="col">{t("chart.share")}</th>
            </tr>
          </thead>
          <tbody>
            {data.map((d) => (
              <tr key={d.label}>
                <th scope="row">{d.label}</th>
                <td>
                  {d.value}
                  {unit}
                </td>
                <td>{total === 0 ? "—" : `${Math.round((d.value / total) * 1000) / 10}%`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}

export interface ParetoDatum {
  label: string;
  value: number;
  /** The share of the whole this bar and those before it make (0–100). */
  cumulativePercent: number;
}

/**
 * A Pareto chart: bars largest first, each labelled above it, and the cumulative share drawn as
 * a line with its points against a 0–100% scale on the right. Drawn horizontally, so long
 * defect names fit a phone screen.
 */
export function ParetoChart({ title, data }: { title: string; data: readonly ParetoDatum[] }) {
  const t = useT("dashboard");
  const width = 320;
  const countSpace = 44;
  const barMax = width - countSpace;
  const rowHeight = 36;
  const barHeight = 12;
  const height = data.length * rowHeight;
  const max = Math.max(1, ...data.map((d) => d.value));
  const summary = `${title}: ${data.map((d) => t("chart.pareto", { label: d.label, count: d.value, cumulative: formatPercent(d.cumulativePercent) })).join(", ")}.`;
  const x = (percent: number) => (Math.max(0, Math.min(100, percent)) / 100) * barMax;
  const points = data.map((d, i) => `${x(d.cumulativePercent)},${i * rowHeight + 24}`).join(" ");
  return (
    <figure className="max-w-md">
      <svg viewBox={`0 0 ${width} ${height}`} className="block h-auto w-full" role="img" aria-label={summary} fontFamily="inherit">
        {data.map((d, i) => {
          const y = i * rowHeight;
          const barWidth = d.value === 0 ? 0 : Math.max(2, (d.value / max) * barMax);
          return (
            <g key={`${i}-${d.label}`}>
              <text x="0" y={y + 13} fontSize="12" fill={INK}>
                {d.label}
              </text>
              <rect x="0" y={y + 18} width={barMax} height={barHeight} rx="2" fill={TRACK} />
              {barWidth > 0 ? <rect x="0" y={y + 18} width={barWidth} height={barHeight} rx="2" fill={BRAND} /> : null}
              <text x={barMax + 6} y={y + 28} fontSize="12" fontWeight="600" fill={INK}>
                {d.value}
              </text>
            </g>
          );
        })}
        <polyline points={points} fill="none" stroke={INK} strokeWidth="1.5" strokeDasharray="3 2" />
        {data.map((d, i) => (
          <circle key={`p-${i}`} cx={x(d.cumulativePercent)} cy={i * rowHeight + 24} r="3" fill="white" stroke={INK} strokeWidth="1.5" />
        ))}
      </svg>
      <figcaption className="mt-1 text-xs text-slate-600" aria-hidden="true">
        {t("chart.paretoLegend")}
      </figcaption>
      {/* On a wrapper: a table ignores the 1px box of sr-only and would widen the page. */}
      <div className="sr-only">
        <table>
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">{t("chart.category")}</th>
              <th scope="col">{t("chart.count")}</th>
              <th scope="col">{t("chart.cumulative")}</th>
            </tr>
          </thead>
          <tbody>
            {data.map((d, i) => (
              <tr key={`${i}-${d.label}`}>
                <th scope="row">{d.label}</th>
                <td>{d.value}</td>
                <td>{formatPercent(d.cumulativePercent)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
