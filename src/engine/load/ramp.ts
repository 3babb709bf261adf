import { UserError } from "../shared/index.js";
import { parseDurationMs } from "./time-units.js";
import type { RampStage } from "./types.js";

export interface ParsedRamp {
  stages: RampStage[];
  /** True when the values were written as requests per second (`100rps`). */
  rate: boolean;
}

/**
 * Parse `--ramp 10s:100,30s:1000`: each stage holds its level for its duration, in order.
 * Values are connections, or requests per second when written `100rps` (or when the run uses `--rate`).
 */
export function parseRamp(text: string): ParsedRamp {
  const parts = text
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length === 0) throw rampError(text);
  let rate = false;
  let plain = false;
  const stages = parts.map((part) => {
    const m = /^([^:]+):\s*(\d+(?:\.\d+)?)\s*(rps|c)?$/i.exec(part);
    if (!m) throw rampError(text);
    const durationMs = parseDurationMs(m[1]!, "--ramp stage");
    const target = Number(m[2]);
    if (durationMs <= 0) throw rampError(text);
    if (m[3]?.toLowerCase() === "rps") rate = true;
    else plain = true;
    return { durationMs, target };
  });
  if (rate && plain && parts.some((p) => /c$/i.test(p))) {
    throw new UserError("--ramp mixes requests/s and connections", {
      hint: "write every stage the same way, e.g. 10s:100rps,30s:1000rps",
    });
  }
  return { stages, rate };
}

function rampError(text: string): UserError {
  return new UserError(`--ramp: "${text}" is not a list of stages`, {
    hint: "write DURATION:LEVEL stages separated by commas, e.g. --ramp 10s:100,30s:1000 (add rps for rates: 10s:200rps)",
  });
}

/** Total length of the stages. */
export function rampDurationMs(stages: RampStage[]): number {
  return stages.reduce((sum, s) => sum + s.durationMs, 0);
}

/** The level in force `elapsedMs` into the measured phase (the last stage holds afterwards). */
export function levelAt(stages: RampStage[], elapsedMs: number): number {
  let end = 0;
  for (const stage of stages) {
    end += stage.durationMs;
    if (elapsedMs < end) return stage.target;
  }
  return stages[stages.length - 1]!.target;
}

/** The 0-based stage in force `elapsedMs` into the measured phase (the last one holds afterwards). */
export function stageAt(stages: RampStage[], elapsedMs: number): number {
  let end = 0;
  for (let i = 0; i < stages.length; i++) {
    end += stages[i]!.durationMs;
    if (elapsedMs < end) return i;
  }
  return stages.length - 1;
}

/** When the level changes next after `elapsedMs` (Infinity after the last stage starts). */
export function nextChangeAt(stages: RampStage[], elapsedMs: number): number {
  let end = 0;
  for (let i = 0; i < stages.length - 1; i++) {
    end += stages[i]!.durationMs;
    if (elapsedMs < end) return end;
  }
  return Number.POSITIVE_INFINITY;
}

/** Share of a ramp for one of `parts` worker threads (levels split, remainder to the first). */
export function splitRamp(stages: RampStage[], parts: number, index: number, whole: boolean) {
  return stages.map((s) => ({
    durationMs: s.durationMs,
    target: splitLevel(s.target, parts, index, whole),
  }));
}

export function splitLevel(total: number, parts: number, index: number, whole: boolean): number {
  if (!whole) return total / parts;
  const base = Math.floor(total / parts);
  return base + (index < total % parts ? 1 : 0);
}
