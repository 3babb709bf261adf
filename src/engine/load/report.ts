import { redactSecretsInText } from "../shared/index.js";
import { type Aggregate, percentiles, round } from "./aggregate.js";
import { distributionOf, newHistogram, percentileMs } from "./histogram.js";
import type { DeadTarget, GeneratorHealth, LoadPlan, LoadReport, StageResult } from "./types.js";

/** Assemble the plain-data report of a finished run. */
export function buildReport(input: {
  plan: LoadPlan;
  agg: Aggregate;
  startedAt: Date;
  elapsedSec: number;
  interrupted: boolean;
  generator: GeneratorHealth;
  deadTarget?: DeadTarget;
}): LoadReport {
  const { plan, agg } = input;
  const all = newHistogram();
  all.add(agg.success);
  all.add(agg.failure);
  const elapsed = Math.max(input.elapsedSec, 0.001);
  const requests = agg.requests;
  const report: LoadReport = {
    url: redactSecretsInText(plan.url),
    method: plan.method,
    mode: plan.rate === undefined ? "closed" : "open",
    concurrency: plan.concurrency,
    ...(plan.rate === undefined ? {} : { rate: plan.rate }),
    startedAt: input.startedAt.toISOString(),
    elapsedSec: round(input.elapsedSec),
    interrupted: input.interrupted,
    requests,
    successes: agg.successes,
    failures: agg.failures,
    warmupRequests: agg.warmup,
    rps: round(requests / elapsed),
    goodput: round(agg.successes / elapsed),
    errorRate: requests > 0 ? round(agg.failures / requests) : 0,
    latency: {
      success: percentiles(agg.success),
      failure: percentiles(agg.failure),
      all: percentiles(all),
    },
    statuses: { ...agg.statuses },
    errors: { ...agg.errors },
    bytesIn: agg.bytesIn,
    bytesOut: agg.bytesOut,
    rateLimit: agg.rateLimit,
    timeline: agg.timeline.slice(),
    generator: input.generator,
    protocol: plan.http2 ? "h2" : "http/1.1",
    inFlightAtEnd: agg.inFlightAtEnd,
    unfinished: agg.unfinished,
    unfinishedMaxMs: round(agg.unfinishedMaxMs),
    ...(plan.ramp ? { stages: stageResults(plan, agg) } : {}),
    distribution: distributionOf(agg.success),
    ...(input.deadTarget ? { deadTarget: input.deadTarget } : {}),
  };
  all.destroy();
  return report;
}

/** One result per ramp stage, from the seconds that fell in it (a stage that never ran is left out). */
function stageResults(plan: LoadPlan, agg: Aggregate): StageResult[] {
  const out: StageResult[] = [];
  let start = 0;
  (plan.ramp ?? []).forEach((stage, i) => {
    const b = agg.stages.get(i);
    const startSec = start / 1000;
    start += stage.durationMs;
    if (!b) return;
    const has = b.success.totalCount > 0;
    out.push({
      stage: i + 1,
      target: stage.target,
      startSec: round(startSec),
      durationSec: round(b.seconds),
      requests: b.requests,
      rps: round(b.requests / Math.max(b.seconds, 0.001)),
      errors: b.errors,
      errorRate: b.requests > 0 ? round(b.errors / b.requests) : 0,
      p50: has ? round(percentileMs(b.success, 50)) : null,
      p90: has ? round(percentileMs(b.success, 90)) : null,
      p99: has ? round(percentileMs(b.success, 99)) : null,
      max: has ? round(b.success.maxValue / 1000) : null,
    });
  });
  return out;
}
