import type { Dispatcher } from "undici";
import { type ConnectionPlan, connectionPlan } from "./connections.js";
import { classifyError } from "./error-kind.js";
import type { BodyCounter, Connection as Client } from "./h1-connection.js";
import { InFlightQueue, type Timed } from "./in-flight.js";
import type { IntervalRecorder } from "./interval-recorder.js";
import { levelAt, nextChangeAt } from "./ramp.js";
import type { LoadPlan } from "./types.js";

/** The error a request gets when our sweep expires it. */
class RequestTimeout extends Error {
  readonly code = "ETIMEDOUT";
  constructor(ms: number) {
    super(`no complete response within ${ms} ms`);
  }
}

/**
 * Sends one thread's share of the load over undici keep-alive connections (one Client per
 * connection; a free list holds one entry per request slot, so picking one costs nothing).
 * Closed loop: `level` requests back to back. Open loop (`rate`): requests are due at fixed
 * intended times and latency counts from that time (coordinated omission corrected).
 * Timeouts count from the send and are enforced by our own sweep (exact to a few ms).
 * Memory is constant: a handler per in-flight request, bodies counted and dropped.
 */
export class RequestLoop {
  private readonly clients: Client[];
  private readonly connections: ConnectionPlan;
  /** One entry per free request slot (a connection appears once per free stream). */
  private readonly free: Client[];
  private readonly queue: InFlightQueue;
  private readonly dispatchOptions: Dispatcher.DispatchOptions;
  private readonly bodyBytes: number;
  private readonly t0 = performance.now();
  readonly measureStart: number;
  private readonly stopAt: number;
  private inFlight = 0;
  private issued = 0;
  private stopping = false;
  private closed = false;
  private nextIntended: number;
  private timer: NodeJS.Timeout | undefined;
  private stageTimer: NodeJS.Timeout | undefined;
  private stopTimer: NodeJS.Timeout | undefined;
  private drainTimer: NodeJS.Timeout | undefined;
  private countAbandoned = true;
  private resolveDone!: () => void;
  readonly done: Promise<void>;

  get timeoutMs(): number {
    return this.plan.timeoutMs;
  }

  constructor(
    private readonly plan: LoadPlan,
    private readonly rec: IntervalRecorder,
  ) {
    const url = new URL(plan.url);
    this.connections = connectionPlan(plan);
    // Connections open on their first request; unused ones cost nothing.
    this.clients = Array.from({ length: this.connections.connections }, () =>
      this.connections.create(),
    );
    this.free = [];
    for (let s = 0; s < this.connections.slots; s++)
      for (let i = this.clients.length - 1; i >= 0; i--) this.free.push(this.clients[i]!);
    this.queue = new InFlightQueue(plan.timeoutMs);
    this.dispatchOptions = {
      path: url.pathname + url.search,
      method: plan.method as Dispatcher.HttpMethod,
      headers: plan.headers,
      body: plan.body,
    };
    this.bodyBytes = plan.body === undefined ? 0 : Buffer.byteLength(plan.body);
    this.measureStart = this.t0 + plan.warmupMs;
    this.stopAt = this.measureStart + plan.durationMs;
    this.nextIntended = this.t0;
    this.done = new Promise((r) => {
      this.resolveDone = r;
    });
  }

  /** Begin sending; `done` resolves when the run is over and the connections are closed. */
  start(): Promise<void> {
    this.stopTimer = setTimeout(() => this.stop(), this.stopAt - performance.now());
    this.rec.level = this.level(performance.now());
    if (this.plan.rate === undefined) this.fill();
    else this.pump();
    return this.done;
  }

