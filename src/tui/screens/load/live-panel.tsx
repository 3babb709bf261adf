import { Box, Text } from "ink";
import {
  ERROR_LABELS,
  type ErrorKind,
  type LoadPlan,
  type LoadProgress,
} from "../../../engine/load/index.js";
import { LABEL_WIDTH, LineChart, windowSeries } from "../../kit/line-chart.js";
import { ProgressBar } from "../../kit/progress-bar.js";
import { glyph, tone } from "../../kit/theme.js";

/** Rows the panel needs besides its two charts. */
const FIXED_ROWS = 6;

/** The live view of a running load test: progress, p50/p99 and req/s charts, counters, generator health. */
export function LoadLive({
  plan,
  url,
  progress,
  windowSec,
  width,
  height,
}: {
  plan: LoadPlan;
  url: string;
  progress: LoadProgress;
  windowSec: number;
  width: number;
  height: number;
}) {
  const chartRows = Math.max(4, height - FIXED_ROWS);
  const latencyHeight = Math.min(10, Math.max(2, Math.floor(chartRows * 0.6) - 1));
  const rpsHeight = Math.min(8, Math.max(1, chartRows - latencyHeight - 2));
  const points = Math.max(8, width - LABEL_WIDTH - 2);
  const t = progress.timeline;
  const p99 = windowSeries(
    t.map((p) => p.p99),
    windowSec,
    points,
  );
  const p50 = windowSeries(
    t.map((p) => p.p50),
    windowSec,
    points,
  );
  const rps = windowSeries(
    t.map((p) => p.rps),
    windowSec,
    points,
  );
  const fraction = progress.requestsTarget
    ? progress.requests / progress.requestsTarget
    : progress.elapsedMs / progress.durationMs;
  const elapsed = `${(progress.elapsedMs / 1000).toFixed(1)} / ${(progress.durationMs / 1000).toFixed(0)} s`;
  const done = progress.requestsTarget
    ? `${progress.requests.toLocaleString("en-US")} / ${progress.requestsTarget.toLocaleString("en-US")} requests`
    : `${progress.requests.toLocaleString("en-US")} requests`;
  const how =
    plan.rate !== undefined
      ? `${Math.round(progress.level || plan.rate)} req/s open loop`
      : `${Math.round(progress.level || plan.concurrency)} connections`;
  const statuses = Object.entries(progress.statuses)
    .map(([code, n]) => `${code} ×${n.toLocaleString("en-US")}`)
    .join("  ");
  const errors = (Object.entries(progress.errors) as [ErrorKind, number][])
    .map(([kind, n]) => `${ERROR_LABELS[kind]} ×${n.toLocaleString("en-US")}`)
    .join("  ");
  const busy = progress.cpu >= 90 * plan.workers || progress.lagMs > 50;
  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      <Text wrap="truncate-end">
        {plan.method} {url} · {how} · {phaseLabel(progress.phase)}
      </Text>
      <ProgressBar fraction={fraction} width={width} label={`${elapsed} · ${done}`} />
      <Text wrap="truncate-end">
        <Text bold>latency ms</Text> <Text color={tone("warn")}>─ p99</Text>{" "}
        <Text color={tone("accent")}>─ p50</Text>
        <Text color={tone("muted")}>
          {"  "}(upper line p99) · window {windowSec} s (+/-)
        </Text>
      </Text>
      <LineChart series={[p99, p50]} height={latencyHeight} tones={["warn", "accent"]} />
      <Text bold>requests/s</Text>
      <LineChart series={[rps]} height={rpsHeight} tones={["ok"]} format={(v) => v.toFixed(0)} />
      <Text wrap="truncate-end">
        {statuses || "no responses yet"}
        {errors ? <Text color={tone("bad")}>{`  ${glyph.kill} ${errors}`}</Text> : null}
      </Text>
      <Text wrap="truncate-end" color={busy ? tone("warn") : tone("muted")}>
        generator CPU {progress.cpu}% · event-loop lag {progress.lagMs} ms
        {busy ? ` ${glyph.warn} the generator may be the bottleneck` : ""}
      </Text>
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
