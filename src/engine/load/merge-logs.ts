import { closeSync, openSync, readFileSync, writeSync } from "node:fs";
import { resolve } from "node:path";
import * as hdr from "hdr-histogram-js";
import { UserError } from "../shared/index.js";
import { percentiles, round } from "./aggregate.js";
import { distributionOf, type Histogram, newHistogram, percentileMs } from "./histogram.js";
import type { Percentiles } from "./types.js";

/** One second of the merged logs (every generator's intervals that started in it, added). */
export interface MergedSecond {
  second: number;
  requests: number;
  rps: number;
  p50: number | null;
  p90: number | null;
  p99: number | null;
  max: number | null;
}

/** The report of several generators' HdrHistogram interval logs added together. */
export interface MergedReport {
  files: Array<{ path: string; intervals: number; requests: number; startedAt: string }>;
  startedAt: string;
  elapsedSec: number;
  /** Successful responses (what the logs record). */
  requests: number;
  rps: number;
  latency: Percentiles | null;
  distribution: Array<{ percentile: number; ms: number }>;
  timeline: MergedSecond[];
}

interface Interval {
  startMs: number;
  endMs: number;
  histogram: Histogram;
}

function readLog(path: string): Interval[] {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new UserError(`cannot read ${path} (${(error as NodeJS.ErrnoException).code})`, {
      hint: "give the files written by load --hdr-log FILE",
    });
  }
  const reader = new hdr.HistogramLogReader(text, 32, false);
  const out: Interval[] = [];
  for (;;) {
    let h: Histogram | null;
    try {
      h = reader.nextIntervalHistogram();
    } catch {
      throw new UserError(`${path}: an interval line is not a compressed HdrHistogram`, {
        hint: "give the files written by load --hdr-log FILE",
      });
    }
    if (!h) break;
    out.push({ startMs: h.startTimeStampMsec, endMs: h.endTimeStampMsec, histogram: h });
  }
  if (out.length === 0)
    throw new UserError(`${path} holds no HdrHistogram intervals`, {
      hint: "give the files written by load --hdr-log FILE (one interval per second)",
    });
  return out;
}

/**
 * Add the interval logs of several generators: the whole-run histogram is the exact sum of every
 * interval (HdrHistogram addition loses nothing), and the timeline adds the intervals that start
 * in the same second of wall-clock time (generators started at a shared time line up).
 */
export function mergeHdrLogs(paths: string[], writeTo?: string): MergedReport {
  if (paths.length === 0)
    throw new UserError("load merge needs interval logs", {
      hint: "load merge a.hlog b.hlog … (written by load --hdr-log FILE)",
    });
  const logs = paths.map((p) => ({ path: resolve(p), intervals: readLog(resolve(p)) }));
  const all = logs.flatMap((l) => l.intervals);
  const start = Math.min(...all.map((i) => i.startMs));
  const end = Math.max(...all.map((i) => i.endMs));
  const total = newHistogram();
  const seconds = new Map<number, Histogram>();
  for (const i of all) {
    total.add(i.histogram);
    const s = Math.floor((i.startMs - start) / 1000 + 1e-6);
    let h = seconds.get(s);
    if (!h) {
      h = newHistogram();
      seconds.set(s, h);
    }
    h.add(i.histogram);
  }
  const last = Math.max(...seconds.keys());
  const timeline: MergedSecond[] = [];
  for (let s = 0; s <= last; s++) {
    const h = seconds.get(s);
    const has = h !== undefined && h.totalCount > 0;
    timeline.push({
      second: s + 1,
      requests: h?.totalCount ?? 0,
      rps: h?.totalCount ?? 0,
      p50: has ? round(percentileMs(h, 50)) : null,
      p90: has ? round(percentileMs(h, 90)) : null,
      p99: has ? round(percentileMs(h, 99)) : null,
      max: has ? round(h.maxValue / 1000) : null,
    });
  }
  if (writeTo)
    writeMerged(
      writeTo,
      start,
      [...seconds.entries()].sort((a, b) => a[0] - b[0]),
    );
  const elapsedSec = Math.max(0.001, (end - start) / 1000);
  const report: MergedReport = {
    files: logs.map((l) => ({
      path: l.path,
      intervals: l.intervals.length,
      requests: l.intervals.reduce((n, i) => n + i.histogram.totalCount, 0),
      startedAt: new Date(Math.min(...l.intervals.map((i) => i.startMs))).toISOString(),
    })),
    startedAt: new Date(start).toISOString(),
    elapsedSec: round(elapsedSec),
    requests: total.totalCount,
    rps: round(total.totalCount / elapsedSec),
    latency: percentiles(total),
    distribution: distributionOf(total),
    timeline,
  };
  for (const h of [total, ...seconds.values(), ...all.map((i) => i.histogram)]) h.destroy();
  return report;
}

/** The merged per-second histograms as one interval log (readable by HdrHistogram tools). */
function writeMerged(path: string, startMs: number, seconds: Array<[number, Histogram]>): void {
  let fd: number;
  try {
    fd = openSync(resolve(path), "w");
  } catch (error) {
    throw new UserError(`cannot write ${path} (${(error as NodeJS.ErrnoException).code})`);
  }
  try {
    const writer = new hdr.HistogramLogWriter((text) => writeSync(fd, text));
    writer.outputComment(
      "senior-backend load merge: latency of successful responses, in microseconds",
    );
    writer.outputLogFormatVersion();
    writer.outputStartTime(startMs);
    writer.outputLegend();
    for (const [s, h] of seconds) writer.outputIntervalHistogram(h, s, s + 1, 1000);
  } finally {
    closeSync(fd);
  }
}
