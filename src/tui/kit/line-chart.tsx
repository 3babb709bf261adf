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
      <Text wrap="truncate-end">{text}</Text>
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
