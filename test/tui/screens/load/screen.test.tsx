import type { EventEmitter } from "node:events";
import { render } from "ink-testing-library";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { parseFailOn, planLoad } from "../../../../src/engine/load/index.js";
import { App } from "../../../../src/tui/app.js";
import { preloadScreens } from "../../../../src/tui/screen-loader.js";
import type { LoadScreenParams } from "../../../../src/tui/screens/load/screen.js";
import { press, waitForFrame, waitUntil } from "../../../helpers/ink.js";
import { delayTarget, type TestTarget } from "../../../helpers/load-servers.js";

// Screens load when opened; load these once so each test starts on its screen's first frame.
beforeAll(() => preloadScreens(["load"]));

const TAB = "\t";
const CTRL_C = "\u0003";

const targets: TestTarget[] = [];
afterEach(async () => {
  await Promise.all(targets.splice(0).map((t) => t.close()));
});

function resize(stdout: EventEmitter, columns: number, rows: number) {
  Object.defineProperty(stdout, "columns", { value: columns, configurable: true });
  Object.defineProperty(stdout, "rows", { value: rows, configurable: true });
  stdout.emit("resize");
}

function start(params?: LoadScreenParams) {
  const onDone = vi.fn();
  const r = render(<App start={{ screen: "load", params }} onDone={onDone} />);
  resize(r.stdout as unknown as EventEmitter, 80, 24);
  return { ...r, onDone };
}

async function target(delayMs = 10) {
  const t = await delayTarget(delayMs);
  targets.push(t);
  return t;
}

async function waitForCall(fn: ReturnType<typeof vi.fn>, timeoutMs = 8_000) {
  await waitUntil(() => fn.mock.calls.length > 0, "the screen to call onDone", timeoutMs);
  return fn.mock.calls[0]![0] as { exitCode: number; summary?: string };
}

