import { describe, expect, it } from "vitest";
import { judgeRun, parseFailOn } from "../../../src/engine/load/index.js";
import { fakeReport } from "../../helpers/fake-load-report.js";

describe("judgeRun", () => {
  it("passes a healthy run with no gates", () => {
    const { verdict } = judgeRun(fakeReport({}), {});
    expect(verdict).toMatchObject({ passed: true, reasons: [], slo: null, baseline: null });
  });

  it("fails a run where nothing succeeded, even without gates", () => {
    const { verdict } = judgeRun(fakeReport({ successes: 0, failures: 12 }), {});
    expect(verdict.reasons).toEqual(["no request succeeded (12 failed)"]);
  });

  it("lists every failed gate: expectation, threshold, SLO", () => {
    const report = fakeReport({ p99: 700, statuses: { "200": 10_000 } });
    const { verdict } = judgeRun(report, {
      expectStatus: 400,
      failOn: parseFailOn("p99>500ms"),
      slo: { name: "node-express", source: "profile", latencyMs: { p99: 600 } },
    });
    expect(verdict.passed).toBe(false);
    expect(verdict.reasons).toEqual([
      "--expect-status: expected 400 on every response; 0 were, got instead HTTP 200 ×10000",
      "--fail-on p99>500ms: p99 was 700 ms",
      "--slo node-express: p99 700 ms > 600 ms",
    ]);
  });

  it("turns a regression against the baseline into a failure only with --fail-on regression", () => {
    const baseline = {
      path: "base.json",
      snapshot: {
        kind: "senior-backend/load-run" as const,
        version: 1 as const,
        savedAt: "t",
        report: fakeReport({ rps: 1000 }),
      },
    };
    const slower = fakeReport({ rps: 600 });
    expect(judgeRun(slower, { baseline }).verdict.passed).toBe(true);
    const gated = judgeRun(slower, { baseline, failOn: parseFailOn("regression") }).verdict;
    expect(gated.baseline?.comparison.verdict).toBe("regressed");
    expect(gated.reasons).toEqual(["--fail-on regression: regressed against the baseline"]);
  });
});
