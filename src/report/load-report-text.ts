import {
  type Comparison,
  ERROR_LABELS,
  type ErrorKind,
  type LoadOutcome,
  type LoadReport,
  type MetricDelta,
  type Percentiles,
} from "../engine/load/index.js";
import { paint } from "./style.js";

const n = (v: number) => Math.round(v).toLocaleString("en-US");
const ms = (v: number | null | undefined) =>
  v === null || v === undefined
    ? "—"
    : v >= 100
      ? `${v.toFixed(0)} ms`
      : `${v.toFixed(v >= 10 ? 1 : 2)} ms`;

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} kB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GB`;
}

/** How the run was set up, in one line. */
export function runHeadline(report: LoadReport): string {
  return `load ${report.method} ${report.url} — ${runShape(report)}, ${report.elapsedSec.toFixed(1)} s${report.interrupted ? " (stopped early)" : ""}`;
}

/**
 * `50 connections (closed loop)`, `200 req/s open loop, ≤ 50 connections`; over HTTP/2 the
 * requests share connections (--streams each), so the count is of requests in flight.
 */
export function runShape(report: Pick<LoadReport, "mode" | "rate" | "concurrency" | "protocol">) {
  const c = report.concurrency;
  const what = report.protocol === "h2" ? "in flight" : `connection${c === 1 ? "" : "s"}`;
  const how =
    report.mode === "open"
      ? `${report.rate} req/s open loop, ≤ ${c} ${report.protocol === "h2" ? "in flight" : "connections"}`
      : `${c} ${what} (closed loop)`;
  return report.protocol === "h2" ? `${how}, HTTP/2` : how;
}

const num = (v: number) => (v >= 100 ? v.toFixed(0) : v.toFixed(v >= 10 ? 1 : 2));

/** `p50 12.3  p90 …  max 80.1 ms`: every percentile of the run in one line. */
export function percentileLine(p: Percentiles | null, none: string): string {
  if (!p) return none;
  return `p50 ${num(p.p50)}  p90 ${num(p.p90)}  p95 ${num(p.p95)}  p99 ${num(p.p99)}  p99.9 ${num(p.p999)}  max ${num(p.max)} ms`;
}

/** Status codes and transport errors as `200 ×12  timeout ×3`. */
export function breakdown(report: LoadReport): { statuses: string; errors: string } {
  const statuses = Object.entries(report.statuses)
    .map(([code, count]) => `${code} ×${n(count)}`)
    .join("   ");
  const errors = (Object.entries(report.errors) as [ErrorKind, number][])
    .map(([kind, count]) => `${ERROR_LABELS[kind]} ×${n(count)}`)
    .join("   ");
  return { statuses, errors };
}

/** The full text report of one run (stdout, and the summary printed after the live screen). */
export function loadReportText(outcome: LoadOutcome): string {
  const { report, verdict } = outcome;
  const lines: string[] = [paint(runHeadline(report), "bold"), ""];
  // Nothing answered: the figures of a second of refused connects say nothing; the verdict names it.
  if (report.deadTarget) return [...lines, verdictLines(outcome).join("\n")].join("\n");
  const failedPct = (report.errorRate * 100).toFixed(report.errorRate < 0.1 ? 2 : 1);
  lines.push(
    `  requests    ${n(report.requests)} in ${report.elapsedSec.toFixed(1)} s   ${report.rps.toFixed(1)} req/s   (${n(report.successes)} ok, ${n(report.failures)} failed: ${failedPct}%)`,
  );
  if (report.warmupRequests > 0)
    lines.push(`  warmup      ${n(report.warmupRequests)} requests, not recorded`);
  lines.push(
    `  latency     ${percentileLine(report.latency.success, paint("no successful responses — no latency to report", "red"))}`,
  );
  if (report.latency.failure && report.failures > 0)
    lines.push(`  failed in   ${percentileLine(report.latency.failure, "")}`);
  const { statuses, errors } = breakdown(report);
  if (statuses) lines.push(`  statuses    ${statuses}`);
  if (errors) lines.push(`  errors      ${paint(errors, "red")}`);
  lines.push(
    `  bytes       in ${formatBytes(report.bytesIn)}   out ${formatBytes(report.bytesOut)}`,
  );
  if (report.rateLimit) {
    const rl = report.rateLimit;
    const headers = Object.entries(rl.headers)
      .map(([k, v]) => `${k}: ${v}`)
      .join("; ");
    lines.push(
      `  rate limit  ${n(rl.count)} × 429 from ${rl.firstAtSec.toFixed(1)} s at ≈ ${n(rl.rpsAtStart)} req/s${headers ? `   (${headers})` : ""}`,
    );
  }
  if (report.inFlightAtEnd > 0 || report.unfinished > 0) {
    const open = `${n(report.inFlightAtEnd)} request${report.inFlightAtEnd === 1 ? "" : "s"} open when sending stopped, timed from their own send`;
    const gaveUp =
      report.unfinished > 0
        ? `; ${n(report.unfinished)} still open at the stop (oldest ${ms(report.unfinishedMaxMs)} after its send), not counted`
        : "";
    lines.push(`  in flight   ${open}${gaveUp}`);
  }
  lines.push(...timelineLines(report));
  lines.push(...stageLines(report));
  const g = report.generator;
  lines.push(
    `  generator   CPU ${g.cpuAvg}% avg, ${g.cpuMax}% max on ${g.threads} thread${g.threads > 1 ? "s" : ""}; event-loop lag p99 ${g.lagP99Ms} ms`,
  );
  if (verdict.baseline) {
    const b = verdict.baseline;
    lines.push(
      "",
      paint(`baseline ${b.path} (saved ${b.savedAt}): ${b.comparison.verdict}`, "bold"),
    );
    lines.push(...comparisonTable(b.comparison, "baseline", "this run"));
  }
  if (verdict.slo) {
    const s = verdict.slo;
    const checks = s.checks
      .map(
        (c) =>
          `${c.percentile} ${ms(c.actualMs)} ${c.passed ? "≤" : ">"} ${c.floorMs} ms ${c.passed ? "✔" : "✖"}`,
      )
      .join("   ");
    lines.push("", `${paint(`SLO ${s.target.name}`, "bold")} (${s.target.source}): ${checks}`);
  }
  if (outcome.recommendations.length > 0) {
    lines.push("", paint("recommendations", "bold"));
    for (const r of outcome.recommendations) {
      const glyph = r.severity === "bad" ? "✖" : r.severity === "warn" ? "!" : "•";
      lines.push(`  ${glyph} ${r.message}`);
    }
  }
  lines.push("", verdictLines(outcome).join("\n"));
  return lines.join("\n");
}

const BARS = "▁▂▃▄▅▆▇█";

/** One character per value, scaled from 0 to the series' maximum; a gap (null) is a space. */
export function sparkline(values: Array<number | null>, width: number): string {
  const per = Math.max(1, Math.ceil(values.length / Math.max(1, width)));
  const cols: Array<number | null> = [];
  for (let i = 0; i < values.length; i += per) {
    const chunk = values.slice(i, i + per).filter((v): v is number => v !== null);
    cols.push(chunk.length ? Math.max(...chunk) : null);
  }
  const max = Math.max(0, ...cols.map((v) => v ?? 0));
  return cols
    .map((v) => (v === null ? " " : BARS[max > 0 ? Math.min(7, Math.floor((v / max) * 7.999)) : 0]))
    .join("");
}

/** The per-second timeline as sparklines of req/s, p99 and errors, with their ranges. */
function timelineLines(report: LoadReport): string[] {
  const t = report.timeline;
  if (t.length < 2) return [];
  const range = (xs: Array<number | null>) => {
    const v = xs.filter((x): x is number => x !== null);
    return v.length ? [Math.min(...v), Math.max(...v)] : [0, 0];
  };
  const [rMin, rMax] = range(t.map((p) => p.rps));
  const [pMin, pMax] = range(t.map((p) => p.p99));
  const errors = t.reduce((s, p) => s + p.errors, 0);
  const lines = [
    `  per second  req/s  ${sparkline(
      t.map((p) => p.rps),
      40,
    )}  ${n(rMin!)}–${n(rMax!)}`,
  ];
  // A second without successes has no p99; a run without any has no p99 line at all.
  if (t.some((p) => p.p99 !== null))
    lines.push(
      `              p99    ${sparkline(
        t.map((p) => p.p99),
        40,
      )}  ${ms(pMin)}–${ms(pMax)}`,
    );
  if (errors > 0)
    lines.push(
      `              errors ${sparkline(
        t.map((p) => p.errors),
        40,
      )} max ${n(Math.max(...t.map((p) => p.errors)))}/s`,
    );
  return lines;
}

/** Per --ramp stage: level, req/s, p50/p90/p99 and errors. */
function stageLines(report: LoadReport): string[] {
  if (!report.stages?.length) return [];
  const unit = report.mode === "open" ? "req/s" : "conn";
  const head = `  ${"stage".padEnd(8)}${"level".padStart(12)}${"from".padStart(8)}${"req/s".padStart(10)}${"p50".padStart(11)}${"p90".padStart(11)}${"p99".padStart(11)}${"errors".padStart(14)}`;
  return [
    "",
    paint(head, "dim"),
    ...report.stages.map(
      (s) =>
        `  ${`stage${s.stage}`.padEnd(8)}${`${n(s.target)} ${unit}`.padStart(12)}${`${s.startSec.toFixed(0)} s`.padStart(8)}${s.rps.toFixed(1).padStart(10)}${ms(s.p50).padStart(11)}${ms(s.p90).padStart(11)}${ms(s.p99).padStart(11)}${`${n(s.errors)} (${(s.errorRate * 100).toFixed(1)}%)`.padStart(14)}`,
    ),
  ];
}

/** The closing lines: passed, or failed with each reason. */
export function verdictLines(outcome: LoadOutcome): string[] {
  const v = outcome.verdict;
  const gates =
    v.thresholds.length + v.expectations.length + (v.slo ? 1 : 0) > 0 ? "" : " (no gates set)";
  if (v.passed) return [paint(`✔ passed${gates}`, "green")];
  return [paint("✖ failed (exit 1)", "red"), ...v.reasons.map((r) => `  ✖ ${r}`)];
}

const fmtValue = (m: MetricDelta, v: number | null) =>
  v === null
    ? "—"
    : m.unit === "ms"
      ? ms(v)
      : m.unit === "%"
        ? `${v.toFixed(2)}%`
        : `${v.toFixed(1)} req/s`;
const fmtChange = (m: MetricDelta) =>
  m.change === null ? "—" : `${m.change >= 0 ? "+" : ""}${(m.change * 100).toFixed(1)}%`;

/** A metric table: baseline, current, signed change, and a verdict only beyond the noise. */
export function comparisonTable(
  c: Comparison,
  left: string,
  right: string,
  winners?: [string, string],
): string[] {
  const head = `  ${"metric".padEnd(14)}${left.padStart(14)}${right.padStart(14)}${"change".padStart(10)}   ${winners ? "winner" : "verdict"}`;
  const rows = c.metrics.map((m) => {
    const judged =
      m.verdict === "better" || m.verdict === "worse"
        ? winners
          ? m.verdict === "better"
            ? winners[1]
            : winners[0]
          : m.verdict
        : m.verdict === "n/a"
          ? "n/a"
          : `— within noise (±${(m.noise * 100).toFixed(1)}%)`;
    return `  ${m.label.padEnd(14)}${fmtValue(m, m.baseline).padStart(14)}${fmtValue(m, m.current).padStart(14)}${fmtChange(m).padStart(10)}   ${judged}`;
  });
  return [paint(head, "dim"), ...rows];
}

/** `load URL1 URL2 --compare`: both runs, then the side-by-side table. */
export function loadCompareText(a: LoadOutcome, b: LoadOutcome, comparison: Comparison): string {
  const lines = [
    paint("A", "bold"),
    loadReportText(a),
    "",
    paint("B", "bold"),
    loadReportText(b),
    "",
    paint(`A = ${a.report.url}`, "bold"),
    paint(`B = ${b.report.url}`, "bold"),
    ...comparisonTable(comparison, "A", "B", ["A", "B"]),
    "",
    comparison.verdict === "no significant change"
      ? "no difference beyond the noise"
      : `B vs A: ${comparison.verdict}`,
  ];
  return lines.join("\n");
}

/** One progress line per second for stderr. */
export function progressLine(p: {
  second: number;
  rps: number;
  p50: number | null;
  p99: number | null;
  errors: number;
  total: number;
  durationSec: number;
  requestsTarget?: number;
}): string {
  const clock = p.requestsTarget
    ? `[${String(p.second).padStart(3)}s]`
    : `[${String(p.second).padStart(3)}/${Math.round(p.durationSec)}s]`;
  const total = p.requestsTarget ? `${n(p.total)}/${n(p.requestsTarget)}` : n(p.total);
  return `${clock} ${p.rps.toFixed(0).padStart(6)} req/s   p50 ${ms(p.p50).padStart(9)}   p99 ${ms(p.p99).padStart(9)}   errors ${p.errors}   total ${total}`;
}
