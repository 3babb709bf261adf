/** Public data shapes of the load engine: what a run is asked to do and what it reports. */

/** One step of a ramp: hold `target` (connections or requests/s) for `durationMs`. */
export interface RampStage {
  durationMs: number;
  target: number;
}

/** A validated, ready-to-run plan (see `planLoad` for turning user input into one). */
export interface LoadPlan {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: string;
  /** Closed loop: connections each sending back to back. Open loop (`rate`): the connection cap. */
  concurrency: number;
  /** Measured phase length; the run also stops after `requests` when set. */
  durationMs: number;
  requests?: number;
  /** Open loop: requests per second, latency measured from each request's intended send time. */
  rate?: number;
  /** Steps of concurrency (closed loop) or rate (open loop); the last level holds until the end. */
  ramp?: RampStage[];
  warmupMs: number;
  timeoutMs: number;
  workers: number;
  /** HTTP/2: ALPN over TLS, h2c over plain HTTP; `streams` requests share one connection. */
  http2?: boolean;
  streams?: number;
  /** Accept self-signed and otherwise unverifiable TLS certificates. */
  insecure?: boolean;
  /** Stop early when nothing answers and every connect fails for this long (0: never). */
  deadTargetMs?: number;
  /** A response with this status is a success (and every other one a failure). */
  expectStatus?: number;
  /** 429 responses are expected (not failures). */
  expectRateLimit: boolean;
}

export type ErrorKind = "refused" | "reset" | "timeout" | "tls" | "dns" | "bad_response" | "other";

export const ERROR_KINDS: readonly ErrorKind[] = [
  "refused",
  "reset",
  "timeout",
  "tls",
  "dns",
  "bad_response",
  "other",
];

/** Latency percentiles in milliseconds (microsecond resolution). */
export interface Percentiles {
  count: number;
  min: number;
  mean: number;
  p50: number;
  p90: number;
  p95: number;
  p99: number;
  p999: number;
  max: number;
}

/** One second of the measured phase. Latencies are of successful responses; null when there were none. */
export interface TimelinePoint {
  second: number;
  requests: number;
  rps: number;
  errors: number;
  p50: number | null;
  p90: number | null;
  p95: number | null;
  p99: number | null;
  /** Load level in force (connections or requests/s). */
  level: number;
  /** Generator CPU in % of one core, and event-loop lag p99 in ms. */
  cpu: number;
  lagMs: number;
}

export interface RateLimitInfo {
  count: number;
  /** Seconds into the measured phase when the first 429 arrived. */
  firstAtSec: number;
  /** Request rate (req/s) in the second before limiting began. */
  rpsAtStart: number;
  /** RateLimit-* / Retry-After headers as first seen on a 429. */
  headers: Record<string, string>;
}

export interface GeneratorHealth {
  threads: number;
  cpuAvg: number;
  cpuMax: number;
  lagP99Ms: number;
  lagMaxMs: number;
  /** True when the generator, not the target, likely limited the run. */
  bottleneck: boolean;
}

/** The result of one run: plain data for every view. */
export interface LoadReport {
  url: string;
  method: string;
  mode: "closed" | "open";
  concurrency: number;
  rate?: number;
  startedAt: string;
  /** Measured seconds (warmup excluded). */
  elapsedSec: number;
  interrupted: boolean;
  requests: number;
  successes: number;
  failures: number;
  /** Requests sent during warmup (not recorded). */
  warmupRequests: number;
  rps: number;
  /** Successful responses per second. */
  goodput: number;
  errorRate: number;
  latency: {
    /** Successful responses; null when none succeeded. */
    success: Percentiles | null;
    failure: Percentiles | null;
    all: Percentiles | null;
  };
  statuses: Record<string, number>;
  errors: Partial<Record<ErrorKind, number>>;
  bytesIn: number;
  bytesOut: number;
  rateLimit: RateLimitInfo | null;
  timeline: TimelinePoint[];
  generator: GeneratorHealth;
  /** HTTP version asked for. */
  protocol: "http/1.1" | "h2";
  /**
   * Requests still open when sending stopped: they were timed from their own send (finished
   * within the timeout, or counted as timeouts); `unfinished` of them were given up on when the
   * run was stopped early, the oldest `unfinishedMaxMs` after it was sent.
   */
  inFlightAtEnd: number;
  unfinished: number;
  unfinishedMaxMs: number;
  /** Per ramp stage (absent without --ramp). */
  stages?: StageResult[];
  /** Latency of successes at percentiles on a log scale (50, 90, 99, 99.9, …, 100). */
  distribution: Array<{ percentile: number; ms: number }>;
  /** Set when the run stopped early because nothing answered. */
  deadTarget?: DeadTarget;
}

/** Nothing answered: every connect failed for the first second. */
export interface DeadTarget {
  /** host:port that was tried. */
  address: string;
  /** What went wrong, e.g. "connection refused (ECONNREFUSED)". */
  error: string;
  afterMs: number;
}

/** One ramp stage of a run. */
export interface StageResult {
  /** 1-based, as thresholds name it (`stage2.p99>250ms`). */
  stage: number;
  /** Connections or requests/s the stage asked for. */
  target: number;
  startSec: number;
  durationSec: number;
  requests: number;
  rps: number;
  errors: number;
  errorRate: number;
  p50: number | null;
  p90: number | null;
  p99: number | null;
  max: number | null;
}

/** What a view sees while a run goes (taken on a timer). */
export interface LoadProgress {
  phase: "starting" | "warmup" | "measure" | "draining" | "done";
  elapsedMs: number;
  durationMs: number;
  requestsTarget?: number;
  requests: number;
  successes: number;
  failures: number;
  statuses: Record<string, number>;
  errors: Partial<Record<ErrorKind, number>>;
  level: number;
  timeline: TimelinePoint[];
  cpu: number;
  lagMs: number;
  /** Requests on the wire now. */
  inFlight: number;
  /** Sub-second slices (4 per second) of the measured phase, oldest first, at most 10 minutes. */
  recent: LivePoint[];
  /** Whole run so far, successes. */
  latency: Percentiles | null;
  /** Whole run so far: successes in 8 log-spaced latency ranges (for a histogram panel). */
  histogram: Array<{ fromMs: number; toMs: number; count: number }>;
}

/** A quarter second of the measured phase, for live views. */
export interface LivePoint {
  /** End of the slice, ms into the measured phase. */
  atMs: number;
  /** Requests that completed in this slice; `rps` is over the last second. */
  requests: number;
  rps: number;
  errors: number;
  p50: number | null;
  p90: number | null;
  p99: number | null;
  max: number | null;
}
