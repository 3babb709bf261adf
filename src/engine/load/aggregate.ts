import { type Histogram, newHistogram, percentileMs } from "./histogram.js";
import type { Delta } from "./interval-recorder.js";
import type { ErrorKind, Percentiles, RateLimitInfo, TimelinePoint } from "./types.js";

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
  readonly timeline: TimelinePoint[] = [];
  private bucket: Bucket = { success: newHistogram(), requests: 0, errors: 0 };
  private levels = new Map<number, number>();
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
    this.success.add(delta.success);
    this.failure.add(delta.failure);
    this.bucket.success.add(delta.success);
    const n = delta.successes + delta.failures;
    this.bucket.requests += n;
    this.bucket.errors += delta.failures;
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

  /** Close the current second (or the last partial one, `fraction` of a second long) at load `level`. */
  closeSecond(
    health: { cpu: number; lagMs: number },
    fraction = 1,
    onInterval?: (h: Histogram) => void,
    level = this.level,
  ): TimelinePoint {
    const b = this.bucket;
    const has = b.success.totalCount > 0;
    const point: TimelinePoint = {
      second: this.timeline.length + 1,
      requests: b.requests,
      rps: round(b.requests / Math.max(fraction, 0.001)),
      errors: b.errors,
      p50: has ? round(percentileMs(b.success, 50)) : null,
      p95: has ? round(percentileMs(b.success, 95)) : null,
      p99: has ? round(percentileMs(b.success, 99)) : null,
      level: round(level),
      cpu: health.cpu,
      lagMs: health.lagMs,
    };
    this.timeline.push(point);
    onInterval?.(b.success);
    b.success.reset();
    b.requests = 0;
    b.errors = 0;
    return point;
  }
}

/** Percentiles of a histogram in ms, or null when it holds nothing. */
export function percentiles(h: Histogram): Percentiles | null {
  if (h.totalCount === 0) return null;
  return {
    count: h.totalCount,
    min: round(h.minNonZeroValue / 1000),
    mean: round(h.mean / 1000),
    p50: round(percentileMs(h, 50)),
    p90: round(percentileMs(h, 90)),
    p95: round(percentileMs(h, 95)),
    p99: round(percentileMs(h, 99)),
    p999: round(percentileMs(h, 99.9)),
    max: round(h.maxValue / 1000),
  };
}

/** Three decimals: microsecond resolution for ms values. */
export function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
