import { type Comparison, compareReports } from "./compare.js";
import { deadTargetMessage } from "./dead-target.js";
import { checkExpectedStatus, checkRateLimit, type ExpectationResult } from "./expectations.js";
import { evaluateThresholds, type Threshold, type ThresholdResult } from "./fail-on.js";
import { type Recommendation, recommend } from "./recommendations.js";
import { judgeSlo, type SloResult, type SloTarget } from "./slo.js";
import type { LoadSnapshot } from "./snapshot-file.js";
import type { LoadReport } from "./types.js";

/** Everything a run is judged by (each part optional). */
export interface Gates {
  failOn?: Threshold[];
  expectStatus?: number;
  expectRateLimit?: boolean;
  slo?: SloTarget;
  baseline?: { path: string; snapshot: LoadSnapshot };
}

export interface BaselineComparison {
  path: string;
  savedAt: string;
  comparison: Comparison;
}

/** A run judged: `passed` false means exit code 1 (a gate failed). */
export interface Verdict {
  passed: boolean;
  /** One line per failed gate, in the order the gates are listed. */
  reasons: string[];
  thresholds: ThresholdResult[];
  expectations: ExpectationResult[];
  slo: SloResult | null;
  baseline: BaselineComparison | null;
}

/** The result of one run as every view shows it. */
export interface LoadOutcome {
  report: LoadReport;
  verdict: Verdict;
  recommendations: Recommendation[];
}

/**
 * Judge a run. It fails when a --fail-on threshold holds, an expectation is not met, the SLO
 * floor is exceeded, or no request succeeded at all (there is nothing to pass on).
 */
export function judgeRun(report: LoadReport, gates: Gates): LoadOutcome {
  const reasons: string[] = [];
  const expectations: ExpectationResult[] = [];
  if (gates.expectStatus !== undefined)
    expectations.push(checkExpectedStatus(report, gates.expectStatus));
  if (gates.expectRateLimit) expectations.push(checkRateLimit(report));
  for (const e of expectations) if (!e.passed) reasons.push(`--${e.name}: ${e.detail}`);

  const baseline = gates.baseline
    ? {
        path: gates.baseline.path,
        savedAt: gates.baseline.snapshot.savedAt,
        comparison: compareReports(gates.baseline.snapshot.report, report),
      }
    : null;
  const regressed = baseline
    ? baseline.comparison.verdict === "regressed" || baseline.comparison.verdict === "mixed"
    : undefined;
  const thresholds = evaluateThresholds(gates.failOn ?? [], report, { regressed });
  for (const t of thresholds) if (t.breached) reasons.push(`--fail-on ${t.threshold}: ${t.detail}`);

  const slo = gates.slo ? judgeSlo(report, gates.slo) : null;
  if (slo && !slo.passed) {
    const over = slo.checks
      .filter((c) => !c.passed)
      .map((c) =>
        c.actualMs === null
          ? `${c.percentile} not measured`
          : `${c.percentile} ${c.actualMs} ms > ${c.floorMs} ms`,
      )
      .join(", ");
    reasons.push(`--slo ${slo.target.name}: ${over}`);
  }
  if (report.deadTarget) reasons.push(deadTargetMessage(report.deadTarget));
  else if (report.requests > 0 && report.successes === 0 && expectations.length === 0)
    reasons.push(`no request succeeded (${report.failures} failed)`);
  if (report.requests === 0) reasons.push("no request completed");

  return {
    report,
    verdict: { passed: reasons.length === 0, reasons, thresholds, expectations, slo, baseline },
    recommendations: recommend(report, slo ?? undefined),
  };
}
