import { describe, expect, it } from "vitest";
import { findSaturation, judgeSlo, recommend } from "../../../src/engine/load/index.js";
import { fakeReport } from "../../helpers/fake-load-report.js";

describe("recommendations", () => {
  it("applies Little's law to the run's own numbers", () => {
    const recs = recommend(fakeReport({ rps: 1000, p50: 10 }));
    const capacity = recs.find((r) => r.topic === "capacity")!;
    expect(capacity.message).toContain("1000 req/s × 10 ms mean latency ≈ 10 requests in flight");
  });

  it("finds saturation where a higher ramp level adds latency but no throughput", () => {
    const report = fakeReport({ seconds: 6 });
    report.timeline = report.timeline.map((p, i) => ({
      ...p,
      level: i < 3 ? 50 : 100,
      rps: 1000,
      p99: i < 3 ? 40 : 90,
    }));
    expect(findSaturation(report.timeline)?.message).toContain(
      "going from level 50 to 100 raised p99 from 40 to 90 ms without more throughput",
    );
  });

  it("says so when every request failed", () => {
    const recs = recommend({
      ...fakeReport({ successes: 0, failures: 10 }),
      errors: { refused: 10 },
      statuses: {},
    });
    expect(recs[0]).toMatchObject({ severity: "bad" });
    expect(recs[0]!.message).toContain("every request failed (connection refused ×10)");
  });

  it("measures the distance to the SLO floor", () => {
    const report = fakeReport({ p50: 10, p99: 700 });
    const slo = judgeSlo(report, {
      name: "node-express",
      source: "profile",
      latencyMs: { p50: 80, p99: 600 },
    });
    expect(slo.passed).toBe(false);
    expect(slo.checks).toEqual([
      { percentile: "p50", floorMs: 80, actualMs: 10, passed: true, headroomMs: 70 },
      { percentile: "p99", floorMs: 600, actualMs: 700, passed: false, headroomMs: -100 },
    ]);
    const messages = recommend(report, slo)
      .filter((r) => r.topic === "slo")
      .map((r) => r.message);
    expect(messages).toContain("p99 700 ms is over the node-express floor of 600 ms by 100 ms");
  });
});
