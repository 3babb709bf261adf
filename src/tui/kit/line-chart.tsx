import * as asciichart from "asciichart";
import { Box, Text } from "ink";
import { type ChartLevel, drawLevels } from "./chart-levels.js";
import { type Tone, tone } from "./theme.js";

const ANSI: Partial<Record<Tone, string>> = {
  accent: asciichart.cyan,
  ok: asciichart.green,
  warn: asciichart.yellow,
  bad: asciichart.red,
  info: asciichart.blue,
  muted: asciichart.darkgray,
};

/** Width of the value labels left of the plot. */
export const LABEL_WIDTH = 9;

/**
 * A line chart of one or more series drawn with asciichart, `height` rows of plot, with optional
 * `levels` (limits) drawn dashed beneath the data and named at their right end.
 * Series must already fit the width (see `windowSeries`); colours follow the theme, so NO_COLOR drops them.
 */
export function LineChart({
  series,
  height,
  tones,
  levels = [],
  levelTone = "bad",
  format = (v) => v.toFixed(v >= 100 ? 0 : 1),
}: {
  series: number[][];
  height: number;
  tones?: Tone[];
  levels?: ChartLevel[];
  levelTone?: Tone;
  format?: (v: number) => string;
}) {
  const drawable = series.filter((s) => s.length > 0);
  if (drawable.length === 0 || height < 1) {
    return (
      <Box height={height + 1} flexShrink={0}>
        <Text color={tone("muted")}>waiting for the first second…</Text>
      </Box>
    );
  }
  const max = Math.max(...drawable.flat(), ...levels.map((l) => l.value));
  const colors = (tones ?? [])
    .map((t) => (tone(t) ? ANSI[t] : undefined))
    .filter((c): c is string => Boolean(c));
  const plotted = asciichart.plot(
    drawable.map((s) => (s.length === 1 ? [s[0]!, s[0]!] : s)),
    {
      height,
      min: 0,
      max: max > 0 ? max : 1,
      colors: colors.length === drawable.length ? colors : undefined,
      // The bottom label is computed as max − max and can come out as −0.
      format: (v) => format(Math.max(v, 0)).padStart(LABEL_WIDTH - 2),
    },
  );
  const levelColor = tone(levelTone) ? ANSI[levelTone] : undefined;
  const text = drawLevels(
    plotted,
    levels,
    { max: max > 0 ? max : 1, height, plotFrom: LABEL_WIDTH },
    (t) => (levelColor ? `${levelColor}${t}${asciichart.reset}` : t),
  );
  // One Text node for the whole chart keeps each frame cheap to lay out.
  return (
    <Box flexShrink={0} height={height + 1} overflow="hidden">
      <Text wrap="truncate-end">{colorRuns(text)}</Text>
    </Box>
  );
}

/**
 * The last `windowSec` seconds of `values`, squeezed to at most `maxPoints` columns
 * (each column the max of its seconds, so spikes stay visible); gaps (null) repeat the last value.
 */
export function windowSeries(
  values: Array<number | null>,
  windowSec: number,
  maxPoints: number,
): number[] {
  const recent = values.slice(-windowSec);
  let last = 0;
  const filled = recent.map((v) => {
    if (v !== null) last = v;
    return last;
  });
  const columns = Math.max(1, maxPoints);
  if (filled.length <= columns) return filled;
  const per = Math.ceil(filled.length / columns);
  const out: number[] = [];
  for (let i = 0; i < filled.length; i += per) out.push(Math.max(...filled.slice(i, i + per)));
  return out;
}

const SGR = /\u001b\[([\d;]*)m/y;

/**
 * asciichart colours every cell on its own (colour, glyph, reset); the terminal layer measures and
 * re-parses every escape code on each frame, so runs of one colour are joined: a live chart is a
 * quarter of the text to lay out, and looks the same.
 */
export function colorRuns(text: string): string {
  if (!text.includes("\u001b")) return text;
  let out = "";
  let pending = ""; // the colour the next glyph gets
  let open = ""; // the colour written last (still in effect)
  for (let i = 0; i < text.length; ) {
    if (text.charCodeAt(i) === 0x1b) {
      SGR.lastIndex = i;
      const m = SGR.exec(text);
      if (m) {
        pending = m[1] === "0" || m[1] === "" || m[1] === "39" ? "" : m[0];
        i = SGR.lastIndex;
        continue;
      }
    }
    const ch = text[i]!;
    i += 1;
    // A space looks the same in any foreground colour: it does not break a run.
    const want = ch === "\n" ? "" : ch === " " ? open : pending;
    if (want !== open) {
      // One colour to the next directly; back to none with the colour's end code.
      out += want || closing(open);
      open = want;
    }
    out += ch;
  }
  return open ? `${out}${closing(open)}` : out;
}

/**
 * The code that ends a colour, as the terminal layer writes it itself (a foreground colour ends
 * with 39): lines in that form are the ones it has already measured in the same frame.
 */
function closing(code: string): string {
  return /^\u001b\[(3[0-8]|9[0-7])[m;]/.test(code) ? "\u001b[39m" : "\u001b[0m";
}
