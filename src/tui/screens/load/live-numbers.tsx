import { Box, Text } from "ink";
import type { LoadProgress } from "../../../engine/load/index.js";
import { tone } from "../../kit/theme.js";

export const ms = (v: number | null | undefined) =>
  v === null || v === undefined
    ? "—"
    : v >= 1000
      ? `${(v / 1000).toFixed(2)} s`
      : `${v.toFixed(v >= 100 ? 0 : v >= 10 ? 1 : 2)} ms`;
const count = (v: number) => Math.round(v).toLocaleString("en-US");

function Figure({ label, value, color }: { label: string; value: string; color?: string }) {
  return (
    <Box marginRight={GAP} flexShrink={0}>
      <Text>
        <Text color={tone("muted")}>{label} </Text>
        <Text bold color={color}>
          {value}
        </Text>
      </Text>
    </Box>
  );
}

interface Item {
  label: string;
  value: string;
  color?: string;
}

/** The two rows of figures. */
function rowsOf(progress: LoadProgress): Item[][] {
  const last = progress.recent[progress.recent.length - 1];
  const lat = progress.latency;
  const total = progress.requests;
  const errorPct = total > 0 ? (progress.failures / total) * 100 : 0;
  const elapsed = progress.elapsedMs / 1000;
  const remaining = progress.requestsTarget
    ? `${count(Math.max(0, progress.requestsTarget - total))} req`
    : `${Math.max(0, progress.durationMs / 1000 - elapsed).toFixed(1)} s`;
  return [
    [
      { label: "req/s", value: count(last?.rps ?? 0), color: tone("accent") },
      { label: "p50", value: ms(lat?.p50) },
      { label: "p90", value: ms(lat?.p90) },
      { label: "p99", value: ms(lat?.p99), color: tone("warn") },
      { label: "max", value: ms(lat?.max) },
    ],
    [
      {
        label: "errors",
        value: `${count(progress.failures)} (${errorPct.toFixed(errorPct >= 10 ? 0 : 1)}%)`,
        color: progress.failures > 0 ? tone("bad") : tone("ok"),
      },
      { label: "in flight", value: count(progress.inFlight) },
      { label: "elapsed", value: `${elapsed.toFixed(1)} s` },
      { label: "remaining", value: remaining },
    ],
  ];
}

const GAP = 3;

/** Screen rows the numbers take at `width` (items wrap whole, as Ink lays them out). */
export function numberRows(progress: LoadProgress, width: number): number {
  let rows = 0;
  for (const row of rowsOf(progress)) {
    let used = 0;
    rows += 1;
    for (const item of row) {
      const w = item.label.length + 1 + item.value.length + GAP;
      if (used > 0 && used + w > width) {
        rows += 1;
        used = 0;
      }
      used += w;
    }
  }
  return rows;
}

/**
 * The live numbers: req/s over the last second, p50/p90/p99/max of the run so far, errors,
 * requests in flight, elapsed and remaining. Two rows; items wrap whole on a narrow screen.
 */
export function LiveNumbers({ progress, width }: { progress: LoadProgress; width: number }) {
  return (
    <Box flexDirection="column" width={width} flexShrink={0}>
      {rowsOf(progress).map((row) => (
        <Box key={row[0]!.label} flexWrap="wrap" width={width}>
          {row.map((item) => (
            <Figure key={item.label} label={item.label} value={item.value} color={item.color} />
          ))}
        </Box>
      ))}
    </Box>
  );
}
