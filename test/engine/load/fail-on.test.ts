import { describe, expect, it } from "vitest";
import { evaluateThresholds, parseFailOn } from "../../../src/engine/load/index.js";
import { fakeReport } from "../../helpers/fake-load-report.js";

describe("--fail-on", () => {
  it("parses the documented grammar", () => {
    expect(parseFailOn("p99>250ms, errors>1%,rps<500,p99.9>=1s,regression")).toEqual([
      { text: "p99>250ms", metric: "p99", op: ">", value: 250, unit: "ms" },
      { text: "errors>1%", metric: "errors", op: ">", value: 1, unit: "%" },
      { text: "rps<500", metric: "rps", op: "<", value: 500, unit: "rps" },
      { text: "p99.9>=1s", metric: "p99.9", op: ">=", value: 1000, unit: "ms" },
      { text: "regression", metric: "regression", op: ">", value: 0, unit: "flag" },
    ]);
  });

  it.each(["", "p99", "p99>fast", "latency>5ms", "errors>5ms", "p99>5%"])("rejects %j", (text) => {
    expect(() => parseFailOn(text)).toThrow(/--fail-on/);
  });

  it("breaches only the thresholds that hold", () => {
    const report = fakeReport({ rps: 400, errorRate: 0.02, failures: 8, p99: 200 });
    const results = evaluateThresholds(
      parseFailOn("p99>250ms,errors>1%,rps<500,errors>10"),
      report,
    );
    expect(results.map((r) => [r.threshold, r.breached, r.actual])).toEqual([
      ["p99>250ms", false, 200],
      ["errors>1%", true, 2],
      ["rps<500", true, 400],
      ["errors>10", false, 8],
    ]);
  });

  it("treats a latency threshold as breached when nothing succeeded", () => {
    const report = fakeReport({ successes: 0 });
    const [result] = evaluateThresholds(parseFailOn("p99>250ms"), report);
    expect(result).toMatchObject({
      breached: true,
      actual: null,
      detail: "no successful responses to measure",
    });
  });

  it("uses the baseline verdict for regression", () => {
    const [t] = parseFailOn("regression");
    expect(evaluateThresholds([t!], fakeReport({}), { regressed: true })[0]!.breached).toBe(true);
    expect(evaluateThresholds([t!], fakeReport({}), { regressed: false })[0]!.breached).toBe(false);
    expect(evaluateThresholds([t!], fakeReport({}))[0]!.breached).toBe(false);
  });
});
