// The benchmark's table and its targets (printed as met or not; nothing fails on timing).
import { LANGUAGES, type Language } from "../../app/lib/i18n/languages.ts";
import type { LoadResult } from "./load.ts";

export const TARGETS = { minBaselineRatio: 0.3, maxP95Ms: 150, maxQueries: 6, maxJsKb: 150, maxErrors: 0 };

export interface PageReport {
  name: string;
  route: string | null;
  targetCount: number;
  queries10: number;
  queries50: number;
  /** The page's modules (the same in every language). */
  jsKb: number;
  /** The catalogue JSON the page carries, per language (null for a resource route). */
  catalogueKb: Record<Language, number> | null;
  load: LoadResult;
}

/** What a page needs before it works in its heaviest language: its modules and its words. */
export const initialKb = (page: PageReport) => page.jsKb + Math.max(0, ...Object.values(page.catalogueKb ?? {}));

interface Run {
  machine: { cpus: number; cpuModel: string };
  settings: { connections: number; seconds: number; warmupSeconds: number; users: number; organizations: number; serverProcesses: number };
  pages: PageReport[];
}

const pad = (s: string, n: number) => (s.length >= n ? s : s + " ".repeat(n - s.length));
const padLeft = (s: string, n: number) => (s.length >= n ? s : " ".repeat(n - s.length) + s);

/** Prints the table; true when every target is met. */
export function printReport(run: Run): boolean {
  const baseline = run.pages[0]!.load.rps;
  const header = ["page", "req/s", "× base", "p50 ms", "p95 ms", "p99 ms", "errors", "SQL@10", "SQL@50", "JS kB gz", "targets"];
  const widths = [26, 8, 7, 7, 7, 7, 7, 7, 7, 9, 0];
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? pad(c, widths[i]!) : padLeft(c, widths[i]!))).join(" ");
  console.log(
    `\n${run.machine.cpus} × ${run.machine.cpuModel}; ${run.settings.connections} connections, ${run.settings.warmupSeconds} s warm-up + ${run.settings.seconds} s per page; ${run.settings.users} users of ${run.settings.organizations} organizations; ${run.settings.serverProcesses} server process${run.settings.serverProcesses === 1 ? "" : "es"}\n`,
  );
  console.log(line(header));
  let allMet = true;
  for (const [i, page] of run.pages.entries()) {
    const ratio = page.load.rps / baseline;
    const misses: string[] = [];
    if (i > 0) {
      if (ratio < TARGETS.minBaselineRatio) misses.push("throughput");
      if (page.load.p95 > TARGETS.maxP95Ms) misses.push("p95");
      if (Math.max(page.queries10, page.queries50) > TARGETS.maxQueries || page.queries10 !== page.queries50) misses.push("queries");
      if (initialKb(page) > TARGETS.maxJsKb) misses.push("JS");
    }
    if (page.load.errors > TARGETS.maxErrors) misses.push("errors");
    allMet &&= misses.length === 0;
    console.log(
      line([
        page.name,
        page.load.rps.toFixed(0),
        i === 0 ? "1.00" : ratio.toFixed(2),
        page.load.p50.toFixed(0),
        page.load.p95.toFixed(0),
        page.load.p99.toFixed(0),
        String(page.load.errors),
        String(page.queries10),
        String(page.queries50),
        page.route ? initialKb(page).toFixed(1) : "—",
        misses.length ? `NOT MET: ${misses.join(", ")}` : "met",
      ]),
    );
  }
  console.log(`\nInitial JS per language, kB gzip (modules + the page's catalogue JSON):\n`);
  const languageLine = (cells: string[]) => cells.map((c, i) => (i === 0 ? pad(c, widths[0]!) : padLeft(c, 9))).join(" ");
  console.log(languageLine(["page", "modules", ...LANGUAGES]));
  for (const page of run.pages)
    if (page.catalogueKb)
      console.log(languageLine([page.name, page.jsKb.toFixed(1), ...LANGUAGES.map((language) => (page.jsKb + page.catalogueKb![language]).toFixed(1))]));
  for (const page of run.pages) {
    const failed = Object.entries(page.load.statusCodes).filter(([code]) => !code.startsWith("2"));
    if (failed.length) console.log(`${page.name}: ${failed.map(([code, n]) => `${n} × ${code}`).join(", ")}`);
  }
  console.log(
    `\nTargets: ≥ ${TARGETS.minBaselineRatio * 100}% of the baseline's req/s, p95 ≤ ${TARGETS.maxP95Ms} ms, ≤ ${TARGETS.maxQueries} SQL statements at page size 10 and 50 (the same at both), ≤ ${TARGETS.maxJsKb} kB gzip initial JS in every language, ${TARGETS.maxErrors} errors.`,
  );
  return allMet;
}
