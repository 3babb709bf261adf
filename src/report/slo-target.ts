import { existsSync } from "node:fs";
import type { SloTarget } from "../engine/load/index.js";
import { UserError } from "../engine/shared/index.js";

/**
 * `--slo PROFILE` (a profile name from profiles/ or `profilesDir`) or `--slo transcript.md`
 * (a grill transcript: its answers go through the decision engine and the best profile's
 * SLO floor, tightened by the answers, is used).
 */
export async function resolveSlo(spec: string, profilesDir?: string): Promise<SloTarget> {
  // Loaded when asked for: the decision engine (schema validation, YAML) would otherwise load
  // with every `load` run, --slo or not.
  const { decide, findProfile, loadProfiles } = await import("../engine/decision/index.js");
  const looksLikeFile = /[\\/]|\.md$/i.test(spec) || existsSync(spec);
  if (looksLikeFile) {
    if (!existsSync(spec)) {
      throw new UserError(`--slo: no grill transcript at ${spec}`, {
        hint: "give a profile name (e.g. node-express) or the path of a grill transcript",
      });
    }
    const { readTranscript } = await import("../engine/grill/index.js");
    const transcript = await readTranscript(spec);
    const decision = decide(transcript.answers, { profiles: await loadProfiles(profilesDir) });
    if (!decision.best) {
      throw new UserError(
        `--slo: the transcript's decision recommends no profile (${decision.status})`,
        { hint: `${decision.summary} Or give a profile name, e.g. --slo node-express` },
      );
    }
    const target: SloTarget = {
      name: decision.best.score.profile,
      source: "transcript",
      latencyMs: decision.best.sloFloor.latencyMs,
    };
    return requireLatency(target);
  }
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