  /**
   * Stop issuing. In-flight requests may finish for up to `graceMs` (the request timeout by
   * default, counted as timeouts after that); with `abandon` the leftovers are not counted.
   */
  stop(options: { graceMs?: number; abandon?: boolean } = {}): void {
    if (this.closed) return;
    if (options.abandon) this.countAbandoned = false;
    if (!this.stopping) this.rec.inFlightAtEnd = this.inFlight;
    this.stopping = true;
    clearTimeout(this.timer);
    clearTimeout(this.stageTimer);
    clearTimeout(this.stopTimer);
    if (this.inFlight === 0) {
      this.close();
      return;
    }
    clearTimeout(this.drainTimer);
    this.drainTimer = setTimeout(() => this.close(), options.graceMs ?? this.plan.timeoutMs + 200);
  }

  private close(): void {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.drainTimer);
    this.queue.close();
    // Still open: timed from their own send. Counted as timeouts at the end of a run, or
    // reported as unfinished when the run was stopped by the user.
    const now = performance.now();
    for (const item of this.queue.open() as Exchange[]) {
      item.finished = true;
      if (!item.measured) continue;
      if (this.countAbandoned) this.rec.error("timeout", now - item.startedAt, this.bodyBytes);
      else this.rec.unfinished(now - item.startedAt);
    }
    Promise.all(this.clients.map((c) => c.destroy())).then(this.resolveDone, this.resolveDone);
  }

  private level(now: number): number {
    const ramp = this.plan.ramp;
    if (!ramp) return this.plan.rate ?? this.plan.concurrency;
    return levelAt(ramp, Math.max(0, now - this.measureStart));
  }

  private budgetLeft(): boolean {
    return this.plan.requests === undefined || this.issued < this.plan.requests;
  }

  private send(startedAt: number, now: number): void {
    const measured = startedAt >= this.measureStart;
    if (measured) this.issued += 1;
    this.inFlight += 1;
    this.rec.inFlight = this.inFlight;
    // inFlight < concurrency whenever we get here, so a connection is free.
    const client = this.free.pop()!;
    const exchange = new Exchange(this, client, startedAt, now, measured);
    this.queue.add(exchange);
    client.dispatch(this.dispatchOptions, exchange);
  }

  /** Closed loop: keep `level` requests in flight. */
  private fill(now = performance.now()): void {
    // A late stop timer (busy machine) must not stretch the measured phase.
    if (now >= this.stopAt && !this.stopping) {
      this.stop();
      return;
    }
    const level = this.level(now);
    this.rec.level = level;
    while (!this.stopping && this.inFlight < level && this.budgetLeft()) this.send(now, now);
    if (!this.budgetLeft() && !this.stopping) this.stop();
    if (this.plan.ramp && !this.stageTimer && !this.stopping) {
      const next = nextChangeAt(this.plan.ramp, Math.max(0, now - this.measureStart));
      if (Number.isFinite(next)) {
        this.stageTimer = setTimeout(
          () => {
            this.stageTimer = undefined;
            this.fill();
          },
          this.measureStart + next - now,
        );
      }
    }
  }

  /** Open loop: send every request whose intended time has come, up to the connection cap. */
  private pump(now = performance.now()): void {
    if (now >= this.stopAt && !this.stopping) {
      this.stop();
      return;
    }
    while (
      !this.stopping &&
      this.nextIntended <= now &&
      this.nextIntended < this.stopAt &&
      this.inFlight < this.plan.concurrency &&
      this.budgetLeft()
    ) {
      this.send(this.nextIntended, now);
      this.advance();
    }
    if (this.stopping) return;
    if (!this.budgetLeft()) {
      this.stop();
      return;
    }
    if (this.nextIntended > now && !this.timer) {
      this.timer = setTimeout(
        () => {
          this.timer = undefined;
          this.pump();
        },
        Math.max(0, this.nextIntended - now),
      );
    }
  }

  private advance(): void {
    const rate = this.level(this.nextIntended);
    this.rec.level = rate;
    if (rate > 0) {
      this.nextIntended += 1000 / rate;
      return;
    }
    const ramp = this.plan.ramp ?? [];
    const next = nextChangeAt(ramp, Math.max(0, this.nextIntended - this.measureStart));
    this.nextIntended = Number.isFinite(next) ? this.measureStart + next : this.stopAt + 1;
  }

  /** The sweep expired a request that had not reached its connection yet: replace that connection. */
  expireQueued(ex: Exchange): void {
    const index = this.clients.indexOf(ex.client);
    const fresh = this.connections.create();
    if (index >= 0) this.clients[index] = fresh;
    for (let i = 0; i < this.free.length; i++) if (this.free[i] === ex.client) this.free[i] = fresh;
    ex.client.destroy().catch(() => {});
    ex.client = fresh;
    this.finish(ex, new RequestTimeout(this.plan.timeoutMs));
  }

  /** Called by an Exchange when its response ended or failed (once per request). */
  finish(ex: Exchange, error: Error | null): void {
    ex.finished = true;
    this.inFlight -= 1;
    this.rec.inFlight = this.inFlight;
    this.free.push(ex.client);
    if (this.closed) return;
    const now = performance.now();
    const latency = now - ex.startedAt;
    if (error) {
      const kind = classifyError(error);
      this.rec.transportError(kind, errorCode(error));
      if (ex.measured) this.rec.error(kind, latency, this.bodyBytes);
      else this.rec.warmupDone();
    } else if (ex.measured) this.rec.response(ex.status, latency, ex.bytes, this.bodyBytes);
    else this.rec.warmupResponse();
    if (this.stopping) {
      if (this.inFlight === 0) this.close();
      return;
    }
    // After an error, yield to timers so a failing target cannot starve the stop timer.
    if (error) setImmediate(() => this.next());
    else this.next(now);
  }

  private next(now?: number): void {
    if (this.stopping) return;
    if (this.plan.rate === undefined) this.fill(now);
    else this.pump(now);
  }

  onRateLimit(headers: Record<string, string | string[] | undefined>): void {
    this.rec.rateLimit(headers);
  }
}

