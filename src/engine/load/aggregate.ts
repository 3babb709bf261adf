import {
  addHistogram,
  type Histogram,
  meanMicros,
  newHistogram,
  percentilesMs,
} from "./histogram.js";
import type { Delta } from "./interval-recorder.js";
import type { ErrorKind, LivePoint, Percentiles, RateLimitInfo, TimelinePoint } from "./types.js";

interface Bucket {
  success: Histogram;
  requests: number;
  errors: number;
}

/**
 * Merges the deltas of every sending thread into whole-run totals and a per-second timeline.
 * Memory is fixed apart from the timeline (one small point per second of a bounded run).
 */
export class Aggregate {
  readonly success = newHistogram();
  readonly failure = newHistogram();
  successes = 0;
  failures = 0;
  warmup = 0;
  bytesIn = 0;
  bytesOut = 0;
  statuses: Record<string, number> = {};
  errors: Partial<Record<ErrorKind, number>> = {};
  rateLimit: RateLimitInfo | null = null;
  level = 0;
  /** Requests open when the senders stopped (summed over threads). */
  inFlightAtEnd = 0;
  unfinished = 0;
  unfinishedMaxMs = 0;
  /** Since the senders started (warmup included): any HTTP response, failed connects, other failures. */
  responses = 0;
  connectFailures = 0;
  otherTransportErrors = 0;
  firstError: string | undefined;
  readonly timeline: TimelinePoint[] = [];
  /** Per ramp stage (by index): the seconds that fell in it. */
  readonly stages = new Map<number, Bucket & { seconds: number }>();
  private bucket: Bucket = { success: newHistogram(), requests: 0, errors: 0 };
  /** The current sub-second slice for live views, and the recent slices (a bounded ring). */
  private slice: Bucket = { success: newHistogram(), requests: 0, errors: 0 };
  readonly recent: LivePoint[] = [];
  private inFlights = new Map<number, number>();
  inFlight = 0;
  private levels = new Map<number, number>();
  private openAtEnd = new Map<number, number>();
  private lags = new Map<number, number>();

  /** The worst event-loop lag the worker threads last reported; undefined when sending here. */
  get workerLagMs(): number | undefined {
    return this.lags.size ? Math.max(...this.lags.values()) : undefined;
  }

  /** `measureStart` is the epoch ms when the measured phase began. */
  constructor(private readonly measureStart: number) {}

  get requests(): number {
    return this.successes + this.failures;
  }

  add(delta: Delta, source = 0): void {
    addHistogram(this.success, delta.success);
    addHistogram(this.failure, delta.failure);
    addHistogram(this.bucket.success, delta.success);
    addHistogram(this.slice.success, delta.success);
    const n = delta.successes + delta.failures;
    this.bucket.requests += n;
    this.bucket.errors += delta.failures;
    this.slice.requests += n;
    this.slice.errors += delta.failures;
    this.inFlights.set(source, delta.inFlight);
    this.inFlight = [...this.inFlights.values()].reduce((a, b) => a + b, 0);
    this.successes += delta.successes;
    this.failures += delta.failures;
    this.warmup += delta.warmup;
    this.bytesIn += delta.bytesIn;
    this.bytesOut += delta.bytesOut;
    for (const [s, c] of Object.entries(delta.statuses))
      this.statuses[s] = (this.statuses[s] ?? 0) + c;
    for (const [k, c] of Object.entries(delta.errors) as [ErrorKind, number][])
      this.errors[k] = (this.errors[k] ?? 0) + c;
    this.levels.set(source, delta.level);
    this.openAtEnd.set(source, delta.inFlightAtEnd);
    this.inFlightAtEnd = [...this.openAtEnd.values()].reduce((a, b) => a + b, 0);
    this.unfinished += delta.unfinished;
    this.unfinishedMaxMs = Math.max(this.unfinishedMaxMs, delta.unfinishedMaxMs);
    this.responses += delta.responses;
    this.connectFailures += delta.connectFailures;
    this.otherTransportErrors += delta.otherTransportErrors;
    this.firstError ??= delta.firstError;
    if (delta.lagMs !== undefined) this.lags.set(source, delta.lagMs);
    this.level = [...this.levels.values()].reduce((a, b) => a + b, 0);
    if (delta.rateLimited > 0) this.noteRateLimit(delta);
  }

