import { afterEach, describe, expect, it } from "vitest";
import { type LoadInput, planLoad, runLoad, startLoad } from "../../../src/engine/load/index.js";
import {
  closedPortUrl,
  delayTarget,
  type TestTarget,
  tcpTarget,
} from "../../helpers/load-servers.js";

const targets: TestTarget[] = [];
afterEach(async () => {
  await Promise.all(targets.splice(0).map((t) => t.close()));
});
async function track<T extends TestTarget>(t: Promise<T>): Promise<T> {
  const target = await t;
  targets.push(target);
  return target;
}
const plan = (input: LoadInput) => planLoad({ workers: 1, ...input });
/** Accepts the request and never answers. */
const hanging = () => track(tcpTarget(() => {}));

describe("--timeout precision and requests open at the end", () => {
  for (const [timeout, ms] of [
    ["0.3", 300],
    ["1", 1000],
  ] as const) {
    it(`--timeout ${timeout} fires within ±10 % of ${ms} ms, counted from the send`, async () => {
      const t = await hanging();
      const started = performance.now();
      const r = await runLoad(
        plan({ url: t.url, duration: `${ms * 2 + 100}ms`, timeout, concurrency: 2 }),
      );
      const wall = performance.now() - started;
      expect(r.errors.timeout).toBeGreaterThanOrEqual(2);
      expect(r.failures).toBe(r.errors.timeout);
      const f = r.latency.failure!;
      expect(f.min).toBeGreaterThanOrEqual(ms * 0.9);
      expect(f.p50).toBeLessThanOrEqual(ms * 1.1);
      // The slowest one may also wait for a busy event loop (parallel test files share the cores).
      expect(f.max).toBeLessThanOrEqual(ms * 1.5);
      // The run ends within duration + timeout, not later.
      expect(wall).toBeLessThan(ms * 2 + 100 + ms * 1.1 + 600);
    });
  }

  it("times requests still open at the end from their own send and reports them", async () => {
    const t = await track(delayTarget(1200));
    const r = await runLoad(plan({ url: t.url, duration: "400ms", timeout: 5, concurrency: 3 }));
    expect(r.inFlightAtEnd).toBe(3);
    expect(r.successes).toBe(3);
    // Sent at the start, answered 1.2 s later: recorded as 1.2 s, not as the 0.8 s after the stop.
    expect(r.latency.success!.min).toBeGreaterThanOrEqual(1150);
    expect(r.unfinished).toBe(0);
  });

  it("a stopped run reports the requests it gave up on, aged from their send", async () => {
    const t = await hanging();
    const run = startLoad(plan({ url: t.url, duration: 10, timeout: 30, concurrency: 2 }));
    setTimeout(() => run.stop(), 600);
    const r = await run.result;
    expect(r.interrupted).toBe(true);
    expect(r.unfinished).toBe(2);
    expect(r.unfinishedMaxMs).toBeGreaterThanOrEqual(550);
    expect(r.failures).toBe(0);
  });
});

describe("dead target", () => {
  it("stops within 2 s when every connect is refused, naming the address and the error", async () => {
    const url = await closedPortUrl();
    const started = performance.now();
    const r = await runLoad(plan({ url, duration: 10, concurrency: 4 }));
    expect(performance.now() - started).toBeLessThan(2000);
    const port = new URL(url).port;
    expect(r.deadTarget).toMatchObject({
      address: `127.0.0.1:${port}`,
      error: "connection refused (ECONNREFUSED)",
    });
    expect(r.successes).toBe(0);
  });

  it("does not stop a run whose target answers slowly", async () => {
    const t = await track(delayTarget(1300));
    const r = await runLoad(plan({ url: t.url, duration: "1.5s", concurrency: 2 }));
    expect(r.deadTarget).toBeUndefined();
    expect(r.successes).toBeGreaterThan(0);
  });
});
