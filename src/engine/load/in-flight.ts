/** One request on the wire, as the timeout sweep sees it. */
export interface Timed {
  /** performance.now() when it was handed to the connection. */
  readonly sentAt: number;
  /** True once it finished (response, error or timeout). */
  finished: boolean;
  /** Abort it as timed out. */
  expire(): void;
}

/**
 * Requests in flight in the order they were sent. A sweep every few milliseconds expires those
 * older than the timeout, so `--timeout` fires within a few ms of its value (undici's own timers
 * tick coarsely and start at connect, not send). Sends are monotonic, so only the head is checked.
 */
export class InFlightQueue {
  private items: Timed[] = [];
  private head = 0;
  private timer: NodeJS.Timeout | undefined;
  readonly tickMs: number;

  constructor(private readonly timeoutMs: number) {
    // 1/30 of the timeout, 2–50 ms: 0.3 s is checked every 10 ms.
    this.tickMs = Math.min(50, Math.max(2, Math.floor(timeoutMs / 30)));
  }

  add(item: Timed): void {
    this.items.push(item);
    if (!this.timer) this.timer = setInterval(() => this.sweep(), this.tickMs);
  }

  /** Expire every request older than the timeout; drop finished ones from the front. */
  sweep(now = performance.now()): void {
    const { items } = this;
    while (this.head < items.length) {
      const item = items[this.head]!;
      if (!item.finished) {
        if (now - item.sentAt < this.timeoutMs) break;
        item.expire();
      }
      this.head += 1;
    }
    if (this.head > 1024 && this.head * 2 > items.length) {
      this.items = items.slice(this.head);
      this.head = 0;
    }
    if (this.head >= this.items.length) {
      this.items = [];
      this.head = 0;
      clearInterval(this.timer);
      this.timer = undefined;
    }
  }

  /** Requests not yet finished, oldest first. */
  open(): Timed[] {
    return this.items.slice(this.head).filter((i) => !i.finished);
  }

  close(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }
}
