import { monitorEventLoopDelay } from "node:perf_hooks";

/** Samples this process's CPU (% of one core) and the event-loop lag of the calling thread. */
export class HealthSampler {
  private readonly delay = monitorEventLoopDelay({ resolution: 10 });
  private lastCpu = process.cpuUsage();
  private lastAt = performance.now();
  private readonly cpuSamples: number[] = [];
  private readonly lagSamples: number[] = [];
  private lagMax = 0;

  constructor() {
    this.delay.enable();
  }

  /** CPU and lag p99 since the previous sample (call about once a second); workers report their own lag. */
  sample(workerLagMs?: number): { cpu: number; lagMs: number } {
    const now = performance.now();
    const cpu = process.cpuUsage(this.lastCpu);
    const wallMs = Math.max(1, now - this.lastAt);
    const pct = ((cpu.user + cpu.system) / 1000 / wallMs) * 100;
    // With worker threads the senders' own loops matter, not this (possibly rendering) one.
    const lag = workerLagMs ?? Math.max(0, this.delay.percentile(99) / 1e6 - 10);
    this.lagMax = Math.max(this.lagMax, workerLagMs ?? this.delay.max / 1e6 - 10);
    this.delay.reset();
    this.lastCpu = process.cpuUsage();
    this.lastAt = now;
    const cpuRounded = Math.round(pct);
    const lagRounded = Math.round(lag * 10) / 10;
    if (this.cpuSamples.length < 100_000) {
      this.cpuSamples.push(cpuRounded);
      this.lagSamples.push(lagRounded);
    }
    return { cpu: cpuRounded, lagMs: lagRounded };
  }

  /** Whole-run figures; `bottleneck` when the generator ran near its CPU limit or its loop lagged. */
  summary(threads: number) {
    this.delay.disable();
    const n = this.cpuSamples.length;
    const cpuAvg = n ? Math.round(this.cpuSamples.reduce((a, b) => a + b, 0) / n) : 0;
    const cpuMax = n ? Math.max(...this.cpuSamples) : 0;
    const sortedLag = [...this.lagSamples].sort((a, b) => a - b);
    const lagP99Ms = n ? sortedLag[Math.min(n - 1, Math.floor(n * 0.99))]! : 0;
    const lagMaxMs = Math.round(Math.max(0, this.lagMax) * 10) / 10;
    const busy = this.cpuSamples.filter((c) => c >= 90 * threads).length;
    const laggy = this.lagSamples.filter((l) => l > 50).length;
    const bottleneck = n > 0 && (busy / n >= 0.5 || laggy / n >= 0.25);
    return { threads, cpuAvg, cpuMax, lagP99Ms, lagMaxMs, bottleneck };
  }
}
