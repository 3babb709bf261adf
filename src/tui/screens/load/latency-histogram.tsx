import { Box, Text } from "ink";
import type { LoadProgress } from "../../../engine/load/index.js";
import { glyph, tone } from "../../kit/theme.js";
import { ms } from "./live-numbers.js";

/** Successful responses by latency range (log-spaced, fastest first), one bar per range. */
export function LatencyHistogram({
  bins,
  width,
  rows,
}: {
  bins: LoadProgress["histogram"];
  width: number;
  rows: number;
}) {
  if (rows < 2) return null;
  const shown = merge(bins, rows - 1);
  const total = shown.reduce((n, b) => n + b.count, 0);
  const max = Math.max(1, ...shown.map((b) => b.count));
  const label = 18;
  const bar = Math.max(4, width - label - 8);
  return (
    <Box flexDirection="column" width={width} height={rows} overflow="hidden" flexShrink={0}>
      <Text bold wrap="truncate-end">
        latency histogram <Text color={tone("muted")}>(successes so far)</Text>
      </Text>
      {shown.length === 0 ? (
        <Text color={tone("muted")}>no successful responses yet</Text>
      ) : (
        shown.map((b) => {
          const filled = Math.max(b.count > 0 ? 1 : 0, Math.round((b.count / max) * bar));
          const pct = total > 0 ? (b.count / total) * 100 : 0;
          return (
            <Text key={b.toMs} wrap="truncate-end">
              {`≤ ${ms(b.toMs)}`.padStart(label - 1)}{" "}
              <Text color={tone("info")}>{glyph.barFull.repeat(filled)}</Text>
              {` ${pct.toFixed(pct >= 10 ? 0 : 1)}%`}
            </Text>
          );
        })
      )}
    </Box>
  );
}

/** At most `n` bins: neighbours are joined when the panel is short. */
function merge(bins: LoadProgress["histogram"], n: number): LoadProgress["histogram"] {
  if (bins.length <= n || n < 1) return bins;
  const per = Math.ceil(bins.length / n);
  const out: LoadProgress["histogram"] = [];
  for (let i = 0; i < bins.length; i += per) {
    const group = bins.slice(i, i + per);
    out.push({
      fromMs: group[0]!.fromMs,
      toMs: group[group.length - 1]!.toMs,
      count: group.reduce((s, b) => s + b.count, 0),
    });
  }
  return out;
}
