import { describe, expect, it } from "vitest";
import { percentiles } from "../../../src/engine/load/aggregate.js";
import {
  addHistogram,
  addPacked,
  distributionOf,
  latencyBins,
  meanMicros,
  newHistogram,
  packHistogram,
  percentileMs,
  percentilesMs,
  recordMs,
} from "../../../src/engine/load/histogram.js";

describe("latency histogram", () => {
  it("never reports a percentile above the largest latency recorded", () => {
    const h = newHistogram();
    recordMs(h, 3004);
    recordMs(h, 3010);
    // 3 significant digits: 3010 ms shares a bucket whose top is above 3010
    expect(percentileMs(h, 99)).toBeLessThanOrEqual(3010);
    const p = percentiles(h)!;
    expect(p.max).toBe(3010);
    for (const v of [p.p50, p.p90, p.p95, p.p99, p.p999]) expect(v).toBeLessThanOrEqual(p.max);
  });

  it("bins every response into log-spaced latency ranges, fastest to slowest", () => {
    const h = newHistogram();
    for (let i = 1; i <= 1000; i++) recordMs(h, i / 10);
    const bins = latencyBins(h, 4);
    expect(bins).toHaveLength(4);
    expect(bins.reduce((n, b) => n + b.count, 0)).toBe(1000);
    expect(bins[0]!.fromMs).toBeCloseTo(0.1, 3);
    expect(bins[3]!.toMs).toBeCloseTo(100, 0);
    // log spacing: each range is 10^(3/4) ≈ 5.6 times the one before, so most values land last
    expect(bins[3]!.count).toBeGreaterThan(bins[2]!.count);
  });

  it("gives the latency at log-spaced percentiles up to the maximum", () => {
    const h = newHistogram();
    for (let i = 1; i <= 10_000; i++) recordMs(h, i / 100);
    const d = distributionOf(h);
    expect(d[0]).toEqual({ percentile: 0, ms: 0.01 });
    expect(d.find((x) => x.percentile === 99)!.ms).toBeCloseTo(99, 0);
    expect(d[d.length - 1]).toEqual({ percentile: 100, ms: 100 });
  });

  it("gives the same mean as hdr-histogram's own, without its iterator", () => {
    const h = newHistogram();
    for (let i = 1; i <= 5000; i++) recordMs(h, (i % 97) * 3.7 + i / 1000);
    recordMs(h, 2500);
    expect(meanMicros(h)).toBeCloseTo(h.mean, 6);
    expect(meanMicros(newHistogram())).toBe(0);
  });

  it("adds and carries between threads exactly what hdr's own add would", () => {
    const from = newHistogram();
    // A fixed spread from 40 µs to 2.5 s, a few values repeated.
    for (let i = 0; i < 5000; i++) recordMs(from, 0.04 + ((i * 7919) % 2500) * ((i % 13) / 12));
    recordMs(from, 2500);
    const viaHdr = newHistogram();
    recordMs(viaHdr, 0.5);
    viaHdr.add(from);
    const ours = newHistogram();
    recordMs(ours, 0.5);
    addHistogram(ours, from);
    const packed = newHistogram();
    recordMs(packed, 0.5);
    addPacked(packed, packHistogram(from));
    for (const h of [ours, packed]) {
      expect(h.totalCount).toBe(viaHdr.totalCount);
      expect(h.minNonZeroValue).toBe(viaHdr.minNonZeroValue);
      expect(h.maxValue).toBe(viaHdr.maxValue);
      expect(distributionOf(h)).toEqual(distributionOf(viaHdr));
      expect(meanMicros(h)).toBe(meanMicros(viaHdr));
    }
    // Nothing recorded: nothing added, and nothing to post.
    expect(packHistogram(newHistogram())).toHaveLength(0);
    addHistogram(ours, newHistogram());
    expect(ours.totalCount).toBe(viaHdr.totalCount);
  });

  it("gives every percentile in one walk exactly as one at a time", () => {
    const h = newHistogram();
    for (let i = 0; i < 3001; i++) recordMs(h, 0.2 + ((i * 104729) % 997) * ((i % 7) + 1) * 0.01);
    const ps = [0, 1, 10, 25, 50, 75, 90, 95, 99, 99.5, 99.9, 99.99, 100];
    expect(percentilesMs(h, ps)).toEqual(ps.map((p) => percentileMs(h, p)));
    expect(percentilesMs(newHistogram(), [50, 99])).toEqual([0, 0]);
  });
});
