import { type Histogram, newHistogram, packHistogram, recordMs } from "./histogram.js";
import { ERROR_KINDS, type ErrorKind } from "./types.js";

/** What one thread measured since its last drain; histograms are live objects or packed (see packHistogram). */
export interface Delta<H = Histogram> {
  success: H;
  failure: H;
  successes: number;
  failures: number;
  warmup: number;
  bytesIn: number;
  bytesOut: number;
  statuses: Record<string, number>;
  errors: Partial<Record<ErrorKind, number>>;
  rateLimited: number;
  /** Epoch ms of the first 429 in this interval. */
  firstRateLimitAt?: number;
  rateLimitHeaders?: Record<string, string>;
  level: number;
  /** Requests on the wire at the drain. */
  inFlight: number;
  /** Requests open when this thread stopped sending (0 until then). */
  inFlightAtEnd: number;
  /** Requests still open when a stopped run gave up on them, and the oldest one's age (ms). */
  unfinished: number;
  unfinishedMaxMs: number;
  /** Any HTTP response (warmup included), and failures to connect (refused, DNS), for the dead-target check. */
  responses: number;
  connectFailures: number;
  otherTransportErrors: number;
  /** The first transport error this thread saw, described for a person (e.g. "ECONNREFUSED"). */
  firstError?: string;
  /** Event-loop lag p99 (ms) of the sending thread, when it is a worker. */
  lagMs?: number;
}

const RATE_LIMIT_HEADER = /^(x-)?ratelimit(-|$)|^retry-after$/;

/**
 * Hot-path counters of one thread: fixed arrays and two histograms, drained on a timer.
 * Nothing here grows with the number of requests.
 */
export class IntervalRecorder {
  private success = newHistogram();
  private failure = newHistogram();
  private statusCounts = new Int32Array(600);
  private errorCounts = new Int32Array(ERROR_KINDS.length);
  private successes = 0;
  private failures = 0;
  private warmup = 0;
  private bytesIn = 0;
  private bytesOut = 0;
  private rateLimited = 0;
  private firstRateLimitAt: number | undefined;
  private rateLimitHeaders: Record<string, string> | undefined;
  private seenRateLimitHeaders = false;
  level = 0;
  inFlight = 0;
  inFlightAtEnd = 0;
  private unfinishedCount = 0;
  private unfinishedMaxMs = 0;
  private responses = 0;
  private connectFailures = 0;
  private otherTransportErrors = 0;
  private firstError: string | undefined;
  private firstErrorSent = false;

  /** `ok` is indexed by status: 1 when that status counts as a success. */
  constructor(private readonly ok: Uint8Array) {}

  response(status: number, latencyMs: number, bytesIn: number, bytesOut: number): void {
    this.responses += 1;
    this.statusCounts[status < 600 ? status : 0]! += 1;
    this.bytesIn += bytesIn;
    this.bytesOut += bytesOut;
    if (this.ok[status] === 1) {
      this.successes += 1;
      recordMs(this.success, latencyMs);
    } else {
      this.failures += 1;
      recordMs(this.failure, latencyMs);
    }
  }

  /** A transport error: counted for the dead-target check whether measured or not. */
  transportError(kind: ErrorKind, code: string): void {
    if (kind === "refused" || kind === "dns") this.connectFailures += 1;
    else this.otherTransportErrors += 1;
    this.firstError ??= code;
  }

  /** A response during warmup (not recorded, but proof that something answers). */
  warmupResponse(): void {
    this.responses += 1;
    this.warmup += 1;
  }

  /** A request still open when a stopped run gave up on it, `ageMs` after its send. */
  unfinished(ageMs: number): void {
    this.unfinishedCount += 1;
    this.unfinishedMaxMs = Math.max(this.unfinishedMaxMs, ageMs);
  }

  error(kind: ErrorKind, latencyMs: number, bytesOut: number): void {
    this.errorCounts[ERROR_KINDS.indexOf(kind)]! += 1;
    this.failures += 1;
    this.bytesOut += bytesOut;
    recordMs(this.failure, latencyMs);
  }

  warmupDone(): void {
    this.warmup += 1;
  }

  /** A 429 arrived: remember when the first did and its rate-limit headers. */
  rateLimit(headers: Record<string, string | string[] | undefined>): void {
    this.rateLimited += 1;
    if (this.firstRateLimitAt === undefined)
      this.firstRateLimitAt = performance.timeOrigin + performance.now();
    if (this.seenRateLimitHeaders) return;
    const found: Record<string, string> = {};
    for (const [name, value] of Object.entries(headers)) {
      if (value !== undefined && RATE_LIMIT_HEADER.test(name.toLowerCase()))
        found[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : value;
    }
    if (Object.keys(found).length > 0) {
      this.rateLimitHeaders = found;
      this.seenRateLimitHeaders = true;
    }
  }

  /** Hand the interval to `consume` (histograms valid only during the call), then start afresh. */
  drain(consume: (delta: Delta) => void): void {
    const statuses: Record<string, number> = {};
    for (let s = 0; s < this.statusCounts.length; s++) {
      if (this.statusCounts[s]! > 0) statuses[String(s)] = this.statusCounts[s]!;
    }
    const errors: Partial<Record<ErrorKind, number>> = {};
    ERROR_KINDS.forEach((kind, i) => {
      if (this.errorCounts[i]! > 0) errors[kind] = this.errorCounts[i]!;
    });
    consume({
      success: this.success,
      failure: this.failure,
      successes: this.successes,
      failures: this.failures,
      warmup: this.warmup,
      bytesIn: this.bytesIn,
      bytesOut: this.bytesOut,
      statuses,
      errors,
      rateLimited: this.rateLimited,
      firstRateLimitAt: this.firstRateLimitAt,
      rateLimitHeaders: this.rateLimitHeaders,
      level: this.level,
      inFlight: this.inFlight,
      inFlightAtEnd: this.inFlightAtEnd,
      unfinished: this.unfinishedCount,
      unfinishedMaxMs: this.unfinishedMaxMs,
      responses: this.responses,
      connectFailures: this.connectFailures,
      otherTransportErrors: this.otherTransportErrors,
      firstError: this.firstErrorSent ? undefined : this.firstError,
    });
    if (this.firstError !== undefined) this.firstErrorSent = true;
    this.unfinishedCount = 0;
    this.unfinishedMaxMs = 0;
    this.responses = 0;
    this.connectFailures = 0;
    this.otherTransportErrors = 0;
    this.success.reset();
    this.failure.reset();
    this.statusCounts.fill(0);
    this.errorCounts.fill(0);
    this.successes = 0;
    this.failures = 0;
    this.warmup = 0;
    this.bytesIn = 0;
    this.bytesOut = 0;
    this.rateLimited = 0;
    this.firstRateLimitAt = undefined;
    this.rateLimitHeaders = undefined;
  }
}

/** A delta with its histograms packed, for posting between threads. */
export function packDelta(delta: Delta): Delta<Float64Array> {
  return {
    ...delta,
    success: packHistogram(delta.success),
    failure: packHistogram(delta.failure),
  };
}

/** Which statuses count as success: below 400, or exactly the expected one(s). */
export function successTable(expectStatus?: number, expectRateLimit = false): Uint8Array {
  const ok = new Uint8Array(600);
  for (let s = 100; s < 600; s++) {
    ok[s] = expectStatus !== undefined ? (s === expectStatus ? 1 : 0) : s < 400 ? 1 : 0;
  }
  if (expectRateLimit) ok[429] = 1;
  return ok;
}
