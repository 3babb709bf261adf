import type { LoadReport } from "./types.js";

/** The latency floor a run is judged against. */
export interface SloTarget {
  /** Profile name (for a transcript: the profile the decision picked). */
  name: string;
  source: "profile" | "transcript";
  latencyMs: { p50?: number; p95?: number; p99?: number };
}

export interface SloCheck {
  percentile: "p50" | "p95" | "p99";
  floorMs: number;
  actualMs: number | null;
  passed: boolean;
  /** floor − actual: positive is room left, negative is how far over. */
  headroomMs: number | null;
}

export interface SloResult {
  target: SloTarget;
  checks: SloCheck[];
  passed: boolean;
}

/** Judge a run's successful-response latency against the floor. */
export function judgeSlo(report: LoadReport, target: SloTarget): SloResult {
  const checks: SloCheck[] = [];
  for (const percentile of ["p50", "p95", "p99"] as const) {
    const floorMs = target.latencyMs[percentile];
    if (floorMs === undefined) continue;
    const actualMs = report.latency.success?.[percentile] ?? null;
    checks.push({
      percentile,
      floorMs,
      actualMs,
      passed: actualMs !== null && actualMs <= floorMs,
      headroomMs: actualMs === null ? null : Math.round((floorMs - actualMs) * 1000) / 1000,
    });
  }
  return { target, checks, passed: checks.every((c) => c.passed) };
}
