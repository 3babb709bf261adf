import { existsSync } from "node:fs";
import { UserError } from "../shared/index.js";
import type { LoadReport } from "./types.js";

/** The latency floor a run is judged against. */
export interface SloTarget {
  /** Profile name (for a transcript: the profile the decision picked). */
  name: string;
  source: "profile" | "transcript";
  latencyMs: { p50?: number; p95?: number; p99?: number };
}

export interface SloCheck {
  percentile: "p50" | "p95" | "p99";
  floorMs: number;
  actualMs: number | null;
  passed: boolean;
  /** floor − actual: positive is room left, negative is how far over. */
  headroomMs: number | null;
}

export interface SloResult {
  target: SloTarget;
  checks: SloCheck[];
  passed: boolean;
}

/**
 * `--slo PROFILE` (a profile name from profiles/ or `profilesDir`) or `--slo transcript.md`
 * (a grill transcript: its answers go through the decision engine and the best profile's
 * SLO floor, tightened by the answers, is used).
 */
export async function resolveSlo(spec: string, profilesDir?: string): Promise<SloTarget> {
  const looksLikeFile = /[\\/]|\.md$/i.test(spec) || existsSync(spec);
  if (looksLikeFile) {
    if (!existsSync(spec)) {
      throw new UserError(`--slo: no grill transcript at ${spec}`, {
        hint: "give a profile name (e.g. node-express) or the path of a grill transcript",
      });
    }
    // Loaded only for --slo, so a plain load test does not depend on the other engines.
    const { decide, loadProfiles } = await import("../decision/index.js");
    const { readTranscript } = await import("../grill/index.js");
    const transcript = await readTranscript(spec);
    const decision = decide(transcript.answers, { profiles: await loadProfiles(profilesDir) });
    if (!decision.best) {
      throw new UserError(
        `--slo: the transcript's decision recommends no profile (${decision.status})`,
        {
          hint: `${decision.summary} Or give a profile name, e.g. --slo node-express`,
        },
      );
    }
    const target: SloTarget = {
      name: decision.best.score.profile,
      source: "transcript",
      latencyMs: decision.best.sloFloor.latencyMs,
    };
    return requireLatency(target);
  }
  const { findProfile } = await import("../decision/index.js");
  const profile = await findProfile(spec, profilesDir);
  return requireLatency({
    name: profile.name,
    source: "profile",
    latencyMs: { ...profile.successThresholds.latencyMs },
  });
}

function requireLatency(target: SloTarget): SloTarget {
  const { p50, p95, p99 } = target.latencyMs;
  if (p50 === undefined && p95 === undefined && p99 === undefined) {
    throw new UserError(`profile ${target.name} sets no latency thresholds`, {
      hint: "add successThresholds.latencyMs (p50/p95/p99 in ms) to the profile",
    });
  }
  return target;
}

/** Judge a run's successful-response latency against the floor. */
export function judgeSlo(report: LoadReport, target: SloTarget): SloResult {
  const checks: SloCheck[] = [];
  for (const percentile of ["p50", "p95", "p99"] as const) {
    const floorMs = target.latencyMs[percentile];
    if (floorMs === undefined) continue;
    const actualMs = report.latency.success?.[percentile] ?? null;
    checks.push({
      percentile,
      floorMs,
      actualMs,
      passed: actualMs !== null && actualMs <= floorMs,
      headroomMs: actualMs === null ? null : Math.round((floorMs - actualMs) * 1000) / 1000,
    });
  }
  return { target, checks, passed: checks.every((c) => c.passed) };
}
