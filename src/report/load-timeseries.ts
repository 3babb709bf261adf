import type { LoadReport } from "../engine/load/index.js";

/** The columns of `--timeseries`: one row per second of the measured phase. */
export const TIMESERIES_COLUMNS = [
  "second",
  "requests",
  "rps",
  "p50_ms",
  "p90_ms",
  "p99_ms",
  "errors",
] as const;

export interface TimeseriesRow {
  second: number;
  requests: number;
  rps: number;
  p50_ms: number | null;
  p90_ms: number | null;
  p99_ms: number | null;
  errors: number;
}

export function timeseriesRows(report: LoadReport): TimeseriesRow[] {
  return report.timeline.map((p) => ({
    second: p.second,
    requests: p.requests,
    rps: p.rps,
    p50_ms: p.p50,
    p90_ms: p.p90 ?? null,
    p99_ms: p.p99,
    errors: p.errors,
  }));
}

/** CSV with a header line; a second without successes has empty latency cells. */
export function timeseriesCsv(report: LoadReport): string {
  const lines = [TIMESERIES_COLUMNS.join(",")];
  for (const row of timeseriesRows(report))
    lines.push(TIMESERIES_COLUMNS.map((c) => (row[c] === null ? "" : String(row[c]))).join(","));
  return `${lines.join("\n")}\n`;
}

/** JSON: the run's identity and one object per second. */
export function timeseriesJson(report: LoadReport): string {
  const doc = {
    url: report.url,
    startedAt: report.startedAt,
    intervalSec: 1,
    rows: timeseriesRows(report),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
