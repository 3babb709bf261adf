import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { planLoad } from "../../../src/engine/load/index.js";
import { UserError } from "../../../src/engine/shared/index.js";
import { tempDir } from "../../helpers/temp-dir.js";

const url = "http://127.0.0.1:9/x?y=1";

describe("planLoad", () => {
  it("applies the defaults of a closed-loop run", () => {
    const p = planLoad({ url, workers: 1 });
    expect(p).toMatchObject({
      method: "GET",
      concurrency: 10,
      durationMs: 10_000,
      timeoutMs: 10_000,
      warmupMs: 0,
    });
    expect(p.rate).toBeUndefined();
  });

  it("reads the original flags: method, headers, JSON body with content type", () => {
    const p = planLoad({
      url,
      method: "post",
      headers: ["Authorization: Bearer token123"],
      body: '{"product_id": 1, "quantity": 2}',
      concurrency: "100",
      duration: "60",
    });
    expect(p.method).toBe("POST");
    expect(p.headers).toEqual({
      authorization: "Bearer token123",
      "content-type": "application/json",
    });
    expect(p.concurrency).toBe(100);
    expect(p.durationMs).toBe(60_000);
  });

  it("reads --body @file relative to cwd", () => {
    const dir = tempDir("load");
    writeFileSync(join(dir, "order.json"), '{"a":1}');
    expect(planLoad({ url, method: "PUT", body: "@order.json", cwd: dir }).body).toBe('{"a":1}');
  });

  it.each([
    [{ url: "not a url" }, /is not a URL/],
    [{ url: "ftp://host/x" }, /unsupported scheme/],
    [{ url, method: "FETCH" }, /unknown method "FETCH"/],
    [{ url, headers: ["NoColon"] }, /malformed header "NoColon"/],
    [{ url, headers: ["Bad Name: x"] }, /malformed header/],
    [{ url, method: "POST", body: '{"a": }' }, /--body is not valid JSON/],
    [{ url, method: "POST", body: "@/nonexistent/body.json" }, /cannot read body file/],
    [{ url, body: "x" }, /a GET request cannot carry --body/],
    [{ url, concurrency: "0" }, /--concurrency/],
    [{ url, duration: "ten" }, /--duration: "ten" is not a duration/],
    [{ url, rate: "-5" }, /--rate/],
    [{ url, ramp: "10s" }, /--ramp/],
    [{ url, expectStatus: "99" }, /--expect-status/],
    [{ url, concurrency: 5, ramp: "1s:10" }, /more connections than --concurrency/],
  ])("rejects %o with a usage error", (input, message) => {
    let error: unknown;
    try {
      planLoad(input);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toMatch(message);
    expect((error as { exitCode: number }).exitCode).toBe(2);
  });

  it("takes a rate-mode run's connection cap from the peak rate", () => {
    expect(planLoad({ url, rate: 1000 }).concurrency).toBe(250);
    expect(planLoad({ url, rate: 10 }).concurrency).toBe(16);
    expect(planLoad({ url, ramp: "5s:100rps,5s:2000rps" })).toMatchObject({
      rate: 100,
      concurrency: 500,
    });
  });

  it("derives duration from --ramp and caps --requests runs", () => {
    expect(planLoad({ url, ramp: "10s:100,30s:1000", concurrency: 1000 }).durationMs).toBe(40_000);
    expect(planLoad({ url, requests: 5 }).durationMs).toBe(300_000);
    expect(planLoad({ url, requests: 3, workers: 8, concurrency: 10 }).workers).toBe(3);
    // --workers is "at most 8" (it started 10 threads for --workers 100 -c 10).
    expect(planLoad({ url, workers: 100, concurrency: 50 }).workers).toBe(8);
  });

  it("refuses sizes no run can hold instead of running out of memory or timers", () => {
    // 10^8 connections used to allocate until the process was killed.
    expect(() => planLoad({ url, concurrency: "100000000" })).toThrow(
      /--concurrency 100000000: at most 65535/,
    );
    expect(() => planLoad({ url, ramp: "5s:100000000" })).toThrow(/at most 65535/);
    expect(planLoad({ url, concurrency: "65535" }).concurrency).toBe(65_535);
    // Beyond a 32-bit timer Node.js fires after 1 ms: the run ended at once, every request timed out.
    expect(() => planLoad({ url, duration: "99999999", requests: 100 })).toThrow(
      /--duration: "99999999" is longer than 7 days/,
    );
    expect(() => planLoad({ url, timeout: "99999999" })).toThrow(UserError);
    expect(() => planLoad({ url, warmup: "9999999" })).toThrow(UserError);
    expect(() => planLoad({ url, ramp: "9999999s:5" })).toThrow(/--ramp stage/);
    expect(planLoad({ url, duration: "168h" }).durationMs).toBe(604_800_000);
  });
});
