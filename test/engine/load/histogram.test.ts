import { describe, expect, it } from "vitest";
import { percentiles } from "../../../src/engine/load/aggregate.js";
import { newHistogram, percentileMs, recordMs } from "../../../src/engine/load/histogram.js";

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
});
