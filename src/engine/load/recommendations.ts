import { ERROR_LABELS } from "./error-kind.js";
import type { SloResult } from "./slo.js";
import type { ErrorKind, LoadReport, TimelinePoint } from "./types.js";

export interface Recommendation {
  topic: "capacity" | "saturation" | "slo" | "errors" | "generator" | "samples" | "rate";
  severity: "info" | "warn" | "bad";
  message: string;
}

/** What a TLS error most often is on a test target, and the flag for it. */
const TLS_ADVICE =
  "TLS errors: the certificate was not accepted; if the target uses a self-signed one (a test server), add --insecure";

const fmt = (v: number, digits = 1) => Number(v.toFixed(digits)).toString();

/** Scaling advice drawn from the run's own numbers. */
export function recommend(report: LoadReport, slo?: SloResult): Recommendation[] {
  const out: Recommendation[] = [];
  const lat = report.latency.all;
  if (report.requests === 0) {
    out.push({
      topic: "errors",
      severity: "bad",
      message: "no request completed: nothing to learn from this run",
    });
    return out;
  }
  if (report.deadTarget) {
    out.push({
      topic: "errors",
      severity: "bad",
      message: `nothing answers at ${report.deadTarget.address} (${report.deadTarget.error}): start the service or fix the URL, then run again`,
    });
    return out;
  }
  if (report.successes === 0) {
    out.push({
      topic: "errors",
      severity: "bad",
      message: `every request failed (${describeErrors(report)}); latency percentiles of successes do not exist${report.errors.tls ? `; ${TLS_ADVICE}` : ""}`,
    });
  } else if (report.errorRate >= 0.01) {
    out.push({
      topic: "errors",
      severity: report.errorRate >= 0.05 ? "bad" : "warn",
      message: `${fmt(report.errorRate * 100)}% of requests failed (${describeErrors(report)}); ${errorAdvice(report)}`,
    });
  }
  // Scaling advice rests on successful responses: a run without any has none to give.
  const ok = report.latency.success;
  if (lat && ok && report.successes > 0 && report.rps > 0) out.push(littlesLaw(report, lat.mean));
  const saturation = findSaturation(report.timeline);
  if (saturation) out.push(saturation);
  if (
    report.mode === "open" &&
    report.rate &&
    report.rps < report.rate * 0.9 &&
    !report.interrupted
  ) {
    out.push({
      topic: "rate",
      severity: "warn",
      message: `the target rate was not reached: ${fmt(report.rps)} of ${fmt(report.rate)} req/s; raise --concurrency (the connection cap) or the target cannot keep up`,
    });
  }
  if (slo) {
    for (const c of slo.checks) {
      if (c.actualMs === null) {
        out.push({
          topic: "slo",
          severity: "bad",
          message: `${c.percentile}: no successful responses to hold against the ${slo.target.name} floor of ${c.floorMs} ms`,
        });
        continue;
      }
      const used = (c.actualMs / c.floorMs) * 100;
      out.push({
        topic: "slo",
        severity: c.passed ? (used > 80 ? "warn" : "info") : "bad",
        message: c.passed
          ? `${c.percentile} ${fmt(c.actualMs)} ms is within the ${slo.target.name} floor of ${c.floorMs} ms (${fmt(c.headroomMs ?? 0)} ms headroom, ${fmt(used, 0)}% of the budget)`
          : `${c.percentile} ${fmt(c.actualMs)} ms is over the ${slo.target.name} floor of ${c.floorMs} ms by ${fmt(-(c.headroomMs ?? 0))} ms`,
      });
    }
  }
  if (report.successes > 0 && report.successes < 100) {
    out.push({
      topic: "samples",
      severity: "warn",
      message: `only ${report.successes} successful responses: p99 and above rest on a handful of samples; run longer`,
    });
  }
  if (report.generator.bottleneck) {
    out.push({
      topic: "generator",
      severity: "warn",
      message: `the load generator may have been the bottleneck (CPU ${report.generator.cpuAvg}% avg on ${report.generator.threads} thread(s), event-loop lag p99 ${report.generator.lagP99Ms} ms): the target may handle more; use --workers or a second machine`,
    });
  }
  return out;
}

function describeErrors(report: LoadReport): string {
  const parts: string[] = [];
  for (const [code, n] of Object.entries(report.statuses)) {
    if (Number(code) >= 400) parts.push(`HTTP ${code} ×${n}`);
  }
  for (const [kind, n] of Object.entries(report.errors) as [ErrorKind, number][])
    parts.push(`${ERROR_LABELS[kind]} ×${n}`);
  return parts.join(", ") || "unexpected statuses";
}

