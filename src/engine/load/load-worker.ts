import { parentPort, workerData } from "node:worker_threads";
import { encodeDelta, IntervalRecorder, successTable } from "./interval-recorder.js";
import { RequestLoop } from "./request-loop.js";
import type { LoadPlan } from "./types.js";

/** Worker-thread entry: runs one share of the plan and posts encoded deltas every 250 ms. */
const plan = (workerData as { plan: LoadPlan }).plan;
const port = parentPort!;
const rec = new IntervalRecorder(successTable(plan.expectStatus, plan.expectRateLimit));
let loop: RequestLoop | undefined;
const post = () =>
  rec.drain((delta) => port.postMessage({ type: "delta", delta: encodeDelta(delta) }));

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
