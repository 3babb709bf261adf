import {
  ERROR_LABELS,
  type ErrorKind,
  type LoadOutcome,
  type LoadReport,
  type Threshold,
} from "../engine/load/index.js";
import { runShape } from "./load-report-text.js";
import { barChart, escapeHtml, lineChart, type Series } from "./svg-chart.js";

export interface HtmlReportOptions {
  /** --fail-on conditions, drawn as lines on the latency chart. */
  thresholds?: Threshold[];
  /** The saved run compared against, drawn beside this one. */
  baseline?: LoadReport;
  /** When the page was made (defaults to now). */
  generatedAt?: Date;
}

const COLORS = { p50: "#2f7ed8", p90: "#8bbc21", p99: "#e4572e", max: "#7a5195", rps: "#2f7ed8" };
const RULE = "#b00020";
const LATENCY_KEYS = new Set(["p50", "p90", "p95", "p99", "max"]);

/** x position of a percentile on a log-percentile axis: 90 → 1, 99 → 2, 99.9 → 3 (100 → capped). */
function nines(percentile: number, cap: number): number {
  if (percentile >= 100) return cap;
  return Math.min(cap, -Math.log10(1 - percentile / 100));
}

/** Latency by percentile of a report: its distribution, or the percentiles an older save kept. */
function distribution(r: LoadReport): Array<{ percentile: number; ms: number }> {
  if (r.distribution?.length) return r.distribution;
  const p = r.latency.success;
  if (!p) return [];
  return [
    { percentile: 0, ms: p.min },
    { percentile: 50, ms: p.p50 },
    { percentile: 90, ms: p.p90 },
    { percentile: 95, ms: p.p95 },
    { percentile: 99, ms: p.p99 },
    { percentile: 99.9, ms: p.p999 },
    { percentile: 100, ms: p.max },
  ];
}

const ms = (v: number | null | undefined) =>
  v === null || v === undefined
    ? "—"
    : `${v >= 100 ? v.toFixed(0) : v.toFixed(v >= 10 ? 1 : 2)} ms`;
const n = (v: number) => Math.round(v).toLocaleString("en-US");

function statusColor(code: string): string {
  if (code.startsWith("2")) return "#3c9a5f";
  if (code.startsWith("3")) return "#2f7ed8";
  if (code.startsWith("4")) return "#e0a100";
  return "#c0392b";
}

function charts(outcome: LoadOutcome, o: HtmlReportOptions): string[] {
  const r = outcome.report;
  const t = r.timeline;
  const rules = (o.thresholds ?? [])
    .filter((th) => th.stage === undefined && LATENCY_KEYS.has(th.metric) && th.unit === "ms")
    .map((th) => ({ y: th.value, label: `fail-on ${th.text}`, color: RULE }));
  for (const c of outcome.verdict.slo?.checks ?? [])
    rules.push({ y: c.floorMs, label: `SLO ${c.percentile} ${c.floorMs} ms`, color: "#6a1b9a" });
  const latency = lineChart({
    title: "Latency over time (successful responses, per second)",
    xLabel: "seconds",
    yLabel: "ms",
    series: (["p50", "p90", "p99"] as const).map((k) => ({
      name: k,
      color: COLORS[k],
      points: t.map((p) => [p.second, p[k] ?? null] as [number, number | null]),
    })),
    rules,
  });
  const rpsSeries: Series[] = [
    { name: "req/s", color: COLORS.rps, points: t.map((p) => [p.second, p.rps]) },
    { name: "errors/s", color: RULE, points: t.map((p) => [p.second, p.errors]) },
  ];
  const rps = lineChart({
    title: "Requests per second",
    xLabel: "seconds",
    yLabel: "req/s",
    series: rpsSeries,
  });
  const cap = 5;
  const dist: Series[] = [
    {
      name: "this run",
      color: COLORS.p99,
      points: distribution(r).map((d) => [nines(d.percentile, cap), d.ms]),
    },
  ];
  if (o.baseline)
    dist.push({
      name: "baseline",
      color: "#555",
      dashed: true,
      points: distribution(o.baseline).map((d) => [nines(d.percentile, cap), d.ms]),
    });
  const distChart = lineChart({
    title: "Latency distribution (log-percentile axis)",
    xLabel: "percentile",
    yLabel: "ms",
    series: dist,
    xTicks: [
      [0, "0%"],
      [1, "90%"],
      [2, "99%"],
      [3, "99.9%"],
      [4, "99.99%"],
      [5, "max"],
    ],
  });
  const statuses = Object.entries(r.statuses).map(([code, count]) => ({
    label: code,
    value: count,
    color: statusColor(code),
  }));
  for (const [kind, count] of Object.entries(r.errors) as [ErrorKind, number][])
    statuses.push({ label: kind, value: count, color: "#7f0000" });
  const codes = statuses.length
    ? barChart("Status codes and transport errors", statuses)
    : "<p>No responses.</p>";
  return [latency, rps, distChart, codes];
}

