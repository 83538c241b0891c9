import { useLingui } from "@lingui/react";
import { useEffect, useState, useSyncExternalStore, type KeyboardEvent } from "react";
import { flushSync } from "react-dom";
import {
  cellId,
  cellProblem,
  failReason,
  judgeCell,
  readingFieldName,
  summarizeRow,
  type CellVerdict,
  type Readings,
  type RowSummary,
  type RowVerdict,
} from "~/features/first-articles/judge.ts";
import { displayNumber, limitsText, whyNotJudged } from "~/features/specs/characteristic.ts";
import type { CharacteristicSnapshot } from "~/features/specs/snapshot.ts";
import { UnsavedChangesPrompt } from "~/components/unsaved-changes.tsx";
import { useMessageText } from "~/lib/i18n/translate.ts";
import { useT, type Translate } from "~/lib/i18n/translate.ts";
import { AutosaveStatusLine, CellConflictNote } from "./autosave-status.tsx";
import { useGridReadings } from "./use-grid-readings.ts";

const subscribeToNothing = () => () => {};

export interface MeasurementGridProps {
  characteristics: readonly CharacteristicSnapshot[];
  sampleCount: number;
  /** Raw strings per characteristic key, one per sample. Shown again whenever their content changes. */
  readings: Readings;
  editable: boolean;
  /** Messages from the last submit (message() text), by `cellId`; a cell's message hides once it is edited. */
  serverErrors?: Record<string, string>;
  /** What the server holds, when `readings` are a refused form's as typed; `readings` otherwise. */
  storedReadings?: Readings;
  /** Where to post changed cells as they are typed (the Save button still saves everything, and works without JavaScript). */
  autosaveTo?: string;
  /** A note under a characteristic's name, by key (a next round's "measure again"). */
  rowNotes?: Record<string, string>;
  /**
   * Told whenever the grid's unsaved state changes, for a page that asks once before leaving for
   * all its sections (a router holds one such question at a time); the grid then asks nothing itself.
   */
  onUnsavedChange?: (unsaved: boolean) => void;
}

// Every state carries a symbol and words as well as a colour, so nobody has
// to tell red from green to read the grid.
const CELL_STYLE: Record<CellVerdict, { editable: string; readOnly: string; mark: string }> = {
  pass: { editable: "bg-green-50", readOnly: "bg-green-50 text-green-900", mark: "✓" },
  fail: { editable: "bg-red-100 ring-2 ring-inset ring-red-600", readOnly: "bg-red-600 font-semibold text-white", mark: "✗" },
  invalid: { editable: "bg-amber-100 ring-2 ring-inset ring-amber-500", readOnly: "bg-amber-100 text-amber-900", mark: "?" },
  empty: { editable: "", readOnly: "text-slate-400", mark: "" },
  // A reading against a characteristic published without limits it can be judged by (docs/decisions/010).
  unjudged: { editable: "bg-slate-100", readOnly: "bg-slate-100 text-slate-800", mark: "–" },
};
const MARK_STYLE: Record<CellVerdict, string> = {
  pass: "text-green-700",
  fail: "text-red-700",
  invalid: "text-amber-800",
  empty: "",
  unjudged: "text-slate-600",
};
const ROW_VERDICT_STYLE: Record<RowVerdict, string> = {
  pass: "text-green-800",
  fail: "font-semibold text-red-700",
  incomplete: "text-slate-600",
  unjudged: "text-slate-700",
};

type T = Translate<"firstArticles">;

/** The limits under a characteristic's name; a pass / fail one's in the reader's language. */
function limitsOf(t: T, c: CharacteristicSnapshot, specs: Translate<"specs">, locale: string): string {
  return c.kind === "ATTRIBUTE" ? t("grid.passFail") : limitsText(c, specs, locale);
}