  private noteRateLimit(delta: Delta): void {
    if (!this.rateLimit) {
      const at = delta.firstRateLimitAt ?? performance.timeOrigin + performance.now();
      const firstAtSec = Math.max(0, (at - this.measureStart) / 1000);
      const last = this.timeline[this.timeline.length - 1];
      // Within the first second there is no closed second yet: the rate so far (this delta
      // included, since the first 429 often arrives in the very first delta) stands in for it.
      const sinceStartSec = (performance.timeOrigin + performance.now() - this.measureStart) / 1000;
      const rpsAtStart = last
        ? last.rps
        : sinceStartSec > 0
          ? round(this.requests / sinceStartSec)
          : 0;
      this.rateLimit = {
        count: 0,
        firstAtSec: round(firstAtSec),
        rpsAtStart,
        headers: {},
      };
    }
    this.rateLimit.count += delta.rateLimited;
    if (delta.rateLimitHeaders && Object.keys(this.rateLimit.headers).length === 0)
      this.rateLimit.headers = delta.rateLimitHeaders;
  }

  /** Close the live slice ending `atMs` into the measured phase, `lengthMs` long. */
  closeSlice(atMs: number, lengthMs: number): LivePoint {
    const b = this.slice;
    const has = b.success.totalCount > 0;
    // req/s over the last second of slices: the threads report on their own timers, so one
    // slice alone would alias between 0 and 2 reports.
    let requests = b.requests;
    let from = atMs - lengthMs;
    for (let i = this.recent.length - 1; i >= 0 && atMs - this.recent[i]!.atMs < 1000; i--) {
      const prev = this.recent[i]!;
      requests += prev.requests;
      from = i > 0 ? this.recent[i - 1]!.atMs : 0;
    }
    const [p50, p90, p99] = percentilesMs(b.success, [50, 90, 99]);
    const point: LivePoint = {
      atMs: Math.round(atMs),
      requests: b.requests,
      rps: round((requests * 1000) / Math.max(1, atMs - from)),
      errors: b.errors,
      p50: has ? round(p50!) : null,
      p90: has ? round(p90!) : null,
      p99: has ? round(p99!) : null,
      max: has ? round(b.success.maxValue / 1000) : null,
    };
    this.recent.push(point);
    if (this.recent.length > MAX_RECENT) this.recent.splice(0, this.recent.length - MAX_RECENT);
    b.success.reset();
    b.requests = 0;
    b.errors = 0;
    return point;
  }

  /** Close the current second (or the last partial one, `fraction` of a second long) at load `level`. */
  closeSecond(
    health: { cpu: number; lagMs: number },
    fraction = 1,
    onInterval?: (h: Histogram) => void,
    level = this.level,
    stage?: number,
  ): TimelinePoint {
    const b = this.bucket;
    const has = b.success.totalCount > 0;
    const [p50, p90, p95, p99] = percentilesMs(b.success, [50, 90, 95, 99]);
    const point: TimelinePoint = {
      second: this.timeline.length + 1,
      requests: b.requests,
      rps: round(b.requests / Math.max(fraction, 0.001)),
      errors: b.errors,
      p50: has ? round(p50!) : null,
      p90: has ? round(p90!) : null,
      p95: has ? round(p95!) : null,
      p99: has ? round(p99!) : null,
      level: round(level),
      cpu: health.cpu,
      lagMs: health.lagMs,
    };
    this.timeline.push(point);
    onInterval?.(b.success);
    if (stage !== undefined) {
      let st = this.stages.get(stage);
      if (!st) {
        st = { success: newHistogram(), requests: 0, errors: 0, seconds: 0 };
        this.stages.set(stage, st);
      }
      st.success.add(b.success);
      st.requests += b.requests;
      st.errors += b.errors;
      st.seconds += fraction;
    }
    b.success.reset();
    b.requests = 0;
    b.errors = 0;
    return point;
  }
}

/** Live slices kept: 10 minutes at 4 per second. */
const MAX_RECENT = 2_400;

/** Percentiles of a histogram in ms, or null when it holds nothing. */
export function percentiles(h: Histogram): Percentiles | null {
  if (h.totalCount === 0) return null;
  const [p50, p90, p95, p99, p999] = percentilesMs(h, [50, 90, 95, 99, 99.9]) as [
    number,
    number,
    number,
    number,
    number,
  ];
  return {
    count: h.totalCount,
    min: round(h.minNonZeroValue / 1000),
    mean: round(meanMicros(h) / 1000),
    p50: round(p50),
    p90: round(p90),
    p95: round(p95),
    p99: round(p99),
    p999: round(p999),
    max: round(h.maxValue / 1000),
  };
}

/** Three decimals: microsecond resolution for ms values. */
export function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
