import { redactSecretsInText } from "../shared/index.js";
import { type Aggregate, percentiles, round } from "./aggregate.js";
import { newHistogram } from "./histogram.js";
import type { GeneratorHealth, LoadPlan, LoadReport } from "./types.js";

/** Assemble the plain-data report of a finished run. */
export function buildReport(input: {
  plan: LoadPlan;
  agg: Aggregate;
  startedAt: Date;
  elapsedSec: number;
  interrupted: boolean;
  generator: GeneratorHealth;
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
  };
  all.destroy();
  return report;
}
