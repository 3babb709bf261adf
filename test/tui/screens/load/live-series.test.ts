import { describe, expect, it } from "vitest";
import { parseFailOn } from "../../../../src/engine/load/index.js";
import { liveLayout } from "../../../../src/tui/screens/load/live-panel.js";
import {
  fitColumns,
  latencyLimits,
  liveSeries,
} from "../../../../src/tui/screens/load/live-series.js";

const slice = (atMs: number, p99: number) => ({
  atMs,
  requests: 10,
  rps: 40,
  errors: 0,
  p50: p99 / 4,
  p90: p99 / 2,
  p99,
  max: p99 * 2,
});

describe("live chart data", () => {
  it("stretches a short run over the full width and squeezes a long one keeping spikes", () => {
    expect(fitColumns([1, 2], 6)).toEqual([1, 1, 1, 2, 2, 2]);
    expect(fitColumns([1, 9, 1, 1, 2, 1], 3)).toEqual([9, 1, 2]);
    expect(fitColumns([null, 3, null], 3)).toEqual([3, 3, 3]);
    expect(fitColumns([], 10)).toEqual([]);
  });

  it("uses the full width from the first second and scrolls over the last window", () => {
    const early = liveSeries([slice(250, 8), slice(500, 12)], 60, 90);
    expect(early.p99).toHaveLength(90);
    expect(early.spanSec).toBe(0.5);
    const long = Array.from({ length: 400 }, (_, i) => slice((i + 1) * 250, i));
    const s = liveSeries(long, 30, 90);
    expect(s.p99).toHaveLength(90);
    // Only the last 30 s (120 slices) are shown: the oldest shown is slice 280.
    expect(Math.min(...s.p99)).toBeGreaterThanOrEqual(280);
    expect(s.spanSec).toBe(30);
  });

  it("draws --fail-on percentile conditions and --slo floors as limits", () => {
    const limits = latencyLimits({
      failOn: parseFailOn("p99>250ms,errors>1%,stage2.p50>10ms,p90>1s"),
      slo: { name: "api", source: "profile", latencyMs: { p99: 300 } },
    });
    expect(limits).toEqual([
      { label: "p99>250ms", ms: 250 },
      { label: "p90>1s", ms: 1000 },
      { label: "SLO p99 300 ms", ms: 300 },
    ]);
  });

  it("keeps the numbers and the latency chart at 80x24 and 60x20", () => {
    const at80 = liveLayout(80, 22, 2);
    expect(at80.latency).toBeGreaterThanOrEqual(6);
    expect(at80.rps).toBeGreaterThan(0);
    const at60 = liveLayout(60, 18, 4);
    expect(at60.latency).toBeGreaterThanOrEqual(5);
    const at100 = liveLayout(100, 28, 2);
    expect(at100.histogram).toBeGreaterThan(0);
    for (const l of [at80, at60, at100])
      expect(
        l.progress + l.generator + l.histogram + l.rps + l.latency + 2 + l.numbers,
      ).toBeLessThanOrEqual(l === at60 ? 18 : l === at80 ? 22 : 28);
  });
});
