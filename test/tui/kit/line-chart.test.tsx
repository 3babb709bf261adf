import { render } from "ink-testing-library";
import { afterEach, describe, expect, it } from "vitest";
import { LineChart } from "../../../src/tui/kit/line-chart.js";

const restore: Array<() => void> = [];
afterEach(() => {
  for (const r of restore.splice(0)) r();
});

function noColor() {
  const before = process.env.NO_COLOR;
  process.env.NO_COLOR = "1";
  restore.push(() => {
    if (before === undefined) delete process.env.NO_COLOR;
    else process.env.NO_COLOR = before;
  });
}

/** A line rising from 0 to 100 over 40 columns. */
const rising = Array.from({ length: 40 }, (_, i) => (i * 100) / 39);

describe("LineChart levels (the --fail-on and --slo lines of the live view)", () => {
  it("draws a limit dashed and named beneath the data, so it differs from the lines without colour", () => {
    noColor();
    const { lastFrame, unmount } = render(
      <LineChart series={[rising]} height={8} levels={[{ value: 50, label: "p99>50ms" }]} />,
    );
    const rows = (lastFrame() ?? "").split("\n");
    const limit = rows.find((r) => r.includes("╌"));
    expect(limit).toBeDefined();
    // Named at its right end; the rising line crosses it with its own solid glyphs.
    expect(limit!.trimEnd()).toMatch(/╌+ p99>50ms$/);
    expect(limit).toMatch(/╌[│╭╮╯╰─]+╌/);
    // No solid horizontal line as wide as the chart: that would be the old drawing (a series).
    expect(rows.some((r) => /─{30}/.test(r))).toBe(false);
    unmount();
  });

  it("labels the bottom of the axis 0, never -0", () => {
    noColor();
    const { lastFrame, unmount } = render(<LineChart series={[[0, 999.9, 500]]} height={9} />);
    const frame = lastFrame() ?? "";
    expect(frame).not.toContain("-0");
    expect(frame.split("\n").at(-1)).toMatch(/^\s*0\.0 /);
    unmount();
  });

  it("keeps colour for the data and the limit when colour is on", () => {
    const before = process.env.NO_COLOR;
    delete process.env.NO_COLOR;
    restore.push(() => {
      if (before !== undefined) process.env.NO_COLOR = before;
    });
    const { lastFrame, unmount } = render(
      <LineChart
        series={[rising]}
        height={8}
        tones={["warn"]}
        levels={[{ value: 50, label: "SLO p99 50 ms" }]}
      />,
    );
    const frame = lastFrame() ?? "";
    // The dashes and the name in red, one colour sequence for the run.
    expect(frame).toMatch(/\u001b\[31m╌+/);
    expect(frame).toContain("SLO p99 50 ms");
    unmount();
  });
});
