import { describe, expect, it } from "vitest";
import { judgeRun } from "../../src/engine/load/index.js";
import { loadReportText } from "../../src/report/load-report-text.js";
import { fakeReport } from "../helpers/fake-load-report.js";

describe("load report text", () => {
  it("draws no p99 timeline for a run without a single success (it read '0.00 ms–0.00 ms')", () => {
    const base = fakeReport({ successes: 0, failures: 20, seconds: 2 });
    const report = {
      ...base,
      errors: { timeout: 20 },
      statuses: {},
      timeline: base.timeline.map((p) => ({
        ...p,
        errors: 10,
        p50: null,
        p90: null,
        p95: null,
        p99: null,
      })),
    };
    const text = loadReportText(judgeRun(report, {}));
    expect(text).toContain("per second  req/s");
    expect(text).not.toMatch(/p99 +\S* +0\.00 ms/);
    expect(text).not.toMatch(/^ +p99 /m);
  });

  it("a dead target's summary (the live screen's, after it stops) is the line naming it", () => {
    const base = fakeReport({ successes: 0, failures: 340, seconds: 2 });
    const report = {
      ...base,
      errors: { refused: 340 },
      statuses: {},
      deadTarget: {
        address: "127.0.0.1:1",
        error: "connection refused (ECONNREFUSED)",
        afterMs: 1040,
      },
    };
    const outcome = judgeRun(report, {});
    expect(outcome.verdict.reasons).toEqual([
      "nothing answers at 127.0.0.1:1: connection refused (ECONNREFUSED) (every attempt for 1.0 s; stopped)",
    ]);
    const text = loadReportText(outcome);
    expect(text).toContain("✖ nothing answers at 127.0.0.1:1: connection refused (ECONNREFUSED)");
    // No figures from a second of refused connects (a req/s sparkline, failure percentiles).
    expect(text).not.toMatch(/per second|failed in|Little/);
  });
});
