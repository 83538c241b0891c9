// Loaded into a server under test with NODE_OPTIONS=--import: every 250 ms it appends
// "<epoch ms> <largest event-loop delay in that span, ms>" to EVENT_LOOP_REPORT, so a test can
// read how long the server's own loop was held during any stretch of time.
import { appendFileSync } from "node:fs";
import { monitorEventLoopDelay } from "node:perf_hooks";

const report = process.env.EVENT_LOOP_REPORT;
if (report) {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  setInterval(() => {
    appendFileSync(report, `${Date.now()} ${(histogram.max / 1e6).toFixed(1)}\n`);
    histogram.reset();
  }, 250).unref();
}
