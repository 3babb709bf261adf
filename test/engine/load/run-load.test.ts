import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { type LoadInput, planLoad, runLoad, startLoad } from "../../../src/engine/load/index.js";
import {
  closedPortUrl,
  delayTarget,
  httpTarget,
  statusTarget,
  type TestTarget,
  tcpTarget,
} from "../../helpers/load-servers.js";
import { tempDir } from "../../helpers/temp-dir.js";

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

describe("runLoad against local servers", () => {
  it("sends exactly --requests N and tallies every response", async () => {
    const t = await track(statusTarget(200));
    const r = await runLoad(plan({ url: t.url, requests: 137, concurrency: 7 }));
    expect(r.requests).toBe(137);
    expect(r.successes).toBe(137);
    expect(t.received()).toBe(137);
    expect(r.statuses).toEqual({ "200": 137 });
    expect(r.bytesIn).toBe(137 * "status 200".length);
  });

  it("splits --requests over worker threads and merges their histograms", async () => {
    const t = await track(delayTarget(5));
    const r = await runLoad(plan({ url: t.url, requests: 101, concurrency: 4, workers: 2 }));
    expect(r.requests).toBe(101);
    expect(t.received()).toBe(101);
    expect(r.latency.success?.count).toBe(101);
    expect(r.generator.threads).toBe(2);
  });

  it("measures a known injected delay", async () => {
    const t = await track(delayTarget(50));
    const r = await runLoad(plan({ url: t.url, duration: "1.5s", concurrency: 4 }));
    expect(r.latency.success!.p50).toBeGreaterThanOrEqual(45);
    expect(r.latency.success!.p50).toBeLessThanOrEqual(120);
    expect(r.latency.success!.min).toBeGreaterThanOrEqual(45);
    expect(r.timeline.length).toBeGreaterThanOrEqual(1);
    expect(r.timeline[0]!.p50).not.toBeNull();
  });

  it("counts 4xx/5xx as failures with their latency, and expected statuses as successes", async () => {
    const t = await track(statusTarget(400));
    const failing = await runLoad(plan({ url: t.url, requests: 20, concurrency: 2 }));
    expect(failing.failures).toBe(20);
    expect(failing.latency.success).toBeNull();
    expect(failing.latency.failure?.count).toBe(20);
    const expected = await runLoad(
      plan({ url: t.url, requests: 20, concurrency: 2, expectStatus: 400 }),
    );
    expect(expected.successes).toBe(20);
    expect(expected.failures).toBe(0);
  });

  it("reports connection refused when nothing listens, never 0 ms success percentiles", async () => {
    const url = await closedPortUrl();
    const r = await runLoad(plan({ url, requests: 30, concurrency: 3 }));
    expect(r.requests).toBe(30);
    expect(r.successes).toBe(0);
    expect(r.errors.refused).toBe(30);
    expect(r.latency.success).toBeNull();
  });

  it("classifies connection resets and garbage responses", async () => {
    const reset = await track(tcpTarget((s) => s.resetAndDestroy()));
    const r1 = await runLoad(plan({ url: reset.url, requests: 10, concurrency: 2 }));
    expect(r1.requests).toBe(10);
    expect(r1.errors.reset).toBe(10);
    const garbage = await track(tcpTarget((s) => s.end("this is not http\r\n\r\n")));
    const r2 = await runLoad(plan({ url: garbage.url, requests: 10, concurrency: 2 }));
    expect(r2.requests).toBe(10);
    expect(r2.errors.bad_response).toBe(10);
  });

  it("classifies a TLS failure (https to a plain-http server)", async () => {
    const t = await track(statusTarget(200));
    const r = await runLoad(
      plan({ url: t.url.replace("http:", "https:"), requests: 5, concurrency: 1 }),
    );
    expect(r.requests).toBe(5);
    expect(r.errors).toEqual({ tls: 5 });
  });

  it("ends a run against a hanging target within duration + timeout", async () => {
    const hang = await track(tcpTarget(() => {}));
    const started = Date.now();
    const r = await runLoad(
      plan({ url: hang.url, duration: "0.5s", timeout: "1s", concurrency: 3 }),
    );
    expect(Date.now() - started).toBeLessThan(6_000);
    expect(r.successes).toBe(0);
    expect(r.errors.timeout).toBe(3);
  });

  it("holds the --rate within 15 %", async () => {
    const t = await track(delayTarget(2));
    const r = await runLoad(plan({ url: t.url, rate: 200, duration: 2 }));
    expect(r.mode).toBe("open");
    expect(r.requests).toBeGreaterThanOrEqual(340);
    expect(r.requests).toBeLessThanOrEqual(460);
  });

  it("corrects coordinated omission in rate mode when the server stalls", async () => {
    const t = await track(httpTarget((_req, res) => res.end("ok")));
    const open = startLoad(plan({ url: t.url, rate: 100, duration: 3, concurrency: 50 }));
    setTimeout(() => t.pauseFor(600), 1_000);
    const openReport = await open.result;
    const closed = startLoad(plan({ url: t.url, concurrency: 1, duration: 3 }));
    setTimeout(() => t.pauseFor(600), 1_000);
    const closedReport = await closed.result;
    // Open loop: every request due during the stall waits for it, so the tail shows the stall.
    expect(openReport.latency.success!.p95).toBeGreaterThan(200);
    // Closed loop at one connection: a single slow sample hides the stall from p95.
    expect(closedReport.latency.success!.p95).toBeLessThan(openReport.latency.success!.p95);
    expect(closedReport.latency.success!.max).toBeGreaterThan(400);
  });

  it("does not record the warmup", async () => {
    const t = await track(statusTarget(200));
    const r = await runLoad(plan({ url: t.url, warmup: "0.4s", requests: 25, concurrency: 2 }));
    expect(r.requests).toBe(25);
    expect(r.warmupRequests).toBeGreaterThan(0);
    expect(t.received()).toBe(25 + r.warmupRequests);
  });

  it("steps concurrency through --ramp stages", async () => {
    const t = await track(delayTarget(20));
    const r = await runLoad(plan({ url: t.url, ramp: "1s:1,1s:8" }));
    expect(r.timeline.map((p) => p.level)).toEqual([1, 8]);
    expect(r.timeline[1]!.rps).toBeGreaterThan(r.timeline[0]!.rps * 3);
  });

  it("finds where rate limiting began and the headers it sent", async () => {
    const t = await track(
      httpTarget((_req, res, n) => {
        if (n <= 50) return res.end("ok");
        res.writeHead(429, { "RateLimit-Limit": "50", "Retry-After": "1", "X-Other": "x" });
        res.end("slow down");
      }),
    );
    const r = await runLoad(
      plan({ url: t.url, requests: 80, concurrency: 4, expectRateLimit: true }),
    );
    expect(r.rateLimit?.count).toBe(30);
    expect(r.rateLimit?.headers).toEqual({ "ratelimit-limit": "50", "retry-after": "1" });
    // limiting began inside the first second: the rate is still measured, never 0 req/s
    expect(r.rateLimit?.rpsAtStart).toBeGreaterThan(0);
    expect(r.successes).toBe(80);
  });

  it("stops early on abort and keeps what was measured", async () => {
    const t = await track(delayTarget(10));
    const controller = new AbortController();
    const run = startLoad(plan({ url: t.url, duration: 30, concurrency: 2 }), {
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(), 700);
    const r = await run.result;
    expect(r.interrupted).toBe(true);
    expect(r.elapsedSec).toBeLessThan(5);
    expect(r.requests).toBeGreaterThan(0);
    expect(run.snapshot().phase).toBe("done");
  });

  it("writes an HdrHistogram interval log", async () => {
    const t = await track(statusTarget(200));
    const path = join(tempDir("load"), "run.hlog");
    await runLoad(plan({ url: t.url, duration: "1.2s", concurrency: 2 }), { hdrLogPath: path });
    const log = readFileSync(path, "utf8");
    expect(log).toContain("#[StartTime:");
    expect(log).toContain(
      '"StartTimestamp","Interval_Length","Interval_Max","Interval_Compressed_Histogram"',
    );
    expect(log.split("\n").filter((l) => /^\d/.test(l)).length).toBeGreaterThanOrEqual(1);
  });
});
