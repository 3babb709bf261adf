import { monitorEventLoopDelay } from "node:perf_hooks";
import { parentPort, workerData } from "node:worker_threads";
import { IntervalRecorder, packDelta, successTable } from "./interval-recorder.js";
import { RequestLoop } from "./request-loop.js";
import type { LoadPlan } from "./types.js";

/** Worker-thread entry: runs one share of the plan and posts packed deltas every 250 ms. */
const plan = (workerData as { plan: LoadPlan }).plan;
const port = parentPort!;
const rec = new IntervalRecorder(successTable(plan.expectStatus, plan.expectRateLimit));
let loop: RequestLoop | undefined;
const delay = monitorEventLoopDelay({ resolution: 10 });
delay.enable();
const post = () =>
  rec.drain((delta) => {
    // Lag beyond the sampling resolution is what this thread's timers and sockets waited.
    const lagMs = Math.max(0, delay.percentile(99) / 1e6 - 10);
    delay.reset();
    port.postMessage({ type: "delta", delta: { ...packDelta(delta), lagMs } });
  });

port.on("message", (message: { type: string; graceMs?: number; abandon?: boolean }) => {
  if (message.type === "go" && !loop) {
    loop = new RequestLoop(plan, rec);
    const timer = setInterval(post, 250);
    loop.start().then(() => {
      clearInterval(timer);
      post();
      port.postMessage({ type: "done" });
      port.close();
    });
  }
  if (message.type === "stop") {
    if (loop) loop.stop({ graceMs: message.graceMs, abandon: message.abandon });
    else {
      port.postMessage({ type: "done" });
      port.close();
    }
  }
});
port.postMessage({ type: "ready" });
