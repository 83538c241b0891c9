// Loaded into a server under test with NODE_OPTIONS=--import: every 250 ms it appends
// "<epoch ms> <largest event-loop delay in that span, ms> <main-thread CPU in that span, ms>" to
// EVENT_LOOP_REPORT, so a test can read how long the server's own loop was held during any
// stretch of time. The CPU figure tells a loop held by the server's own work (which burns CPU
// on the main thread for as long as it holds the loop) from a process the machine did not run
// (which burns none): on two cores shared with the database and the test, the second happens.
import { appendFileSync, readFileSync } from "node:fs";
import { monitorEventLoopDelay } from "node:perf_hooks";

const report = process.env.EVENT_LOOP_REPORT;
// Linux counts each thread's time in /proc in ticks of 10 ms (USER_HZ 100); the main thread's
// id is the process id. Elsewhere, the whole process's CPU, which only counts more.
const TICK_MS = 10;
function mainThreadCpuMs() {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
  }
}

if (report) {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  let cpuBefore = mainThreadCpuMs();
  setInterval(() => {
    const cpu = mainThreadCpuMs();
    appendFileSync(report, `${Date.now()} ${(histogram.max / 1e6).toFixed(1)} ${cpu - cpuBefore}\n`);
    cpuBefore = cpu;
    histogram.reset();
  }, 250).unref();
}