/** The undici handler of one request: counts body bytes and discards them. */
class Exchange implements Dispatcher.DispatchHandler, BodyCounter, Timed {
  status = 0;
  bytes = 0;
  finished = false;
  private controller: Dispatcher.DispatchController | undefined;
  private timedOut = false;

  constructor(
    private readonly loop: RequestLoop,
    public client: Client,
    /** When latency counts from: the send, or in open loop the intended send time. */
    readonly startedAt: number,
    /** performance.now() when it was handed to the connection. */
    readonly sentAt: number,
    readonly measured: boolean,
  ) {}

  onRequestStart(controller: Dispatcher.DispatchController): void {
    this.controller = controller;
  }

  expire(): void {
    if (this.finished) return;
    this.timedOut = true;
    if (this.controller) this.controller.abort(new RequestTimeout(this.loop.timeoutMs));
    else this.loop.expireQueued(this);
  }

  onResponseStart(
    _controller: Dispatcher.DispatchController,
    statusCode: number,
    headers: Record<string, string | string[] | undefined>,
  ): void {
    this.status = statusCode;
    if (statusCode === 429 && this.measured) this.loop.onRateLimit(headers);
  }

  onResponseData(_controller: Dispatcher.DispatchController, chunk: Buffer): void {
    this.bytes += chunk.length;
  }

  /** A body of known length (our HTTP/1.1 connection does not copy it out for us to count). */
  onResponseBytes(length: number): void {
    this.bytes += length;
  }

  onResponseEnd(): void {
    if (!this.finished) this.loop.finish(this, null);
  }

  onResponseError(_controller: Dispatcher.DispatchController, error: Error): void {
    if (this.finished) return;
    this.loop.finish(this, this.timedOut ? new RequestTimeout(this.loop.timeoutMs) : error);
  }
}

/** The most telling code of a transport error (`ECONNREFUSED`), else its message. */
function errorCode(error: Error): string {
  const e = error as Error & { code?: string; cause?: { code?: string } };
  return e.cause?.code ?? e.code ?? e.message;
}
