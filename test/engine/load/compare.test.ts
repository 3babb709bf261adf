import { describe, expect, it } from "vitest";
import { compareReports } from "../../../src/engine/load/index.js";
import { fakeReport } from "../../helpers/fake-load-report.js";

const metric = (c: ReturnType<typeof compareReports>, name: string) =>
  c.metrics.find((m) => m.metric === name)!;

describe("compareReports", () => {
  it("signs changes as current minus baseline and judges direction per metric", () => {
    const baseline = fakeReport({ rps: 1000, p99: 50 });
    const current = fakeReport({ rps: 800, p99: 80 });
    const c = compareReports(baseline, current);
    expect(metric(c, "rps")).toMatchObject({ change: -0.2, verdict: "worse", better: "higher" });
    expect(metric(c, "p99")).toMatchObject({ change: 0.6, verdict: "worse", better: "lower" });
    expect(c.verdict).toBe("regressed");
    const back = compareReports(current, baseline);
    expect(metric(back, "rps")).toMatchObject({ change: 0.25, verdict: "better" });
    expect(metric(back, "p99").verdict).toBe("better");
    expect(back.verdict).toBe("improved");
  });

  it("calls a difference inside the run-to-run spread noise", () => {
    const noisy = { spread: 0.3, seconds: 6 };
    const c = compareReports(
      fakeReport({ rps: 1000, ...noisy }),
      fakeReport({ rps: 1080, ...noisy }),
    );
    expect(metric(c, "rps").verdict).toBe("within noise");
    expect(metric(c, "rps").noise).toBeGreaterThan(0.08);
  });

  it("never calls a change under 3 % real", () => {
    const c = compareReports(
      fakeReport({ rps: 1000, spread: 0 }),
      fakeReport({ rps: 1020, spread: 0 }),
    );
    expect(metric(c, "rps").verdict).toBe("within noise");
    expect(c.verdict).toBe("no significant change");
  });

  it("marks latency n/a when one side had no successes", () => {
    const c = compareReports(fakeReport({}), fakeReport({ successes: 0, failures: 100 }));
    expect(metric(c, "p99").verdict).toBe("n/a");
    expect(metric(c, "errors").verdict).toBe("worse");
  });
});
