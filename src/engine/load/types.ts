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
}
