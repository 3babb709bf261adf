import type { LoadReport, TimelinePoint } from "./types.js";

export type Better = "lower" | "higher";

/** One metric of a comparison; `change` is (current − baseline) / baseline, so +0.1 = 10 % more. */
export interface MetricDelta {
  metric: string;
  label: string;
  unit: "ms" | "req/s" | "%";
  better: Better;
  baseline: number | null;
  current: number | null;
  change: number | null;
  /** Relative change below which the difference is run-to-run noise. */
  noise: number;
  verdict: "better" | "worse" | "within noise" | "n/a";
}

export interface Comparison {
  metrics: MetricDelta[];
  verdict: "improved" | "regressed" | "mixed" | "no significant change";
}

/** Smallest change we ever call real, whatever the spread says. */
export const MIN_EFFECT = 0.03;
const FALLBACK_NOISE = 0.1;

/**
 * Compare `current` against `baseline` metric by metric. A difference counts only when it
 * exceeds the noise: twice the standard error of the per-second samples of both runs
 * (Welch-style), and never less than 3 %.
 */
export function compareReports(baseline: LoadReport, current: LoadReport): Comparison {
  const metrics: MetricDelta[] = [
    delta(
      "rps",
      "throughput",
      "req/s",
      "higher",
      baseline.rps,
      current.rps,
      series(baseline, current, (p) => p.rps),
    ),
    latency("p50", baseline, current, (p) => p.p50),
    latency("p90", baseline, current, (p) => p.p95),
    latency("p95", baseline, current, (p) => p.p95),
    latency("p99", baseline, current, (p) => p.p99),
    errorDelta(baseline, current),
  ];
  const worse = metrics.some((m) => m.verdict === "worse");
  const better = metrics.some((m) => m.verdict === "better");
  return {
    metrics,
    verdict:
      worse && better
        ? "mixed"
        : worse
          ? "regressed"
          : better
            ? "improved"
            : "no significant change",
  };
}

function latency(
  key: "p50" | "p90" | "p95" | "p99",
  a: LoadReport,
  b: LoadReport,
  pick: (p: TimelinePoint) => number | null,
): MetricDelta {
  const va = a.latency.success?.[key] ?? null;
  const vb = b.latency.success?.[key] ?? null;
  return delta(key, `${key} latency`, "ms", "lower", va, vb, series(a, b, pick));
}

function errorDelta(a: LoadReport, b: LoadReport): MetricDelta {
  const pa = a.errorRate;
  const pb = b.errorRate;
  const se = Math.sqrt(
    (pa * (1 - pa)) / Math.max(1, a.requests) + (pb * (1 - pb)) / Math.max(1, b.requests),
  );
  const diff = pb - pa;
  const significant = Math.abs(diff) > 2 * se && Math.abs(diff) >= 0.001;
  return {
    metric: "errors",
    label: "error rate",
    unit: "%",
    better: "lower",
    baseline: round(pa * 100),
    current: round(pb * 100),
    change: pa > 0 ? round(diff / pa) : null,
    noise: pa > 0 ? round((2 * se) / pa) : 0,
    verdict: significant ? (diff < 0 ? "better" : "worse") : "within noise",
  };
}

/** Relative noise band from per-second samples of both runs. */
function series(a: LoadReport, b: LoadReport, pick: (p: TimelinePoint) => number | null): number {
  const xa = samples(a, pick);
  const xb = samples(b, pick);
  if (xa.length < 3 || xb.length < 3) return FALLBACK_NOISE;
  const ma = mean(xa);
  if (ma === 0) return FALLBACK_NOISE;
  const se = Math.sqrt(variance(xa) / xa.length + variance(xb) / xb.length);
  return Math.max(MIN_EFFECT, (2 * se) / ma);
}

function samples(r: LoadReport, pick: (p: TimelinePoint) => number | null): number[] {
  return r.timeline
    .filter((p) => p.requests > 0)
    .map(pick)
    .filter((v): v is number => v !== null);
}

function delta(
  metric: string,
  label: string,
  unit: MetricDelta["unit"],
  better: Better,
  baseline: number | null,
  current: number | null,
  noise: number,
): MetricDelta {
  if (baseline === null || current === null || baseline === 0) {
    return { metric, label, unit, better, baseline, current, change: null, noise, verdict: "n/a" };
  }
  const change = (current - baseline) / baseline;
  const significant = Math.abs(change) > noise;
  const improved = better === "lower" ? change < 0 : change > 0;
  return {
    metric,
    label,
    unit,
    better,
    baseline,
    current,
    change: round(change),
    noise: round(noise),
    verdict: significant ? (improved ? "better" : "worse") : "within noise",
  };
}

const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
function variance(xs: number[]): number {
  const m = mean(xs);
  return xs.reduce((s, x) => s + (x - m) ** 2, 0) / Math.max(1, xs.length - 1);
}
const round = (v: number) => Math.round(v * 10_000) / 10_000;
