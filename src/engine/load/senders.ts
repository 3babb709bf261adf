import { Worker } from "node:worker_threads";
import type { Aggregate } from "./aggregate.js";
import { addPacked, newHistogram } from "./histogram.js";
import { type Delta, IntervalRecorder, successTable } from "./interval-recorder.js";
import { splitLevel, splitRamp } from "./ramp.js";
import { RequestLoop } from "./request-loop.js";
import type { LoadPlan } from "./types.js";

/** Whatever sends the load: this thread, or worker threads whose histograms are merged here. */
export interface Sender {
  /** Move everything measured since the last call into `into`. */
  drain(into: Aggregate): void;
  stop(options: { graceMs?: number; abandon?: boolean }): void;
  /** Resolves when every sender can start at once (worker threads loaded). */
  readonly ready: Promise<void>;
  /** Begin sending; resolves when all sending and draining is over. */
  start(): Promise<void>;
}

/** Sends from the calling thread. */
export class LocalSender implements Sender {
  private readonly rec: IntervalRecorder;
  private loop: RequestLoop | undefined;
  private stopped = false;
  readonly ready = Promise.resolve();

  constructor(private readonly plan: LoadPlan) {
    this.rec = new IntervalRecorder(successTable(plan.expectStatus, plan.expectRateLimit));
  }

  start(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    this.loop = new RequestLoop(this.plan, this.rec);
    return this.loop.start();
  }

  drain(into: Aggregate): void {
    this.rec.drain((delta) => into.add(delta));
  }

  stop(options: { graceMs?: number; abandon?: boolean }): void {
    this.stopped = true;
    this.loop?.stop(options);
  }
}

/** One worker thread per share; deltas arrive packed and are unpacked on drain. */
export class WorkerSender implements Sender {
  private readonly workers: Worker[] = [];
  private pending: Array<{ source: number; delta: Delta<Float64Array> }> = [];
  /** A delta's histograms, unpacked here for the aggregate to add. */
  private readonly scratchSuccess = newHistogram();
  private readonly scratchFailure = newHistogram();
  private readonly finished: Promise<void>;
  readonly ready: Promise<void>;

  constructor(plan: LoadPlan) {
    const here = import.meta.url;
    const fromSource = here.endsWith(".ts");
    const file = new URL(fromSource ? "./load-worker.ts" : "./load-worker.js", here);
    const finished: Promise<void>[] = [];
    const ready: Promise<void>[] = [];
    for (let i = 0; i < plan.workers; i++) {
      const worker = new Worker(file, {
        workerData: { plan: sharePlan(plan, i) },
        execArgv: fromSource ? ["--import", "tsx"] : [],
      });
      this.workers.push(worker);
      let isReady: () => void = () => {};
      ready.push(
        new Promise<void>((resolve) => {
          isReady = resolve;
        }),
      );
      finished.push(
        new Promise<void>((resolve) => {
          worker.on("message", (m: { type: string; delta?: Delta<Float64Array> }) => {
            if (m.type === "delta" && m.delta) this.pending.push({ source: i, delta: m.delta });
            if (m.type === "ready") isReady();
            if (m.type === "done") resolve();
          });
          const gone = (error?: unknown) => {
            if (error) this.failure ??= error;
            isReady();
            resolve();
          };
          worker.on("error", gone);
          worker.on("exit", () => gone());
        }),
      );
    }
    this.ready = Promise.all(ready).then(() => undefined);
    this.finished = Promise.all(finished).then(async () => {
      await Promise.all(this.workers.map((w) => w.terminate()));
      if (this.failure) throw this.failure;
    });
  }

  /** The first error a worker thread died of, if any. */
  private failure: unknown;

  start(): Promise<void> {
    for (const w of this.workers) w.postMessage({ type: "go" });
    return this.finished;
  }

  drain(into: Aggregate): void {
    const batch = this.pending;
    this.pending = [];
    const success = this.scratchSuccess;
    const failure = this.scratchFailure;
    for (const { source, delta } of batch) {
      success.reset();
      failure.reset();
      addPacked(success, delta.success);
      addPacked(failure, delta.failure);
      into.add({ ...delta, success, failure }, source);
    }
  }

  stop(options: { graceMs?: number; abandon?: boolean }): void {
    for (const w of this.workers) w.postMessage({ type: "stop", ...options });
  }
}

/** The part of the plan worker `index` of `plan.workers` sends. */
export function sharePlan(plan: LoadPlan, index: number): LoadPlan {
  const n = plan.workers;
  return {
    ...plan,
    workers: 1,
    concurrency: Math.max(1, splitLevel(plan.concurrency, n, index, true)),
    rate: plan.rate === undefined ? undefined : plan.rate / n,
    requests: plan.requests === undefined ? undefined : splitLevel(plan.requests, n, index, true),
    ramp: plan.ramp ? splitRamp(plan.ramp, n, index, plan.rate === undefined) : undefined,
  };
}

/** Worker threads when asked for more than one, or when this thread must stay free (a live screen). */
export function createSender(plan: LoadPlan, offThread = false): Sender {
  return plan.workers > 1 || offThread ? new WorkerSender(plan) : new LocalSender(plan);
}
