import { ERROR_LABELS } from "./error-kind.js";
import type { ErrorKind, LoadReport } from "./types.js";

export interface ExpectationResult {
  name: "expect-status" | "expect-rate-limit";
  passed: boolean;
  detail: string;
  /** What came instead of the expected status: label → count. */
  unexpected?: Record<string, number>;
}

/** `--expect-status CODE`: every response (and no transport error) has that status. */
export function checkExpectedStatus(report: LoadReport, status: number): ExpectationResult {
  const unexpected: Record<string, number> = {};
  for (const [code, count] of Object.entries(report.statuses)) {
    if (Number(code) !== status) unexpected[`HTTP ${code}`] = count;
  }
  for (const [kind, count] of Object.entries(report.errors) as [ErrorKind, number][]) {
    unexpected[ERROR_LABELS[kind]] = count;
  }
  const matched = report.statuses[String(status)] ?? 0;
  const passed = matched > 0 && Object.keys(unexpected).length === 0;
  const got = Object.entries(unexpected)
    .map(([label, count]) => `${label} ×${count}`)
    .join(", ");
  return {
    name: "expect-status",
    passed,
    detail: passed
      ? `every response was ${status} (${matched})`
      : matched === 0 && !got
        ? `expected ${status}; no responses arrived`
        : `expected ${status} on every response; ${matched} were, got instead ${got}`,
    unexpected,
  };
}

/** `--expect-rate-limit`: the target answered 429 at some point. */
export function checkRateLimit(report: LoadReport): ExpectationResult {
  const rl = report.rateLimit;
  if (!rl || rl.count === 0) {
    const peak = Math.max(0, ...report.timeline.map((p) => p.rps));
    return {
      name: "expect-rate-limit",
      passed: false,
      detail: `no 429 in ${report.requests} requests at up to ${Math.round(peak)} req/s`,
    };
  }
  const headers = Object.entries(rl.headers)
    .map(([k, v]) => `${k}: ${v}`)
    .join("; ");
  return {
    name: "expect-rate-limit",
    passed: true,
    detail: `limiting began ${rl.firstAtSec.toFixed(1)} s in at about ${Math.round(rl.rpsAtStart)} req/s (${rl.count} × 429)${headers ? `; headers: ${headers}` : "; no RateLimit-*/Retry-After headers"}`,
  };
}