function padded(readings: Readings, characteristics: readonly CharacteristicSnapshot[], sampleCount: number): Readings {
  const out: Readings = {};
  for (const c of characteristics) out[c.key] = Array.from({ length: sampleCount }, (_, i) => readings[c.key]?.[i] ?? "");
  return out;
}

/** Words for a cell's state, read by screen readers and shown as a tooltip. */
function describe(t: T, c: CharacteristicSnapshot, raw: string, verdict: CellVerdict, specs: Translate<"specs">, locale: string): string {
  if (c.kind === "ATTRIBUTE" && (verdict === "pass" || verdict === "fail")) return verdict === "pass" ? t("grid.pass") : t("grid.fail");
  if (verdict === "pass") return t("grid.passWithin", { limits: limitsText(c, specs, locale) });
  if (verdict === "fail") {
    const reason = failReason(c, raw, specs, locale);
    return t("grid.failBecause", { reason: reason ? t(reason.key, reason.values) : limitsText(c, specs, locale) });
  }
  if (verdict === "invalid") {
    const problem = cellProblem(c, raw);
    return problem ? t(problem.key, problem.values) : t("grid.cannotRead");
  }
  if (verdict === "unjudged") return t("grid.cannotJudgeBecause", { reason: String(whyNotJudged(c, specs)) });
  return t("grid.empty");
}

function shownValue(t: T, c: CharacteristicSnapshot, raw: string): string {
  const judged = judgeCell(c, raw);
  if (judged.value !== null) return displayNumber(judged.value);
  if (judged.passed !== null) return judged.passed ? t("grid.pass") : t("grid.fail");
  return raw.trim();
}

function attributeValue(raw: string): string {
  const upper = raw.trim().toUpperCase();
  return upper === "PASS" || upper === "FAIL" ? upper : raw.trim();
}

function Summary({ c, summary, hidden }: { c: CharacteristicSnapshot; summary: RowSummary; hidden: string }) {
  const t = useT("firstArticles");
  const detail =
    summary.verdict === "fail" ? ` (${summary.failing})` : summary.verdict === "incomplete" ? ` ${t("grid.open", { count: summary.problems })}` : "";
  const stat = `border-b border-slate-200 px-2 py-2 text-right font-mono tabular-nums ${hidden}`;
  return (
    <>
      {c.kind === "ATTRIBUTE" ? (
        <td colSpan={3} className={`border-b border-slate-200 px-2 py-2 text-center ${hidden}`}>
          {t("grid.attributeSummary", { passed: summary.passed, failing: summary.failing })}
        </td>
      ) : (
        <>
          <td className={stat}>{summary.min === null ? "—" : displayNumber(summary.min)}</td>
          <td className={stat}>{summary.max === null ? "—" : displayNumber(summary.max)}</td>
          <td className={stat}>{summary.mean === null ? "—" : displayNumber(summary.mean)}</td>
        </>
      )}
      <td
        className={`whitespace-nowrap border-b border-slate-200 px-2 py-2 max-sm:whitespace-normal max-sm:px-1 ${ROW_VERDICT_STYLE[summary.verdict]}`}
        data-row-verdict={summary.verdict}
      >
        {/* The verdict stays one line on a phone ("✓ 合格"); only its detail wraps. */}
        <span className="whitespace-nowrap">{t(`grid.row.${summary.verdict}`)}</span>
        <span className="text-xs font-normal max-sm:block">{detail}</span>
      </td>
    </>
  );
}

/**
 * Characteristics down, samples across, each cell judged against its limits
 * as it is typed. Inputs post as `m.<key>.<sample>`. On a phone one sample
 * column shows at a time; the others are only hidden, so the form still posts
 * every value. Without JavaScript the table scrolls sideways instead.
 */
