import * as asciichart from "asciichart";
import { describe, expect, it } from "vitest";
import { colorRuns } from "../../../src/tui/kit/line-chart.js";

const ESC = /\u001b\[[\d;]*m/g;
const plain = (s: string) => s.replace(ESC, "");

/** Each visible glyph with the colour it is drawn in (spaces and newlines carry no colour). */
function colouredGlyphs(s: string): string[] {
  const out: string[] = [];
  let colour = "";
  for (const part of s.split(/(\u001b\[[\d;]*m)/)) {
    if (/^\u001b\[/.test(part)) colour = /^\u001b\[(0|39)?m$/.test(part) ? "" : part;
    else for (const ch of part) if (ch !== " " && ch !== "\n") out.push(`${colour}${ch}`);
  }
  return out;
}

describe("chart colour runs", () => {
  it("draws the same glyphs in the same colours with a fraction of the escape codes", () => {
    const a = Array.from({ length: 60 }, (_, i) => 10 + 8 * Math.sin(i / 4));
    const b = a.map((v) => v / 2);
    const chart = asciichart.plot([a, b], {
      height: 8,
      min: 0,
      colors: [asciichart.yellow, asciichart.blue],
    });
    const joined = colorRuns(chart);
    expect(plain(joined)).toBe(plain(chart));
    expect(colouredGlyphs(joined)).toEqual(colouredGlyphs(chart));
    expect(joined.match(ESC)!.length * 3).toBeLessThan(chart.match(ESC)!.length);
    // No colour runs over a line break: every coloured line ends with the foreground reset.
    for (const line of joined.split("\n")) {
      const codes = line.match(ESC) ?? [];
      if (codes.length) expect(codes.at(-1)).toBe("\u001b[39m");
    }
  });

  it("leaves text without colours as it is", () => {
    expect(colorRuns("  1.0 ┤╭─╮\n  0.0 ┼╯ ╰")).toBe("  1.0 ┤╭─╮\n  0.0 ┼╯ ╰");
  });
});
