// Drives load with autocannon: no pipelining, a warm-up, then a measured
// period. Latency percentiles come from every response's own time.
import autocannon from "autocannon";

export interface Target {
  path: string;
  cookie?: string;
}

export interface LoadResult {
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  statusCodes: Record<string, number>;
}

function percentile(sorted: number[], p: number) {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function drive(url: string, targets: Target[], seconds: number, connections: number, record: boolean) {
  let next = 0;
  const latencies: number[] = [];
  const statusCodes: Record<string, number> = {};
  const instance = autocannon({
    url,
    connections,
    pipelining: 1,
    duration: seconds,
    timeout: 10,
    requests: [
      {
        setupRequest: (request: Record<string, unknown>) => {
          const target = targets[next++ % targets.length]!;
          return { ...request, path: target.path, headers: { ...(request.headers as object), ...(target.cookie ? { cookie: target.cookie } : {}) } };
        },
      },
    ],
  });
  if (record) {
    instance.on("response", (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
      latencies.push(responseTime);
      statusCodes[statusCode] = (statusCodes[statusCode] ?? 0) + 1;
    });
  }
  const result = await instance;
  return { result, latencies, statusCodes };
}

export async function measure(url: string, targets: Target[], { connections = 20, warmupSeconds = 3, seconds = 10 } = {}): Promise<LoadResult> {
  await drive(url, targets, warmupSeconds, connections, false);
  const { result, latencies, statusCodes } = await drive(url, targets, seconds, connections, true);
  latencies.sort((a, b) => a - b);
  const non2xx = Object.entries(statusCodes)
    .filter(([code]) => !code.startsWith("2"))
    .reduce((sum, [, n]) => sum + n, 0);
  return {
    requests: latencies.length,
    rps: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    errors: non2xx + result.errors + result.timeouts,
    statusCodes,
  };
}
