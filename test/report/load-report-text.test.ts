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
});
