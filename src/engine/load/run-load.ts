import { Aggregate, percentiles } from "./aggregate.js";
import { DEAD_TARGET_MS, deadTarget } from "./dead-target.js";
import { HealthSampler } from "./generator-health.js";
import { HdrLogFile } from "./hdr-log.js";
import { latencyBins } from "./histogram.js";
import { levelAt, stageAt } from "./ramp.js";
import { buildReport } from "./report.js";
import { createSender } from "./senders.js";
import type { DeadTarget, LoadPlan, LoadProgress, LoadReport, TimelinePoint } from "./types.js";

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
  /** Epoch ms to begin sending at (several generators sharing one start); now when absent. */
  startAt?: number;
}

/** A run in progress: views poll `snapshot()` on their own timer; `stop()` ends it early. */
export interface LoadRun {
  snapshot(): LoadProgress;
  /** Stop now and keep what was measured (in-flight requests get a short grace, then are dropped). */
  stop(): void;
  readonly result: Promise<LoadReport>;
}

const TICK_MS = 125;
/** Live slices for views: four per second. */
const SLICE_MS = 250;
const STOP_GRACE_MS = 1_000;
const DEAD_STOP_GRACE_MS = 100;

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
  let sendingSince = Number.POSITIVE_INFINITY;
  let lastSliceAt = Number.POSITIVE_INFINITY;
  let dead: DeadTarget | undefined;
  const deadAfterMs = plan.deadTargetMs ?? DEAD_TARGET_MS;

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
      inFlight: agg.inFlight,
      recent: agg.recent.slice(),
      latency: percentiles(agg.success),
      histogram: latencyBins(agg.success),
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
      plan.ramp ? stageAt(plan.ramp, mid) : undefined,
    );
    // A run stopped for a dead target has nothing to show for its last fraction of a second.
    if (!(dead && fraction < 1)) options.onEvent?.({ type: "second", point, progress: progress() });
  };

  const tick = (final = false) => {
    sender.drain(agg);
    const t = now();
    if (phase === "warmup" && t >= measureStart) {
      phase = "measure";
      lastSliceAt = measureStart;
    }
    if (!dead && deadAfterMs > 0 && stoppedAt === undefined && t - sendingSince >= deadAfterMs) {
      dead = deadTarget(plan.url, agg, t - sendingSince);
      if (dead) stop(false, DEAD_STOP_GRACE_MS);
    }
    if (phase === "warmup" || phase === "starting" || !health) return;
    if (t - lastSliceAt >= SLICE_MS && stoppedAt === undefined) {
      agg.closeSlice(t - measureStart, t - lastSliceAt);
      lastSliceAt = t;
    }
    // The run's last second closes only after the senders are done, so the responses still on
    // the wire at the end land in it (and in its stage) rather than only in the totals.
    const end = measureStart + plan.durationMs - (final ? 0 : 1);
    const limit = Math.min(t, stoppedAt ?? t, end);
    while (limit - measureStart >= (agg.timeline.length + 1) * 1000) {
      last = health.sample(agg.workerLagMs);
      closeSecond();
    }
  };
  let timer: NodeJS.Timeout | undefined;

  const stop = (abandon: boolean, graceMs = STOP_GRACE_MS) => {
    if (stoppedAt !== undefined) return;
    stoppedAt = now();
    interrupted = abandon;
    if (phase !== "done") phase = "draining";
    sender.stop(abandon || dead ? { graceMs, abandon: true } : {});
  };
  const onAbort = () => stop(true);
  options.signal?.addEventListener("abort", onAbort, { once: true });
  if (options.signal?.aborted) onAbort();

  const begin = async () => {
    await sender.ready;
    if (options.startAt !== undefined) await until(options.startAt, options.signal);
    if (stoppedAt !== undefined) return;
    startedAt = new Date();
    measureStart = now() + plan.warmupMs;
    agg = new Aggregate(measureStart);
    health = new HealthSampler();
    hdrLog?.start(measureStart);
    phase = plan.warmupMs > 0 ? "warmup" : "measure";
    sendingSince = now();
    if (phase === "measure") lastSliceAt = measureStart;
    timer = setInterval(() => tick(), TICK_MS);
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
    tick(true);
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
      deadTarget: dead,
    });
  }, failed);

  return { snapshot: progress, stop: () => stop(true), result };
}

/** Run to the end (or until `signal` aborts) and return the report. */
export function runLoad(plan: LoadPlan, options: StartOptions = {}): Promise<LoadReport> {
  return startLoad(plan, options).result;
}

/** Wait until epoch ms `at` (or an abort). */
function until(at: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const wait = at - Date.now();
    if (wait <= 0 || signal?.aborted) return resolve();
    const timer = setTimeout(done, wait);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    }
    signal?.addEventListener("abort", done, { once: true });
  });
}