describe("load screen", () => {
  it("charts p50/p99 and req/s live within 80x24, then keeps the summary", async () => {
    const t = await target(10);
    const plan = planLoad({ url: t.url, duration: 2, concurrency: 4, workers: 1 });
    const { lastFrame, stdin, onDone, unmount } = start({ plan });
    const live = await waitForFrame(lastFrame, /requests\/s[\s\S]*200 ×\d+/, 5_000);
    expect(live).toMatch(/latency ━ p99 ━ p90 ━ p50/);
    expect(live).toMatch(/\[[█░]+\]\s+\d+%/);
    expect(live).toMatch(/in flight \d+ +elapsed [\d.]+ s +remaining [\d.]+ s/);
    expect(live).toContain("q stop & quit");
    const lines = live.split("\n");
    expect(lines.length).toBeLessThanOrEqual(24);
    const wide = lines.filter((l) => l.replace(/\u001b\[[\d;]*m/g, "").length > 80);
    expect(wide).toEqual([]);
    const done = await waitForFrame(lastFrame, "✔ passed (no gates set)", 8_000);
    expect(done).toMatch(/requests\s+[\d,]+ in 2\.0 s/);
    stdin.write("q");
    const result = await waitForCall(onDone);
    expect(result.exitCode).toBe(0);
    expect(result.summary).toMatch(/load GET .* 4 connections \(closed loop\), 2\.0 s/);
    unmount();
  });

  it("stops on Ctrl+C, shows the summary, and leaves with 130 keeping it", async () => {
    const t = await target(5);
    const plan = planLoad({ url: t.url, duration: 30, concurrency: 2, workers: 1 });
    const { lastFrame, stdin, onDone, unmount } = start({ plan });
    await waitForFrame(lastFrame, /200 ×\d+/, 5_000);
    stdin.write(CTRL_C);
    const frame = await waitForFrame(lastFrame, /\(stopped\s+early\)/, 5_000);
    expect(frame).toContain("↑↓/jk scroll");
    expect(onDone).not.toHaveBeenCalled();
    stdin.write("q");
    const result = await waitForCall(onDone);
    expect(result.exitCode).toBe(130);
    expect(result.summary).toContain("(stopped early)");
    unmount();
  });

  it("q during a run stops it and quits with the summary", async () => {
    const t = await target(5);
    const plan = planLoad({ url: t.url, duration: 30, concurrency: 2, workers: 1 });
    const { lastFrame, stdin, onDone, unmount } = start({ plan });
    await waitForFrame(lastFrame, /200 ×\d+/, 5_000);
    stdin.write("q");
    const result = await waitForCall(onDone);
    expect(result.exitCode).toBe(0);
    expect(result.summary).toMatch(/requests\s+[\d,]+ in/);
    unmount();
  });

  it("changes the chart window with + and -, shows help with ? and follows a resize", async () => {
    const t = await target(5);
    const plan = planLoad({ url: t.url, duration: 30, concurrency: 1, workers: 1 });
    const { lastFrame, stdin, stdout, unmount } = start({ plan });
    await waitForFrame(lastFrame, "window 60 s", 5_000);
    stdin.write("+");
    await waitForFrame(lastFrame, "window 120 s");
    stdin.write("-");
    stdin.write("-");
    await waitForFrame(lastFrame, "window 30 s");
    stdin.write("?");
    await waitForFrame(lastFrame, "Help — load");
    stdin.write("\u001b");
    await waitForFrame(lastFrame, "latency ━");
    resize(stdout as unknown as EventEmitter, 100, 30);
    const wide = await waitForFrame(lastFrame, "window 30 s");
    expect(wide.split("\n").length).toBeLessThanOrEqual(30);
    stdin.write(CTRL_C);
    await waitForFrame(lastFrame, /\(stopped\s+early\)/, 5_000);
    unmount();
  });

  it("exits 1 with the failed gate named when a threshold is breached", async () => {
    const t = await target(20);
    const plan = planLoad({ url: t.url, requests: 10, concurrency: 2, workers: 1 });
    const { lastFrame, stdin, onDone, unmount } = start({
      plan,
      gates: { failOn: parseFailOn("p50>1ms") },
    });
    const frame = await waitForFrame(lastFrame, "✖ failed (exit 1)", 8_000);
    expect(frame).toMatch(/✖ --fail-on p50>1ms: p50 was [\d.]+ ms/);
    stdin.write("q");
    expect((await waitForCall(onDone)).exitCode).toBe(1);
    unmount();
  });

  it("is listed on the home screen and opens its form from there", async () => {
    const r = render(<App onDone={() => {}} />);
    resize(r.stdout as unknown as EventEmitter, 80, 24);
    await waitForFrame(r.lastFrame, "Load — HTTP load test with live charts");
    // The home screen shows the highlighted tool's description under the menu.
    for (let i = 0; i < 10 && !(r.lastFrame() ?? "").includes("requests/s charted live"); i++) {
      await press(r, "j");
    }
    r.stdin.write("\r");
    await waitForFrame(r.lastFrame, "empty = built-in demo target");
    r.stdin.write("\u001b");
    await waitForFrame(r.lastFrame, "Pick a tool");
    r.unmount();
  });

  it("takes a URL pasted with its Enter (one chunk) as typed, not the empty field", async () => {
    const { lastFrame, stdin, unmount } = start();
    await waitForFrame(lastFrame, "empty = built-in demo target");
    stdin.write("not-a-url\r");
    await waitForFrame(lastFrame, '"not-a-url" is not a URL');
    unmount();
  });

  it("offers the demo target when opened without a URL and validates the form", async () => {
    const { lastFrame, stdin, unmount } = start();
    await waitForFrame(lastFrame, "empty = built-in demo target");
    await press({ stdin, lastFrame }, TAB);
    await press({ stdin, lastFrame }, "abc");
    stdin.write("\r");
    await waitForFrame(lastFrame, '--concurrency: "abc" is not a whole number');
    for (let i = 0; i < 3; i++) {
      await press({ stdin, lastFrame }, "\u007f");
    }
    stdin.write("3");
    await press({ stdin, lastFrame }, TAB);
    await press({ stdin, lastFrame }, "1");
    stdin.write("\r");
    const live = await waitForFrame(
      lastFrame,
      /GET http:\/\/127\.0\.0\.1:\d+\/demo · 3 connections/,
      5_000,
    );
    expect(live).toContain("latency ━");
    await waitForFrame(lastFrame, /passed|failed/, 8_000);
    unmount();
  });
});
