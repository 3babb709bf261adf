/** Public API of the load engine: plan, run, judge, compare, save. */
export { type Comparison, compareReports, type MetricDelta, MIN_EFFECT } from "./compare.js";
export { DEFAULT_H2_STREAMS } from "./connections.js";
export { deadTargetMessage } from "./dead-target.js";
export {
  DEMO_DEFAULTS,
  type DemoProfile,
  type DemoTarget,
  startDemoTarget,
} from "./demo-target.js";
export { ERROR_LABELS } from "./error-kind.js";
export {
  checkExpectedStatus,
  checkRateLimit,
  type ExpectationResult,
} from "./expectations.js";
export {
  checkStageThresholds,
  evaluateThresholds,
  parseFailOn,
  type Threshold,
  type ThresholdResult,
} from "./fail-on.js";
export { type MergedReport, type MergedSecond, mergeHdrLogs } from "./merge-logs.js";
export { DEFAULTS, defaultWorkers, type LoadInput, planLoad } from "./plan.js";
export { parseRamp } from "./ramp.js";
export { findSaturation, type Recommendation, recommend } from "./recommendations.js";
export { type LoadEvent, type LoadRun, runLoad, type StartOptions, startLoad } from "./run-load.js";
export { judgeSlo, type SloCheck, type SloResult, type SloTarget } from "./slo.js";
export {
  type LoadSnapshot,
  loadSnapshot,
  SNAPSHOT_KIND,
  saveSnapshot,
} from "./snapshot-file.js";
export { parseDurationMs } from "./time-units.js";
export type * from "./types.js";
export { ERROR_KINDS } from "./types.js";
export {
  type BaselineComparison,
  type Gates,
  judgeRun,
  type LoadOutcome,
  type Verdict,
} from "./verdict.js";
