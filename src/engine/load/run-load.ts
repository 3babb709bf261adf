import { Aggregate } from "./aggregate.js";
import { HealthSampler } from "./generator-health.js";
import { HdrLogFile } from "./hdr-log.js";
import { levelAt } from "./ramp.js";
import { buildReport } from "./report.js";
import { createSender } from "./senders.js";
import type { LoadPlan, LoadProgress, LoadReport, TimelinePoint } from "./types.js";

/** What a run reports while it measures: one event when each second of the measured phase closes. */
export type LoadEvent = { type: "second"; point: TimelinePoint; progress: LoadProgress };

export interface StartOptions {
  signal?: AbortSignal;
  onEvent?: (event: LoadEvent) => void;
  /** Write an HdrHistogram interval log here. */
  hdrLogPath?: string;
  /**
   * Send from worker threads even with `workers: 1`, keeping this thread free for a view that
   * renders (a live screen would otherwise delay responses and inflate the measured latency).
   */
  offThread?: boolean;
}

/** A run in progress: views poll `snapshot()` on their own timer; `stop()` ends it early. */
export interface LoadRun {
  snapshot(): LoadProgress;
  /** Stop now and keep what was measured (in-flight requests get a short grace, then are dropped). */
  stop(): void;
  readonly result: Promise<LoadReport>;
}

const TICK_MS = 250;
const STOP_GRACE_MS = 1_000;

/** Start a load test; the result resolves within duration + timeout (+ a little) whatever the target does. */
export function startLoad(plan: LoadPlan, options: StartOptions = {}): LoadRun {
  const now = () => performance.timeOrigin + performance.now();
  const hdrLog = options.hdrLogPath ? new HdrLogFile(options.hdrLogPath) : undefined;
  let startedAt = new Date();
  // Until the senders are ready, the clock has not started.
  let measureStart = Number.POSITIVE_INFINITY;
  const sender = createSender(plan, options.offThread);
  let agg = new Aggregate(now());
  let health: HealthSampler | undefined;
  let phase: LoadProgress["phase"] = "starting";
  let interrupted = false;
  let stoppedAt: number | undefined;
  let last = { cpu: 0, lagMs: 0 };

  const progress = (): LoadProgress => {
    return {
      phase,
      elapsedMs: Number.isFinite(measureStart)
        ? Math.max(0, Math.min(now(), stoppedAt ?? Number.POSITIVE_INFINITY) - measureStart)
        : 0,
      durationMs: plan.durationMs,
      requestsTarget: plan.requests,
      requests: agg.requests,
      successes: agg.successes,
      failures: agg.failures,
      statuses: { ...agg.statuses },
      errors: { ...agg.errors },
      level: agg.level,
      timeline: agg.timeline.slice(),
      cpu: last.cpu,
      lagMs: last.lagMs,
    };
  };

  const closeSecond = (fraction = 1) => {
    const endSec = agg.timeline.length + fraction;
    // The level planned for the middle of this second (the senders' own report may lag a stage change).
    const mid = (endSec - fraction / 2) * 1000;
    const level = plan.ramp ? levelAt(plan.ramp, mid) : (plan.rate ?? plan.concurrency);
    const point = agg.closeSecond(
      last,
      fraction,
      (h) => hdrLog?.interval(h, endSec - fraction, endSec),
      level,
    );
    options.onEvent?.({ type: "second", point, progress: progress() });
  };

  const tick = () => {
    sender.drain(agg);
    const t = now();
    if (phase === "warmup" && t >= measureStart) phase = "measure";
    if (phase === "warmup" || phase === "starting" || !health) return;
    const limit = Math.min(t, stoppedAt ?? t, measureStart + plan.durationMs);
    while (limit - measureStart >= (agg.timeline.length + 1) * 1000) {
      last = health.sample(agg.workerLagMs);
      closeSecond();
    }
  };
  let timer: NodeJS.Timeout | undefined;

  const stop = (abandon: boolean) => {
    if (stoppedAt !== undefined) return;
    stoppedAt = now();
    interrupted = abandon;
    if (phase !== "done") phase = "draining";
    sender.stop(abandon ? { graceMs: STOP_GRACE_MS, abandon: true } : {});
  };
  const onAbort = () => stop(true);
  options.signal?.addEventListener("abort", onAbort, { once: true });
  if (options.signal?.aborted) onAbort();

  const begin = async () => {
    await sender.ready;
    if (stoppedAt !== undefined) return;
    startedAt = new Date();
    measureStart = now() + plan.warmupMs;
    agg = new Aggregate(measureStart);
    health = new HealthSampler();
    hdrLog?.start(measureStart);
    phase = plan.warmupMs > 0 ? "warmup" : "measure";
    timer = setInterval(tick, TICK_MS);
    await sender.start();
  };

  const failed = (error: unknown): never => {
    clearInterval(timer);
    hdrLog?.close();
    throw error;
  };
  const result = begin().then(() => {
    clearInterval(timer);
    health ??= new HealthSampler();
    if (!Number.isFinite(measureStart)) measureStart = now();
    options.signal?.removeEventListener("abort", onAbort);
    tick();
    const end = Math.min(
      now(),
      stoppedAt ?? Number.POSITIVE_INFINITY,
      measureStart + plan.durationMs,
    );
    const fraction = (end - measureStart) / 1000 - agg.timeline.length;
    if (fraction > 0.05 && end > measureStart) {
      last = health.sample(agg.workerLagMs);
      closeSecond(fraction);
    }
    hdrLog?.close();
    phase = "done";
    return buildReport({
      plan,
      agg,
      startedAt,
      elapsedSec: Math.max(0, (end - measureStart) / 1000),
      interrupted,
      generator: health.summary(plan.workers),
    });
  }, failed);

  return { snapshot: progress, stop: () => stop(true), result };
}

/** Run to the end (or until `signal` aborts) and return the report. */
export function runLoad(plan: LoadPlan, options: StartOptions = {}): Promise<LoadReport> {
  return startLoad(plan, options).result;
}
