// Asks a server's /livez every 20 ms from a process of its own (so that the test's own work
// cannot delay the measurement) and reports the slowest answer: while the server's event
// loop is blocked, /livez waits, so this is an upper bound of the server's event-loop delay.
import { spawn, spawnSync } from "node:child_process";

const SCRIPT = `
const url = process.argv[1];
let max = 0, samples = 0, failures = 0, running = true;
const slow = [];
process.stdin.on("end", () => { running = false; });
process.stdin.resume();
while (running) {
  const t0 = performance.now();
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(5000) });
    await response.arrayBuffer();
    if (!response.ok) failures++;
  } catch { failures++; }
  const ms = performance.now() - t0;
  samples++;
  if (ms > max) max = ms;
  if (ms > 100) slow.push(Math.round(ms));
  await new Promise((r) => setTimeout(r, 20));
}
process.stdout.write(JSON.stringify({ max, samples, failures, slow: slow.slice(0, 20) }));
`;

/**
 * Gives a process (and, for a process group leader, its group) precedence over the test's own
 * work, so that what is timed is the server, not two cores shared with the load generator.
 * Needs root, as CI and these machines run; elsewhere the priority stays as it was.
 */
export function raisePriority(pid: number, group = false) {
  spawnSync("renice", ["-n", "-5", group ? "-g" : "-p", String(pid)], { stdio: "ignore" });
}

export interface LivezReport {
  /** Slowest /livez answer, in ms. */
  max: number;
  samples: number;
  failures: number;
  /** The first answers slower than 100 ms. */
  slow: number[];
}

export function startLivezMonitor(baseUrl: string) {
  const child = spawn(process.execPath, ["--input-type=module", "-e", SCRIPT, `${baseUrl}/livez`], { stdio: ["pipe", "pipe", "inherit"] });
  raisePriority(child.pid!);
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return {
    async stop(): Promise<LivezReport> {
      child.stdin.end();
      await exited;
      return JSON.parse(output) as LivezReport;
    },
  };
}