function errorAdvice(report: LoadReport): string {
  const e = report.errors;
  if (e.timeout)
    return "timeouts mean the target queues work: find the slow resource or raise --timeout only if the SLO allows";
  if (e.refused) return "refused connections: the target is down or its accept backlog is full";
  if (e.tls) return TLS_ADVICE;
  if (e.reset)
    return "resets: check the target's keep-alive timeout, connection limits and proxy settings";
  if (Object.keys(report.statuses).some((s) => s.startsWith("5")))
    return "5xx responses: read the target's logs at this load level";
  return "check whether these statuses are expected (--expect-status)";
}

/** Little's law: requests in flight = throughput × latency. */
function littlesLaw(report: LoadReport, meanMs: number): Recommendation {
  const inFlight = report.rps * (meanMs / 1000);
  const base = `Little's law: ${fmt(report.rps)} req/s × ${fmt(meanMs)} ms mean latency ≈ ${fmt(inFlight)} requests in flight`;
  if (report.mode === "closed") {
    // With a ramp the connections in use changed; compare with their average over the run.
    const levels = report.timeline.map((p) => p.level);
    const c = levels.length ? Math.round(avg(levels) * 10) / 10 : report.concurrency;
    if (inFlight < c * 0.8 && !report.generator.bottleneck) {
      return {
        topic: "capacity",
        severity: "warn",
        message: `${base}, but ${c} connections were configured: requests waited on the client side (network, DNS or a slow generator)`,
      };
    }
    const per = meanMs > 0 ? 1000 / meanMs : 0;
    return {
      topic: "capacity",
      severity: "info",
      message: `${base} (of ${c} connections). Each connection gives ≈ ${fmt(per)} req/s at this latency, so N req/s needs ≈ N ÷ ${fmt(per)} concurrent requests if latency holds`,
    };
  }
  const cap = report.concurrency;
  if (inFlight >= cap * 0.9) {
    return {
      topic: "capacity",
      severity: "warn",
      message: `${base}, at the connection cap of ${cap}: requests queued in the generator (latency counts from the intended send time); raise --concurrency`,
    };
  }
  return { topic: "capacity", severity: "info", message: `${base} (connection cap ${cap})` };
}

/**
 * Saturation: a higher load level (ramp stage, or the later part of a steady run) brought
 * more latency but not more throughput.
 */
export function findSaturation(timeline: TimelinePoint[]): Recommendation | undefined {
  const points = timeline.filter((p) => p.requests > 0 && p.p99 !== null);
  if (points.length < 4) return undefined;
  const groups: { level: number; rps: number; p99: number }[] = [];
  for (const p of points) {
    const g = groups[groups.length - 1];
    if (g && g.level === p.level) continue;
    const same = points.filter((q) => q.level === p.level);
    groups.push({
      level: p.level,
      rps: avg(same.map((q) => q.rps)),
      p99: avg(same.map((q) => q.p99!)),
    });
  }
  for (let i = 1; i < groups.length; i++) {
    const a = groups[i - 1]!;
    const b = groups[i]!;
    if (b.level > a.level && b.rps < a.rps * 1.1 && b.p99 > a.p99 * 1.3) {
      return {
        topic: "saturation",
        severity: "warn",
        message: `saturation: going from level ${fmt(a.level, 0)} to ${fmt(b.level, 0)} raised p99 from ${fmt(a.p99)} to ${fmt(b.p99)} ms without more throughput (${fmt(a.rps)} → ${fmt(b.rps)} req/s); capacity is about ${fmt(Math.max(a.rps, b.rps), 0)} req/s`,
      };
    }
  }
  if (groups.length === 1 && points.length >= 6) {
    const third = Math.floor(points.length / 3);
    const first = points.slice(0, third);
    const last = points.slice(-third);
    const rpsA = avg(first.map((p) => p.rps));
    const rpsB = avg(last.map((p) => p.rps));
    const p99A = avg(first.map((p) => p.p99!));
    const p99B = avg(last.map((p) => p.p99!));
    if (p99B > p99A * 1.5 && rpsB < rpsA * 1.05) {
      return {
        topic: "saturation",
        severity: "warn",
        message: `latency climbed during the run (p99 ${fmt(p99A)} → ${fmt(p99B)} ms) while throughput did not (${fmt(rpsA)} → ${fmt(rpsB)} req/s): the target is queuing at this load`,
      };
    }
  }
  return undefined;
}

const avg = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / Math.max(1, xs.length);
