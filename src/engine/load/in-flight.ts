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
 * Requests in flight in the order they were sent. One timer, armed for the oldest open request's
 * deadline, expires those older than the timeout, so `--timeout` fires within a millisecond or
 * two of its value (undici's own timers tick coarsely and start at connect, not send). Sends are
 * monotonic, so only the head is checked; the timer fires about once per timeout period.
 */
export class InFlightQueue {
  private items: Timed[] = [];
  private head = 0;
  private timer: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(private readonly timeoutMs: number) {}

  add(item: Timed): void {
    // Finished requests leave from the front as they go, so the list holds about what is open.
    this.dropFinished();
    this.items.push(item);
    if (!this.timer) this.arm(item.sentAt);
  }

  private dropFinished(): void {
    const { items } = this;
    while (this.head < items.length && items[this.head]!.finished) this.head += 1;
    if (this.head >= items.length) {
      items.length = 0;
      this.head = 0;
    } else if (this.head > 256 && this.head * 2 > items.length) {
      this.items = items.slice(this.head);
      this.head = 0;
    }
  }

  private arm(sentAt: number): void {
    if (this.closed) return;
    const wait = Math.max(0, sentAt + this.timeoutMs - performance.now());
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.sweep();
    }, wait);
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
    } else if (!this.timer) this.arm(this.items[this.head]!.sentAt);
  }

  /** Requests not yet finished, oldest first. */
  open(): Timed[] {
    return this.items.slice(this.head).filter((i) => !i.finished);
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}
