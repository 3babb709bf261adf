import { afterEach, describe, expect, it } from "vitest";
import { planLoad, startLoad } from "../../../src/engine/load/index.js";
import { delayTarget, type TestTarget } from "../../helpers/load-servers.js";

const targets: TestTarget[] = [];
afterEach(async () => {
  await Promise.all(targets.splice(0).map((t) => t.close()));
});

describe("per-stage results and live slices", () => {
  it("reports each --ramp stage and feeds a view quarter-second slices while it runs", async () => {
    const t = await delayTarget(4);
    targets.push(t);
    const run = startLoad(planLoad({ url: t.url, ramp: "1s:1,1s:4", workers: 1 }));
    let seen = run.snapshot();
    const poll = setInterval(() => {
      seen = run.snapshot();
    }, 100);
    const r = await run.result;
    clearInterval(poll);
    expect(r.stages?.map((s) => [s.stage, s.target, s.startSec])).toEqual([
      [1, 1, 0],
      [2, 4, 1],
    ]);
    const [one, two] = r.stages!;
    expect(one!.requests + two!.requests).toBe(r.requests);
    expect(two!.rps).toBeGreaterThan(one!.rps * 1.5);
    expect(one!.p50).toBeGreaterThanOrEqual(4);
    // About four slices a second, each with its own percentiles, and the running totals.
    expect(seen.recent.length).toBeGreaterThanOrEqual(5);
    const last = seen.recent[seen.recent.length - 1]!;
    expect(last.atMs).toBeGreaterThan(1000);
    expect(last.rps).toBeGreaterThan(0);
    expect(seen.latency?.count).toBeGreaterThan(0);
    expect(seen.histogram.reduce((n, b) => n + b.count, 0)).toBe(seen.latency!.count);
  });
});