export function MeasurementGrid({
  characteristics,
  sampleCount,
  readings,
  editable,
  serverErrors = {},
  storedReadings,
  autosaveTo,
  rowNotes = {},
  onUnsavedChange,
}: MeasurementGridProps) {
  const t = useT("firstArticles");
  const say = useMessageText();
  const specs = useT("specs");
  const { locale } = useLingui().i18n;
  const shown = padded(readings, characteristics, sampleCount);
  const grid = useGridReadings(shown, storedReadings ? padded(storedReadings, characteristics, sampleCount) : shown, editable ? autosaveTo : undefined);
  const { values } = grid;
  useEffect(() => onUnsavedChange?.(grid.unsaved), [onUnsavedChange, grid.unsaved]);
  const [edited, setEdited] = useState<ReadonlySet<string>>(() => new Set());
  // New readings from the server answer the last submit: its messages show again on every cell.
  const signature = JSON.stringify(shown);
  const [seen, setSeen] = useState(signature);
  if (seen !== signature) {
    setSeen(signature);
    setEdited(new Set());
  }
  const [active, setActive] = useState(1);
  // The one-sample view needs the switcher, which needs JavaScript.
  // False on the server and while hydrating, true once the page runs in the browser.
  const enhanced = useSyncExternalStore(
    subscribeToNothing,
    () => true,
    () => false,
  );

  const samples = Array.from({ length: sampleCount }, (_, i) => i + 1);
  const sampleHidden = (sample: number) => (enhanced && sample !== active ? "max-sm:hidden" : "");
  const statHidden = enhanced ? "max-sm:hidden" : "";

  // A link to a cell (from the list of problems above the form) must show that cell's sample on a phone.
  useEffect(() => {
    const reveal = (hash: string) => {
      const match = /^#(cell-.+)-(\d+)$/.exec(hash);
      const sample = Number(match?.[2]);
      if (!match || !(sample >= 1 && sample <= sampleCount)) return;
      const target = document.getElementById(hash.slice(1));
      if (!target) return;
      flushSync(() => setActive(sample));
      target.scrollIntoView({ block: "center" });
      target.focus({ preventScroll: true });
    };
    const onClick = (event: MouseEvent) => {
      const link = event.target instanceof Element ? event.target.closest<HTMLAnchorElement>('a[href^="#cell-"]') : null;
      const hash = link?.getAttribute("href");
      if (hash) requestAnimationFrame(() => reveal(hash));
    };
    const onHashChange = () => reveal(window.location.hash);
    // After mount, not during it: flushSync may not run inside an effect.
    const frame = requestAnimationFrame(onHashChange);
    document.addEventListener("click", onClick);
    window.addEventListener("hashchange", onHashChange);
    return () => {
      cancelAnimationFrame(frame);
      document.removeEventListener("click", onClick);
      window.removeEventListener("hashchange", onHashChange);
    };
  }, [sampleCount]);

  const update = (c: CharacteristicSnapshot, sample: number, raw: string) => {
    grid.setCell(c.key, sample, raw);
    setEdited((prev) => new Set(prev).add(cellId(c.number, sample)));
  };

  // Enter goes down the sample column, then to the top of the next one: the order readings are taken in.
  const onKeyDown = (event: KeyboardEvent<HTMLElement>, row: number, sample: number) => {
    if (event.key !== "Enter" || event.nativeEvent.isComposing) return;
    event.preventDefault();
    const nextRow = row + 1 < characteristics.length ? row + 1 : 0;
    const nextSample = nextRow === 0 ? sample + 1 : sample;
    const next = characteristics[nextRow];
    if (!next || nextSample > sampleCount) return;
    if (nextSample !== active) flushSync(() => setActive(nextSample));
    const target = document.getElementById(cellId(next.number, nextSample));
    target?.focus();
    if (target instanceof HTMLInputElement) target.select();
  };

  const sampleMark = (sample: number) => {
    const verdicts = characteristics.map((c) => judgeCell(c, values[c.key]?.[sample - 1] ?? "").verdict);
    if (verdicts.includes("fail")) return "✗";
    return verdicts.length > 0 && verdicts.every((v) => v === "pass") ? "✓" : "";
  };

  return (
    <div className="space-y-2">
      {editable && !onUnsavedChange ? <UnsavedChangesPrompt when={grid.unsaved} /> : null}
      {enhanced && editable && autosaveTo ? <AutosaveStatusLine status={grid.status} /> : null}
      {enhanced && sampleCount > 1 ? (
        <div role="group" aria-label={t("grid.sampleShown")} className="flex items-center gap-1 overflow-x-auto pb-1 sm:hidden">
          <span className="mr-1 shrink-0 text-sm text-slate-600">{t("grid.sample")}</span>
          {samples.map((sample) => (
            <button
              key={sample}
              type="button"
              aria-pressed={sample === active}
              onClick={() => setActive(sample)}
              className={`min-h-11 min-w-11 shrink-0 rounded-md border px-2 text-sm font-medium ${
                sample === active ? "border-brand-600 bg-brand-600 text-white" : "border-slate-300 bg-white text-slate-800"
              }`}
            >
              {sample}
              <span aria-hidden="true">{sampleMark(sample)}</span>
            </button>
          ))}
        </div>
      ) : null}
      {/* Edge to edge of its card on a phone: the characteristic, one sample and the verdict fit side by side, with no column pinned over another. */}
      <div className="relative overflow-x-auto rounded-md border border-slate-200 bg-white max-sm:-mx-2 max-sm:rounded-none max-sm:border-x-0">
        <table className="min-w-full border-separate border-spacing-0 text-sm">
          <thead>
            <tr className="text-left text-slate-600">
              <th scope="col" className="sticky left-0 z-10 border-b border-slate-200 bg-white px-3 py-2 max-sm:px-2">
                {t("grid.characteristic")}
              </th>
              {samples.map((sample) => (
                <th key={sample} scope="col" className={`whitespace-nowrap border-b border-slate-200 px-2 py-2 ${sampleHidden(sample)}`}>
                  {t("grid.sampleHeader", { sample })}
                </th>
              ))}
              {[t("grid.min"), t("grid.max"), t("grid.mean")].map((label) => (
                <th key={label} scope="col" className={`border-b border-slate-200 px-2 py-2 text-right ${statHidden}`}>
                  {label}
                </th>
              ))}
              <th scope="col" className="border-b border-slate-200 px-2 py-2 max-sm:px-1">
                {t("grid.verdict")}
              </th>
            </tr>
          </thead>
          <tbody>
            {characteristics.map((c, row) => {
              const raws = values[c.key] ?? [];
              const summary = summarizeRow(c, raws);
              return (
                <tr key={c.key} data-testid={`row-${c.number}`} className="align-top">
                  <th
                    scope="row"
                    className={`sticky left-0 z-10 min-w-[8rem] max-w-[14rem] border-b border-slate-200 bg-white px-3 py-2 text-left font-normal max-sm:min-w-0 max-sm:px-2 ${
                      summary.verdict === "fail" ? "border-l-4 border-l-red-600" : ""
                    }`}
                  >
                    <span className="font-semibold">{c.number}</span> {c.name}
                    <span className="block whitespace-nowrap font-mono text-xs text-slate-600 max-sm:whitespace-normal">{limitsOf(t, c, specs, locale)}</span>
                    {rowNotes[c.key] ? (
                      <span className="mt-1 block rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-950" data-testid="row-note">
                        {rowNotes[c.key]}
                      </span>
                    ) : null}
                  </th>
                  {samples.map((sample) => {
                    const raw = raws[sample - 1] ?? "";
                    const { verdict } = judgeCell(c, raw);
                    const id = cellId(c.number, sample);
                    const style = CELL_STYLE[verdict];
                    const description = describe(t, c, raw, verdict, specs, locale);
                    const serverError = edited.has(id) ? undefined : serverErrors[id];
                    const label = t("grid.cellLabel", { number: c.number, name: c.name, sample });
                    const conflict = editable ? grid.conflictOf(c.key, sample) : undefined;
                    const noteId = `${id}-note`;
                    const errorId = `${id}-error`;
                    const mark =
                      verdict === "empty" ? null : (
                        <span id={noteId} className={`shrink-0 font-bold ${editable ? MARK_STYLE[verdict] : ""}`}>
                          <span aria-hidden="true">{style.mark}</span>
                          <span className="sr-only">{description}</span>
                        </span>
                      );
                    const describedBy = [mark ? noteId : null, serverError ? errorId : null].filter(Boolean).join(" ") || undefined;
                    // At least eight characters of a reading in view on a phone, and a 44 px target.
                    const field = `min-h-10 rounded-md border border-slate-300 bg-white px-2 py-1 text-base max-sm:min-h-11 max-sm:min-w-[calc(8.5ch+1rem+2px)] sm:text-sm ${enhanced ? "max-sm:w-full" : ""}`;
                    return (
                      <td
                        key={sample}
                        id={editable ? undefined : id}
                        data-verdict={verdict}
                        title={verdict === "empty" ? undefined : description}
                        className={`border-b border-slate-200 px-2 py-1.5 max-sm:px-1 ${editable ? style.editable : style.readOnly} ${sampleHidden(sample)}`}
                      >
                        <div className="flex items-center gap-1.5 max-sm:gap-1">
                          {!editable ? (
                            verdict === "empty" ? (
                              <span>
                                <span aria-hidden="true">—</span>
                                <span className="sr-only">{t("grid.empty")}</span>
                              </span>
                            ) : (
                              <span className="whitespace-nowrap font-mono tabular-nums">{shownValue(t, c, raw)}</span>
                            )
                          ) : c.kind === "ATTRIBUTE" ? (
                            <select
                              id={id}
                              name={readingFieldName(c.key, sample)}
                              aria-label={label}
                              aria-describedby={describedBy}
                              aria-invalid={verdict === "invalid" || Boolean(serverError) || undefined}
                              value={attributeValue(raw)}
                              onChange={(event) => update(c, sample, event.target.value)}
                              onBlur={grid.flush}
                              onKeyDown={(event) => onKeyDown(event, row, sample)}
                              className={`${field} w-24`}
                            >
                              <option value="">—</option>
                              <option value="PASS">{t("grid.pass")}</option>
                              <option value="FAIL">{t("grid.fail")}</option>
                              {verdict === "invalid" ? <option value={attributeValue(raw)}>{t("grid.invalidChoice", { raw: raw.trim() })}</option> : null}
                            </select>
                          ) : (
                            <input
                              id={id}
                              name={readingFieldName(c.key, sample)}
                              type="text"
                              inputMode="decimal"
                              autoComplete="off"
                              maxLength={40}
                              aria-label={label}
                              aria-describedby={describedBy}
                              aria-invalid={verdict === "invalid" || Boolean(serverError) || undefined}
                              value={raw}
                              onChange={(event) => update(c, sample, event.target.value)}
                              onBlur={grid.flush}
                              onKeyDown={(event) => onKeyDown(event, row, sample)}
                              className={`${field} w-24 font-mono`}
                            />
                          )}
                          {mark}
                        </div>
                        {conflict !== undefined ? (
                          <CellConflictNote
                            theirs={conflict}
                            label={label}
                            onKeepMine={() => grid.resolve(c.key, sample, "mine")}
                            onTakeTheirs={() => grid.resolve(c.key, sample, "theirs")}
                          />
                        ) : null}
                        {serverError ? (
                          <p id={errorId} className="mt-1 max-w-[12rem] text-xs font-medium text-red-700">
                            {say(serverError)}
                          </p>
                        ) : null}
                      </td>
                    );
                  })}
                  <Summary c={c} summary={summary} hidden={statHidden} />
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
