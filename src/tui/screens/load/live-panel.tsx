import { Box, Text } from "ink";
import {
  ERROR_LABELS,
  type ErrorKind,
  type LoadPlan,
  type LoadProgress,
} from "../../../engine/load/index.js";
import { redactSecretsInText } from "../../../engine/shared/index.js";
import { LEVEL_GLYPH } from "../../kit/chart-levels.js";
import { LABEL_WIDTH, LineChart } from "../../kit/line-chart.js";
import { ProgressBar } from "../../kit/progress-bar.js";
import { glyph, type Tone, tone } from "../../kit/theme.js";
import { LatencyHistogram } from "./latency-histogram.js";
import { LiveNumbers, numberRows } from "./live-numbers.js";
import { liveSeries } from "./live-series.js";

/** A latency line drawn across the chart: a --fail-on or --slo limit. */
export interface LatencyLimit {
  label: string;
  ms: number;
}

/** Width of the histogram beside the charts on a wide screen. */
const SIDE_WIDTH = 40;

/** How the body's rows are shared (see the comment in LoadLive). */
export function liveLayout(width: number, height: number, numbers: number) {
  let rest = height - 2 - numbers;
  const progress = rest >= 14 ? 1 : 0;
  const generator = rest >= 20 ? 1 : 0;
  rest -= progress + generator;
  const side = width >= 120 && rest >= 10;
  const histogram = side ? 0 : rest >= 16 ? Math.min(9, Math.floor(rest * 0.3)) : 0;
  rest -= histogram;
  const rps = rest >= 10 ? Math.min(10, Math.max(4, Math.floor(rest * 0.4))) : 0;
  rest -= rps;
  return { numbers, progress, generator, side, histogram, rps, latency: Math.max(2, rest) };
}

/**
 * The live view of a running load test. Top to bottom: what runs, the live numbers, a progress
 * bar, the latency chart (p50/p90/p99 of quarter-second slices over the whole width, with the
 * --fail-on/--slo lines), the req/s chart, status codes and errors, the latency histogram, and
 * the generator's health. Lower-priority parts leave first when rows are short: at 80x24 the
 * numbers, latency chart and req/s chart stay; at 60x20 the numbers and the latency chart.
 */
export function LoadLive({
  plan,
  url,
  progress,
  windowSec,
  width,
  height,
  limits = [],
}: {
  plan: LoadPlan;
  url: string;
  progress: LoadProgress;
  windowSec: number;
  width: number;
  height: number;
  limits?: LatencyLimit[];
}) {
  const layout = liveLayout(width, height, numberRows(progress, width));
  const chartWidth = layout.side ? width - SIDE_WIDTH - 1 : width;
  const columns = Math.max(8, chartWidth - LABEL_WIDTH - 1);
  const s = liveSeries(progress.recent, windowSec, columns);
  const top = Math.max(0, ...s.p99);
  // A limit far above the data would flatten the lines: it is named instead of drawn.
  const drawn = limits.filter((l) => top > 0 && l.ms <= top * 2.5);
  const above = limits.filter((l) => !drawn.includes(l));
  const latencySeries = [s.p99, s.p90, s.p50];
  const latencyTones: Tone[] = ["warn", "info", "accent"];
  const how =
    plan.rate !== undefined
      ? `${Math.round(progress.level || plan.rate)} req/s open loop`
      : `${Math.round(progress.level || plan.concurrency)} ${plan.http2 ? "in flight" : "connections"}`;
  const statuses = Object.entries(progress.statuses)
    .map(([code, n]) => `${code} ×${n.toLocaleString("en-US")}`)
    .join("  ");
  const errors = (Object.entries(progress.errors) as [ErrorKind, number][])
    .map(([kind, n]) => `${ERROR_LABELS[kind]} ×${n.toLocaleString("en-US")}`)
    .join("  ");
  const busy = progress.cpu >= 90 * plan.workers || progress.lagMs > 50;
  const fraction = progress.requestsTarget
    ? progress.requests / progress.requestsTarget
    : progress.elapsedMs / progress.durationMs;
  const span = `window ${windowSec} s${s.spanSec < windowSec ? ` (${s.spanSec.toFixed(0)} s so far)` : ""}`;
  const latencyChart = (
    <Box flexDirection="column" width={chartWidth} flexShrink={0}>
      <Text wrap="truncate-end">
        <Text bold>latency</Text> <Text color={tone("warn")}>━ p99</Text>{" "}
        <Text color={tone("info")}>━ p90</Text> <Text color={tone("accent")}>━ p50</Text>
        {drawn.map((l) => (
          <Text key={l.label} color={tone("bad")}>
            {` ${LEVEL_GLYPH} ${l.label}`}
          </Text>
        ))}
        <Text color={tone("muted")}>
          {above.length ? ` (${above.map((l) => l.label).join(", ")} above)` : ""} · {span}, ¼ s
          steps (+/-)
        </Text>
      </Text>
      <LineChart
        series={latencySeries}
        height={layout.latency - 2}
        tones={latencyTones}
        levels={drawn.map((l) => ({ value: l.ms, label: l.label }))}
        format={(v) => `${v >= 100 ? v.toFixed(0) : v.toFixed(1)} ms`}
      />
    </Box>
  );
  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      <Text wrap="truncate-end">
        {plan.method} {redactSecretsInText(url)} · {how}
        {plan.http2 ? " · HTTP/2" : ""} · {phaseLabel(progress.phase)}
      </Text>
      <LiveNumbers progress={progress} width={width} />
      {layout.progress ? (
        <ProgressBar
          fraction={fraction}
          width={width}
          label={`${(progress.elapsedMs / 1000).toFixed(0)} / ${(progress.durationMs / 1000).toFixed(0)} s`}
        />
      ) : null}
      {layout.side ? (
        <Box flexDirection="row" width={width} flexShrink={0}>
          {latencyChart}
          <Box marginLeft={1}>
            <LatencyHistogram bins={progress.histogram} width={SIDE_WIDTH} rows={layout.latency} />
          </Box>
        </Box>
      ) : (
        latencyChart
      )}
      {layout.rps ? (
        <Box flexDirection="column" flexShrink={0}>
          <Text bold>requests/s</Text>
          <LineChart
            series={[s.rps]}
            height={layout.rps - 2}
            tones={["ok"]}
            format={(v) => v.toFixed(0)}
          />
        </Box>
      ) : null}
      <Text wrap="truncate-end">
        {statuses || "no responses yet"}
        {errors ? <Text color={tone("bad")}>{`  ${glyph.kill} ${errors}`}</Text> : null}
      </Text>
      {layout.histogram ? (
        <LatencyHistogram bins={progress.histogram} width={width} rows={layout.histogram} />
      ) : null}
      {layout.generator ? (
        <Text wrap="truncate-end" color={busy ? tone("warn") : tone("muted")}>
          generator CPU {progress.cpu}% · event-loop lag {progress.lagMs} ms
          {busy ? ` ${glyph.warn} the generator may be the bottleneck` : ""}
        </Text>
      ) : null}
    </Box>
  );
}

function phaseLabel(phase: LoadProgress["phase"]): string {
  if (phase === "starting") return "starting";
  if (phase === "warmup") return "warming up (not recorded)";
  if (phase === "draining") return "finishing in-flight requests";
  if (phase === "done") return "done";
  return "measuring";
}
