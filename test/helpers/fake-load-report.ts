import type { LoadReport, TimelinePoint } from "../../src/engine/load/index.js";

/** A plain report for unit tests: steady per-second samples around the given figures. */
export function fakeReport(o: {
  rps?: number;
  p50?: number;
  p99?: number;
  errorRate?: number;
  failures?: number;
  successes?: number;
  seconds?: number;
  spread?: number;
  statuses?: Record<string, number>;
}): LoadReport {
  const rps = o.rps ?? 1000;
  const p50 = o.p50 ?? 10;
  const p99 = o.p99 ?? 50;
  const seconds = o.seconds ?? 10;
  const spread = o.spread ?? 0.02;
  const successes = o.successes ?? rps * seconds;
  const failures = o.failures ?? 0;
  const wobble = (i: number) => 1 + (i % 2 === 0 ? spread : -spread);
  const timeline: TimelinePoint[] = Array.from({ length: seconds }, (_, i) => ({
    second: i + 1,
    requests: Math.round(rps * wobble(i)),
    rps: rps * wobble(i),
    errors: 0,
    p50: p50 * wobble(i + 1),
    p90: p99 * 0.7 * wobble(i + 1),
    p95: p99 * 0.8 * wobble(i + 1),
    p99: p99 * wobble(i + 1),
    level: 10,
    cpu: 20,
    lagMs: 1,
  }));
  const lat =
    successes > 0
      ? {
          count: successes,
          min: 1,
          mean: p50,
          p50,
          p90: p99 * 0.7,
          p95: p99 * 0.8,
          p99,
          p999: p99 * 2,
          max: p99 * 3,
        }
      : null;
  return {
    url: "http://127.0.0.1:1/",
    method: "GET",
    mode: "closed",
    concurrency: 10,
    startedAt: "2026-01-01T00:00:00.000Z",
    elapsedSec: seconds,
    interrupted: false,
    requests: successes + failures,
    successes,
    failures,
    warmupRequests: 0,
    rps,
    goodput: rps,
    errorRate: o.errorRate ?? (successes + failures > 0 ? failures / (successes + failures) : 0),
    latency: { success: lat, failure: null, all: lat },
    statuses: o.statuses ?? { "200": successes },
    errors: {},
    bytesIn: 0,
    bytesOut: 0,
    rateLimit: null,
    timeline,
    generator: { threads: 1, cpuAvg: 20, cpuMax: 30, lagP99Ms: 1, lagMaxMs: 2, bottleneck: false },
    protocol: "http/1.1",
    inFlightAtEnd: 0,
    unfinished: 0,
    unfinishedMaxMs: 0,
    distribution: lat
      ? [
          { percentile: 0, ms: 1 },
          { percentile: 50, ms: p50 },
          { percentile: 90, ms: p99 * 0.7 },
          { percentile: 99, ms: p99 },
          { percentile: 99.9, ms: p99 * 2 },
          { percentile: 100, ms: p99 * 3 },
        ]
      : [],
  };
}
