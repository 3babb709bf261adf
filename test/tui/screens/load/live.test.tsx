import type { EventEmitter } from "node:events";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { render } from "ink-testing-library";
import { afterEach, describe, expect, it, vi } from "vitest";
import { parseFailOn, planLoad } from "../../../../src/engine/load/index.js";
import { App } from "../../../../src/tui/app.js";
import type { LoadScreenParams } from "../../../../src/tui/screens/load/screen.js";
import { frameFits, resizeStdout, waitForFrame, waitUntil } from "../../../helpers/ink.js";
import { delayTarget, type TestTarget } from "../../../helpers/load-servers.js";

const targets: TestTarget[] = [];
const restore: Array<() => void> = [];
afterEach(async () => {
  for (const r of restore.splice(0)) r();
  await Promise.all(targets.splice(0).map((t) => t.close()));
});

function start(params: LoadScreenParams, columns: number, rows: number) {
  const onDone = vi.fn();
  const r = render(<App start={{ screen: "load", params }} onDone={onDone} />);
  resizeStdout(r.stdout as unknown as EventEmitter, columns, rows);
  return { ...r, onDone };
}

async function target(delayMs: number) {
  const t = await delayTarget(delayMs);
  targets.push(t);
  return t;
}

/** The chart rows: the lines asciichart draws, with its axis glyph. */
const chartRows = (frame: string) => frame.split("\n").filter((l) => /[┤┼]/.test(l));

describe("load live view", () => {
  it("fills the width from the first second with p50/p90/p99, limits and live numbers (100x30)", async () => {
    const t = await target(20);
    const plan = planLoad({ url: t.url, duration: 30, concurrency: 4, workers: 1 });
    const gates = { failOn: parseFailOn("p99>40ms,errors>5%") };
    const { lastFrame, unmount, stdin } = start({ plan, gates }, 100, 30);
    // Well before the second second, the latency line already spans the chart.
    const frame = await waitForFrame(lastFrame, /req\/s [1-9][\d,]*[\s\S]*p99>40ms/, 5_000);
    const rows = chartRows(frame);
    expect(rows.length).toBeGreaterThanOrEqual(6);
    const widest = Math.max(...rows.map((r) => r.trimEnd().length));
    expect(widest).toBeGreaterThanOrEqual(95);
    for (const label of ["p50", "p90", "p99", "max", "errors", "in flight", "elapsed", "remaining"])
      expect(frame).toContain(label);
    expect(frame).toMatch(/━ p99 .*━ p90 .*━ p50 .*╌ p99>40ms/);
    expect(frame).toContain("requests/s");
    expect(frame).toContain("latency histogram");
    expect(frame).toContain("generator CPU");
    expect(frame).toMatch(/≤ [\d.]+ ms █+ [\d.]+%/);
    expect(frame).toMatch(/200 ×\d+/);
    expect(frameFits(frame, 100, 30).fits).toBe(true);
    stdin.write("\u0003");
    await waitForFrame(lastFrame, /\(stopped\s+early\)/, 5_000);
    unmount();
  });

  it("keeps the chart and the numbers at 80x24 and at 60x20 with NO_COLOR, the URL password masked", async () => {
    const before = process.env.NO_COLOR;
    process.env.NO_COLOR = "1";
    restore.push(() => {
      if (before === undefined) delete process.env.NO_COLOR;
      else process.env.NO_COLOR = before;
    });
    const t = await target(5);
    const url = t.url.replace("http://", "http://ops:Hunter2pw@");
    const plan = planLoad({ url, duration: 30, concurrency: 2, workers: 1 });
    const { lastFrame, stdout, unmount, stdin } = start({ plan }, 80, 24);
    const at80 = await waitForFrame(lastFrame, /req\/s [1-9][\s\S]*┤/, 5_000);
    expect(at80).toContain("ops:***@");
    expect(at80).not.toContain("Hunter2pw");
    expect(frameFits(at80, 80, 24).fits).toBe(true);
    expect(chartRows(at80).length).toBeGreaterThanOrEqual(5);
    expect(at80).toMatch(/p99 [\d.]+ ms/);
    expect(at80).not.toMatch(/\u001b\[3\dm/);
    resizeStdout(stdout as unknown as EventEmitter, 60, 20);
    await waitUntil(() => frameFits(lastFrame() ?? "", 60, 20).fits, "the frame to fit 60x20");
    const at60 = lastFrame() ?? "";
    expect(chartRows(at60).length).toBeGreaterThanOrEqual(3);
    expect(at60).toMatch(/p99 [\d.]+ ms/);
    expect(at60).toContain("remaining");
    stdin.write("\u0003");
    await waitForFrame(lastFrame, /\(stopped\s+early\)/, 5_000);
    unmount();
  });

  it("SIGTERM stops the run, writes its files and leaves with 143 and the summary", async () => {
    const t = await target(5);
    const dir = mkdtempSync(join(tmpdir(), "sb-load-live-"));
    restore.push(() => rmSync(dir, { recursive: true, force: true }));
    const plan = planLoad({ url: t.url, duration: 30, concurrency: 2, workers: 1 });
    const before = new Set(process.listeners("SIGTERM"));
    const { lastFrame, onDone, unmount } = start(
      {
        plan,
        report: join(dir, "r.html"),
        timeseries: join(dir, "t.csv"),
        output: join(dir, "o.json"),
      },
      80,
      24,
    );
    await waitForFrame(lastFrame, /200 ×\d+/, 5_000);
    // The screen's own SIGTERM handler (not the test runner's), as the process would call it.
    const mine = process
      .listeners("SIGTERM")
      .filter((l) => !before.has(l) && l.name === "loadScreenSigterm");
    expect(mine).toHaveLength(1);
    (mine[0] as () => void)();
    await waitUntil(() => onDone.mock.calls.length > 0, "the screen to leave", 8_000);
    const result = onDone.mock.calls[0]![0] as { exitCode: number; summary?: string };
    expect(result.exitCode).toBe(143);
    expect(result.summary).toContain("(stopped early)");
    expect(existsSync(join(dir, "r.html"))).toBe(true);
    expect(readFileSync(join(dir, "t.csv"), "utf8")).toMatch(/^second,requests,rps/);
    expect(JSON.parse(readFileSync(join(dir, "o.json"), "utf8")).exitCode).toBe(143);
    unmount();
  });
});
