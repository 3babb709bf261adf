import type { Gates, LivePoint } from "../../../engine/load/index.js";

/**
 * Fit `values` to exactly `columns` points: fewer values are stretched (each repeated over its
 * share of the width), more are squeezed (each column the max of its values, so spikes stay).
 * Gaps (null) repeat the last value; nothing yet gives an empty list.
 */
export function fitColumns(values: Array<number | null>, columns: number): number[] {
  const n = values.length;
  if (n === 0 || columns < 1) return [];
  let last = values.find((v) => v !== null) ?? 0;
  const filled = values.map((v) => {
    if (v !== null) last = v;
    return last;
  });
  const out: number[] = [];
  for (let c = 0; c < columns; c++) {
    const from = Math.floor((c * n) / columns);
    const to = Math.max(from + 1, Math.floor(((c + 1) * n) / columns));
    let max = filled[from]!;
    for (let i = from + 1; i < to; i++) max = Math.max(max, filled[i]!);
    out.push(max);
  }
  return out;
}

export interface LiveSeries {
  p50: number[];
  p90: number[];
  p99: number[];
  rps: number[];
  /** Seconds the chart spans (the window, or the time so far while shorter). */
  spanSec: number;
}

/**
 * The chart data for the last `windowSec` seconds of quarter-second slices, spread over the full
 * `columns` from the first slice on (a short run is stretched, a long one scrolls).
 */
export function liveSeries(recent: LivePoint[], windowSec: number, columns: number): LiveSeries {
  const lastAt = recent.length ? recent[recent.length - 1]!.atMs : 0;
  const shown = recent.filter((p) => p.atMs > lastAt - windowSec * 1000);
  const pick = (f: (p: LivePoint) => number | null) => fitColumns(shown.map(f), columns);
  return {
    p50: pick((p) => p.p50),
    p90: pick((p) => p.p90),
    p99: pick((p) => p.p99),
    rps: pick((p) => p.rps),
    spanSec: Math.min(windowSec, lastAt / 1000),
  };
}

/** The latency lines a run is held to: --fail-on conditions on a percentile, and the --slo floors. */
export function latencyLimits(gates: Gates): Array<{ label: string; ms: number }> {
  const out: Array<{ label: string; ms: number }> = [];
  for (const t of gates.failOn ?? [])
    if (t.stage === undefined && t.unit === "ms" && /^p\d/.test(t.metric) && t.op.startsWith(">"))
      out.push({ label: t.text, ms: t.value });
  const slo = gates.slo;
  if (slo)
    for (const [p, v] of Object.entries(slo.latencyMs))
      if (v !== undefined) out.push({ label: `SLO ${p} ${v} ms`, ms: v });
  return out;
}