function summary(r: LoadReport): string {
  const p = r.latency.success;
  const cells: Array<[string, string]> = [
    ["requests", n(r.requests)],
    ["req/s", r.rps.toFixed(1)],
    ["p50", ms(p?.p50)],
    ["p90", ms(p?.p90)],
    ["p99", ms(p?.p99)],
    ["max", ms(p?.max)],
    ["errors", `${n(r.failures)} (${(r.errorRate * 100).toFixed(2)}%)`],
  ];
  return `<div class="cards">${cells.map(([k, v]) => `<div><span>${escapeHtml(k)}</span><b>${escapeHtml(v)}</b></div>`).join("")}</div>`;
}

function metricValue(unit: string, v: number | null): string {
  if (v === null) return "—";
  if (unit === "ms") return ms(v);
  if (unit === "%") return `${v.toFixed(2)}%`;
  return `${v.toFixed(1)} ${unit}`;
}

function table(head: string[], rows: string[][]): string {
  return `<table><thead><tr>${head.map((h) => `<th>${escapeHtml(h)}</th>`).join("")}</tr></thead><tbody>${rows
    .map((row) => `<tr>${row.map((c) => `<td>${escapeHtml(c)}</td>`).join("")}</tr>`)
    .join("")}</tbody></table>`;
}

function sections(outcome: LoadOutcome): string[] {
  const r = outcome.report;
  const out: string[] = [];
  if (r.stages?.length)
    out.push(
      "<h2>Stages</h2>",
      table(
        ["stage", "target", "from", "req/s", "p50", "p90", "p99", "errors"],
        r.stages.map((s) => [
          String(s.stage),
          String(s.target),
          `${s.startSec} s`,
          s.rps.toFixed(1),
          ms(s.p50),
          ms(s.p90),
          ms(s.p99),
          `${s.errors} (${(s.errorRate * 100).toFixed(2)}%)`,
        ]),
      ),
    );
  const errs = Object.entries(r.errors) as [ErrorKind, number][];
  if (errs.length)
    out.push(
      "<h2>Errors</h2>",
      table(
        ["error", "count"],
        errs.map(([k, c]) => [ERROR_LABELS[k], n(c)]),
      ),
    );
  const b = outcome.verdict.baseline;
  if (b)
    out.push(
      `<h2>Baseline: ${escapeHtml(b.comparison.verdict)}</h2><p>${escapeHtml(b.path)} (saved ${escapeHtml(b.savedAt)})</p>`,
      table(
        ["metric", "baseline", "this run", "change", "verdict"],
        b.comparison.metrics.map((m) => [
          m.label,
          metricValue(m.unit, m.baseline),
          metricValue(m.unit, m.current),
          m.change === null ? "—" : `${m.change >= 0 ? "+" : ""}${(m.change * 100).toFixed(1)}%`,
          m.verdict,
        ]),
      ),
    );
  const v = outcome.verdict;
  out.push(
    `<h2 class="${v.passed ? "pass" : "fail"}">${v.passed ? "✔ passed" : "✖ failed"}</h2>`,
    v.reasons.length
      ? `<ul>${v.reasons.map((x) => `<li>${escapeHtml(x)}</li>`).join("")}</ul>`
      : "",
  );
  return out;
}

const STYLE = `body{font:14px/1.4 system-ui,sans-serif;margin:24px auto;max-width:960px;color:#222}
h1{font-size:20px}h2{font-size:16px;margin-top:28px}figure{margin:20px 0}figcaption{font-weight:600;margin-bottom:4px}
svg.chart{max-width:100%;height:auto;font-size:11px}svg text:not([fill]){fill:#444}.grid{stroke:#e3e3e3}.plot{fill:#fafafa;stroke:#ccc}
.axis{font-weight:600}.cards{display:flex;flex-wrap:wrap;gap:8px}.cards div{border:1px solid #ddd;border-radius:6px;padding:6px 12px}
.cards span{display:block;color:#666;font-size:12px}.cards b{font-size:18px}table{border-collapse:collapse}
td,th{border:1px solid #ddd;padding:3px 8px;text-align:right}.pass{color:#2e7d32}.fail{color:#b00020}`;

/** One self-contained HTML page (inline CSS and SVG, no external resource) for sharing a run. */
export function loadReportHtml(outcome: LoadOutcome, options: HtmlReportOptions = {}): string {
  const r = outcome.report;
  const when = (options.generatedAt ?? new Date()).toISOString();
  const how = runShape(r);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>load ${escapeHtml(r.method)} ${escapeHtml(r.url)}</title><style>${STYLE}</style></head>
<body>
<h1>load ${escapeHtml(r.method)} ${escapeHtml(r.url)}</h1>
<p>${escapeHtml(how)}, ${r.elapsedSec.toFixed(1)} s from ${escapeHtml(r.startedAt)}${r.interrupted ? " (stopped early)" : ""}. Report made ${escapeHtml(when)} by senior-backend.</p>
${summary(r)}
${charts(outcome, options).join("\n")}
${sections(outcome).join("\n")}
</body></html>
`;
}
